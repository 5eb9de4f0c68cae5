"""Learning playlists: the learner's dashboard, the playlist index and progress evaluation,
each against the straightforward way of doing the same.

1. GET /learning/ (the dashboard) for learners with 1, 10 and 50 enrolments (started, saved
   and completed playlists of six steps, step progress, badges in the backpack; the dashboard
   shows the newest ``DASHBOARD_PLAYLISTS_SHOWN`` of each kind), once the
   site has been visited (the suggestions, the city's map and the playlists' cards kept in
   the page cache) and right after a publish (the page cache stale before each request, so
   everything it keeps is worked out again). Targets: at most 15 SQL queries, and the
   dashboard with 50 enrolments within 1.5 times the time of the one with 1.
2. GET /playlists/ (the playlist index) with 10 and 100 playlists: cards counting the raw
   StreamField items (``step_count``) against cards counting ``len(playlist.step_list)``.
3. ``state.update_progress(enrolment)`` after an activity is marked done, in a playlist of 6 and
   one of 20 steps, against ``state.update_progress_for_user(user)`` for a learner with 20
   started playlists (the learner's facts read once for all of them).

Each part fills a fresh throwaway database. Requests go through Django's test client; the
median is over interleaved runs after a warm-up, and SQL queries are counted in the warm-up
(CaptureQueriesContext). Targets are printed with PASS/MISS for information; the exit
status is 0.

Run: make bench  (or .venv/bin/python benchmarks/learning.py from the repository root)
"""

import gc
import re
import statistics
import sys
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import learning_fill as data  # noqa: E402
from _support.measure import compare, count_queries, timed_ms  # noqa: E402
from _support.report import check, ratio, side_by_side, took, verdict  # noqa: E402

ENROLMENTS = (1, 10, 50)
SUGGESTED = 10  # playlists nobody is enrolled in, so every learner gets suggestions
INDEX_SIZES = (10, 100)
BADGES = 8
OPPORTUNITIES = 12
REQUESTS = 15
DASHBOARD_QUERIES = 15  # the target for the dashboard, once the site has been visited
DASHBOARD_RATIO = 1.5  # the target for 50 enrolments against 1
WARM_UP = 2
EVENTS = 15  # learners, each evaluated once, for each playlist length
STEP_COUNTS = (6, 20)
USER_PLAYLISTS = 20
USER_RUNS = 5  # learners with USER_PLAYLISTS started playlists each
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
PLAYLIST_ID = re.compile(r'data-playlist-id="(\d+)"')


# -- measuring -------------------------------------------------------------------------


def compare_requests(client, url, variants: dict, runs=REQUESTS) -> dict:
    """GET ``url`` under each variant (a context manager factory): the queries and HTML of
    a warm-up request, then the median of ``runs`` requests interleaved across variants."""

    def get(_variant):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    info = compare(get, list(variants), runs=runs, warm_up=WARM_UP, contexts=variants)
    for values in info.values():
        values["html"] = CSRF.sub("", values.pop("response").content.decode())
    return info


# -- the city --------------------------------------------------------------------------


def fresh_city(playlists: int, *, step_count=6) -> dict:
    """A fresh database with the city, badges, opportunities and ``playlists`` playlists."""
    environment.fresh_database()
    made = data.city()
    made["badges"] = data.badge_classes(made["issuer"], BADGES)
    made["opportunities"] = data.opportunities(made, OPPORTUNITIES)
    made["playlist_index"] = data.playlist_index(made["home"])
    made["playlists"] = data.playlists(
        made["playlist_index"],
        playlists,
        made["opportunities"],
        made["badges"],
        step_count=step_count,
    )
    return made


# -- 1. the dashboard ------------------------------------------------------------------


def bench_dashboard() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    mark = time.perf_counter()
    made = fresh_city(max(ENROLMENTS) + SUGGESTED)
    reviewer = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    learners = {}
    for count in ENROLMENTS:
        user = data.learner(f"learner{count}@example.org", made["site"])
        data.award_badges(user, made["badges"][:3])
        learners[count] = (user, data.enrol_mixed(user, made["playlists"][:count], reviewer))
    print(
        f"  {len(made['playlists'])} playlists of 6 steps, {BADGES} badge classes, "
        f"{OPPORTUNITIES} opportunities and {len(ENROLMENTS)} learners in "
        f"{time.perf_counter() - mark:.1f} s",
        flush=True,
    )

    from wagtail_cityoflearning.conf import cityoflearning_settings
    from wagtail_cityoflearning.page_cache import pages

    shown_each = cityoflearning_settings.DASHBOARD_PLAYLISTS_SHOWN
    url = reverse("wagtail_cityoflearning_learners:dashboard")
    clients = {}
    for count, (user, _enrolled) in learners.items():
        clients[count] = Client(HTTP_HOST="localhost")
        clients[count].force_login(user)

    # All sizes and both variants interleaved, so that a busy moment of a shared machine
    # hits them all alike. "published": right after a publish, everything the page cache
    # keeps is stale (timed with the request); "kept": the cache filled again beforehand by
    # an untimed request of the same learner.
    def get(name):
        count, variant = name
        if variant == "published":
            pages.invalidate()
        response = clients[count].get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    @contextmanager
    def refilled(count):
        clients[count].get(url)
        yield

    names = [(count, variant) for count in learners for variant in ("kept", "published")]
    contexts = {(count, "kept"): (lambda count=count: refilled(count)) for count in learners}
    measured = compare(get, names, runs=REQUESTS, warm_up=WARM_UP, contexts=contexts)
    results = {}
    for count, (_user, enrolled) in learners.items():
        info = {variant: measured[(count, variant)] for variant in ("kept", "published")}
        for values in info.values():
            values["html"] = CSRF.sub("", values.pop("response").content.decode())
        chosen = made["playlists"][:count]
        expected = [  # the newest of each kind: enrol_mixed made the first ones last
            playlist
            for state in ("started", "saved", "completed")
            for playlist in [
                p for n, p in enumerate(chosen) if data.MIX[n % len(data.MIX)] == state
            ][:shown_each]
        ]
        listed = {int(pk) for pk in PLAYLIST_ID.findall(info["kept"]["html"])}
        check(
            f"{count} enrolments ({enrolled.started} started, {enrolled.completed} completed, "
            f"{enrolled.saved} saved, {enrolled.progress} step records): the newest "
            f"{shown_each} of each kind on the dashboard",
            {p.pk for p in expected} <= listed
            and not listed & {p.pk for p in chosen if p not in expected},
        )
        check("suggestions shown", 'id="recommended-playlists"' in info["kept"]["html"])
        check(
            "kept and right after a publish, the pages alike",
            info["published"]["html"] == info["kept"]["html"],
        )
        results[count] = info

    side_by_side("enrolments", "kept", "published", "published/kept", results)
    return results


# -- 2. the playlist index -------------------------------------------------------------


def counting_resolved_steps():
    """Cards that count the resolved steps, each playlist fetching its pages and badges."""
    from wagtail_cityoflearning.learners.playlists.models import PlaylistPage

    return mock.patch.object(PlaylistPage, "step_count", property(lambda page: len(page.step_list)))


def bench_index() -> dict:
    from django.test import Client

    results = {}
    for count in INDEX_SIZES:
        mark = time.perf_counter()
        made = fresh_city(count)
        print(f"  N = {count}: filled in {time.perf_counter() - mark:.1f} s", flush=True)
        url = made["playlist_index"].url
        variants = {"step_count": nullcontext, "len(step_list)": counting_resolved_steps}
        info = compare_requests(Client(HTTP_HOST="localhost"), url, variants)
        cards = info["step_count"]["html"].count("data-playlist-id=")
        check(f"GET {url}: {cards} playlist cards (expected {count})", cards == count)
        check(
            "both cards show the same step counts",
            info["step_count"]["html"] == info["len(step_list)"]["html"],
        )
        results[count] = info

    side_by_side("playlists", "step_count", "len(step_list)", "ratio", results, widths=(14, 18, 8))
    return results


# -- 3. progress evaluation ------------------------------------------------------------


def progress_runs(run, subjects) -> dict:
    """``run(subject)`` in a transaction, as the views call it: the second subject's queries
    (the first fills the process's own caches, such as Django's content types, which a
    running site has filled long before), then the median over the others (each evaluated
    once, so each is a fresh event)."""
    from django.db import transaction

    def once(subject):
        with transaction.atomic():
            return run(subject)

    once(subjects[0])
    _, queries = count_queries(lambda: once(subjects[1]))
    gc.collect()
    times = [timed_ms(lambda s=s: once(s)) for s in subjects[2:]]
    return {"queries": queries, "median": statistics.median(times), "runs": len(times)}


def bench_progress() -> dict:
    from django.test.utils import override_settings

    from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
    from wagtail_cityoflearning.learners.progress.state import (
        LearnerFacts,
        update_progress,
        update_progress_for_user,
    )

    mark = time.perf_counter()
    made = fresh_city(0)
    index, opportunities, badges = made["playlist_index"], made["opportunities"], made["badges"]
    single = {
        steps: data.playlists(index, 1, opportunities, badges, step_count=steps, first=number)[0]
        for number, steps in enumerate(STEP_COUNTS)
    }
    shared = data.playlists(index, USER_PLAYLISTS, opportunities, badges, first=len(STEP_COUNTS))
    site = made["site"]
    events = {
        steps: [
            data.marked_done(data.learner(f"event{steps}-{n}@example.org", site), playlist)
            for n in range(EVENTS + 2)
        ]
        for steps, playlist in single.items()
    }
    users = []
    for n in range(USER_RUNS + 2):
        user = data.learner(f"busy{n}@example.org", site)
        for playlist in shared:
            data.marked_done(user, playlist)
        users.append(user)
    print(
        f"  {len(STEP_COUNTS) + USER_PLAYLISTS} playlists, "
        f"{sum(len(e) for e in events.values()) + len(users)} learners, "
        f"{len(users) * USER_PLAYLISTS} busy enrolments in {time.perf_counter() - mark:.1f} s",
        flush=True,
    )

    def fetch(enrolment):
        return PlaylistEnrolment.objects.select_related("user", "playlist").get(pk=enrolment.pk)

    results = {}
    # Queue the step badges without running them: awarding is timed in awards.py.
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        for steps, enrolments in events.items():
            results[f"update_progress, {steps} steps"] = progress_runs(
                update_progress, [fetch(e) for e in enrolments]
            )
        results[f"update_progress_for_user, {USER_PLAYLISTS}"] = progress_runs(
            update_progress_for_user, users
        )
    _, facts_queries = count_queries(lambda: LearnerFacts.for_user(users[0]))

    recorded = StepProgress.objects.filter(completed_at__isnull=False, award_due=True)
    expected = sum(len(e) for e in events.values()) + len(users) * USER_PLAYLISTS
    check(
        f"each marked-done step recorded complete with its badge due: {recorded.count()} "
        f"(expected {expected})",
        recorded.count() == expected,
    )

    print(f"\n  {'':<28} {'median ms':>10} {'SQL':>5} {'ms/playlist':>12} {'SQL/playlist':>13}")
    for label, row in results.items():
        playlists = USER_PLAYLISTS if label.startswith("update_progress_for_user") else 1
        print(
            f"  {label:<28} {row['median']:10.2f} {row['queries']:5d} "
            f"{row['median'] / playlists:12.2f} {row['queries'] / playlists:13.1f}"
        )
    print(f"  (the learner's facts, LearnerFacts.for_user: {facts_queries} queries)")
    results["facts"] = facts_queries
    return results


# -- report ----------------------------------------------------------------------------


def report(dashboard: dict, index: dict, progress: dict) -> None:
    print("\nTargets (information only)")
    counts = {n: info["kept"]["queries"] for n, info in dashboard.items()}
    listed = ", ".join(f"{q} at {n}" for n, q in counts.items())
    fits = max(counts.values()) <= DASHBOARD_QUERIES and len(set(counts.values())) == 1
    print(f"  dashboard SQL: {listed}   target: <= {DASHBOARD_QUERIES}, equal  {verdict(fits)}")
    for n, info in dashboard.items():
        print(f"  dashboard median at {n} enrolments: {info['kept']['median']:.1f} ms")
    small, large = min(dashboard), max(dashboard)
    grows = ratio(dashboard[large]["kept"]["median"], dashboard[small]["kept"]["median"])
    print(
        f"  dashboard at {large} / at {small} enrolments: {grows:.2f}x   "
        f"target <= {DASHBOARD_RATIO}x  {verdict(grows <= DASHBOARD_RATIO)}"
    )
    counts = {n: info["step_count"]["queries"] for n, info in index.items()}
    listed = " vs ".join(f"{q} at {n}" for n, q in counts.items())
    same = len(set(counts.values())) == 1
    print(f"  playlist index SQL: {listed}   target: equal  {verdict(same)}")
    by_steps = {s: progress[f"update_progress, {s} steps"]["queries"] for s in STEP_COUNTS}
    listed = " vs ".join(f"{q} at {s} steps" for s, q in by_steps.items())
    same = len(set(by_steps.values())) == 1
    print(f"  update_progress SQL: {listed}   target: equal  {verdict(same)}")
    single = by_steps[STEP_COUNTS[0]]
    per_playlist = (
        progress[f"update_progress_for_user, {USER_PLAYLISTS}"]["queries"] / USER_PLAYLISTS
    )
    shared = per_playlist <= single - progress["facts"]
    print(
        f"  update_progress_for_user SQL per playlist {per_playlist:.1f} vs update_progress {single} - "
        f"{progress['facts']} facts = {single - progress['facts']}   "
        f"target: <= (facts read once)  {verdict(shared)}"
    )


def main() -> int:
    started = time.perf_counter()
    fast_passwords = {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}
    with environment.throwaway("col-learning-bench-", media=True, settings=fast_passwords):
        print(
            f"\n1. Dashboard /learning/: {WARM_UP} warm-up requests, then the median of "
            f"{REQUESTS} interleaved; published = the page cache stale before each request",
            flush=True,
        )
        dashboard = bench_dashboard()
        print(
            f"\n2. Playlist index: {WARM_UP} warm-up requests, then the median of {REQUESTS} "
            "interleaved; len(step_list) = cards resolving each playlist's steps",
            flush=True,
        )
        index = bench_index()
        print(
            f"\n3. Progress evaluation after an activity is marked done: the SQL of a run after a first one, "
            f"then the median of {EVENTS} learners ({USER_RUNS} for update_progress_for_user)",
            flush=True,
        )
        progress = bench_progress()
        report(dashboard, index, progress)
    took("learning.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
