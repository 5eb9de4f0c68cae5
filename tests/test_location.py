"""Coordinates: the map widget's EWKT text and the float columns every query uses."""

import pytest

from tests.factories import make_opportunity
from wagtail_cityoflearning.ewkt import format_point, parse_point
from wagtail_cityoflearning.models import ProviderPage


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("SRID=4326;POINT(14.5058 46.0513)", (46.0513, 14.5058)),
        ("POINT(9.1092 39.2238)", (39.2238, 9.1092)),
        ("SRID=4326;POINT (-3.5 -40.25)", (-40.25, -3.5)),
        ("", None),
        (None, None),
    ],
)
def test_parse_point(text, point):
    assert parse_point(text) == point


@pytest.mark.parametrize(
    "text", ["POINT(1)", "SRID=3857;POINT(1 2)", "POINT(200 10)", "POINT(10 95)", "hello"]
)
def test_parse_point_refuses_what_is_not_a_wgs84_point(text):
    with pytest.raises(ValueError):
        parse_point(text)


def test_format_point_round_trips():
    assert parse_point(format_point(46.05, 14.5)) == (46.05, 14.5)


def test_floats_follow_the_location_on_save(provider):
    provider.location = "SRID=4326;POINT(9.1092 39.2238)"
    provider.save()
    provider = ProviderPage.objects.get(pk=provider.pk)
    assert (provider.latitude, provider.longitude) == (39.2238, 9.1092)
    provider.location = ""
    provider.save()
    provider.refresh_from_db()
    assert provider.latitude is None and provider.longitude is None


def test_publishing_a_revision_syncs_the_floats(provider):
    provider.location = "SRID=4326;POINT(14.4896 46.0689)"
    provider.save_revision().publish()
    provider.refresh_from_db()
    assert provider.latitude == 46.0689


def test_floats_are_indexed_for_bounding_box_queries(city, provider):
    page = make_opportunity(provider, [city["interests"]["arts"]])
    from wagtail_cityoflearning.models import OpportunityPage

    inside = OpportunityPage.objects.filter(
        latitude__range=(46.0, 46.1), longitude__range=(14.4, 14.6)
    )
    assert list(inside) == [page]
    assert OpportunityPage._meta.get_field("latitude").db_index
    assert OpportunityPage._meta.get_field("longitude").db_index


def test_schedule_is_denormalised_for_sorting(city, provider):
    from tests.factories import session

    first, last = session(2), session(9, hours=3)
    page = make_opportunity(provider, [city["interests"]["arts"]], sessions=[last, first])
    assert page.starts_at == first.start
    assert page.ends_at == last.end
