"""Learners' figures: months in the city's time zone, hidden counts that cannot be worked out
by subtraction, and sentences that read well when a count or median is hidden."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.insight.survey_world import make_survey
from tests.insight.test_people import activity, started
from tests.insight.test_people import city_scope as people_scope
from tests.insight.test_people import learners as people_learners
from tests.insight.test_survey_section import answers, city_scope, figure, table
from tests.learners.conftest import make_learner, make_playlist
from wagtail_cityoflearning.insight.people import sections
from wagtail_cityoflearning.insight.privacy import FEWER, WITHHELD, display, suppress_row
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.insight.survey.sections import needs_survey_section
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile, today
from wagtail_cityoflearning.learners.progress.models import StepProgress

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def learners(prefix, count, site, **profile):
    return [
        make_learner(f"{prefix}{n}@example.org", year_of_birth=2010, site=site, **profile)
        for n in range(count)
    ]


def by_key(section, key):
    return next(f for f in section.figures if f.key == key)


def test_suppress_row_hides_a_second_cell_only_when_a_total_would_reveal_one():
    assert suppress_row([11, FEWER, 0, 7], 21) == [11, FEWER, 0, WITHHELD]
    assert suppress_row([11, FEWER, FEWER], 15) == [11, FEWER, FEWER]  # two hidden: a sum only
    assert suppress_row([11, FEWER], None) == [11, FEWER]  # no total beside them
    assert suppress_row([FEWER, 0], FEWER) == [FEWER, 0]
    assert suppress_row([11, 7], 18) == [11, 7]
    assert display(WITHHELD) == "not shown" and WITHHELD != FEWER


def test_sign_ups_are_grouped_by_month_in_the_city_time_zone(city, settings):
    settings.TIME_ZONE = "UTC"  # the server's; Ljubljana is an hour or two ahead
    late = learners("late", 6, city["site"])
    LearnerProfile.objects.filter(user__in=late).update(
        created_at=dt.datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # 1 February in Ljubljana
    )
    scope = Scope(city["site"], None, dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    rows = dict(by_key(sections.learners_section(scope), "learner-sign-ups").rows)
    assert rows == {"January 2026": 0, "February 2026": 6}


def test_a_hidden_month_cannot_be_worked_out_from_the_total(city):
    site = city["site"]
    learners("now", 7, site)
    earlier = learners("then", 2, site)
    last_month = timezone.now() - dt.timedelta(days=40)
    LearnerProfile.objects.filter(user__in=earlier).update(created_at=last_month)
    end = timezone.localdate()
    scope = Scope(site, None, end - dt.timedelta(days=90), end)
    figure_ = by_key(sections.learners_section(scope), "learner-sign-ups")
    values = [row[1] for row in figure_.rows]
    assert FEWER in values and WITHHELD in values and 7 not in values
    assert figure_.summary.startswith("Sign-ups between ")
    assert "(not shown)" in figure_.summary


def test_consent_hides_a_second_state_and_reads_well(city):
    site = city["site"]
    learners("old", 9, site, consent="not_needed")
    learners("given", 6, site, consent="given")
    learners("wait", 2, site, consent="pending")
    section = sections.learners_section(city_scope(city, days=30))
    consent = by_key(section, "learner-consent")
    assert [row[1] for row in consent.rows] == [FEWER, WITHHELD, 9]
    assert [row[2] for row in consent.rows] == [None, None, round(100 * 9 / 17, 1)]
    assert consent.summary == (
        "Learners waiting for a parent's or guardian's consent: fewer than 5 of 17."
    )


def test_the_playlist_median_reads_well_when_hidden(city):
    summary = sections.median_words(3, 12.0)
    assert summary == "not shown (fewer than 5 people)"
    assert sections.median_words(8, 12.04) == "12.0"


def test_survey_barriers_by_age_cannot_be_subtracted_from_all_ages(city):
    survey = make_survey(city)
    answers(survey, 12)  # 16–18, cost
    answers(survey, 3, age_band="25-29")
    answers(survey, 6, age_band="13-15")
    section = needs_survey_section(city_scope(city))
    barriers = table(figure(section, "-barriers"))
    # All ages 21; 13–15: 6, 16–18: 12, 25–29: 3 (hidden), so 6 is hidden too.
    assert barriers["It costs too much"] == [21, WITHHELD, 12, FEWER]
    ages = table(figure(section, "-age"))  # one band per answer: same rule against the total
    assert ages["25–29"] == [FEWER] and ages["13–15"] == [WITHHELD] and ages["16–18"] == [12]


def test_a_drop_worked_out_from_a_hidden_step_is_hidden_with_its_share():
    funnel = sections.Funnel(
        1,
        "Make an app",
        [("Started", 9), ("Step 1: Plan", 9), ("Step 2: Build", 4), ("Completed", 4)],
    )
    steps = funnel.figure()
    assert [row[1] for row in steps.rows] == [9, 9, FEWER, FEWER]
    assert "(5)" not in steps.summary and "Most stopped before “Step 2: Build” (not shown)." in (
        steps.summary
    )
    stops = sections.stops([funnel])
    assert stops.rows == [["Make an app", "Step 2: Build", WITHHELD, None]]
    assert "(5)" not in stops.summary and "(not shown)" in stops.summary
    assert stops.chart.series[0].values == [None]


def test_a_drop_between_shown_counts_is_shown_with_its_share():
    funnel = sections.Funnel(2, "Paint", [("Started", 20), ("Step 1: Draw", 8), ("Completed", 6)])
    assert sections.stops([funnel]).rows == [["Paint", "Step 1: Draw", 12, 60.0]]
    small = sections.Funnel(3, "Sing", [("Started", 12), ("Step 1: Warm up", 9), ("Completed", 9)])
    assert sections.stops([small]).rows == [["Sing", "Step 1: Warm up", FEWER, None]]


def test_waiting_evidence_cannot_be_worked_out_from_the_total(city, provider):
    playlist = make_playlist(provider, [activity("Plan")], title="Make an app")
    step_id = playlist.steps[0].id
    users = people_learners("waiting", 8, born=today().year - 16, site=city["site"])
    now = timezone.now()
    for n, enrolment in enumerate(started(users, playlist)):
        StepProgress.objects.create(
            enrolment=enrolment,
            step_id=step_id,
            status=StepProgress.Status.SUBMITTED,
            submitted_at=now - (2 if n < 6 else 40) * dt.timedelta(days=1),
        )
    waiting = by_key(sections.badges_section(people_scope(city)), "evidence-waiting")
    assert [row[1] for row in waiting.rows] == [WITHHELD, 0, 0, FEWER]
    assert waiting.chart.series[0].values == [None, 0, 0, None]
    assert "decision: 8;" in waiting.summary  # the sum of two hidden counts gives neither back
