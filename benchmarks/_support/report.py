"""Printing the figures: checks, ratios against targets, tables of two variants side by side."""

import time


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def check(text: str, ok: bool) -> bool:
    """Print a check of the data or of the result (it does not fail the benchmark)."""
    print(f"  check {'ok  ' if ok else 'FAIL'} {text}")
    return ok


def ratio(slow: float, fast: float) -> float:
    return slow / fast if fast else float("inf")


def side_by_side(
    label: str, fast: str, slow: str, ratio_label: str, rows: dict, widths=(12, 10, 15)
) -> None:
    """A table of two variants, one row per size: each variant's median ms and SQL queries,
    then slow / fast. ``rows`` maps a size to the results of :func:`measure.compare` by
    variant; ``widths`` are those of the two ms columns and of the ratio."""
    fast_width, slow_width, ratio_width = widths
    print(
        f"\n  {label:>10} {fast + ' ms':>{fast_width}} {'SQL':>5} {slow + ' ms':>{slow_width}} "
        f"{'SQL':>5} {ratio_label:>{ratio_width}}"
    )
    for size, info in rows.items():
        quick, slower = info[fast], info[slow]
        print(
            f"  {size:10d} {quick['median']:{fast_width}.2f} {quick['queries']:5d} "
            f"{slower['median']:{slow_width}.2f} {slower['queries']:5d} "
            f"{ratio(slower['median'], quick['median']):{ratio_width - 1}.2f}x"
        )


def took(script: str, started: float) -> None:
    """The benchmark's own run time, from ``started`` (``time.perf_counter()``)."""
    print(f"\n{script} took {time.perf_counter() - started:.0f} s")
