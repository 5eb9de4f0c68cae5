"""The dashboard's "Needs survey" section: counts per choice, small counts hidden, nothing for
a provider, and a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import make_city, make_provider
from tests.insight.survey_world import answer, make_survey
from wagtail_cityoflearning.insight.figures import SECTIONS_HOOK
from wagtail_cityoflearning.insight.privacy import FEWER
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.insight.survey.sections import needs_survey_section


def city_scope(city, days=30):
    today = timezone.localdate()
    return Scope(site=city["site"], provider=None, start=today - dt.timedelta(days=days), end=today)


def answers(page, count, **changes):
    data = answer(**changes)
    data.pop("homepage")
    FormSubmission.objects.bulk_create(
        [FormSubmission(form_data=data, page=page) for _number in range(count)]
    )


def survey_section(scope):
    """The survey's section as the dashboard gets it (and only its queries)."""
    return needs_survey_section(scope)


def figure(section, key):
    return next(f for f in section.figures if f.key.endswith(key))


@pytest.fixture
def survey(city):
    return make_survey(city)


def table(fig):
    return {row[0]: row[1:] for row in fig.rows}


def test_each_question_is_counted_per_choice(city, survey):
    answers(survey, 12)
    answers(survey, 6, interests=["music"], age_band="25-29", neighbourhood="elsewhere")
    section = survey_section(city_scope(city))
    assert section.title == "Needs survey"
    assert table(figure(section, "survey-answers"))[survey.title] == [18]
    interests = table(figure(section, "-interests"))
    assert interests["Glasba"] == [18] and interests["Šport"] == [12]
    assert interests["Umetnost"] == [0]  # nobody chose it: shown, not hidden
    assert figure(section, "-interests").rows[0][0] == "Glasba"  # most chosen first
    ages = table(figure(section, "-age"))
    assert ages["16–18"] == [12] and ages["25–29"] == [6]
    places = table(figure(section, "-neighbourhood"))
    assert places["Šiška"] == [12] and places["Somewhere else"] == [6]
    assert table(figure(section, "-free-time"))["Weekends"] == [18]
    barriers = figure(section, "-barriers")
    assert barriers.columns[2:] == ["16–18", "25–29"]  # the bands that answered
    assert table(barriers)["It costs too much"] == [18, 12, 6]
    assert barriers.chart.stacked
    assert "Glasba (18)" in figure(section, "-interests").summary


def test_fewer_than_five_people_are_not_shown(city, survey):
    answers(survey, 3)
    section = survey_section(city_scope(city))
    assert table(figure(section, "survey-answers"))[survey.title] == [FEWER]
    assert table(figure(section, "-interests"))["Glasba"] == [FEWER]
    assert str(FEWER) == "fewer than 5"
    assert FEWER in figure(section, "-interests").chart.series[0].values


def test_answers_outside_the_period_are_not_counted(city, survey):
    answers(survey, 7)
    FormSubmission.objects.update(submit_time=timezone.now() - dt.timedelta(days=90))
    answers(survey, 5)
    section = survey_section(city_scope(city, days=30))
    assert table(figure(section, "survey-answers"))[survey.title] == [5]


def test_a_provider_s_scope_has_no_survey_section(city, survey):
    answers(survey, 12)
    provider = make_provider(city)
    today = timezone.localdate()
    scope = Scope(site=city["site"], provider=provider, start=today, end=today)
    assert survey_section(scope) is None


def test_another_city_s_survey_is_not_counted(city, survey):
    cagliari = make_city(hostname="cagliari.localhost", language="it", is_default=False)
    other = make_survey(cagliari, slug="sondaggio", title="Cosa vorresti imparare?")
    answers(other, 9)
    answers(survey, 5)
    section = survey_section(city_scope(city))
    assert table(figure(section, "survey-answers")) == {survey.title: [5]}


def test_the_section_runs_the_same_queries_however_many_answers_and_surveys(city, survey):
    answers(survey, 6)
    scope = city_scope(city)
    assert scope.tzinfo is not None  # the city's time zone, read once per scope
    with CaptureQueriesContext(connection) as few:
        survey_section(scope)
    for number in range(3):
        page = make_survey(city, slug=f"anketa-{number}", title=f"Anketa {number}")
        answers(page, 40, barriers=["nobody"])
    answers(survey, 200)
    with CaptureQueriesContext(connection) as many:
        section = survey_section(scope)
    assert len(section.figures) == 1 + 4 * 5
    assert len(many) == len(few) <= 5


def test_the_dashboard_gets_the_section_through_its_hook():
    from wagtail import hooks

    assert needs_survey_section in hooks.get_hooks(SECTIONS_HOOK)
