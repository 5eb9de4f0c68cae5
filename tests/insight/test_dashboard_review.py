"""The dashboard's filters at the edges: dates far in the past or future are form errors (never
a server error), the scope clamps them too, and "today" is the city's date."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time
from wagtail import hooks

from tests.insight.supply_support import build_city
from tests.insight.test_dashboard import english
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight import privacy
from wagtail_cityoflearning.insight.figures import (
    BAR,
    SECTIONS_HOOK,
    Chart,
    Figure,
    Section,
    Series,
)
from wagtail_cityoflearning.insight.scope import MAX_DATE, MIN_DATE, resolve_scope

pytestmark = pytest.mark.django_db
URL = reverse("cityoflearning_insight:index")
PRINT_URL = reverse("cityoflearning_insight:print")


@pytest.fixture
def world(db):
    found = build_city()
    editor = get_user_model().objects.create_user("editor-lj", "editor-lj@example.org", "pw")
    editor.groups.add(roles.city_editors(found["lj"]["site"]))
    found["editor"] = english(editor)
    return found


@pytest.mark.parametrize("url", [URL, PRINT_URL])
@pytest.mark.parametrize(
    "period, message",
    [
        ({"start": "9999-12-31"}, "on or before 2999-12-31"),
        ({"start": "9999-12-31", "end": "9999-12-31"}, "on or before 2999-12-31"),
        ({"start": "0001-01-01", "end": "0001-01-02"}, "on or after 2000-01-01"),
    ],
)
def test_extreme_dates_are_form_errors(client, world, url, period, message):
    client.force_login(world["editor"])
    params = {"city": world["lj"]["site"].pk, **period}
    response = client.get(url, params, HTTP_HOST="localhost")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors


def test_the_scope_clamps_extreme_dates(world):
    scope = resolve_scope(
        world["editor"], world["lj"]["site"], None, dt.date(1, 1, 1), dt.date(9999, 12, 31)
    )
    assert MIN_DATE <= scope.start <= scope.end == MAX_DATE
    assert scope.end_before.year == 3000


@freeze_time("2026-01-31 23:30:00+00:00")
def test_today_is_the_city_date(client, world, settings):
    settings.TIME_ZONE = "UTC"  # the server's; the city is in Ljubljana, already in February
    client.force_login(world["editor"])
    response = client.get(URL, HTTP_HOST="localhost")
    assert response.context["scope"].end == dt.date(2026, 2, 1)
    assert "start=2026-01-03&amp;end=2026-02-01" in response.content.decode()  # last 30 days
    response = client.get(URL, {"start": "2026-01-01"}, HTTP_HOST="localhost")
    assert response.context["scope"].end == dt.date(2026, 2, 1)


def test_a_download_builds_only_the_sections_up_to_its_figure(client, world):
    client.force_login(world["editor"])
    page = client.get(URL, HTTP_HOST="localhost")
    assert "download=supply-price&amp;section=supply&amp;format=csv" in page.content.decode()
    with CaptureQueriesContext(connection) as whole_page:
        client.get(URL, HTTP_HOST="localhost")
    params = {"download": "supply-price", "section": "supply", "format": "csv"}
    with CaptureQueriesContext(connection) as download:
        response = client.get(URL, params, HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response.content.decode().splitlines()[0] == "Price,Opportunities"
    assert len(download) < len(whole_page)
    # A figure in another section than the one named is not found.
    params["section"] = "learners"
    assert client.get(URL, params, HTTP_HOST="localhost").status_code == 404


def hidden_section(scope):
    values = [privacy.FEWER, 0, privacy.FEWER]
    return Section(
        key="hidden",
        title="Hidden",
        figures=[
            Figure(
                key="all-hidden",
                title="All hidden",
                columns=["Group", "People"],
                rows=[[label, value] for label, value in zip("abc", values, strict=True)],
                summary="Groups a to c.",
                chart=Chart(BAR, list("abc"), [Series("People", values)]),
            )
        ],
    )


def test_a_chart_whose_counts_are_all_hidden_is_a_sentence(client, world):
    client.force_login(world["editor"])
    with hooks.register_temporarily(SECTIONS_HOOK, hidden_section):
        page = client.get(URL, HTTP_HOST="localhost").content.decode()
    assert "Every count here is under 5, so none is shown." in page
    assert "figure-all-hidden-data" not in page  # no chart to draw
    assert "<caption" in page.split('id="figure-all-hidden"')[1]  # the table stays
