"""Which indexes the map's filters use at 100,000 opportunities, read from the query plans.

One throwaway database is filled with N = 100,000 opportunities (on SQLite, or on PostgreSQL
when ``DATABASE_URL`` names a server: see ``_support/environment.py``). For each filter below
the map's GeoJSON feed is requested cold with Django's test client, the feed's own query (the
one that keeps the opportunities with a point) is taken as it was sent, and the database is
asked how it runs it:

- PostgreSQL: ``EXPLAIN (ANALYZE, FORMAT JSON)``; every ``Seq Scan`` node is listed; when
  the planner chose one for a filter, the plan it makes with ``enable_seqscan = off`` is run
  too: the full scan passes when that plan reads only indexes and is no quicker (the
  planner was right: a filter that keeps a tenth of the map reads many rows either way);
- SQLite: ``EXPLAIN QUERY PLAN``; every ``SCAN`` of a table is listed (a ``SEARCH`` uses an
  index to find the rows; a ``SCAN``, even one "USING INDEX", reads all of them).

Only scans of the big tables count (pages, opportunities, sessions' occurrences, the
interest links): a scan of the interests or the providers (dozens of rows) is cheap. The
filters: no filter (the whole map; a full scan is what it should do, reported for
comparison), a 1 km square in the centre (``bbox``), today (``when=today``), one interest, and
all three together. Each row also has the feed's cold median over 5 requests and its
features.

The verdicts are printed for information; the exit status is 0. Run: make bench (or
.venv/bin/python benchmarks/map_indexes.py from the repository root).
"""

import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import timed_ms  # noqa: E402
from _support.report import took, verdict  # noqa: E402

N = 100_000
REPETITIONS = 5
CENTRE = filler.CENTRE
# A 1 km square around the centre: about 1.5 % of the opportunities.
HALF_LAT, HALF_LNG = 0.0045, 0.0065
# The planner's full scan is accepted when it is no more than this much slower than the plan
# on indexes (both are measured, and measurements of a few milliseconds vary).
CHOICE_SLACK = 1.1
BIG_TABLES = (
    "wagtailcore_page",
    "wagtail_cityoflearning_opportunitypage",
    "wagtail_cityoflearning_opportunityoccurrence",
    "wagtail_cityoflearning_opportunitypage_interests",
)


def filters(interest_slug: str) -> dict:
    bbox = ",".join(
        f"{value:.5f}"
        for value in (
            CENTRE[1] - HALF_LNG,
            CENTRE[0] - HALF_LAT,
            CENTRE[1] + HALF_LNG,
            CENTRE[0] + HALF_LAT,
        )
    )
    return {
        "no filter (whole map)": "",
        "bbox (1 km square)": f"bbox={bbox}",
        "date window (today)": "when=today",
        "one interest": f"interest={interest_slug}",
        "all three": f"bbox={bbox}&when=today&interest={interest_slug}",
    }


def _postgresql_plan(sql: str, seqscan: bool = True) -> tuple[list[str], list[str], float]:
    """The Seq Scan nodes' tables, the plan's steps and its execution time (the quicker of
    two runs, the first one reading what is not yet in memory), as EXPLAIN ANALYZE gives
    them; with ``seqscan`` False, the plan PostgreSQL makes with sequential scans disabled
    (``enable_seqscan = off``, in a transaction of its own)."""
    from django.db import connection, transaction

    runs = []
    for _ in range(2):
        with transaction.atomic(), connection.cursor() as cursor:
            if not seqscan:
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
        runs.append(json.loads(plan) if isinstance(plan, str) else plan)
    plan = min(runs, key=lambda plan: plan[0].get("Execution Time", 0))
    scans, steps = [], []

    def walk(node):
        kind, relation = node.get("Node Type"), node.get("Relation Name")
        if kind == "Seq Scan":
            scans.append(relation or "?")
        if relation:
            index = node.get("Index Name")
            steps.append(f"{kind} on {relation}" + (f" using {index}" if index else ""))
        for child in node.get("Plans", ()):
            walk(child)

    walk(plan[0]["Plan"])
    return scans, steps, plan[0].get("Execution Time", 0)


def postgresql_scans(sql: str) -> tuple[list[str], str, dict | None]:
    scans, steps, took = _postgresql_plan(sql)
    detail = f"{took:.1f} ms in the database: " + "; ".join(steps[:6])
    detail += " ..." if len(steps) > 6 else ""
    forced = None
    if any(scan in BIG_TABLES for scan in scans):
        # The planner chose to read a big table whole: is there a plan on indexes, and is
        # it slower (a filter that keeps a tenth of the map reads many rows either way)?
        forced_scans, forced_steps, forced_took = _postgresql_plan(sql, seqscan=False)
        forced = {
            "scans": [scan for scan in forced_scans if scan in BIG_TABLES],
            "ms": forced_took,
            "chosen ms": took,
            "steps": "; ".join(forced_steps[:6]) + (" ..." if len(forced_steps) > 6 else ""),
        }
    return scans, detail, forced


SQLITE_SCAN = re.compile(r"^SCAN (\w+)")


def sqlite_scans(sql: str) -> tuple[list[str], str, None]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        details = [row[-1] for row in cursor.fetchall()]
    scans = []
    for detail in details:
        match = SQLITE_SCAN.match(detail)
        if match:
            scans.append(match.group(1) + (" (whole index)" if "INDEX" in detail else ""))
    return scans, "; ".join(details[:6]) + (" ..." if len(details) > 6 else ""), None


FEED_CONDITION = '"wagtail_cityoflearning_opportunitypage"."latitude" IS NOT NULL'


def feed_query(client, url: str) -> tuple[str, int, int]:
    """The feed's SQL in a cold feed request, the request's query count and features."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_cityoflearning.map import cache as map_cache

    map_cache.invalidate()
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    features = len(json.loads(response.content)["features"])
    # The feed's own query: the one that keeps opportunities with a point on the map.
    feed = [q["sql"] for q in captured.captured_queries if FEED_CONDITION in q["sql"]]
    assert len(feed) == 1, f"{url}: {len(feed)} queries with {FEED_CONDITION}"
    return feed[0], len(captured.captured_queries), features


def main() -> int:
    started = time.perf_counter()
    n = int(sys.argv[1]) if len(sys.argv) > 1 else N  # another size, e.g. 1000 to try it
    with environment.throwaway("col-indexes-bench-"):
        from django.db import connection
        from django.test import Client

        from wagtail_cityoflearning.map import cache as map_cache
        from wagtail_cityoflearning.models import Interest

        result = filler.fill(n)
        print(f"N = {n:,}: filled in {result.seconds:.1f} s", flush=True)
        filler.verify(result)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the statistics a planner would have after a day
        explain = postgresql_scans if connection.vendor == "postgresql" else sqlite_scans
        client = Client(HTTP_HOST="localhost")
        feed_url = result.map_page.url + "geojson/"
        interest = Interest.objects.order_by("pk").first()
        rows = []
        for label, query in filters(interest.slug).items():
            url = f"{feed_url}?{query}" if query else feed_url
            sql, count, features = feed_query(client, url)
            scans, detail, forced = explain(sql)
            big = [scan for scan in scans if scan.split(" ")[0] in BIG_TABLES]
            times = []
            for _ in range(REPETITIONS):
                times.append(timed_ms(lambda url=url: (map_cache.invalidate(), client.get(url))))
            rows.append((label, features, count, statistics.median(times), big, detail, forced))

        print(f"\nThe feed's query plan at N = {n:,} on {environment.backend()}")
        print(f"  {'filter':<24} {'features':>8} {'SQL':>4} {'cold ms':>9}  scans of big tables")
        for label, features, count, median, big, _detail, _forced in rows:
            print(
                f"  {label:<24} {features:8,d} {count:4d} {median:9.1f}  {', '.join(big) or 'none'}"
            )
        print("\n  Plans:")
        for label, *_, detail, forced in rows:
            print(f"  {label}: {detail}")
            if forced is not None:
                print(
                    f"    with sequential scans off: {forced['ms']:.1f} ms in the database: "
                    f"{forced['steps']}"
                )
        print(
            "\nTargets (information only): no full scan of a big table for a filter, unless"
            "\nthe planner chose it over a plan on indexes that is no quicker (PostgreSQL, with"
            "\nsequential scans off: a filter that keeps a tenth of the map reads many rows)"
        )
        for label, _features, _count, _median, big, _detail, forced in rows[1:]:
            if not big:
                print(f"  {label:<24} {verdict(True)}   no full scan")
                continue
            if forced is None:
                print(f"  {label:<24} {verdict(False)}   full scan of {', '.join(big)}")
                continue
            indexed = not forced["scans"]
            quicker = forced["chosen ms"] <= forced["ms"] * CHOICE_SLACK
            print(
                f"  {label:<24} {verdict(indexed and quicker)}   full scan of {', '.join(big)} "
                f"chosen: {forced['chosen ms']:.1f} ms against {forced['ms']:.1f} ms on indexes"
                + ("" if indexed else f" (still a full scan of {', '.join(forced['scans'])})")
            )
    took("map_indexes.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
