"""The map's GeoJSON feed against the Wagtail API v2 and a raw queryset, at 100, 10,000 and
100,000 opportunities, on SQLite or (with ``DATABASE_URL``) PostgreSQL.

For each N a fresh throwaway database is filled, then these are timed side by side with
Django's test client (median of several repetitions after a warm-up):

- feed cold:    GET /map/geojson/ right after the map cache is invalidated
- feed cached:  the same request again (cache warm); and with If-None-Match (304)
- points cold:  GET /map/points/ (the compact feed the map draws) with Accept-Encoding: gzip,
                right after the map cache is invalidated: built and compressed
- points cached: the same request again (the compressed bytes come from the cache)
- API v2 paged: /api/v2/pages/?type=...OpportunityPage&fields=... paged 20 at a time
                (WAGTAILAPI_LIMIT_MAX's default) until all N have been fetched (up to 10,000)
- API v2 one:   the same in one request, WAGTAILAPI_LIMIT_MAX = None: the best configuration
                a developer could choose, and the comparison the ratio is about
- floor:        OpportunityPage.objects.live().values(...) through json.dumps

SQL queries are counted in the warm-up run (CaptureQueriesContext around each request); the
timed runs are not instrumented. Targets are printed with PASS/MISS for information; the exit status is 0.

Run: make bench  (or .venv/bin/python benchmarks/map_feed.py from the repository root)
"""

import gc
import gzip
import json
import statistics
import sys
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import timed_ms  # noqa: E402
from _support.report import ratio, took, verdict  # noqa: E402

SIZES = (100, 10_000, 100_000)
REPETITIONS = {100: 15, 10_000: 5, 100_000: 3}  # other sizes: 5
API_REPETITIONS = {100: 15, 10_000: 3}  # paged: 5,000 requests a run at 100,000 would take hours
# In one request: at 100,000 a run takes minutes, dozens of times the feed's time, so one
# timed run (after the warm-up) tells the ratio as well as three would.
API_ONE_REPETITIONS = {100_000: 1}
API_FIELDS = "title,latitude,longitude,is_free,interests"
API_URL = "/api/v2/pages/?type=wagtail_cityoflearning.OpportunityPage&fields={fields}&limit={limit}&offset={offset}"
# The feed's targets against the query floor and the cached feed hold from this many
# opportunities (the sizes the targets are about: 10,000 and 100,000).
FLOOR_TARGET_FROM = 10_000
FLOOR_FIELDS = ("pk", "title", "url_path", "latitude", "longitude", "is_free")


@dataclass
class Sample:
    label: str
    median_ms: float
    queries: int
    bytes: int
    runs: int
    note: str = ""


class QueryCounter:
    """Counts SQL queries with CaptureQueriesContext, one context per request.

    The connection's query log keeps at most 9,000 queries and a context only sees what
    the log grew by, so the log is emptied before each request: the API paging at 10,000
    opportunities makes more than 9,000 queries.
    """

    def __init__(self):
        self.active = False
        self.total = 0

    @contextmanager
    def __call__(self):
        if not self.active:
            yield
            return
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            yield
        self.total += len(captured.captured_queries)


queries = QueryCounter()


def measure(label, run, repetitions, before=None):
    """Median wall time of ``run(describe=False)`` over ``repetitions`` timed runs.

    ``run`` returns (bytes, note). A warm-up run comes first; it also counts the queries
    and writes the note, so the timed runs do nothing but the work.
    """
    if before:
        before()
    queries.active, queries.total = True, 0
    try:
        size, note = run(describe=True)
    finally:
        queries.active = False
    counted = queries.total
    times = []
    for _ in range(repetitions):
        if before:
            before()
        gc.collect()
        times.append(timed_ms(lambda: run(describe=False)))
    return Sample(label, statistics.median(times), counted, size, repetitions, note)


def benchmark(n: int) -> dict:
    from django.test import Client, override_settings

    from wagtail_cityoflearning.map import cache as map_cache
    from wagtail_cityoflearning.models import OpportunityPage

    environment.fresh_database()
    result = filler.fill(n)
    print(f"\nN = {n:,}: filled in {result.seconds:.1f} s")
    for step, seconds in result.steps.items():
        print(f"  {step:<44} {seconds:6.2f} s")
    filler.verify(result)

    client = Client(HTTP_HOST="localhost")
    feed_url = result.map_page.url + "geojson/"
    points_url = result.map_page.url + "points/"
    reps = REPETITIONS.get(n, 5)

    def get(url, **headers):
        with queries():
            return client.get(url, **headers)

    def feed(describe):
        response = get(feed_url)
        assert response.status_code == 200, response.status_code
        if not describe:
            return len(response.content), ""
        return len(response.content), f"{len(json.loads(response.content)['features'])} features"

    def points(describe):
        response = get(points_url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, response.status_code
        assert response["Content-Encoding"] == "gzip"
        if not describe:
            return len(response.content), ""
        body = gzip.decompress(response.content)
        count = len(json.loads(body)["ids"])
        return len(response.content), f"{count} points, {len(body):,} bytes unpacked"

    def conditional(describe):
        response = get(feed_url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, response.status_code
        return len(response.content), "304 Not Modified"

    def api(describe):
        # Page as a client does: 20 at a time (the API's maximum) until total_count.
        total, offset, size, items, requests = None, 0, 0, 0, 0
        while total is None or offset < total:
            response = get(API_URL.format(fields=API_FIELDS, limit=20, offset=offset))
            assert response.status_code == 200, response.status_code
            requests += 1
            size += len(response.content)
            data = json.loads(response.content)
            total = data["meta"]["total_count"]
            items += len(data["items"])
            offset += 20
            if not data["items"]:
                break
        return size, f"{items} items in {requests} requests"

    def api_at_once(describe):
        with override_settings(WAGTAILAPI_LIMIT_MAX=None):
            response = get(API_URL.format(fields=API_FIELDS, limit=n, offset=0))
        assert response.status_code == 200, response.status_code
        if not describe:
            return len(response.content), ""
        return len(response.content), f"{len(json.loads(response.content)['items'])} items"

    def floor(describe):
        with queries():
            rows = list(OpportunityPage.objects.live().values(*FLOOR_FIELDS))
        return len(json.dumps(rows).encode()), f"{len(rows)} rows"

    samples = {}
    samples["feed cold"] = measure("feed cold", feed, reps, before=map_cache.invalidate)
    samples["feed cached"] = measure("feed cached", feed, reps)
    etag = client.get(feed_url)["ETag"]
    samples["feed 304"] = measure("feed If-None-Match", conditional, reps)
    samples["points cold"] = measure(
        "points cold (gzip)", points, reps, before=map_cache.invalidate
    )
    samples["points cached"] = measure("points cached (gzip)", points, reps)
    started = time.perf_counter()
    if n in API_REPETITIONS:
        samples["API v2"] = measure("API v2 (paged by 20)", api, API_REPETITIONS[n])
    api_seconds = time.perf_counter() - started
    samples["API v2 one"] = measure(
        "API v2 (one request)", api_at_once, API_ONE_REPETITIONS.get(n, reps)
    )
    samples["floor"] = measure("floor (values + json)", floor, reps)

    print(f"\n  {'':<24} {'median ms':>10} {'SQL':>7} {'bytes':>11}  runs  notes")
    for sample in samples.values():
        print(
            f"  {sample.label:<24} {sample.median_ms:10.2f} {sample.queries:7d} "
            f"{sample.bytes:11,d}  {sample.runs:4d}  {sample.note}"
        )
    if "API v2" in samples:
        print(f"  (API v2 paged timing took {api_seconds:.0f} s in all)")
    breakdown(result.map_page, reps)
    return samples


def breakdown(map_page, repetitions: int) -> None:
    """Where a cold feed's time goes, outside the request.

    "filters" is building the filter set and its queryset (including the queries that
    takes); "SQL" is executing the feed's query (SQLite computes the whole sorted result
    before ``execute`` returns); "rows to text" is fetching and converting the rows and
    writing the GeoJSON text (``opportunity_geojson``, as the feed does); then the same for
    the compact points ("points SQL", "points rows to text", "gzip").
    """
    from django.db import connection
    from django.test import RequestFactory

    from wagtail_cityoflearning.map.feeds import (
        compress,
        cycle_collection_paused,
        opportunity_geojson,
        opportunity_points,
        points_body,
    )

    page = map_page.specific
    request = RequestFactory().get(page.url + "geojson/", HTTP_HOST="localhost")
    root_url_path = page.get_listing_root().url_path
    parts = {
        "filters": [],
        "SQL": [],
        "rows to text": [],
        "points SQL": [],
        "points rows to text": [],
        "gzip": [],
    }
    for _ in range(repetitions + 1):
        sql = [0.0]

        def timed(execute, query, params, many, context, sql=sql):
            started = time.perf_counter()
            try:
                return execute(query, params, many, context)
            finally:
                sql[0] += time.perf_counter() - started

        gc.collect()
        started = time.perf_counter()
        filterset = page.get_filterset(request, use_defaults=False)
        filterset.is_valid()
        queryset = filterset.qs
        mark = time.perf_counter()
        parts["filters"].append((mark - started) * 1000)
        with connection.execute_wrapper(timed), cycle_collection_paused():  # as the view
            opportunity_geojson(queryset, root_url_path)
        elapsed = time.perf_counter() - mark
        parts["SQL"].append(sql[0] * 1000)
        parts["rows to text"].append((elapsed - sql[0]) * 1000)
        sql[0] = 0.0
        mark = time.perf_counter()
        with connection.execute_wrapper(timed), cycle_collection_paused():
            body = points_body(opportunity_points(queryset, root_url_path))
        elapsed = time.perf_counter() - mark
        parts["points SQL"].append(sql[0] * 1000)
        parts["points rows to text"].append((elapsed - sql[0]) * 1000)
        mark = time.perf_counter()
        compress(body)
        parts["gzip"].append((time.perf_counter() - mark) * 1000)
    summary = ", ".join(f"{name} {statistics.median(v[1:]):.1f}" for name, v in parts.items())
    print(f"  feed cold outside the request, median ms: {summary}")
    # The memory a cold feed takes while it is built (the rows, the features and the JSON).
    tracemalloc.start()
    try:
        filterset = page.get_filterset(request, use_defaults=False)
        filterset.is_valid()
        body = opportunity_geojson(filterset.qs, root_url_path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(
        f"  feed cold peak Python memory: {peak / 2**20:.1f} MiB for a {len(body) / 2**20:.1f} MiB body"
    )


def report(results: dict) -> None:
    print(f"\nTargets on {environment.backend()} (information only)")
    for n, samples in results.items():
        cold = samples["feed cold"].median_ms
        at_once = ratio(samples["API v2 one"].median_ms, cold)
        floor = ratio(cold, samples["floor"].median_ms)
        cached = ratio(cold, samples["feed cached"].median_ms)
        points = ratio(samples["points cold"].median_ms, samples["floor"].median_ms)
        print(f"  N = {n:,}")
        if "API v2" in samples:
            paged = ratio(samples["API v2"].median_ms, cold)
            print(f"    API v2 paged / feed cold   {paged:8.1f}x   (the API's default limit)")
        print(
            f"    API v2 one / feed cold     {at_once:8.1f}x   target >= 1x   {verdict(at_once >= 1)}"
        )
        if n < FLOOR_TARGET_FROM:
            # A few milliseconds of any request (the filters' form, the middleware) against
            # a query of a hundred rows: the ratios say nothing about the feed's own work.
            for label, value in (
                ("feed cold / floor", floor),
                ("feed cold / feed cached", cached),
                ("points cold / floor", points),
            ):
                print(f"    {label:<26} {value:8.1f}x   (a request's fixed cost; no target)")
            continue
        print(
            f"    feed cold / floor          {floor:8.1f}x   target <= 2x   {verdict(floor <= 2)}"
        )
        print(
            f"    feed cold / feed cached    {cached:8.1f}x   target >= 10x  {verdict(cached >= 10)}"
        )
        print(
            f"    points cold / floor        {points:8.1f}x   target <= 2x   {verdict(points <= 2)}"
        )
    if len(results) > 1:
        counts = {n: samples["feed cold"].queries for n, samples in results.items()}
        same = len(set(counts.values())) == 1
        listed = " vs ".join(f"{q} at {n:,}" for n, q in counts.items())
        print(f"  feed cold SQL queries: {listed}   target: equal  {verdict(same)}")


def main() -> int:
    started = time.perf_counter()
    # Sizes may be given, e.g. `benchmarks/map_feed.py 100 10000` (default: all three).
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or SIZES
    results = {}
    with environment.throwaway():
        for n in sizes:
            results[n] = benchmark(n)
        report(results)
    took("map_feed.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
