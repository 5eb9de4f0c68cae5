"""The compact feed the map draws (points/), and the feeds' gzip-compressed answers."""

import datetime as dt
import gc
import gzip
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ProviderPageFactory, make_opportunity, session
from wagtail_cityoflearning.map import views
from wagtail_cityoflearning.map.feeds import (
    feature_collection,
    opportunity_features,
    opportunity_geojson,
)


def points(client, map_page, query="", **headers):
    return client.get(map_page.url + "points/" + (f"?{query}" if query else ""), **headers)


def rows(data) -> dict:
    """The compact feed's columns as one dict per point, by title."""
    result = {}
    for i, pk in enumerate(data["ids"]):
        result[data["titles"][i]] = {
            "id": pk,
            "lng": data["coordinates"][2 * i],
            "lat": data["coordinates"][2 * i + 1],
            "url": data["provider_urls"][data["providers"][i]] + data["slugs"][i] + "/",
            "colour": data["colour_table"][data["colours"][i]],
            "provider": data["provider_titles"][data["providers"][i]],
            "next": data["next"][i],
            "flags": data["flags"][i],
        }
    return result


def test_points_are_columns_of_the_opportunities_on_the_map(client, map_page, catalogue, provider):
    response = points(client, map_page)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["format"] == 2
    found = rows(data)
    # Online-only opportunities have no place on the map; past ones are over.
    assert set(found) == {
        "Guitar circle",
        "Climbing wall",
        "Food bank helpers",
        "Choir in the hills",
    }
    guitar = found["Guitar circle"]
    page = catalogue["music"]
    assert guitar["id"] == page.pk
    assert (guitar["lng"], guitar["lat"]) == (page.longitude, page.latitude)
    assert guitar["url"] == page.url
    assert guitar["colour"] == "#7c3aed"  # music
    assert guitar["provider"] == provider.title
    assert guitar["flags"] == 1  # free, not ongoing
    # Seconds since 1970 (UTC), a fraction of a second dropped.
    start = page.next_session.start
    assert guitar["next"] == int(start.timestamp())
    assert dt.datetime.fromtimestamp(guitar["next"], dt.UTC) == start.replace(microsecond=0)
    assert found["Climbing wall"]["flags"] == 0  # not free
    helpers = found["Food bank helpers"]
    assert helpers["flags"] & 2 and helpers["next"] is None  # ongoing: no next session
    choir = found["Choir in the hills"]
    assert choir["provider"] != provider.title
    assert choir["url"] == catalogue["far"].url
    assert len(data["provider_titles"]) == len(data["provider_urls"]) == 2


def test_providers_of_the_same_name_keep_their_own_addresses(
    client, map_page, catalogue, provider, city
):
    """Points are tied to their provider's page, not to its name: two providers called the
    same give each opportunity its own provider's address (and the same name)."""
    namesake = ProviderPageFactory(
        parent=city["index"],
        title=provider.title,
        slug="namesake",
        location="SRID=4326;POINT(14.5 46.05)",
    )
    twin = make_opportunity(namesake, [], title="Guitar circle too", sessions=[session(2)])
    found = rows(points(client, map_page).json())
    assert found["Guitar circle too"]["url"] == twin.url
    assert found["Guitar circle"]["url"] == catalogue["music"].url
    assert found["Guitar circle too"]["provider"] == found["Guitar circle"]["provider"]
    # A point with no interest has no colour.
    assert found["Guitar circle too"]["colour"] is None
    geojson = client.get(map_page.url + "geojson/").json()
    urls = {f["properties"]["title"]: f["properties"]["url"] for f in geojson["features"]}
    assert urls["Guitar circle too"] == twin.url


def test_points_and_geojson_list_the_same_opportunities(client, map_page, catalogue):
    for query in ("", "interest=music", "free=on", "age=14"):
        geojson = client.get(map_page.url + "geojson/?" + query).json()
        expected = {f["properties"]["id"] for f in geojson["features"]}
        assert set(points(client, map_page, query).json()["ids"]) == expected


def test_points_with_an_invalid_filter_answer_400(client, map_page, catalogue):
    response = points(client, map_page, "age=abc")
    assert response.status_code == 400
    assert "age" in response.json()["fields"]


def test_an_empty_map_has_empty_columns(client, map_page):
    data = points(client, map_page).json()
    assert data["ids"] == [] and data["coordinates"] == [] and data["colour_table"] == []
    assert data["slugs"] == [] and data["provider_titles"] == data["provider_urls"] == []


def test_geojson_text_is_the_documented_feature_collection(map_page, catalogue, rf):
    request = rf.get(map_page.url + "geojson/")
    filterset = map_page.get_filterset(request, use_defaults=False)
    assert filterset.is_valid()
    root = map_page.get_listing_root().url_path
    text = opportunity_geojson(filterset.qs, root)
    expected = feature_collection(opportunity_features(filterset.qs, root))
    assert json.loads(text) == json.loads(expected)
    assert len(json.loads(text)["features"]) == 4


# -- gzip, ETag and 304 ------------------------------------------------------------------


@pytest.mark.parametrize("route", ["points/", "geojson/", "providers/"])
def test_feeds_are_gzipped_for_clients_that_take_it(client, map_page, catalogue, route):
    plain = client.get(map_page.url + route)
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    packed = client.get(map_page.url + route, HTTP_ACCEPT_ENCODING="br, gzip;q=0.8")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert packed["ETag"] != plain["ETag"]


@pytest.mark.parametrize("header", ["identity", "gzip;q=0", "x-gzipped", ""])
def test_no_gzip_unless_the_client_takes_it(client, map_page, catalogue, header):
    response = points(client, map_page, HTTP_ACCEPT_ENCODING=header)
    assert "Content-Encoding" not in response
    assert response.json()["ids"]


def test_each_form_answers_304_to_its_own_etag(client, map_page, catalogue):
    packed = points(client, map_page, HTTP_ACCEPT_ENCODING="gzip")
    again = points(client, map_page, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == packed["ETag"]
    assert "Accept-Encoding" in again["Vary"]
    # The compressed form's ETag does not stand for the plain one.
    plain = points(client, map_page, HTTP_IF_NONE_MATCH=packed["ETag"])
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain
    since = points(
        client,
        map_page,
        HTTP_ACCEPT_ENCODING="gzip",
        HTTP_IF_MODIFIED_SINCE=packed["Last-Modified"],
    )
    assert since.status_code == 304


def test_a_warm_feed_is_neither_rebuilt_nor_compressed_again(
    client, map_page, catalogue, monkeypatch
):
    calls = []
    compress = views.compress
    monkeypatch.setattr(views, "compress", lambda body: calls.append(1) or compress(body))
    first = points(client, map_page, HTTP_ACCEPT_ENCODING="gzip")
    with CaptureQueriesContext(connection) as queries:
        second = points(client, map_page, HTTP_ACCEPT_ENCODING="gzip")
    assert second.content == first.content
    assert len(calls) == 1
    assert not any("wagtail_cityoflearning_opportunitypage" in q["sql"] for q in queries)


def test_a_change_on_the_map_changes_the_points(client, map_page, catalogue):
    before = points(client, map_page, HTTP_ACCEPT_ENCODING="gzip")
    page = catalogue["music"]
    page.title = "Guitar circle, now on Fridays"
    page.save_revision().publish()
    after = points(client, map_page, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Guitar circle, now on Fridays" in json.loads(gzip.decompress(after.content))["titles"]


def test_the_cycle_collector_runs_again_after_a_feed_is_built(client, map_page, catalogue):
    """The collector is paused while a cold feed is built (see ``cycle_collection_paused``)
    and running again after, whether the build ended well or not; a site that runs without
    it keeps it off."""
    seen = []
    build = views._build

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return build(*args, **kwargs)

    def failing(*args, **kwargs):
        seen.append(gc.isenabled())
        raise RuntimeError("the database went away")

    assert gc.isenabled()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views, "_build", watched)
        assert points(client, map_page).status_code == 200
    assert seen == [False] and gc.isenabled()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views, "_build", failing)
        with pytest.raises(RuntimeError):
            points(client, map_page, "free=on")
    assert seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(views, "_build", watched)
            assert points(client, map_page, "age=14").status_code == 200
        assert not gc.isenabled()
    finally:
        gc.enable()
