"""The statistics dashboard at two sizes of city: each section, the whole page as a user gets
it, and the alternative of exporting the raw rows and counting them by hand.

For each size (small: 1,000 opportunities, 5,000 learners, 20,000 awards; issue: 10,000,
50,000 and 200,000, with searches, "I'm interested", suggestions and survey answers in
proportion), a fresh database is filled in bulk (``_support/fill.py`` for the city and its
opportunities, ``_support/insight_fill.py`` for everything the dashboard counts). Then, for the
city's scope and one provider's (the one with most awards), over the last 365 days:

1. every section the ``cityoflearning_insight_sections`` hook gives: a warm-up call, one
   call counting its SQL queries, then the median of a few calls;
2. the dashboard itself, ``GET /admin/insight/`` with the city and period (and provider)
   through Django's test client, logged in as a superuser and as the provider's staff, and
   the CSV download of one figure: response time and SQL queries;
3. side by side, the alternative at its best: the same scope's raw rows exported with one
   ``values_list`` query per table and counted in Python in one pass, as a spreadsheet would.

It prints milliseconds and SQL queries per size, the ratio between the sizes and, per
section and request, whether its SQL queries were the same at both sizes (PASS/FAIL: the
script exits with 1 on a FAIL). Nothing fails on timings.

Run: make bench  (or .venv/bin/python benchmarks/insight.py --sizes small,issue)
"""

import argparse
import csv
import datetime as dt
import gc
import io
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment, insight_fill  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import compare, count_queries, timed_ms  # noqa: E402
from _support.report import check, ratio, took  # noqa: E402

SIZES = {
    "small": {
        "opportunities": 1_000,
        "learners": 5_000,
        "awards": 20_000,
        "search_rows": 4_000,
        "interested": 2_000,
        "suggestions": 300,
        "answers": 200,
    },
    "issue": {
        "opportunities": 10_000,
        "learners": 50_000,
        "awards": 200_000,
        "search_rows": 40_000,
        "interested": 20_000,
        "suggestions": 3_000,
        "answers": 2_000,
    },
}
RUNS = {"small": 5, "issue": 3}
PERIOD_DAYS = 365
DOWNLOAD = "demand-found-nothing"  # the figure downloaded as CSV


def same(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


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
    mark = time.perf_counter()
    voice = insight_fill.fill_voice(
        city,
        search_rows=wanted["search_rows"],
        interested=wanted["interested"],
        suggestions=wanted["suggestions"],
        answers=wanted["answers"],
    )
    voice_seconds = time.perf_counter() - mark
    print(
        f"  {wanted['opportunities']:,} opportunities and {len(city.providers)} providers in "
        f"{opportunities_seconds:.1f} s; {people.learners:,} learners, {people.playlists:,} "
        f"playlists, {people.enrolments:,} enrolments, {people.progress:,} steps of progress "
        f"({people.waiting:,} waiting for review), {people.attendance:,} attendances, "
        f"{people.awards:,} awards of {people.badge_classes} badges in {people_seconds:.1f} s; "
        f"a boundary, {voice.search_rows:,} daily rows of {voice.searches:,} searches "
        f"({voice.zero_results:,} found nothing), {voice.interested:,} interested, "
        f"{voice.suggestions:,} suggestions, a survey with {voice.answers:,} answers in "
        f"{voice_seconds:.1f} s",
        flush=True,
    )
    for step, seconds in {**people.steps, **voice.steps}.items():
        print(f"    {step:<36} {seconds:6.1f} s")
    return {"city": city, "people": people, "voice": voice}


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
    """Each hook's section for ``scope``: SQL queries of the call after a warm-up, median ms of
    ``runs`` more, and how many of its figures have rows."""
    from wagtail import hooks

    from wagtail_cityoflearning.insight.figures import SECTIONS_HOOK

    results = {}
    for make in hooks.get_hooks(SECTIONS_HOOK):
        if make(scope) is None:  # the warm-up (caches of settings, content types, cells)
            continue
        section, queries = count_queries(lambda make=make: make(scope))
        gc.collect()
        times = [timed_ms(lambda make=make: make(scope)) for _ in range(runs)]
        results[section.key] = {
            "queries": queries,
            "median": statistics.median(times),
            "figures": len(section.figures),
            "with_rows": sum(1 for figure in section.figures if figure.rows),
            "keys": [figure.key for figure in section.figures],
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


def local_month(value, tz):
    local = value.astimezone(tz)
    return local.year, local.month


def in_period(scope, value) -> bool:
    return value is not None and scope.start_at <= value < scope.end_before


def export_supply(scope):
    """The live opportunities with their interests (one row per interest), the sessions of the
    period, the providers and their revisions of the period, counted like the section."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    from wagtail_cityoflearning.insight.bands import AGE_BANDS
    from wagtail_cityoflearning.models import OpportunityOccurrence, OpportunityPage
    from wagtail_cityoflearning.models.providers import AbstractProviderPage

    tz = scope.tzinfo
    rows = list(
        OpportunityPage.objects.live()
        .filter(scope.pages_q())
        .values_list(
            "pk",
            "is_ongoing",
            "first_published_at",
            "is_free",
            "mode",
            "languages",
            "age_min",
            "age_max",
            "interests__name",
        )  # fmt: skip
    )
    sessions = list(
        OpportunityOccurrence.objects.filter(
            start__lt=scope.end_before,
            finish__gte=scope.start_at,
            page__live=True,
            page__is_ongoing=False,
        )
        .filter(scope.pages_q("page__"))
        .values_list("page_id", "start")
    )
    providers = list(
        Page.objects.type(AbstractProviderPage)
        .filter(scope.pages_q())
        .values_list("pk", "last_published_at", "latest_revision_created_at")
    )
    revisions = list(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk, _published, _revised in providers],
        )
        .filter(scope.in_period("created_at"))
        .values_list("object_id", "created_at")
    )
    with_sessions, per_month, slots = set(), defaultdict(set), Counter()
    for page, start in sessions:
        local = start.astimezone(tz)
        with_sessions.add(page)
        per_month[(local.year, local.month)].add(page)
        slots[(local.isoweekday(), 0 if local.hour < 12 else 1 if local.hour < 17 else 2)] += 1
    seen, interests, counts, ongoing = set(), Counter(), Counter(), Counter()
    for pk, is_ongoing, published, free, mode, languages, low, high, interest in rows:
        ongoing_live = is_ongoing and published is not None and published < scope.end_before
        if not (ongoing_live or pk in with_sessions):
            continue
        if interest:
            interests[interest] += 1
        if pk in seen:
            continue
        seen.add(pk)
        counts["total"] += 1
        counts["free"] += bool(free)
        counts[f"mode_{mode}"] += 1
        for language in languages or ():
            counts[f"language_{language}"] += 1
        for key, band_low, band_high, _label in AGE_BANDS:
            if (band_high is None or low is None or low <= band_high) and (
                band_low is None or high is None or high >= band_low
            ):
                counts[f"band_{key}"] += 1
        if ongoing_live:
            ongoing[local_month(published, tz)] += 1
    active = sum(
        1
        for _pk, published, revised in providers
        if in_period(scope, published) or in_period(scope, revised)
    )
    changed = defaultdict(set)
    for page, created in revisions:
        changed[local_month(created, tz)].add(page)
    counted = (per_month, interests, counts, ongoing, slots, active, changed)
    return len(rows) + len(sessions) + len(providers) + len(revisions), counted


def export_coverage(scope):
    """The scope's live opportunities with their points, mode and dates, the ones held in
    person in the period put in the city's cells (the same cached cells as the map's)."""
    import h3
    from django.utils import timezone

    from wagtail_cityoflearning.insight.coverage.cells import city_area
    from wagtail_cityoflearning.models import OpportunityPage

    area = city_area(scope.site)
    rows = list(
        OpportunityPage.objects.live()
        .filter(scope.pages_q())
        .values_list("mode", "latitude", "longitude", "is_ongoing", "starts_at", "ends_at")
    )
    past = scope.end < timezone.localdate()
    counts = Counter()
    for mode, lat, lng, ongoing, starts, ends in rows:
        if mode not in ("in_person", "hybrid") or lat is None or lng is None:
            continue
        if not ongoing and (
            ends is None
            or ends < scope.start_at
            or (past and (starts is None or starts >= scope.end_before))
        ):
            continue
        counts[h3.latlng_to_cell(lat, lng, area.resolution)] += 1
    empty = sum(1 for cell in area.cells if not counts.get(cell))
    return len(rows), (counts, empty)


def export_demand(scope):
    """For the city: the search rows of the period (with the interest's name), grouped by
    week, by combination that found nothing and by interest. For both: the "I'm interested"
    of the period, counted per opportunity."""
    from wagtail_cityoflearning.insight.demand.models import InterestedLearner, SearchDemand

    exported, counted = 0, []
    if scope.is_city:
        rows = list(
            SearchDemand.objects.filter(site=scope.site)
            .filter(scope.days_in_period("day"))
            .values_list(
                "day",
                "interest__name",
                "interests_chosen",
                "age_band",
                "area",
                "place",
                "when",
                "free",
                "mode",
                "language",
                "types",
                "query",
                "searches",
                "zero_results",
            )  # fmt: skip
        )
        weekly, combinations, interests = defaultdict(lambda: [0.0, 0.0]), Counter(), Counter()
        searched = Counter()
        for day, interest, chosen, *combination, searches, nothing in rows:
            week = weekly[day - dt.timedelta(days=day.weekday())]
            week[0] += searches / max(chosen, 1)
            week[1] += nothing / max(chosen, 1)
            if nothing:
                combinations[(interest, *combination)] += nothing
            if interest:
                interests[interest] += nothing
                searched[interest] += searches
        top = combinations.most_common(50)
        exported += len(rows)
        counted += [weekly, top, searched.most_common(20), interests]
    interested = list(
        InterestedLearner.objects.filter(scope.pages_q("opportunity__"))
        .filter(scope.in_period("created_at"))
        .values_list("opportunity_id", "opportunity__title")
    )
    counted.append(Counter(interested).most_common(50))
    return exported + len(interested), counted


def export_voice(scope):
    """The suggestions of the period (the provider's own for a provider), counted per month,
    kind, interest, neighbourhood and status."""
    from wagtail_cityoflearning.insight.voice.models import Suggestion

    suggestions = Suggestion.objects.filter(site=scope.site).filter(
        scope.days_in_period("created_on")
    )
    if scope.provider is not None:
        suggestions = suggestions.filter(
            provider=scope.provider.pk, status__in=["forwarded", "drafted"]
        )
    rows = list(
        suggestions.values_list(
            "created_on", "kind", "interest__name", "where", "neighbourhood", "status"
        )
    )
    months, kinds, interests, places, statuses = (Counter() for _ in range(5))
    for created, kind, interest, where, neighbourhood, status in rows:
        months[(created.year, created.month)] += 1
        kinds[kind] += 1
        interests[interest] += 1
        places[neighbourhood if where == "neighbourhood" else where] += 1
        statuses[status] += 1
    return len(rows), (months, kinds, interests, places, statuses)


def export_survey(scope):
    """The city's surveys' answers of the period (their JSON), counted per question and
    choice."""
    from wagtail.contrib.forms.models import FormSubmission

    from wagtail_cityoflearning.insight.survey.models import NeedsSurveyPage

    pages = list(NeedsSurveyPage.objects.filter(scope.pages_q()).values_list("pk", flat=True))
    rows = list(
        FormSubmission.objects.filter(
            scope.in_period("submit_time"), page_id__in=pages
        ).values_list("page_id", "form_data")
    )
    counts = defaultdict(Counter)
    for page, data in rows:
        for key, value in data.items():
            for choice in value if isinstance(value, list) else [value]:
                counts[(page, key)][choice] += 1
    return len(rows), counts


EXPORTS = {
    "supply": export_supply,
    "coverage": export_coverage,
    "demand": export_demand,
    "learners": export_learners,
    "playlists": export_playlists,
    "badges": export_badges,
    "voice": export_voice,
    "needs-survey": export_survey,
}


def time_exports(scope, runs: int, keys) -> dict:
    """The export of each section in ``keys``: SQL queries of the call after a warm-up, median
    ms of ``runs`` more, and the rows exported."""
    results = {}
    for key in keys:
        export = EXPORTS.get(key)
        if export is None:
            continue
        export(scope)
        (rows, _counted), queries = count_queries(lambda export=export: export(scope))
        gc.collect()
        times = [timed_ms(lambda export=export: export(scope)) for _ in range(runs)]
        results[key] = {"queries": queries, "median": statistics.median(times), "rows": rows}
    return results


# -- the dashboard as a user gets it ---------------------------------------------------------


def time_dashboard(city, scopes_by_name, sections, runs: int) -> dict:
    """``GET /admin/insight/`` as a superuser (the city) and as the provider's staff (their
    provider), and the CSV download of one figure: status, SQL queries of the request after a
    warm-up, median ms of ``runs`` more (interleaved), the response's size."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from wagtail_cityoflearning import roles

    city_scope, provider_scope = scopes_by_name["city"], scopes_by_name["provider"]
    provider = provider_scope.provider
    User = get_user_model()
    admin = User.objects.create_superuser("insight-admin", "insight-admin@example.org", "pw")
    staff = User.objects.create_user("provider-staff", "provider-staff@example.org", "pw")
    staff.groups.add(roles.provider_staff(provider))
    clients = {}
    for name, user in (("admin", admin), ("staff", staff)):
        clients[name] = Client(HTTP_HOST="localhost")
        clients[name].force_login(user)
    url = reverse("cityoflearning_insight:index")
    period = {"start": city_scope.start.isoformat(), "end": city_scope.end.isoformat()}
    requests = {
        "superuser, city": ("admin", {"city": city.site.pk, **period}),
        "provider staff": ("staff", {"city": city.site.pk, "provider": provider.pk, **period}),
        f"CSV {DOWNLOAD}": (
            "admin",
            {"city": city.site.pk, **period, "download": DOWNLOAD, "format": "csv"},
        ),
    }

    def get(name):
        client, params = requests[name]
        return clients[client].get(url, params)

    info = compare(get, list(requests), runs=runs, warm_up=1)
    results = {}
    for name, values in info.items():
        response = values["response"]
        results[name] = {
            "status": response.status_code,
            "queries": values["queries"],
            "median": values["median"],
            "bytes": len(response.content),
            "content": response.content.decode("utf-8", "replace"),
        }
    city_keys = {key for row in sections["city"].values() for key in row["keys"]}
    own_keys = {key for row in sections["provider"].values() for key in row["keys"]}
    page = results["superuser, city"]["content"]
    shown = {key for key in city_keys if f'id="figure-{key}"' in page}
    check(
        f"the superuser's page shows {len(shown)} of the city's {len(city_keys)} figures",
        shown == city_keys,
    )
    page = results["provider staff"]["content"]
    shown = {key for key in city_keys | own_keys if f'id="figure-{key}"' in page}
    check(
        f"the provider's staff see {len(shown)} figures, their provider's {len(own_keys)} "
        f"({provider.title}), none of the city's only",
        shown == own_keys and provider.title in page,
    )
    table = list(csv.reader(io.StringIO(results[f"CSV {DOWNLOAD}"]["content"])))
    check(
        f"CSV of {DOWNLOAD}: a header of {len(table[0]) if table else 0} columns and "
        f"{len(table) - 1} rows",
        len(table) > 1 and len(table[0]) == 10,
    )
    check(
        "every request answered 200",
        all(row["status"] == 200 for row in results.values()),
    )
    return results


# -- report --------------------------------------------------------------------------------


def print_size(size, sections, exports, dashboard, runs) -> None:
    print(f"\n  Sections (median of {runs} calls after a warm-up; SQL counted in its own call)")
    print(
        f"  {'scope':<9} {'section':<13} {'figures':>7} {'ms':>9} {'SQL':>4} "
        f"{'export ms':>10} {'SQL':>4} {'rows':>9} {'export/section':>15}"
    )
    for scope_name, by_key in sections.items():
        for key, row in by_key.items():
            export = exports[scope_name].get(key)
            figures = f"{row['with_rows']}/{row['figures']}"
            line = (
                f"  {scope_name:<9} {key:<13} {figures:>7} {row['median']:9.1f} {row['queries']:4d}"
            )
            if export:
                line += (
                    f" {export['median']:10.1f} {export['queries']:4d} {export['rows']:9,d} "
                    f"{ratio(export['median'], row['median']):14.1f}x"
                )
            print(line)
    print("  (figures: with rows / all)")
    print(f"\n  The dashboard (GET /admin/insight/; median of {runs} requests after a warm-up)")
    print(f"  {'request':<32} {'status':>6} {'ms':>9} {'SQL':>4} {'bytes':>10}")
    for name, row in dashboard.items():
        print(
            f"  {name:<32} {row['status']:6d} {row['median']:9.1f} {row['queries']:4d} "
            f"{row['bytes']:10,d}"
        )


def print_ratios(results: dict) -> bool:
    """The ratio between the sizes, and whether SQL queries were the same; True when all
    were."""
    small, large = results["small"], results["issue"]
    print("\nBetween the sizes (issue / small; the data grows 10x)")
    print(
        f"  {'scope':<9} {'section':<13} {'ms small':>9} {'ms issue':>9} {'ratio':>7} "
        f"{'SQL':>9} {'export ratio':>13}  same SQL"
    )
    all_same = True
    for scope_name in large["sections"]:
        keys = list(large["sections"][scope_name])
        keys += [key for key in small["sections"][scope_name] if key not in keys]
        for key in keys:
            before = small["sections"][scope_name].get(key)
            row = large["sections"][scope_name].get(key)
            if before is None or row is None:
                all_same = False
                print(f"  {scope_name:<9} {key:<13} only at one size{'':>38}FAIL")
                continue
            ok = before["queries"] == row["queries"]
            all_same &= ok
            line = (
                f"  {scope_name:<9} {key:<13} {before['median']:9.1f} {row['median']:9.1f} "
                f"{ratio(row['median'], before['median']):6.1f}x "
                f"{before['queries']:>4}/{row['queries']:<4}"
            )
            export_small = small["exports"][scope_name].get(key)
            export_large = large["exports"][scope_name].get(key)
            if export_small and export_large:
                line += f" {ratio(export_large['median'], export_small['median']):12.1f}x"
            else:
                line += f" {'':>13}"
            print(f"{line}  {same(ok)}")
    print(f"\n  {'request':<32} {'ms small':>9} {'ms issue':>9} {'ratio':>7} {'SQL':>9}  same SQL")
    for name, row in large["dashboard"].items():
        before = small["dashboard"][name]
        ok = before["queries"] == row["queries"]
        all_same &= ok
        print(
            f"  {name:<32} {before['median']:9.1f} {row['median']:9.1f} "
            f"{ratio(row['median'], before['median']):6.1f}x "
            f"{before['queries']:>4}/{row['queries']:<4}  {same(ok)}"
        )
    print(f"\n  SQL queries of every section and request equal at both sizes: {same(all_same)}")
    return all_same


def check_figures(scope, sections) -> None:
    """A few numbers the sections show, against a direct count, and that each has data."""
    from django.db.models import Sum
    from wagtail.contrib.forms.models import FormSubmission

    from wagtail_cityoflearning.insight.demand.models import SearchDemand
    from wagtail_cityoflearning.insight.figures import sections_for
    from wagtail_cityoflearning.insight.people import counting

    built = {section.key: section for section in sections_for(scope)}
    figures = {figure.key: figure for section in built.values() for figure in section.figures}
    learners = figures.get("learner-ages")
    if learners is not None:
        shown = sum(row[1] for row in learners.rows if isinstance(row[1], int))
        expected = counting.learners(scope).count()
        check(
            f"learners in the age bands: {shown:,} (direct count {expected:,})", shown <= expected
        )
    nothing = figures.get("demand-found-nothing")
    if nothing is not None:
        expected = (
            SearchDemand.objects.filter(site=scope.site, zero_results__gt=0)
            .filter(scope.days_in_period("day"))
            .aggregate(n=Sum("zero_results"))["n"]
        )
        check(
            f"searches that found nothing: {len(nothing.rows)} combinations shown "
            f"(of {expected:,} searches that found nothing in the period)",
            bool(nothing.rows) and bool(expected),
        )
    answers = figures.get("survey-answers")
    if answers is not None:
        shown = answers.rows[0][1]
        expected = FormSubmission.objects.filter(scope.in_period("submit_time")).count()
        shown_text = f"{shown:,}" if isinstance(shown, int) else str(shown)
        check(f"survey answers: {shown_text} (direct count {expected:,})", shown == expected)
    coverage = figures.get("coverage")
    if coverage is not None:
        cells = coverage.chart.data["cells"]["cells"]
        busy = sum(1 for cell in cells if cell["count"])
        check(
            f"coverage: {busy} of {len(cells)} cells with opportunities (the city's boundary)",
            0 < busy <= len(cells),
        )
    empty = [key for key, section in built.items() if not any(f.rows for f in section.figures)]
    check(
        f"sections built: {', '.join(sections)}; without data: {', '.join(empty) or 'none'}",
        bool(sections) and not empty,
    )


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
    all_same = True
    with environment.throwaway("col-insight-bench-"):
        for size in sizes:
            wanted = SIZES[size]
            print(
                f"\n{size}: {wanted['opportunities']:,} opportunities, {wanted['learners']:,} "
                f"learners, {wanted['awards']:,} awards, {wanted['search_rows']:,} rows of "
                f"searches, {wanted['interested']:,} interested, {wanted['suggestions']:,} "
                f"suggestions, {wanted['answers']:,} survey answers",
                flush=True,
            )
            built = build(size)
            runs = RUNS[size]
            sections, exports = {}, {}
            by_name = scopes(built["city"])
            for scope_name, scope in by_name.items():
                sections[scope_name] = time_sections(scope, runs)
                exports[scope_name] = time_exports(scope, runs, sections[scope_name])
                if scope_name == "provider":
                    print(f"  provider: {scope.provider.title}")
                check_figures(scope, sections[scope_name])
            dashboard = time_dashboard(built["city"], by_name, sections, runs)
            print_size(size, sections, exports, dashboard, runs)
            results[size] = {"sections": sections, "exports": exports, "dashboard": dashboard}
        if {"small", "issue"} <= set(results):
            all_same = print_ratios(results)
        else:
            print("\n  (run both sizes to compare their SQL queries)")
    took("insight.py", started)
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
