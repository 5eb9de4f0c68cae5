"""Places: each city's named places in the admin, and the map's "near" filter that takes a
place (or a provider) instead of the visitor's location."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import make_city, make_opportunity, session
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.map import cache as map_cache
from wagtail_cityoflearning.models import Place, PlaceKind

PRESERNOV = (46.0514, 14.5061)  # the factories' opportunities are about 60 m from here
FAR_AWAY = (46.1, 14.6)  # the catalogue's "Choir in the hills", some 9 km east


def add_place(site, name, point, kind=PlaceKind.SQUARE):
    place = Place(site=site, name=name, kind=kind)
    place.set_location(*point)
    place.save()
    return place


@pytest.fixture
def places(city):
    return {
        "centre": add_place(city["site"], "Prešernov trg", PRESERNOV),
        "hills": add_place(city["site"], "Janče", FAR_AWAY, PlaceKind.OTHER),
    }


def titles(client, map_page, query):
    response = client.get(map_page.url + "geojson/?" + query)
    assert response.status_code == 200, response.content
    return {f["properties"]["title"] for f in response.json()["features"]}


# -- the admin: each city editor keeps their own city's places ---------------------------------


@pytest.fixture
def two_cities(city):
    cagliari = make_city(hostname="cagliari.localhost", language="it", is_default=False)
    editor = get_user_model().objects.create_user("editor-lj", password="x", is_staff=True)
    editor.groups.add(roles.city_editors(city["site"]))
    return {
        "editor": editor,
        "ljubljana": add_place(city["site"], "Bežigrad", (46.07, 14.514), PlaceKind.DISTRICT),
        "cagliari": add_place(cagliari["site"], "Castello", (39.219, 9.115), PlaceKind.DISTRICT),
        "cagliari_site": cagliari["site"],
    }


def snippet_url(view, *args):
    return reverse(f"wagtailsnippets_wagtail_cityoflearning_place:{view}", args=args)


def test_a_city_editor_lists_and_edits_only_their_citys_places(client, two_cities):
    client.force_login(two_cities["editor"])
    listing = client.get(snippet_url("list"))
    assert listing.status_code == 200
    assert "Bežigrad" in listing.text and "Castello" not in listing.text
    assert client.get(snippet_url("edit", two_cities["ljubljana"].pk)).status_code == 200
    assert client.get(snippet_url("edit", two_cities["cagliari"].pk)).status_code == 404
    assert client.get(snippet_url("delete", two_cities["cagliari"].pk)).status_code == 404


def test_a_city_editor_adds_a_place_only_to_their_own_city(client, city, two_cities):
    client.force_login(two_cities["editor"])
    form = client.get(snippet_url("add")).context["form"]
    assert list(form.fields["site"].queryset) == [city["site"]]
    data = {
        "name": "Tivoli",
        "kind": "other",
        "address": "",
        "location": "SRID=4326;POINT(14.4960 46.0550)",
    }
    refused = client.post(snippet_url("add"), {**data, "site": two_cities["cagliari_site"].pk})
    assert refused.status_code == 200 and "site" in refused.context["form"].errors
    assert not Place.objects.filter(name="Tivoli").exists()
    client.post(snippet_url("add"), {**data, "site": city["site"].pk})
    tivoli = Place.objects.get(name="Tivoli")
    assert tivoli.site == city["site"] and tivoli.latitude == pytest.approx(46.055)


def test_a_place_needs_a_point(client, city, two_cities):
    client.force_login(two_cities["editor"])
    data = {"site": city["site"].pk, "name": "Nowhere", "kind": "square", "location": ""}
    response = client.post(snippet_url("add"), data)
    assert "location" in response.context["form"].errors
    assert not Place.objects.filter(name="Nowhere").exists()


def test_the_places_menu_item_is_in_the_admin(client, two_cities):
    client.force_login(two_cities["editor"])
    response = client.get(reverse("wagtailadmin_home"))
    assert snippet_url("list") in response.text


# -- the map: near a place ------------------------------------------------------------------


def test_near_a_place_keeps_what_is_within_the_distance(client, map_page, catalogue, places):
    near_centre = titles(client, map_page, "near=Prešernov trg")
    assert "Guitar circle" in near_centre and "Choir in the hills" not in near_centre
    assert titles(client, map_page, "near=Janče&radius=1") == {"Choir in the hills"}
    # A wider distance reaches the hills from the centre.
    assert "Choir in the hills" in titles(client, map_page, "near=Prešernov trg&radius=15")


def in_slovenian(text, **values):
    """What the Slovenian map page says: ``text`` from the catalogue, with ``values``."""
    with translation.override("sl"):
        return translation.gettext(text) % values if values else translation.gettext(text)


def test_a_place_is_found_without_case_or_accents_and_by_part_of_its_name(
    client, map_page, catalogue, places
):
    response = client.get(map_page.url, {"near": "presernov", "sort": "nearest"})
    assert response.status_code == 200
    assert not response.context["form"].errors
    assert in_slovenian("Within %(radius)s km of %(place)s", radius=5, place="Prešernov trg") in (
        response.text
    )
    listed = [o.title for o in response.context["results"].object_list]
    assert "Guitar circle" in listed and "Choir in the hills" not in listed
    assert all(o.distance_km <= 5 for o in response.context["results"].object_list)


def test_an_unknown_place_gives_a_message_in_the_results_not_an_error(
    client, map_page, catalogue, places
):
    response = client.get(map_page.url, {"near": "Atlantis"})
    assert response.status_code == 200
    assert "near" in response.context["form"].errors
    message = in_slovenian(
        "No place called “%(name)s” was found here. Choose one from the list.", name="Atlantis"
    )
    assert message in response.text
    assert 'href="#id_near"' in response.text  # the message links to the field
    # The other filters still apply; the place is left out.
    assert response.context["result_count"] == 5
    feed = client.get(map_page.url + "geojson/", {"near": "Atlantis"})
    assert feed.status_code == 400
    assert "near" in feed.json()["fields"]


def test_an_unknown_place_says_so_once_whatever_else_needs_it(client, map_page, places):
    response = client.get(map_page.url, {"near": "Atlantis", "radius": "3", "sort": "nearest"})
    assert set(response.context["form"].errors) == {"near"}


def test_another_citys_place_is_unknown_here(client, map_page, catalogue, places):
    cagliari = make_city(hostname="cagliari.localhost", language="it", is_default=False)
    add_place(cagliari["site"], "Piazza Yenne", (39.2166, 9.1103))
    response = client.get(map_page.url, {"near": "Piazza Yenne"})
    assert "near" in response.context["form"].errors


def test_a_provider_is_a_place_too(client, map_page, catalogue, provider, places):
    # "Choir in the hills" belongs to a provider at the far point: its title is a place.
    far_provider = catalogue["far"].get_parent()
    assert titles(client, map_page, f"near={far_provider.title}&radius=1") == {"Choir in the hills"}
    response = client.get(map_page.url, {"near": provider.title})
    assert not response.context["form"].errors


def test_the_form_offers_the_citys_places_and_providers(client, map_page, catalogue, places):
    response = client.get(map_page.url)
    datalist = response.text.split('<datalist id="near-options">')[1].split("</datalist>")[0]
    square, other, provider = (
        in_slovenian(kind) for kind in ("Square", "Other place", "Learning provider")
    )
    assert f'<option value="Prešernov trg" label="{square}">' in datalist
    assert f'<option value="Janče" label="{other}">' in datalist
    assert f'value="{catalogue["far"].get_parent().title}" label="{provider}"' in datalist
    assert 'list="near-options"' in response.text


def test_a_place_wins_over_a_location_and_allows_sorting_by_distance(
    client, map_page, catalogue, places
):
    query = {"near": "Janče", "lat": "46.05", "lng": "14.5", "radius": "1", "sort": "nearest"}
    response = client.get(map_page.url, query)
    assert not response.context["form"].errors
    assert [o.title for o in response.context["results"].object_list] == ["Choir in the hills"]


def test_the_number_of_queries_does_not_grow_with_the_places(
    client, map_page, catalogue, city, places
):
    def count_queries():
        map_cache.invalidate()  # the list as read from the database, not as kept
        with CaptureQueriesContext(connection) as queries:
            assert client.get(map_page.url, {"near": "Prešernov trg"}).status_code == 200
        return len(queries)

    count_queries()  # the first request fills the caches of the site and its settings
    before = count_queries()
    for number in range(30):
        add_place(city["site"], f"Stop {number}", (46.05 + number / 1000, 14.5))
    provider = catalogue["music"].get_parent()
    for _number in range(3):
        make_opportunity(provider, [city["interests"]["music"]], sessions=[session(2)])
    assert count_queries() == before
