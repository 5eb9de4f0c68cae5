"""The coverage JSON's checks of the period, as the dashboard's form makes them, and the
summary saying what the coverage counts beyond the supply: what is still to come."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_opportunity, session
from tests.insight.test_coverage_cells import (  # noqa: F401
    PREŠERNOV_TRG,
    VIČ,
    cell,
    city,
    city_scope,
    people,
    point,
    sl,
)
from wagtail_cityoflearning.insight.coverage.cells import coverage
from wagtail_cityoflearning.insight.coverage.sections import coverage_section, summary
from wagtail_cityoflearning.insight.scope import resolve_scope

CELLS = "wagtail_cityoflearning_insight_coverage:cells"
REVERSED = "The end of the period is before its start."


def test_a_period_that_ends_before_it_starts_is_a_400_with_the_dashboards_message(
    city,  # noqa: F811
    people,  # noqa: F811
    client,
):
    client.force_login(people["superuser"])
    params = {"site": city["site"].pk, "start": "2026-12-01", "end": "2020-01-01"}
    response = client.get(reverse(CELLS), params)
    assert response.status_code == 400
    data = response.json()
    assert data["errors"] == {"end": [sl(REVERSED)]}
    assert data["error"] == sl(REVERSED)
    assert sl(REVERSED) != REVERSED  # the dashboard's message, already translated
    same_day = client.get(reverse(CELLS), {**params, "end": "2026-12-01"})
    assert same_day.status_code == 200


def test_each_field_in_error_has_its_own_message_and_the_error_is_the_first(
    city,  # noqa: F811
    people,  # noqa: F811
    client,
):
    client.force_login(people["superuser"])
    params = {"site": city["site"].pk, "start": "1000-01-01", "end": "1001-01-01"}
    data = client.get(reverse(CELLS), params).json()
    assert list(data["errors"]) == ["start", "end"]
    assert all(len(messages) == 1 for messages in data["errors"].values())
    assert data["error"] == data["errors"]["start"][0]
    assert data["error"].count(sl("Choose a date on or after %(limit_value)s.").split("%")[0]) == 1


def test_the_summary_says_how_many_are_counted_only_because_they_are_still_to_come(
    city,  # noqa: F811
):
    make_opportunity(
        city["provider"],
        [city["interests"]["arts"]],
        sessions=[],
        title="Weekly club",
        is_ongoing=True,
        location=point(*VIČ),
    )
    make_opportunity(
        city["provider"],
        [city["interests"]["arts"]],
        sessions=[session(-2), session(5)],
        title="Running now",
        location=point(*VIČ),
    )
    today = timezone.localdate()
    # The default period ends today: the three opportunities whose sessions are all to come
    # (robots, drawing, murals) are counted, and said to be still to come.
    result = coverage(city_scope(city))
    assert (result.opportunities, result.later) == (5, 3)
    [figure] = coverage_section(city_scope(city)).figures
    assert "5" in figure.summary and "3" in figure.summary
    assert "still to come" in summary(result)
    # A period that reaches into the weeks to come holds their sessions: none only to come.
    root = get_user_model().objects.get(username="root")
    ahead = resolve_scope(
        root, site=city["site"], start=today - dt.timedelta(days=30), end=today + dt.timedelta(20)
    )
    result = coverage(ahead)
    assert (result.opportunities, result.later) == (5, 0)
    assert "still to come" not in summary(result)
    # A past period counts nothing still to come.
    past = resolve_scope(
        root,
        site=city["site"],
        start=today - dt.timedelta(days=60),
        end=today - dt.timedelta(days=1),
    )
    assert coverage(past).later == 0
    # The filters narrow it too.
    teens = coverage(city_scope(city), band="13-15")
    assert teens.counts[cell(PREŠERNOV_TRG)] == 1 and teens.later == 2  # robots, murals


def test_the_json_summary_says_it_too(city, people, client):  # noqa: F811
    client.force_login(people["superuser"])
    data = client.get(reverse(CELLS), {"site": city["site"].pk}).json()
    with translation.override("sl"):
        expected = summary(coverage(city_scope(city)))
    assert data["summary"] == expected and "3" in data["summary"]
