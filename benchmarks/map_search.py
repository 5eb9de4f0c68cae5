"""The map's text filter (``?q=``) at 100,000 opportunities: Wagtail's database search backend
on SQLite (FTS5) or, with ``DATABASE_URL``, on PostgreSQL (its full-text search), against the
filter a developer would otherwise write (``icontains`` on the title and the summary, every
word).

One throwaway database is filled with N = 100,000 opportunities (a size can be given), and
their search index is built as ``manage.py update_index`` builds it (in chunks of 1,000;
its time is printed: the cost of indexing a city that grows by bulk imports). Then for each
search below the map's GeoJSON feed is requested cold (the map cache invalidated first) with
Django's test client: median over 5 requests after one counted in SQL, the features found,
and the same feed with the ``icontains`` filter in place of the search. The searches: one
topic word (about 5 % of the opportunities), two words (about 0.6 %), a word of every fifth
summary (20 %) and a word of none.

The search backend's own query is explained (``EXPLAIN (ANALYZE, FORMAT JSON)`` on PostgreSQL,
``EXPLAIN QUERY PLAN`` on SQLite) and its full scans of the index table are listed.

Verdicts are printed for information; the exit status is 0. Run: make bench (or
.venv/bin/python benchmarks/map_search.py from the repository root).
"""

import json
import re
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import timed_ms  # noqa: E402
from _support.report import ratio, took, verdict  # noqa: E402

N = 100_000
REPETITIONS = 5
CHUNK = 1_000
SEARCHES = {
    "one word (5 %)": "chess",
    "two words (0.6 %)": "chess club",
    "summary word (20 %)": "mentor",
    "no match": "xylophone",
}
INDEX_TABLES = ("wagtailsearch_indexentry", "wagtailsearch_sqliteftsindexentry")


def build_index() -> tuple[float, int]:
    """Index every opportunity as ``update_index`` does; seconds and entries."""
    from wagtail.search.backends import get_search_backend

    from wagtail_cityoflearning.models import OpportunityPage

    started = time.perf_counter()
    backend = get_search_backend()
    index = backend.get_index_for_model(OpportunityPage)
    queryset = OpportunityPage.get_indexed_objects().order_by("pk")
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        index.add_items(OpportunityPage, list(queryset.filter(pk__in=ids[start : start + CHUNK])))
    return time.perf_counter() - started, len(ids)


def icontains_filter(self, queryset, name, value):
    """The text filter a developer would write without a search backend: every word in the
    title or the summary, in any case."""
    from django.db.models import Q

    from wagtail_cityoflearning.search import sanitise_query

    for word in sanitise_query(value).split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return queryset


def explain(sql: str, params) -> tuple[list[str], str]:
    """Full scans of the search index's table in the plan of ``sql``, and a short plan."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            scans, steps = [], []

            def walk(node):
                relation = node.get("Relation Name")
                if node.get("Node Type") == "Seq Scan":
                    scans.append(relation or "?")
                if relation:
                    index = node.get("Index Name")
                    steps.append(
                        f"{node['Node Type']} on {relation}" + (f" using {index}" if index else "")
                    )
                for child in node.get("Plans", ()):
                    walk(child)

            walk(plan[0]["Plan"])
            took_ms = plan[0].get("Execution Time", 0)
            return scans, f"{took_ms:.1f} ms in the database: " + "; ".join(steps[:6])
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        details = [row[-1] for row in cursor.fetchall()]
    scans = [m.group(1) for d in details if (m := re.match(r"^SCAN (\w+)", d))]
    return scans, "; ".join(details[:6])


def search_query(text: str):
    """The SQL of the text filter's search (the subquery the feed's query holds)."""
    from wagtail_cityoflearning.models import OpportunityPage

    results = (
        OpportunityPage.objects.live()
        .only("pk")
        .search(text, operator="and", order_by_relevance=False)
    )
    return results.get_queryset().values("pk").query.sql_with_params()


def main() -> int:
    started = time.perf_counter()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N
    with environment.throwaway("col-search-bench-"):
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from wagtail_cityoflearning.map import cache as map_cache
        from wagtail_cityoflearning.map.filters import OpportunityFilter

        result = filler.fill(n)
        print(f"N = {n:,}: filled in {result.seconds:.1f} s", flush=True)
        seconds, entries = build_index()
        print(f"Search index: {entries:,} opportunities in {seconds:.1f} s", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        client = Client(HTTP_HOST="localhost")
        feed_url = result.map_page.url + "geojson/"

        def cold(url):
            map_cache.invalidate()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        def measure(url):
            map_cache.invalidate()
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                response = cold(url)
            queries = len(captured.captured_queries)  # read now: the log is a bounded queue
            features = len(json.loads(response.content)["features"])
            times = [timed_ms(lambda: cold(url)) for _ in range(REPETITIONS)]
            return statistics.median(times), queries, features

        rows = []
        for label, text in SEARCHES.items():
            url = f"{feed_url}?q={text.replace(' ', '+')}"
            search = measure(url)
            with mock.patch.object(OpportunityFilter, "filter_q", icontains_filter):
                naive = measure(url)
            sql, params = search_query(text)
            scans, plan = explain(sql, params)
            rows.append((label, text, search, naive, scans, plan))

        whole = measure(feed_url)
        print(f"\nThe map's text filter at N = {n:,} on {environment.backend()}")
        print(f"  the whole map, no filter: {whole[0]:.1f} ms cold, {whole[2]:,} features")
        print(
            f"  {'search':<22} {'features':>8} {'SQL':>4} {'search ms':>10} "
            f"{'icontains ms':>13} {'found':>8} {'icontains/search':>17}"
        )
        for label, _text, search, naive, _scans, _plan in rows:
            print(
                f"  {label:<22} {search[2]:8,d} {search[1]:4d} {search[0]:10.1f} "
                f"{naive[0]:13.1f} {naive[2]:8,d} {ratio(naive[0], search[0]):16.1f}x"
            )
        print("\n  The search backend's query plans:")
        for label, text, *_rest, plan in rows:
            print(f"  {label} ({text!r}): {plan}")
        print(
            "\nTargets (information only): the search reads its index, not every entry; "
            "it is faster than icontains"
        )
        for label, _text, search, naive, scans, _plan in rows:
            full = [scan for scan in scans if scan in INDEX_TABLES]
            print(
                f"  {label:<22} index read: {verdict(not full)}"
                f"   faster than icontains: {verdict(search[0] <= naive[0])}"
            )
    took("map_search.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
