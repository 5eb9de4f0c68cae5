"""The map's feeds: GeoJSON with caching and conditional answers, providers, iCal."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from tests.factories import ProviderPageFactory, make_city, make_opportunity, session
from wagtail_cityoflearning.models import OpportunityMapPage


def feed(client, map_page, query="", **headers):
    return client.get(map_page.url + "geojson/" + (f"?{query}" if query else ""), **headers)


def test_feed_is_a_compact_geojson_feature_collection(client, map_page, catalogue, provider):
    response = feed(client, map_page)
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    feature = next(f for f in data["features"] if f["properties"]["title"] == "Guitar circle")
    page = catalogue["music"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [page.longitude, page.latitude]}
    props = feature["properties"]
    assert props["url"] == page.url
    assert props["provider"] == provider.title
    assert props["colour"] == "#7c3aed"  # music
    assert props["free"] is True
    import datetime as dt

    assert props["next"].endswith("Z")  # UTC, ISO 8601
    assert (
        dt.datetime.fromisoformat(props["next"].replace("Z", "+00:00")) == page.next_session.start
    )
    assert set(props) == {"id", "title", "url", "colour", "next", "ongoing", "provider", "free"}


def test_feed_answers_304_to_a_matching_etag_or_date(client, map_page, catalogue):
    first = feed(client, map_page)
    assert first["ETag"] and first["Last-Modified"]
    again = feed(client, map_page, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = feed(client, map_page, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = feed(client, map_page, "interest=music", HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200


def test_cached_feed_makes_no_queries_for_the_features(client, map_page, catalogue):
    feed(client, map_page)
    with CaptureQueriesContext(connection) as cold_again:
        feed(client, map_page)
    assert not any("wagtail_cityoflearning_opportunitypage" in q["sql"] for q in cold_again)


@pytest.mark.parametrize(
    "change",
    ["publish", "unpublish", "delete", "move", "provider"],
)
def test_feed_cache_is_invalidated_when_the_map_content_changes(
    client, map_page, catalogue, city, provider, change
):
    before = feed(client, map_page)
    page = catalogue["music"]
    if change == "publish":
        page.title = "Guitar circle (new time)"
        page.save_revision().publish()
    elif change == "unpublish":
        page.unpublish()
    elif change == "delete":
        page.delete()
    elif change == "move":
        other = ProviderPageFactory(parent=city["index"])
        page.move(other, pos="last-child")
    elif change == "provider":
        provider.title = "Renamed youth centre"
        provider.save_revision().publish()
    after = feed(client, map_page, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]


@pytest.mark.parametrize("kind", ["geojson", "points"])
def test_query_count_does_not_grow_with_the_number_of_opportunities(
    client, map_page, city, provider, kind
):
    def count_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{map_page.url}{kind}/").status_code == 200
        return len(queries)

    make_opportunity(provider, [city["interests"]["music"]], sessions=[session(2)])
    few = count_queries()
    for number in range(12):
        make_opportunity(
            provider,
            [city["interests"]["music"], city["interests"]["arts"]],
            title=f"Band {number}",
            sessions=[session(number + 1), session(number + 8)],
        )
    assert count_queries() == few


def test_each_city_map_shows_only_its_own_opportunities(client, map_page, catalogue):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider = ProviderPageFactory(parent=cagliari["index"], location="SRID=4326;POINT(9.11 39.22)")
    make_opportunity(
        provider,
        [cagliari["interests"]["music"]],
        title="Coro giovanile",
        location="SRID=4326;POINT(9.11 39.22)",
    )
    cagliari_map = OpportunityMapPage(title="Mappa", slug="map")
    cagliari["home"].add_child(instance=cagliari_map)
    cagliari_map.save_revision().publish()
    ljubljana = {f["properties"]["title"] for f in feed(client, map_page).json()["features"]}
    italian = client.get("/map/geojson/", HTTP_HOST="cagliari.localhost").json()
    assert "Coro giovanile" not in ljubljana
    assert {f["properties"]["title"] for f in italian["features"]} == {"Coro giovanile"}


def test_providers_feed(client, map_page, catalogue, provider):
    data = client.get(map_page.url + "providers/").json()
    titles = {f["properties"]["title"] for f in data["features"]}
    assert provider.title in titles
    assert all("address" in f["properties"] for f in data["features"])


def test_ics_feed_of_the_filtered_opportunities(client, map_page, catalogue):
    response = client.get(map_page.url + "ics/?interest=music")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert summaries == {"Guitar circle", "Choir in the hills"}
    assert client.get(map_page.url + "ics/?age=abc").status_code == 400
