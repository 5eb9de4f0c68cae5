"""The dashboard's learners, playlists and badges: numbers on a small known world, the rule
for small groups, the provider's scope and a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.badges.conftest import make_badge_class
from tests.factories import make_city, make_opportunity, make_provider
from tests.learners.conftest import make_learner, make_playlist
from wagtail_cityoflearning.badges.models import Award, Issuer
from wagtail_cityoflearning.insight.figures import sections_for
from wagtail_cityoflearning.insight.people import sections
from wagtail_cityoflearning.insight.privacy import FEWER, WITHHELD
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile, today
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def city_scope(city, provider=None):
    end = today()
    return Scope(site=city["site"], provider=provider, start=end - 364 * DAY, end=end)


def figure(section, key):
    return next(figure for figure in section.figures if figure.key == key)


def row(figure, label):
    return next(row for row in figure.rows if str(row[0]) == str(label))


def learners(prefix, count, *, born, site, **profile):
    return [
        make_learner(f"{prefix}{n}@example.org", year_of_birth=born, site=site, **profile)
        for n in range(count)
    ]


def activity(title):
    return (
        "activity",
        {"title": title, "instructions": "<p>Do it.</p>", "evidence": "text", "required": True},
    )


def started(users, playlist, *, days_ago=10, completed_after=None):
    now = timezone.now()
    made = []
    for n, user in enumerate(users):
        start = now - days_ago * DAY
        finish = start + completed_after[n] * DAY if completed_after else None
        made.append(
            PlaylistEnrolment.objects.create(
                user=user, playlist=playlist, started_at=start, completed_at=finish
            )
        )
    return made


def steps_done(enrolments, step_id):
    StepProgress.objects.bulk_create(
        StepProgress(
            enrolment=enrolment,
            step_id=step_id,
            status=StepProgress.Status.APPROVED,
            completed_at=timezone.now(),
        )
        for enrolment in enrolments
    )


def provider_issuer(provider):
    return Issuer.objects.create(
        name=f"{provider.title} badges",
        url="https://provider.example.org/",
        email="badges@provider.example.org",
        provider=provider,
    )


def award_to(badge, emails, **fields):
    Award.objects.bulk_create(
        Award(badge_class=badge, recipient_email=email, **fields) for email in emails
    )


# -- learners --------------------------------------------------------------------------------------


def test_learners_by_age_consent_interest_and_month(city):
    year = today().year
    site = city["site"]
    teens = learners("teen", 6, born=year - 14, site=site)
    older = learners("older", 3, born=year - 17, site=site)
    waiting = learners("young", 5, born=year - 13, site=site, consent="pending")
    learners("elsewhere", 7, born=year - 14, site=None)
    music = city["interests"]["music"]
    for user in teens:
        user.learner_profile.interests.add(music)
    last_month = (today().replace(day=1) - DAY).replace(day=15)
    LearnerProfile.objects.filter(user__in=older + waiting).update(
        created_at=timezone.make_aware(dt.datetime.combine(last_month, dt.time(12)))
    )

    section = sections.learners_section(city_scope(city))

    ages = figure(section, "learner-ages")
    assert row(ages, "16–18")[1] == FEWER  # three learners: too few to show
    # Eleven, but the total (14) minus it would give the three: hidden too.
    assert row(ages, "13–15")[1:] == [WITHHELD, None]
    assert row(ages, "under 13")[1] == 0
    values = ages.chart.series[0].values
    assert values[ages.chart.labels.index("16–18")] is None
    assert values[ages.chart.labels.index("13–15")] is None

    consent = figure(section, "learner-consent")
    waiting_row = row(consent, "Waiting for a parent or guardian")
    assert waiting_row[1:] == [5, round(100 * 5 / 14, 1)]
    assert "5" in consent.summary and "14" in consent.summary

    interests = figure(section, "learner-interests")
    assert row(interests, music.name)[1] == 6
    assert row(interests, "No interest chosen")[1] == 8

    sign_ups = figure(section, "learner-sign-ups")
    this_month = sign_ups.rows[-1]
    assert this_month[1] == 6
    assert sign_ups.rows[-2][1] == 8
    assert sum(v for v in sign_ups.chart.series[0].values if v) == 14


def test_a_provider_counts_only_learners_who_did_something_with_it(city):
    year = today().year
    site = city["site"]
    mine, theirs = make_provider(city), make_provider(city)
    playlist = make_playlist(mine, [activity("Plan")], title="Mine")
    other_playlist = make_playlist(theirs, [activity("Plan")], title="Theirs")
    enrolled = learners("enrolled", 2, born=year - 15, site=site)
    started(enrolled, playlist)
    attended = learners("attended", 2, born=year - 15, site=site)
    opportunity = make_opportunity(mine, [city["interests"]["music"]])
    for user in attended:
        Attendance.objects.create(opportunity=opportunity, user=user)
    awarded = learners("awarded", 1, born=year - 15, site=site)
    badge = make_badge_class(provider_issuer(mine), slug="mine")
    award_to(badge, [user.email for user in awarded])
    started(learners("other", 6, born=year - 15, site=site), other_playlist)
    learners("idle", 6, born=year - 15, site=site)

    section = sections.learners_section(city_scope(city, mine))

    assert row(figure(section, "learner-ages"), "13–15")[1] == 5
    whole_city = sections.learners_section(city_scope(city))
    assert row(figure(whole_city, "learner-ages"), "13–15")[1] == 17


# -- playlists -------------------------------------------------------------------------------------


def test_playlist_funnel_median_and_where_learners_stop(city, provider):
    playlist = make_playlist(
        provider, [activity("Plan"), activity("Build"), activity("Show")], title="Make an app"
    )
    step_ids = [block.id for block in playlist.steps]
    users = learners("learner", 10, born=today().year - 16, site=city["site"])
    enrolments = started(users[:5], playlist, completed_after=[1, 2, 3, 4, 10]) + started(
        users[5:], playlist
    )
    steps_done(enrolments[:9], step_ids[0])
    steps_done(enrolments[:6], step_ids[1])
    steps_done(enrolments[:5], step_ids[2])

    section = sections.playlists_section(city_scope(city))

    overview = figure(section, "playlists-started")
    assert overview.rows[0] == ["Make an app", 10, 5, 50.0, 3.0]
    assert overview.rows[-1][1:3] == [10, 5]
    steps = figure(section, f"playlist-steps-{playlist.pk}")
    assert [r[1] for r in steps.rows] == [10, 9, 6, 5, 5]
    assert [str(r[0]) for r in steps.rows][1:4] == [
        "Step 1: Plan",
        "Step 2: Build",
        "Step 3: Show",
    ]
    assert steps.chart.series[0].values == [10, 9, 6, 5, 5]
    stops = figure(section, "playlist-stops")
    # three stopped there: too few to show, and so is their share
    assert stops.rows == [["Make an app", "Step 2: Build", FEWER, None]]
    assert stops.chart.series[0].values == [None]


def test_playlist_medians_are_hidden_behind_small_groups(city, provider):
    playlist = make_playlist(provider, [activity("Plan")], title="Small")
    users = learners("few", 3, born=today().year - 16, site=city["site"])
    started(users, playlist, completed_after=[1, 2, 3])

    overview = figure(sections.playlists_section(city_scope(city)), "playlists-started")

    assert overview.rows[0] == ["Small", FEWER, FEWER, None, None]
    assert overview.chart.series[0].values == [None]


# -- badges and review -----------------------------------------------------------------------------


def test_badges_per_issuer_claims_review_time_and_waiting_evidence(city, provider):
    city_issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )
    city_badge = make_badge_class(city_issuer, slug="city")
    provider_badge = make_badge_class(provider_issuer(provider), slug="provider")
    award_to(city_badge, [f"c{n}@example.org" for n in range(6)])
    award_to(city_badge, [f"r{n}@example.org" for n in range(2)], revoked=True)
    award_to(
        provider_badge,
        [f"p{n}@example.org" for n in range(5)],
        source=Award.Source.CLAIM_CODE,
    )

    playlist = make_playlist(provider, [activity("Plan")], title="Make an app")
    step_id = playlist.steps[0].id
    users = learners("learner", 12, born=today().year - 16, site=city["site"])
    now = timezone.now()
    for n, enrolment in enumerate(started(users, playlist)):
        if n == 11:  # sent back 5 days ago and sent again: waits, its old decision is not counted
            StepProgress.objects.create(
                enrolment=enrolment,
                step_id=step_id,
                status=StepProgress.Status.SUBMITTED,
                submitted_at=now - 2 * DAY,
                reviewed_at=now - 5 * DAY,
            )
            continue
        if n < 5:  # decided 1 to 5 days after being sent
            sent = now - 8 * DAY
            StepProgress.objects.create(
                enrolment=enrolment,
                step_id=step_id,
                status=StepProgress.Status.APPROVED,
                submitted_at=sent,
                reviewed_at=sent + (n + 1) * DAY,
            )
        else:  # waiting: two for 3 days, four for 40 days
            StepProgress.objects.create(
                enrolment=enrolment,
                step_id=step_id,
                status=StepProgress.Status.SUBMITTED,
                submitted_at=now - (3 if n < 7 else 40) * DAY,
            )

    section = sections.badges_section(city_scope(city))

    issued = figure(section, "badges-issued")
    by_issuer = {r[1]: r[2:] for r in issued.rows}
    assert by_issuer == {"Mesto učenja Ljubljana": [6, FEWER], provider.title: [5, 0]}
    claimed = figure(section, "badges-claimed")
    assert claimed.rows[-1][1] == 5
    review = figure(section, "review-time")
    assert review.rows[-1][1:] == [5, 3.0]
    waiting = figure(section, "evidence-waiting")
    assert [r[1] for r in waiting.rows] == [FEWER, 0, 0, FEWER]
    assert waiting.chart.series[0].values == [None, 0, 0, None]
    assert "7" in waiting.summary and "40" in waiting.summary
    longest = figure(section, "evidence-waiting-playlists")
    assert longest.rows == [["Make an app", 7, 40]]
    for row_ in longest.rows:
        assert not any("learner" in str(cell) for cell in row_)  # no learner is named


def test_a_provider_sees_only_its_own_badges_and_evidence(city, provider):
    other = make_provider(city)
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    cagliari_provider = make_provider(cagliari)
    for number, owner in enumerate([provider, other, cagliari_provider]):
        badge = make_badge_class(provider_issuer(owner), slug=f"badge-{number}")
        award_to(badge, [f"{number}-{n}@example.org" for n in range(5 + number)])
        playlist = make_playlist(owner, [activity("Plan")], title=f"Playlist {number}")
        users = learners(f"l{number}-", 5 + number, born=today().year - 16, site=None)
        for enrolment in started(users, playlist):
            StepProgress.objects.create(
                enrolment=enrolment,
                step_id=playlist.steps[0].id,
                status=StepProgress.Status.SUBMITTED,
                submitted_at=timezone.now() - DAY,
            )

    badges = sections.badges_section(city_scope(city, provider))
    playlists = sections.playlists_section(city_scope(city, provider))

    assert [r[1:] for r in figure(badges, "badges-issued").rows] == [[provider.title, 5, 0]]
    assert figure(badges, "evidence-waiting-playlists").rows == [["Playlist 0", 5, 1]]
    assert [r[0] for r in figure(playlists, "playlists-started").rows] == [
        "Playlist 0",
        "All playlists",
    ]
    whole_city = sections.badges_section(city_scope(city))
    issuers = {r[1] for r in figure(whole_city, "badges-issued").rows}
    assert issuers == {provider.title, other.title}  # never Cagliari's


# -- a fixed number of queries -----------------------------------------------------------------


def grow(city, playlist, badge, size, name):
    """``size`` more learners, each enrolled, with evidence and a badge."""
    users = learners(name, size, born=today().year - 15, site=city["site"])
    for user in users:
        user.learner_profile.interests.add(city["interests"]["music"])
    enrolments = started(users, playlist, completed_after=list(range(1, size + 1)))
    steps_done(enrolments, playlist.steps[0].id)
    award_to(badge, [user.email for user in users])


def queries(scope):
    counts = {}
    for make in (sections.learners_section, sections.playlists_section, sections.badges_section):
        with CaptureQueriesContext(connection) as captured:
            make(scope)
        counts[make.__name__] = len(captured.captured_queries)
    return counts


def test_queries_do_not_grow_with_the_city(city, provider):
    playlist = make_playlist(provider, [activity("Plan"), activity("Build")], title="Grow")
    badge = make_badge_class(provider_issuer(provider), slug="grow")
    grow(city, playlist, badge, 5, "first")
    small = queries(city_scope(city)), queries(city_scope(city, provider))
    for number in range(3):
        more = make_playlist(provider, [activity("Plan")], title=f"More {number}")
        grow(city, more, badge, 8, f"more{number}-")
    large = queries(city_scope(city)), queries(city_scope(city, provider))

    assert small == large
    assert all(count <= 12 for counts in large for count in counts.values())
    assert {section.key for section in sections_for(city_scope(city))} >= {
        "learners",
        "playlists",
        "badges",
    }
