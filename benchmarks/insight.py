"""The statistics dashboard's sections at two sizes of city, against exporting the raw rows and
counting them by hand.

For each size (small: 1,000 opportunities, 5,000 learners, 20,000 awards; issue: 10,000,
50,000 and 200,000), a fresh database is filled in bulk (``_support/fill.py`` for the city and
its opportunities, ``_support/insight_fill.py`` for learners, playlists, progress, evidence,
attendance and awards). Then every section the ``cityoflearning_insight_sections`` hook gives
is built for the city's scope and for one provider's (the one with most awards), over the last
365 days: one warm-up call counting its SQL queries, then the median of a few calls.

Side by side, the alternative a user would pick: the raw rows of the same scope exported with
one ``values_list`` query each (learners with their interests, enrolments with their steps,
awards, evidence) and counted in Python in one pass, as a spreadsheet would.

It prints, per section and scope, milliseconds and SQL queries at each size and the ratio
between the sizes; the export's time and its ratio. Nothing fails on timings.

Run: make bench  (or .venv/bin/python benchmarks/insight.py --sizes small,issue)
"""

import argparse
import gc
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment, insight_fill  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import count_queries, timed_ms  # noqa: E402
from _support.report import check, ratio, took, verdict  # noqa: E402

SIZES = {
    "small": {"opportunities": 1_000, "learners": 5_000, "awards": 20_000},
    "issue": {"opportunities": 10_000, "learners": 50_000, "awards": 200_000},
}
RUNS = {"small": 5, "issue": 3}
PERIOD_DAYS = 365


# -- the city ------------------------------------------------------------------------------


def build(size: str) -> dict:
    wanted = SIZES[size]
    environment.fresh_database()
    mark = time.perf_counter()
    city = filler.fill(wanted["opportunities"])
    opportunities_seconds = time.perf_counter() - mark
    mark = time.perf_counter()
    people = insight_fill.fill_people(city, learners=wanted["learners"], awards=wanted["awards"])
    people_seconds = time.perf_counter() - mark
    print(
        f"  {wanted['opportunities']:,} opportunities and {len(city.providers)} providers in "
        f"{opportunities_seconds:.1f} s; {people.learners:,} learners, {people.playlists:,} "
        f"playlists, {people.enrolments:,} enrolments, {people.progress:,} steps of progress "
        f"({people.waiting:,} waiting for review), {people.attendance:,} attendances, "
        f"{people.awards:,} awards of {people.badge_classes} badges in {people_seconds:.1f} s",
        flush=True,
    )
    for step, seconds in people.steps.items():
        print(f"    {step:<36} {seconds:6.1f} s")
    return {"city": city, "people": people}


def scopes(city) -> dict:
    from django.db.models import Count
    from wagtail.models import Page

    from wagtail_cityoflearning.badges.models import Award
    from wagtail_cityoflearning.insight.scope import Scope
    from wagtail_cityoflearning.learners.accounts.models import today

    end = today()
    start = end.fromordinal(end.toordinal() - PERIOD_DAYS + 1)
    busiest = (
        Award.objects.filter(badge_class__issuer__provider__isnull=False)
        .values("badge_class__issuer__provider")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    provider = Page.objects.get(pk=busiest["badge_class__issuer__provider"]).specific
    return {
        "city": Scope(site=city.site, provider=None, start=start, end=end),
        "provider": Scope(site=city.site, provider=provider, start=start, end=end),
    }


# -- the dashboard's sections --------------------------------------------------------------


def time_sections(scope, runs: int) -> dict:
    """Each hook's section for ``scope``: SQL queries of a warm-up call, median ms of ``runs``."""
    from wagtail import hooks

    from wagtail_cityoflearning.insight.figures import SECTIONS_HOOK

    results = {}
    for make in hooks.get_hooks(SECTIONS_HOOK):
        section, queries = count_queries(lambda make=make: make(scope))
        if section is None:
            continue
        gc.collect()
        times = [timed_ms(lambda make=make: make(scope)) for _ in range(runs)]
        results[section.key] = {
            "queries": queries,
            "median": statistics.median(times),
            "figures": len(section.figures),
        }
    return results


# -- the alternative: export the rows, count by hand ---------------------------------------


def month(value):
    from django.utils import timezone

    return timezone.localtime(value).strftime("%Y-%m")


def middle(values):
    values = sorted(values)
    if not values:
        return None
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2


def export_learners(scope):
    """Every learner's row and their interests, counted per month, age, consent and interest."""
    from wagtail_cityoflearning.insight.people import counting
    from wagtail_cityoflearning.learners.accounts.models import LearnerProfile

    profiles = counting.learners(scope)
    rows = list(profiles.values_list("created_at", "year_of_birth", "consent"))
    chosen = list(
        LearnerProfile.interests.through.objects.filter(learnerprofile__in=profiles).values_list(
            "interest__slug", flat=True
        )
    )
    year = scope.end.year
    sign_ups, ages, consent = Counter(), Counter(), Counter()
    for created, born, state in rows:
        if scope.start_at <= created < scope.end_before:
            sign_ups[month(created)] += 1
        ages[year - born] += 1
        consent[state] += 1
    return len(rows) + len(chosen), (sign_ups, ages, consent, Counter(chosen))


def export_playlists(scope):
    """Enrolments of the period and their steps, counted into funnels and medians."""
    from wagtail_cityoflearning.insight.people import counting
    from wagtail_cityoflearning.learners.progress.models import StepProgress

    cohort = counting.enrolments(scope).filter(scope.in_period("started_at"))
    rows = list(cohort.values_list("playlist_id", "started_at", "completed_at"))
    steps = list(
        StepProgress.objects.filter(
            enrolment__in=cohort, status__in=["approved", "done"]
        ).values_list("enrolment__playlist_id", "step_id")
    )
    started, completed, durations = Counter(), Counter(), {}
    for playlist, begun, finished in rows:
        started[playlist] += 1
        if finished:
            completed[playlist] += 1
            durations.setdefault(playlist, []).append(finished - begun)
    medians = {playlist: middle(values) for playlist, values in durations.items()}
    return len(rows) + len(steps), (started, completed, medians, Counter(steps))


def export_badges(scope):
    """Awards of the period and the evidence, counted per issuer and month, with medians."""
    from django.utils import timezone

    from wagtail_cityoflearning.insight.people import counting

    awards = list(
        counting.awards(scope)
        .filter(scope.in_period("issued_on"))
        .values_list("issued_on", "revoked", "source", "badge_class__issuer_id")
    )
    evidence = list(
        counting.evidence(scope)
        .filter(submitted_at__isnull=False)
        .values_list("status", "submitted_at", "reviewed_at")
    )
    issued, claimed, waits, waiting = Counter(), Counter(), [], []
    for issued_on, revoked, source, issuer in awards:
        issued[(month(issued_on), issuer, revoked)] += 1
        if source == "claim_code" and not revoked:
            claimed[month(issued_on)] += 1
    now = timezone.now()
    for status, sent, reviewed in evidence:
        if status == "submitted":
            waiting.append((now - sent).days)
        elif reviewed and reviewed >= sent and scope.start_at <= reviewed < scope.end_before:
            waits.append(reviewed - sent)
    return len(awards) + len(evidence), (issued, claimed, middle(waits), max(waiting, default=0))


EXPORTS = {"learners": export_learners, "playlists": export_playlists, "badges": export_badges}


def time_exports(scope, runs: int) -> dict:
    results = {}
    for key, export in EXPORTS.items():
        (rows, _counted), queries = count_queries(lambda export=export: export(scope))
        gc.collect()
        times = [timed_ms(lambda export=export: export(scope)) for _ in range(runs)]
        results[key] = {"queries": queries, "median": statistics.median(times), "rows": rows}
    return results


# -- report --------------------------------------------------------------------------------


def print_size(size, sections, exports) -> None:
    print(
        f"\n  {'scope':<9} {'section':<12} {'figures':>7} {'ms':>9} {'SQL':>5} "
        f"{'export ms':>10} {'SQL':>4} {'rows':>9} {'export/section':>15}"
    )
    for scope_name, by_key in sections.items():
        for key, row in by_key.items():
            export = exports[scope_name].get(key)
            line = (
                f"  {scope_name:<9} {key:<12} {row['figures']:7d} {row['median']:9.1f} "
                f"{row['queries']:5d}"
            )
            if export:
                line += (
                    f" {export['median']:10.1f} {export['queries']:4d} {export['rows']:9,d} "
                    f"{ratio(export['median'], row['median']):14.1f}x"
                )
            print(line)


def print_ratios(results: dict) -> None:
    small, large = results["small"], results["issue"]
    print("\nBetween the sizes (issue / small; the data grows about 10x)")
    print(
        f"  {'scope':<9} {'section':<12} {'ms small':>9} {'ms issue':>9} {'ratio':>7} "
        f"{'SQL':>9} {'export ratio':>13}"
    )
    same = True
    for scope_name, by_key in large["sections"].items():
        for key, row in by_key.items():
            before = small["sections"][scope_name].get(key)
            if before is None:
                continue
            same &= before["queries"] == row["queries"]
            line = (
                f"  {scope_name:<9} {key:<12} {before['median']:9.1f} {row['median']:9.1f} "
                f"{ratio(row['median'], before['median']):6.1f}x "
                f"{before['queries']:>4}/{row['queries']:<4}"
            )
            export_small = small["exports"][scope_name].get(key)
            export_large = large["exports"][scope_name].get(key)
            if export_small and export_large:
                line += f" {ratio(export_large['median'], export_small['median']):12.1f}x"
            print(line)
    print(f"\n  SQL queries of every section equal at both sizes: {verdict(same)}")


def check_figures(scope, sections) -> None:
    """A few numbers the sections show, against a direct count."""
    from wagtail_cityoflearning.insight.figures import sections_for
    from wagtail_cityoflearning.insight.people import counting

    built = {section.key: section for section in sections_for(scope)}
    learners = built.get("learners")
    if learners is not None:
        ages = next(f for f in learners.figures if f.key == "learner-ages")
        shown = sum(row[1] for row in ages.rows if isinstance(row[1], int))
        expected = counting.learners(scope).count()
        check(
            f"learners in the age bands: {shown:,} (direct count {expected:,})", shown <= expected
        )
    check(f"sections built: {', '.join(sections)}", bool(sections))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="small,issue",
        help="comma-separated, of: " + ", ".join(SIZES) + " (default: small,issue)",
    )
    args = parser.parse_args()
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    unknown = [size for size in sizes if size not in SIZES]
    if unknown:
        parser.error(f"unknown size(s): {', '.join(unknown)}")

    started = time.perf_counter()
    results = {}
    with environment.throwaway("col-insight-bench-"):
        for size in sizes:
            wanted = SIZES[size]
            print(
                f"\n{size}: {wanted['opportunities']:,} opportunities, {wanted['learners']:,} "
                f"learners, {wanted['awards']:,} awards",
                flush=True,
            )
            built = build(size)
            runs = RUNS[size]
            sections, exports = {}, {}
            for scope_name, scope in scopes(built["city"]).items():
                sections[scope_name] = time_sections(scope, runs)
                exports[scope_name] = time_exports(scope, runs)
                if scope_name == "provider":
                    print(f"  provider: {scope.provider.title}")
                check_figures(scope, sections[scope_name])
            print(f"  (median of {runs} calls after a warm-up that counts the SQL queries)")
            print_size(size, sections, exports)
            results[size] = {"sections": sections, "exports": exports}
        if {"small", "issue"} <= set(results):
            print_ratios(results)
    took("insight.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
