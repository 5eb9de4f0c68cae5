"""A map's kept feed, answered before Wagtail routes the request: at an address that led to
it before, without a single SQL query and exactly as the routed answer; and never where the
routed request would answer otherwise (a view restriction, an unpublished map, a site's own
serve hook, another Site, another language)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import Locale, PageViewRestriction

from tests.factories import make_city, make_opportunity, make_provider
from wagtail_cityoflearning.models import OpportunityMapPage

KINDS = ("geojson", "points", "providers")
HEADERS = ("Content-Type", "Content-Encoding", "ETag", "Last-Modified", "Vary", "Cache-Control")


def visited(client, url: str, **headers):
    """The answer of the second visit to ``url`` (the first one of a test creates the Site's
    settings, which makes what the page cache kept stale), checked to be a 200."""
    for _visit in range(2):
        response = client.get(url, **headers)
        assert response.status_code == 200, response.content[:200]
    return response


def answer_and_queries(client, url: str, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, [query["sql"][:150] for query in captured]


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_kept_feed_is_answered_without_a_query_as_its_route_answers(
    client, map_page, catalogue, kind, gzip
):
    headers = {"HTTP_ACCEPT_ENCODING": "gzip, br"} if gzip else {}
    url = f"{map_page.url}{kind}/?interest=music"
    routed = visited(client, url, **headers)
    kept, queries = answer_and_queries(client, url, **headers)
    assert queries == []
    assert kept.status_code == 200
    assert kept.content == routed.content
    assert {h: kept.get(h) for h in HEADERS} == {h: routed.get(h) for h in HEADERS}
    assert kept["Content-Language"] == "sl"
    assert ("Content-Encoding" in kept) is gzip
    # And the conditional answer, as routed.
    again, queries = answer_and_queries(client, url, HTTP_IF_NONE_MATCH=kept["ETag"], **headers)
    assert (again.status_code, queries) == (304, [])


def test_another_query_is_routed_and_kept_in_its_turn(client, map_page, catalogue):
    visited(client, map_page.url + "points/")
    music, queries = answer_and_queries(client, map_page.url + "points/?interest=music")
    assert music.status_code == 200 and queries  # not kept yet: routed and built
    titles = set(music.json()["titles"])
    assert "Guitar circle" in titles and "Climbing wall" not in titles
    assert answer_and_queries(client, map_page.url + "points/?interest=music")[1] == []
    # A filter that is not valid is answered by the route each time, with its message.
    wrong = map_page.url + "points/?age=old"
    for _visit in range(3):
        response, queries = answer_and_queries(client, wrong)
        assert response.status_code == 400 and queries
        assert "age" in response.json()["fields"]


@pytest.mark.parametrize("restricted", ["map", "home"])
def test_a_view_restriction_added_later_is_checked_at_once(
    client, city, map_page, catalogue, restricted
):
    url = map_page.url + "points/"
    visited(client, url)
    assert answer_and_queries(client, url)[1] == []  # answered before routing
    page = map_page if restricted == "map" else city["home"]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _visit in range(2):
        response = client.get(url)
        assert response.status_code == 302, "the feed of a page behind a login"
        assert "next=" in response["Location"]


def test_a_restricted_feed_is_never_answered_before_routing(
    client, django_user_model, map_page, catalogue
):
    PageViewRestriction.objects.create(page=map_page, restriction_type=PageViewRestriction.LOGIN)
    url = map_page.url + "points/"
    for _visit in range(3):
        assert client.get(url).status_code == 302
    user = django_user_model.objects.create_user("maja", "maja@example.org", "pw")
    client.force_login(user)
    assert visited(client, url).json()["titles"]
    client.logout()
    for _visit in range(2):  # what a signed-in visitor was given is not kept for anyone
        assert client.get(url).status_code == 302


def test_an_unpublished_map_is_gone_at_once(client, map_page, catalogue):
    url = map_page.url + "geojson/"
    visited(client, url)
    map_page.unpublish()
    assert client.get(url).status_code == 404


def test_a_sites_own_serve_hook_sees_every_feed_request(client, map_page, catalogue):
    url = map_page.url + "points/"
    visited(client, url)
    seen = []

    def count(page, request, serve_args, serve_kwargs):
        seen.append(page.pk)

    with hooks.register_temporarily("before_serve_page", count):
        for _visit in range(3):
            assert client.get(url).status_code == 200
    assert seen == [map_page.pk] * 3


def test_the_same_address_on_two_sites_answers_each_sites_own_feed(client, city, map_page):
    """Two cities of one language at one address each: each is answered its own feed."""
    make_opportunity(make_provider(city, title="Ljubljana club"), [], title="Robotics")
    maribor = make_city(hostname="maribor.localhost", language="sl", is_default=False)
    other_map = OpportunityMapPage(title="Zemljevid", slug="map")
    maribor["home"].add_child(instance=other_map)
    other_map.save_revision().publish()
    make_opportunity(make_provider(maribor, title="Mariborski klub"), [], title="Robotika")
    path = map_page.get_url(None, current_site=city["site"]) + "points/"
    assert path == other_map.get_url(None, current_site=maribor["site"]) + "points/"
    for _round in range(2):
        for host, title in (("localhost", "Robotics"), ("maribor.localhost", "Robotika")):
            response = visited(client, path, HTTP_HOST=host)
            assert response.json()["titles"] == [title]


def test_each_language_is_answered_as_its_own_translation_is_routed(
    client, settings, map_page, catalogue
):
    """The same address leads to the map's English translation for a visitor who chose
    English: a translation behind a login stays behind it, whatever the city's own map's
    feed at that address answered before."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    translated = map_page.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    PageViewRestriction.objects.create(page=translated, restriction_type=PageViewRestriction.LOGIN)
    url = map_page.url + "points/"
    visited(client, url)
    assert answer_and_queries(client, url)[1] == []  # the Slovene map's, before routing
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _visit in range(2):
        response = client.get(url)
        assert response.status_code == 302 and "next=" in response["Location"]


def test_a_head_request_is_answered_as_its_get(client, map_page, catalogue):
    url = map_page.url + "points/"
    routed = visited(client, url)
    with CaptureQueriesContext(connection) as captured:
        head = client.head(url)
    assert (head.status_code, len(captured), head["ETag"]) == (200, 0, routed["ETag"])
    assert head.content == b""


def test_a_restricted_feeds_restrictions_are_read_once_a_request(
    client, django_user_model, map_page, catalogue
):
    """Wagtail checks them; remembering that the address is routed each time adds no read."""
    PageViewRestriction.objects.create(page=map_page, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("maja", "maja@example.org", "pw"))
    url = map_page.url + "points/"
    visited(client, url)
    response, queries = answer_and_queries(client, url)
    assert response.status_code == 200
    assert sum("wagtailcore_pageviewrestriction" in sql for sql in queries) == 1, queries
