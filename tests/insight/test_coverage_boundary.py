"""The city's boundary: what the insight settings accept, what they refuse and why."""

import json

import h3
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from example_site.demo import insight_coverage
from tests.factories import make_city
from wagtail_cityoflearning.insight.coverage.boundary import (
    MAX_BOUNDARY_BYTES,
    MAX_VERTICES,
    convex_hull,
    hull_polygons,
    parse_boundary,
)
from wagtail_cityoflearning.insight.settings import InsightSettings

SQUARE = [[14.48, 46.04], [14.52, 46.04], [14.52, 46.07], [14.48, 46.07], [14.48, 46.04]]
OTHER = [[14.60, 46.04], [14.62, 46.04], [14.62, 46.06], [14.60, 46.04]]


def polygon(ring=SQUARE):
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry):
    return {"type": "Feature", "properties": {"name": "x"}, "geometry": geometry}


def message(text) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_boundary(text if isinstance(text, str) else json.dumps(text))
    return " ".join(caught.value.messages)


# -- what is accepted ----------------------------------------------------------------------------


def test_an_empty_boundary_is_no_area():
    assert parse_boundary("") == []
    assert parse_boundary("   \n") == []


def test_a_polygon_a_multipolygon_and_a_feature_are_read_alike():
    expected = [[SQUARE]]
    assert parse_boundary(json.dumps(polygon())) == expected
    assert parse_boundary(json.dumps(feature(polygon()))) == expected
    multi = {"type": "MultiPolygon", "coordinates": [[SQUARE], [OTHER]]}
    assert parse_boundary(json.dumps(multi)) == [[SQUARE], [OTHER]]


def test_a_feature_collection_is_merged_into_one_multipolygon():
    collection = {
        "type": "FeatureCollection",
        "features": [
            feature(polygon()),
            feature({"type": "MultiPolygon", "coordinates": [[OTHER]]}),
        ],
    }
    assert parse_boundary(json.dumps(collection)) == [[SQUARE], [OTHER]]


def test_a_polygon_with_a_hole_and_altitudes_is_accepted():
    hole = [[14.49, 46.05], [14.50, 46.05], [14.50, 46.06], [14.49, 46.05]]
    with_altitude = [[*position, 295.0] for position in SQUARE]
    polygons = parse_boundary(
        json.dumps(polygon(with_altitude) | {"coordinates": [with_altitude, hole]})
    )
    assert polygons == [[SQUARE, hole]]


@pytest.mark.parametrize("name", ["ljubljana", "cagliari"])
def test_each_demo_city_has_a_plausible_boundary(name):
    polygons = parse_boundary(insight_coverage.boundary(name))
    ring = polygons[0][0]
    assert 20 <= len(ring) <= 41
    centre = {"ljubljana": (46.0511, 14.5051), "cagliari": (39.2238, 9.1217)}[name]
    cells = h3.geo_to_cells({"type": "MultiPolygon", "coordinates": polygons}, 8)
    assert h3.latlng_to_cell(*centre, 8) in cells
    # Ljubljana's municipality is about 275 km², Cagliari's about 85 km² (0.74 km² a cell).
    expected = {"ljubljana": (250, 500), "cagliari": (50, 150)}[name]
    assert expected[0] <= len(cells) <= expected[1]


# -- what is refused, and the message -------------------------------------------------------------


@pytest.mark.parametrize(
    "value, words",
    [
        ("{not json", "cannot be read at line 1, column 2"),
        ('{"type": "Polygon", "coordinates": [[[NaN, 46.0]]]}', "cannot be read"),
        ("[" * 100_000 + "]" * 100_000, "cannot be read"),
        ({"type": "Point", "coordinates": [14.5, 46.0]}, "this is Point"),
        ({"type": "LineString", "coordinates": [[14.5, 46.0], [14.6, 46.1]]}, "this is LineString"),
        ({"type": "GeometryCollection", "geometries": [polygon()]}, "GeometryCollection"),
        ([polygon()], "this is a list"),
        ("42", "this is a single value"),
        (feature({"type": "Point", "coordinates": [14.5, 46.0]}), "this is Point"),
        ({"type": "FeatureCollection", "features": []}, "has no features"),
        (
            {"type": "FeatureCollection", "features": [feature(polygon()), feature(None)]},
            "Feature 2 of the boundary is not a polygon",
        ),
        ({"type": "MultiPolygon", "coordinates": []}, "MultiPolygon has no polygons"),
        ({"type": "Polygon", "coordinates": []}, "has no rings"),
        (
            polygon([[14.5, 46.0], [14.6, 46.0], [14.5, 46.0]]),
            "has 3 positions; it needs at least 4",
        ),
        (polygon(SQUARE[:-1] + [[14.47, 46.04]]), "is not closed"),
        (polygon([[200, 46.0], [14.6, 46.0], [14.6, 46.1], [200, 46.0]]), "outside the globe"),
        (polygon([[14.5, 95], [14.6, 46.0], [14.6, 46.1], [14.5, 95]]), "outside the globe"),
        (polygon([["14.5", 46.0], [14.6, 46.0], [14.6, 46.1], ["14.5", 46.0]]), "not a longitude"),
        (polygon([[True, 46.0], [14.6, 46.0], [14.6, 46.1], [True, 46.0]]), "not a longitude"),
        (polygon([[14.5], [14.6, 46.0], [14.6, 46.1], [14.5]]), "not a longitude"),
        (
            '{"type":"Polygon","coordinates":[[[1e400,46],[14.6,46],[14.6,46.1],[1e400,46]]]}',
            "outside the globe",
        ),
        (
            polygon([[10**400, 46.0], [14.6, 46.0], [14.6, 46.1], [10**400, 46.0]]),
            "outside the globe",
        ),
        (
            polygon([[13.0, 45.0], [16.0, 45.0], [16.0, 47.0], [13.0, 45.0]]),
            "more than 1.5 degrees",
        ),
        # Latitude and longitude swapped: a ring across the world.
        (polygon([[46.04, 14.48], [46.04, 14.52], [46.07, 14.52], [46.04, 14.48]]), None),
    ],
)
def test_a_boundary_that_is_not_an_area_is_refused_with_a_message(value, words):
    if words is None:  # in the globe, and a city's size: accepted (the map shows it at sea)
        assert parse_boundary(json.dumps(value))
        return
    assert words in message(value)


def test_a_boundary_with_too_many_points_is_refused():
    step = 0.5 / MAX_VERTICES
    ring = [[14.5 + i * step, 46.0 + (i % 2) * 0.001] for i in range(MAX_VERTICES + 1)]
    ring.append(ring[0])
    assert f"more than {MAX_VERTICES} points" in message(polygon(ring))


def test_a_boundary_larger_than_the_limit_is_refused_before_it_is_read():
    text = "{" + " " * MAX_BOUNDARY_BYTES + json.dumps(polygon())[1:]
    assert "larger than 1 MB" in message(text)


# -- the hull ------------------------------------------------------------------------------------


def test_the_convex_hull_keeps_the_outer_points():
    points = [(0, 0), (2, 0), (2, 2), (0, 2), (1, 1), (1, 0.5), (0, 0)]
    assert convex_hull(points) == [(0, 0), (2, 0), (2, 2), (0, 2)]
    assert convex_hull([(1, 1), (1, 1)]) == [(1, 1)]


def test_the_hull_of_a_citys_points_reaches_beyond_them():
    points = [(46.05, 14.50), (46.06, 14.52), (46.04, 14.53)]
    [[ring]] = hull_polygons(points)
    assert ring[0] == ring[-1]
    cells = h3.geo_to_cells({"type": "Polygon", "coordinates": [ring]}, 9)
    for lat, lng in points:  # each point lies well inside: so does its cell's centre
        assert h3.latlng_to_cell(lat, lng, 9) in cells
    assert hull_polygons([]) == []
    [[single]] = hull_polygons([(46.05, 14.50)])  # one point: an octagon around it
    assert len(single) == 9


# -- the settings form ---------------------------------------------------------------------------


@pytest.fixture
def city_and_admin(db, client, django_user_model):
    city = make_city()
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    url = reverse(
        "wagtailsettings:edit",
        args=["wagtail_cityoflearning_insight", "insightsettings", city["site"].pk],
    )
    return city, url


def _post(client, url, boundary):
    return client.post(
        url,
        {"boundary": boundary, "neighbourhoods": "Center\nVič", "accepts_suggestions": "on"},
    )


@pytest.mark.parametrize("name", ["ljubljana", "cagliari"])
def test_an_editor_uploads_the_citys_boundary(city_and_admin, client, name):
    city, url = city_and_admin
    text = insight_coverage.boundary(name)
    response = _post(client, url, text)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert InsightSettings.for_site(city["site"]).boundary == text
    page = client.get(url).content.decode()
    assert "data-col-boundary" in page  # the map preview is offered
    assert "boundary-preview.js" in page


@pytest.mark.parametrize(
    "boundary, words",
    [
        ('{"type": "Point", "coordinates": [14.5, 46.0]}', "this is Point"),
        ("{oops", "cannot be read at line 1, column 2"),
        (json.dumps(polygon(SQUARE[:-1] + [[14.47, 46.04]])), "is not closed"),
    ],
)
def test_a_bad_boundary_is_a_form_error_not_a_server_error(city_and_admin, client, boundary, words):
    city, url = city_and_admin
    response = _post(client, url, boundary)
    assert response.status_code == 200

    def messages(language):
        with translation.override(language):
            with pytest.raises(ValidationError) as raised:
                parse_boundary(boundary)
            return [str(message) for message in raised.value.messages]

    assert any(words in message for message in messages("en"))  # the error meant
    for message in messages("sl"):  # shown in the admin's language, the city's
        assert escape(message) in response.content.decode()
    assert InsightSettings.for_site(city["site"]).boundary == ""


@pytest.mark.parametrize("name, count", [("ljubljana", 17), ("cagliari", 20)])
def test_the_demo_sets_each_citys_area_and_neighbourhoods_once(db, name, count):
    city = make_city() if name == "ljubljana" else make_city("cagliari.localhost", "it")
    insight_coverage.load(city["site"], name)
    insight_coverage.load(city["site"], name)
    settings = InsightSettings.for_site(city["site"])
    assert parse_boundary(settings.boundary)
    assert len(settings.neighbourhood_list) == count
    assert InsightSettings.objects.filter(site=city["site"]).count() == 1
