"""The city insight dashboard in the admin: who sees which figures, the filters and their
errors, the downloads, and that counts of fewer than five people stay hidden everywhere."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail import hooks
from wagtail.users.models import UserProfile

from tests.insight.supply_support import END, START, build_city
from tests.learners.conftest import make_learner
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight import privacy
from wagtail_cityoflearning.insight.dashboard.charts import PALETTE, contrast
from wagtail_cityoflearning.insight.figures import (
    BAR,
    SECTIONS_HOOK,
    Chart,
    Figure,
    Section,
    Series,
)

pytestmark = pytest.mark.django_db
URL = reverse("cityoflearning_insight:index")
PRINT_URL = reverse("cityoflearning_insight:print")
PERIOD = {"start": START.isoformat(), "end": END.isoformat()}


@pytest.fixture
def world(db):
    found = build_city()
    User = get_user_model()
    found["staff"] = User.objects.create_user("staff-a", "staff-a@example.org", "pw")
    found["staff"].groups.add(roles.provider_staff(found["maker"]))
    found["editor"] = User.objects.create_user("editor-lj", "editor-lj@example.org", "pw")
    found["editor"].groups.add(roles.city_editors(found["lj"]["site"]))
    found["root"] = User.objects.create_superuser("root", "root@example.org", "pw")
    for key in ("staff", "editor", "root"):
        english(found[key])
    return found


def english(user):
    """The admin speaks English to ``user``."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def get(client, user, **params):
    if user is not None:
        client.force_login(user)
    return client.get(URL, params, HTTP_HOST="localhost")


def text(response) -> str:
    return response.content.decode()


def test_a_visitor_is_sent_to_log_in(client, world):
    response = get(client, None)
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_a_learner_has_no_access(client, world):
    learner = make_learner("maja@example.org", site=world["lj"]["site"])
    response = get(client, learner)
    assert response.status_code in (302, 403)
    assert "Live opportunities per month" not in text(response)


def test_a_city_editor_sees_their_city_and_chooses_a_provider(client, world):
    response = get(client, world["editor"], **PERIOD)
    assert response.status_code == 200
    page = text(response)
    assert "Ljubljana, the whole city" in page
    assert "Live opportunities per month" in page
    # The provider may be narrowed; the city is the only one, so no city to choose.
    assert "All providers (the whole city)" in page and 'name="city"' in page
    assert 'type="hidden" name="city"' in page
    narrowed = get(client, world["editor"], provider=world["youth"].pk, **PERIOD)
    assert "Ljubljana, Youth centre" in text(narrowed)


def test_a_city_editor_may_not_ask_for_another_city(client, world):
    response = get(client, world["editor"], city=world["ca"]["site"].pk, **PERIOD)
    assert response.status_code == 404


def test_provider_staff_see_only_their_provider(client, world):
    response = get(client, world["staff"], **PERIOD)
    assert response.status_code == 200
    page = text(response)
    assert "Ljubljana, Maker lab" in page
    assert "All providers (the whole city)" not in page
    # Asking for the whole city still shows their provider only.
    response = get(client, world["staff"], city=world["lj"]["site"].pk, provider="", **PERIOD)
    assert "Ljubljana, Maker lab" in text(response)
    assert response.context["scope"].provider.pk == world["maker"].pk
    # Another provider is out of reach.
    response = get(client, world["staff"], provider=world["youth"].pk, **PERIOD)
    assert response.status_code == 404


def test_the_superuser_chooses_any_city(client, world):
    response = get(client, world["root"], city=world["ca"]["site"].pk, **PERIOD)
    assert response.status_code == 200
    assert "Cagliari, the whole city" in text(response)
    assert ">Cagliari</option>" in text(response)


def test_the_menu_shows_city_insight_to_staff_only(client, world):
    client.force_login(world["staff"])
    assert "City insight" in client.get(reverse("wagtailadmin_home")).content.decode()
    other = get_user_model().objects.create_user("nobody", "nobody@example.org", "pw")
    other.groups.add(roles.city_editors(world["ca"]["site"]))
    english(other)
    client.force_login(other)
    # A Cagliari editor sees Cagliari, not Ljubljana.
    assert "Cagliari, the whole city" in text(get(client, other))


@pytest.mark.parametrize(
    "params, field, message",
    [
        ({"start": "2026-03-01", "end": "2026-01-01"}, "end", "before its start"),
        ({"start": "yesterday"}, "start", "Enter a valid date"),
        ({"city": "ljubljana"}, "city", "Enter a whole number"),
        ({"start": "2010-01-01", "end": "2026-01-01"}, "start", "at most 5 years"),
    ],
)
def test_invalid_filters_are_form_errors(client, world, params, field, message):
    response = get(client, world["editor"], **params)
    assert response.status_code == 200
    assert message in text(response)
    assert response.context["form"].errors[field]
    assert 'aria-invalid="true"' in text(response)
    assert "Live opportunities per month" not in text(response)


def test_quick_periods_keep_the_filters(client, world):
    response = get(client, world["editor"], provider=world["youth"].pk, **PERIOD)
    page = text(response)
    assert "Last 30 days" in page and "This calendar year" in page
    assert f"provider={world['youth'].pk}" in page


def test_every_figure_has_its_chart_summary_and_table(client, world):
    page = text(get(client, world["editor"], **PERIOD))
    assert 'role="img"' in page
    assert 'aria-describedby="figure-supply-over-time-summary"' in page
    assert 'id="figure-supply-over-time-data" type="application/json"' in page
    assert '<th scope="col">Month</th>' in page
    assert 'role="region" tabindex="0" aria-labelledby="figure-supply-price-caption"' in page
    assert "format=csv" in page and "format=xlsx" in page
    assert "<script>" not in page.replace('type="application/json">', "")  # no inline code


def test_csv_download_keeps_the_filters(client, world):
    response = get(client, world["editor"], download="supply-price", format="csv", **PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="ljubljana-supply-price-2026-01-01-2026-03-31.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Price", "Opportunities"], ["Free", "2"], ["Paid", "1"]]


def test_xlsx_download(client, world):
    response = get(
        client,
        world["editor"],
        provider=world["maker"].pk,
        download="supply-interests",
        format="xlsx",
        **PERIOD,
    )
    assert response.status_code == 200
    assert "ljubljana-" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Interest", "Opportunities"],
        ["Znanost in tehnika", 1],
    ]


def test_bad_downloads_are_refused_with_a_message(client, world):
    response = get(client, world["editor"], download="supply-price", format="pdf")
    assert response.status_code == 400
    assert "csv or xlsx" in text(response)
    assert get(client, world["editor"], download="nothing", format="csv").status_code == 404


def small_group_section(scope):
    return Section(
        key="test-people",
        title="People",
        order=900,
        figures=[
            Figure(
                key="test-people",
                title="Learners by age",
                columns=["Band", "Learners"],
                rows=[["13–15", privacy.people(3)], ["16–18", privacy.people(7)]],
                summary="Seven learners were 16 to 18.",
                chart=Chart(BAR, ["13–15", "16–18"], [Series("Learners", [privacy.people(3), 7])]),
            )
        ],
    )


def test_counts_under_five_stay_hidden_in_the_page_and_downloads(client, world):
    with hooks.register_temporarily(SECTIONS_HOOK, small_group_section):
        response = get(client, world["editor"], **PERIOD)
        page = text(response)
        assert '<td class="insight__number">fewer than 5</td>' in page
        assert '"values": [null, 7]' in page  # a gap in the chart
        assert ">3<" not in page.split('id="insight-test-people"')[1]
        csv_file = get(client, world["editor"], download="test-people", format="csv", **PERIOD)
        rows = list(csv.reader(io.StringIO(csv_file.content.decode())))
        assert rows[1] == ["13–15", "fewer than 5"]
        xlsx = get(client, world["editor"], download="test-people", format="xlsx", **PERIOD)
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
        assert sheet["B2"].value == "fewer than 5"
        assert sheet["B3"].value == 7


def test_the_print_summary_says_each_figure_in_words(client, world):
    client.force_login(world["editor"])
    response = client.get(PRINT_URL, PERIOD, HTTP_HOST="localhost")
    assert response.status_code == 200
    page = text(response)
    assert "City insight: Ljubljana" in page
    assert "2 of 3 live opportunities were free." in page
    assert "data-insight-print" in page
    assert "<canvas" not in page


def test_the_palette_keeps_three_to_one_against_white():
    assert len(PALETTE) >= 6
    assert all(contrast(colour) >= 3 for colour in PALETTE), [
        (colour, round(contrast(colour), 2)) for colour in PALETTE
    ]
