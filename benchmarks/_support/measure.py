"""Timing and counting: wall time in milliseconds, SQL queries, medians and percentiles, and
variants timed side by side."""

import gc
import statistics
import time
from contextlib import nullcontext


def timed_ms(run) -> float:
    """The wall time of ``run()``, in milliseconds."""
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def count_queries(run):
    """``run()``'s result and the number of SQL queries it made."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        result = run()
    return result, len(captured.captured_queries)


def percentile(values, q):
    """The q-th percentile (0-100) with linear interpolation; NaN without values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def compare(get, names, *, runs: int, warm_up: int, contexts=None) -> dict:
    """Time ``get(name)`` for each of ``names`` side by side.

    For each name in turn: ``warm_up`` calls, then one more counting its SQL queries (its
    result is kept). Then ``runs`` rounds calling each name once, interleaved so that drift
    on a shared machine hits all alike, each after a garbage collection. ``contexts`` maps a name to a context manager factory
    entered around its calls (not timed). Returns, by name, ``queries``, ``response`` (the
    counted call's result), ``times`` (ms) and their ``median``.
    """
    contexts = contexts or {}
    info = {}
    for name in names:
        with contexts.get(name, nullcontext)():
            for _ in range(warm_up):
                get(name)
            response, queries = count_queries(lambda name=name: get(name))
        info[name] = {"queries": queries, "response": response, "times": []}
    for _ in range(runs):
        for name in names:
            with contexts.get(name, nullcontext)():
                # Each timed call starts with the garbage of the others collected: an
                # interleaved neighbour's leftovers would otherwise fall on whoever is next.
                gc.collect()
                info[name]["times"].append(timed_ms(lambda name=name: get(name)))
    for values in info.values():
        values["median"] = statistics.median(values["times"])
    return info
