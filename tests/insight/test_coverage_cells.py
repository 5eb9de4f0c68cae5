"""The coverage map: the city's area in hexagons, opportunities counted in them, the
dashboard's figure and the JSON its filters fetch."""

import json

import h3
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_city, make_opportunity, make_provider
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight.coverage.cells import coverage
from wagtail_cityoflearning.insight.coverage.sections import PALETTE, coverage_section, legend_bins
from wagtail_cityoflearning.insight.figures import HEXAGONS, sections_for
from wagtail_cityoflearning.insight.scope import resolve_scope
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.models.taxonomy import Mode

# A square of about 3 km by 3.3 km around Ljubljana's centre.
SQUARE = [[14.48, 46.04], [14.52, 46.04], [14.52, 46.07], [14.48, 46.07], [14.48, 46.04]]
PREŠERNOV_TRG = (46.0513, 14.5058)
BEŽIGRAD = (46.0650, 14.5100)
VIČ = (46.0450, 14.4870)
FAR_AWAY = (46.1000, 14.6500)  # in the city, outside the square


def point(lat, lng):
    return f"SRID=4326;POINT({lng} {lat})"


@pytest.fixture
def city(db):
    city = make_city()
    settings = InsightSettings.for_site(city["site"])
    settings.boundary = json.dumps({"type": "Polygon", "coordinates": [SQUARE]})
    settings.save()
    city["provider"] = make_provider(city, title="Maker lab")
    city["other_provider"] = make_provider(city, title="Youth centre")
    interests = city["interests"]
    make_opportunity(
        city["provider"],
        [interests["science-technology"]],
        title="Robots",
        location=point(*PREŠERNOV_TRG),
        age_min=13,
        age_max=15,
    )
    make_opportunity(
        city["provider"],
        [interests["arts"]],
        title="Drawing",
        location=point(*PREŠERNOV_TRG),
        age_min=16,
        age_max=19,
    )
    make_opportunity(
        city["other_provider"],
        [interests["arts"]],
        title="Murals",
        location=point(*BEŽIGRAD),
        age_min=None,
        age_max=None,
    )
    make_opportunity(
        city["other_provider"],
        [interests["sports"]],
        title="Climbing",
        location=point(*FAR_AWAY),
        age_min=20,
        age_max=29,
    )
    # Not counted: online, unpublished, and over long ago.
    make_opportunity(
        city["provider"],
        [interests["arts"]],
        title="Online drawing",
        location=point(*VIČ),
        mode=Mode.ONLINE,
        online_url="https://meet.example.org/x",
    )
    make_opportunity(
        city["provider"], [interests["arts"]], title="Draft", location=point(*VIČ), publish=False
    )
    return city


def cell(lat_lng, resolution=8):
    return h3.latlng_to_cell(*lat_lng, resolution)


def city_scope(city, provider=None):
    admin = get_user_model().objects.filter(username="root").first()
    admin = admin or get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    return resolve_scope(admin, site=city["site"], provider=provider)


def test_opportunities_are_counted_in_the_cells_they_stand_in(city):
    result = coverage(city_scope(city))
    assert set(result.counts) == set(result.area.cells)
    assert result.area.resolution == 8 and result.area.from_boundary
    assert result.counts[cell(PREŠERNOV_TRG)] == 2
    assert result.counts[cell(BEŽIGRAD)] == 1
    assert result.counts[cell(VIČ)] == 0  # the online one and the draft are not counted
    assert result.outside == 1  # climbing, outside the square
    assert result.empty == result.total - 2
    assert 12 <= result.total <= 30  # about 10 km² in cells of 0.74 km²


def test_every_cell_has_its_outline(city):
    result = coverage(city_scope(city))
    outline = result.area.cells[cell(PREŠERNOV_TRG)]
    assert len(outline) == 6
    lat, lng = PREŠERNOV_TRG
    assert all(abs(a - lat) < 0.01 and abs(b - lng) < 0.01 for a, b in outline)


def test_the_interest_and_the_age_band_narrow_the_counts(city):
    scope = city_scope(city)
    arts = coverage(scope, interest="arts")
    assert arts.counts[cell(PREŠERNOV_TRG)] == 1 and arts.counts[cell(BEŽIGRAD)] == 1
    teens = coverage(scope, band="13-15")
    assert teens.counts[cell(PREŠERNOV_TRG)] == 1  # robots; drawing is from 16
    assert teens.counts[cell(BEŽIGRAD)] == 1  # murals: any age
    both = coverage(scope, interest="arts", band="16-18")
    assert both.counts[cell(PREŠERNOV_TRG)] == 1 and both.counts[cell(BEŽIGRAD)] == 1
    assert coverage(scope, interest="music").opportunities == 0


def test_a_providers_scope_counts_only_its_own_opportunities(city):
    result = coverage(city_scope(city, provider=city["other_provider"]))
    assert result.counts[cell(PREŠERNOV_TRG)] == 0
    assert result.counts[cell(BEŽIGRAD)] == 1
    assert result.total == coverage(city_scope(city)).total  # the same city, the same cells


def test_without_a_boundary_the_area_is_around_the_citys_points(city):
    InsightSettings.objects.filter(site=city["site"]).update(boundary="")
    result = coverage(city_scope(city))
    assert not result.area.from_boundary
    for where in (PREŠERNOV_TRG, BEŽIGRAD, FAR_AWAY):
        assert cell(where) in result.counts
    assert result.outside == 0
    assert result.counts[cell(FAR_AWAY)] == 1


def test_a_city_without_boundary_or_points_has_no_area(db):
    city = make_city()
    result = coverage(city_scope(city))
    assert result.area is None and result.total == 0
    [figure] = coverage_section(city_scope(city)).figures
    assert "no area to show" in figure.summary
    assert figure.rows == []


@override_settings(WAGTAIL_CITYOFLEARNING={"INSIGHT_H3_RESOLUTION": 7})
def test_the_resolution_is_a_setting(city):
    result = coverage(city_scope(city))
    assert result.area.resolution == 7
    assert result.counts[cell(PREŠERNOV_TRG, 7)] >= 2


def test_the_dashboard_figure_has_the_map_the_table_and_a_summary(city):
    scope = city_scope(city)
    section = next(s for s in sections_for(scope) if s.key == "coverage")
    [figure] = section.figures
    assert figure.chart.kind == HEXAGONS
    assert figure.chart.data["template"] == "wagtail_cityoflearning_insight/coverage/map.html"
    total = coverage(scope).total
    assert figure.summary == (
        f"Areas of about 0.7 km² with no in-person opportunity: {total - 2} of {total}. "
        # The period ends today: the three opportunities in the area all start after it.
        "Opportunities counted: 3, of which 3 are still to come, after the period."
    )
    assert figure.rows[0][1:] == [2, cell(PREŠERNOV_TRG)]
    assert figure.rows[1][1:] == [1, cell(BEŽIGRAD)]
    assert figure.rows[-1] == [f"{total - 2} other areas", 0, ""]
    assert "outside the city's area" in figure.note
    html = render_to_string(figure.chart.data["template"], {"figure": figure, "scope": scope})
    assert '<label for="coverage-interest">' in html and '<label for="coverage-band">' in html
    assert 'value="13-15"' in html and 'value="science-technology"' in html
    assert "leaflet.js" in html and "coverage.js" in html
    assert "<script>" not in html  # no inline script: data goes in JSON elements
    cells = json.loads(html.split('id="coverage-cells" type="application/json">')[1].split("<")[0])
    assert len(cells["cells"]) == total
    colours = {c["id"]: c["colour"] for c in cells["cells"]}
    assert colours[cell(VIČ)] == "#ffffff"  # empty: white, hatched
    assert colours[cell(PREŠERNOV_TRG)] != colours[cell(BEŽIGRAD)]


# -- constant queries ----------------------------------------------------------------------------


def _queries(callable_):
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)


def test_the_figure_and_the_json_run_the_same_queries_whatever_the_size(city, client):
    scope = city_scope(city)
    assert scope.tzinfo is not None  # the city's time zone, read once per scope
    admin = get_user_model().objects.get(username="root")
    client.force_login(admin)
    url = reverse("wagtail_cityoflearning_insight_coverage:cells")
    params = {"site": city["site"].pk, "interest": "arts", "band": "13-15"}
    client.get(url, params)  # the cells' cache is warm, as it is on a second visit
    small = (_queries(lambda: coverage_section(scope)), _queries(lambda: client.get(url, params)))
    for number in range(25):
        lat = SQUARE[0][1] + 0.001 * number
        make_opportunity(
            city["other_provider"],
            [city["interests"]["arts"]],
            title=f"Arts {number}",
            location=point(lat, 14.50),
        )
    client.get(url, params)  # the new pages made the page cache stale: it settles again
    large = (_queries(lambda: coverage_section(scope)), _queries(lambda: client.get(url, params)))
    assert small == large
    assert coverage(scope, interest="arts").opportunities == 27


# -- the JSON view, per role ---------------------------------------------------------------------


@pytest.fixture
def people(city, django_user_model):
    other = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")

    def staff(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(group)
        return user

    return {
        "other_city": other,
        "superuser": django_user_model.objects.create_superuser("admin", "a@example.org", "pw"),
        "city_editor": staff("editor", roles.city_editors(city["site"])),
        "other_city_editor": staff("editor-ca", roles.city_editors(other["site"])),
        "provider_staff": staff("staff", roles.provider_staff(city["other_provider"])),
        "learner": django_user_model.objects.create_user("maja", "maja@example.org", "pw"),
    }


def _cells(client, user, **params):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("wagtail_cityoflearning_insight_coverage:cells"), params)


def sl(message: str) -> str:
    """``message`` as the admin of a Slovenian city shows it."""
    with translation.override("sl"):
        return translation.gettext(message)


def _count(response, where):
    return {c["id"]: c["count"] for c in response.json()["cells"]}[cell(where)]


@pytest.mark.parametrize("role", ["superuser", "city_editor"])
def test_the_city_sees_its_cells(city, people, client, role):
    response = _cells(client, people[role], site=city["site"].pk, band="13-15")
    assert response.status_code == 200
    data = response.json()
    assert _count(response, PREŠERNOV_TRG) == 1
    every_age = _cells(client, people[role], site=city["site"].pk).json()["summary"]
    assert "13–15" in data["summary"] and data["summary"] != every_age
    assert data["legend"] and data["emptyLabel"] == sl("no opportunities")


def test_provider_staff_see_only_their_providers_counts(city, people, client):
    response = _cells(client, people["provider_staff"], site=city["site"].pk)
    assert response.status_code == 200
    assert _count(response, PREŠERNOV_TRG) == 0 and _count(response, BEŽIGRAD) == 1
    other = _cells(
        client, people["provider_staff"], site=city["site"].pk, provider=city["provider"].pk
    )
    assert other.status_code == 403
    assert other.json()["error"] == sl("You may not see the figures of this city or provider.")


def test_another_citys_editor_is_refused(city, people, client):
    response = _cells(client, people["other_city_editor"], site=city["site"].pk)
    assert response.status_code == 403


@pytest.mark.parametrize("role", [None, "learner"])
def test_people_without_the_admin_get_no_cells(city, people, client, role):
    response = _cells(client, people[role] if role else None, site=city["site"].pk)
    assert response.status_code in (302, 403)
    assert b"cells" not in response.content


@pytest.mark.parametrize(
    "params, field, words",
    [
        ({"band": "12-99"}, "band", ""),
        ({"interest": "knitting"}, "interest", "The city has no such interest."),
        ({"interest": "<b>"}, "interest", ""),
        ({"site": "999999"}, "site", "There is no such city."),
        ({"site": "x"}, "site", ""),
        ({"site": str(2**70)}, "site", ""),
        ({"provider": "999999"}, "provider", "There is no such provider."),
        ({"start": "2026-13-01", "end": "2026-12-01"}, "start", ""),
        ({"start": "2026-01-01"}, "end", "Give both the first and the last day of the period."),
    ],
)
def test_bad_input_is_a_400_with_a_message(city, people, client, params, field, words):
    params = {"site": city["site"].pk, **params}
    response = _cells(client, people["superuser"], **params)
    assert response.status_code == 400
    data = response.json()
    assert list(data["errors"]) == [field]
    # Messages come in the admin's language (Slovenian here).
    assert data["error"] and (not words or sl(words) in data["error"])


def test_the_legend_has_a_class_per_count_or_five_of_about_equal_size():
    assert legend_bins([0, 0]) == []
    assert [(low, high) for low, high, _c in legend_bins([0, 1, 2, 2])] == [(1, 1), (2, 2)]
    bins = legend_bins([0, 1, 2, 3, 5, 8, 13, 21, 40])
    assert [(low, high) for low, high, _c in bins] == [(1, 2), (3, 5), (6, 8), (9, 21), (22, 40)]
    assert [colour for _l, _h, colour in bins] == PALETTE
    # With few classes the lightest blue is left out: it is the closest to an empty cell.
    assert PALETTE[0] not in [colour for _l, _h, colour in legend_bins([1, 2, 3])]
