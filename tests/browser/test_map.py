"""The opportunity map of the real demo site, in a real browser.

The example site runs in its own process with both demo cities loaded (see
``demo_server.py``): Ljubljana on ``localhost`` (Slovenian), Cagliari on
``cagliari.localhost`` (Italian). Tiles are answered with an empty 204.
"""

import json
import math
import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import open_map, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

# The browser first: without Chromium the tests skip before the demo site is built.
pytestmark = pytest.mark.usefixtures("browser")

TILE_HOST = "tile.openstreetmap.org"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PAGE_SIZE = 20
MAP = "[data-col-map]"


# -- helpers ---------------------------------------------------------------------------


def fetch(server, path, host="localhost"):
    """GET from the demo server (by IP, so any ``*.localhost`` name works): status, body."""
    request = urllib.request.Request(  # noqa: S310 (the local demo server)
        f"http://127.0.0.1:{server.port}{path}", headers={"Host": f"{host}:{server.port}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def features(server, query="", host="localhost"):
    status, body = fetch(server, f"/map/geojson/{query}", host)
    assert status == 200, body
    return json.loads(body)["features"]


def marker_count(page) -> int:
    return int(page.locator(MAP).get_attribute("data-markers"))


def heading_count(page) -> int:
    text = page.locator("#results-heading").inner_text()
    match = re.search(r"\d+", text)
    assert match, f"no number in the results heading {text!r}"
    return int(match.group())


def wait_for_markers_to_change(page, before: int) -> int:
    page.wait_for_function(
        "before => document.querySelector('[data-col-map]').dataset.markers !== String(before)",
        arg=before,
    )
    return marker_count(page)


def show_marker(page, opportunity_id: str) -> str:
    """Zoom (and spiderfy) until the opportunity's own marker is on the map; its title."""
    return page.evaluate(
        """id => new Promise((resolve, reject) => {
            const map = document.querySelector('[data-col-map]').colMap;
            const marker = map.markers.get(id);
            if (!marker) return reject(new Error(`no marker for ${id}`));
            map.cluster.zoomToShowLayer(marker, () => resolve(marker.options.title));
        })""",
        opportunity_id,
    )


def first_card_on_the_map(page) -> str:
    """The id of the first card in the list whose opportunity has a marker."""
    opportunity_id = page.evaluate(
        """() => {
            const map = document.querySelector('[data-col-map]').colMap;
            const ids = [...document.querySelectorAll('[data-result]')].map(i => i.dataset.id);
            return ids.find(id => map.markers.has(id)) ?? null;
        }"""
    )
    assert opportunity_id, "no card in the list has a marker"
    return opportunity_id


def distances_km(page) -> list[float]:
    """The distance shown on each card, e.g. "0,4 km" -> 0.4."""
    values = []
    for card in page.locator("[data-result]").all():
        texts = card.locator(".col-facts dd").all_inner_texts()
        found = [t for t in texts if re.fullmatch(r"\d+(?:[.,]\d+)?\s*km", t.strip())]
        assert len(found) == 1, f"no distance on the card: {texts}"
        values.append(float(found[0].split()[0].replace(",", ".")))
    return values


def nearest_first(found: list[dict], lat: float, lng: float) -> list[str]:
    """The titles of the features, nearest to the point first, then by title and id."""
    scale = math.cos(math.radians(lat))

    def key(feature):
        feature_lng, feature_lat = feature["geometry"]["coordinates"]
        degrees = math.hypot(feature_lat - lat, (feature_lng - lng) * scale)
        return (degrees, feature["properties"]["title"], feature["properties"]["id"])

    return [feature["properties"]["title"] for feature in sorted(found, key=key)]


# -- the map ---------------------------------------------------------------------------


def test_demo_map_shows_clusters_markers_and_the_list(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    open_map(tab, demo_server.url + "/map/")
    page = tab.page

    markers = marker_count(page)
    on_map = features(demo_server)
    assert markers > 40
    assert markers == len(on_map)
    page.wait_for_selector(".marker-cluster")
    assert page.locator(".marker-cluster").count() >= 1
    # The list holds every opportunity, online ones too: at least as many as the markers.
    total = heading_count(page)
    assert total >= markers
    assert page.locator("[data-result]").count() == min(total, PAGE_SIZE)
    assert tab.errors == []
    tab.screenshot("map-demo-ljubljana-1280")


def test_choosing_an_interest_updates_list_markers_and_url(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    open_map(tab, demo_server.url + "/map/")
    page = tab.page
    page.evaluate("window.__sameDocument = true")
    assert "interest=music" not in page.url
    markers_before = marker_count(page)
    total_before = heading_count(page)
    expected = len(features(demo_server, "?interest=music"))
    assert 0 < expected < markers_before

    page.get_by_label("Glasba", exact=True).check()

    page.wait_for_url(re.compile(r"[?&]interest=music(&|$)"))
    markers_after = wait_for_markers_to_change(page, markers_before)
    assert markers_after == expected
    assert page.evaluate("window.__sameDocument") is True  # filtered without a reload
    total_after = heading_count(page)
    assert 0 < total_after < total_before
    cards = page.locator("[data-result]")
    assert cards.count() == min(total_after, PAGE_SIZE)
    for card in cards.all():
        assert "Glasba" in card.locator(".col-interest").all_inner_texts()
    assert tab.errors == []


def test_a_popup_link_opens_the_opportunity(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    open_map(tab, demo_server.url + "/map/")
    page = tab.page
    opportunity_id = first_card_on_the_map(page)
    title = show_marker(page, opportunity_id)
    marker = page.locator(".leaflet-marker-pane .col-marker").and_(
        page.get_by_title(title, exact=True)
    )
    link = page.locator(".leaflet-popup .col-popup__title")
    for _attempt in range(3):
        marker.click()
        try:
            link.wait_for(state="visible", timeout=5000)
            break
        except PlaywrightTimeoutError:
            continue  # the map was still settling (on a busy machine): the click missed
    assert link.inner_text() == title
    # The popup gives the next session as the card does (the feed sends it as seconds since
    # 1970), in the city's timezone.
    expected_when = page.evaluate(
        """id => {
            const time = document.querySelector(`[data-result][data-id="${id}"] time[datetime]`);
            if (!time) return null;
            const map = document.querySelector('[data-col-map]').colMap;
            return new Intl.DateTimeFormat(document.documentElement.lang, {
                weekday: "short", day: "numeric", month: "short", hour: "2-digit",
                minute: "2-digit", timeZone: map.options.timezone,
            }).format(new Date(time.getAttribute("datetime")));
        }""",
        opportunity_id,
    )
    if expected_when is not None:
        assert expected_when in page.locator(".leaflet-popup .col-popup").all_inner_texts()[0]
    with page.expect_navigation():
        link.click()

    assert urlsplit(page.url).path != "/map/"
    assert page.locator("h1").inner_text() == title


def test_on_a_phone_the_map_list_switch_shows_one_panel_at_a_time(demo_server, open_tab):  # noqa: F811
    tab = open_tab(PHONE)
    open_map(tab, demo_server.url + "/map/")
    page = tab.page
    list_panel = page.locator('[data-view-panel="list"]')
    map_panel = page.locator('[data-view-panel="map"]')
    list_button = page.locator('.col-view-switch [data-view="list"]')
    map_button = page.locator('.col-view-switch [data-view="map"]')

    assert page.locator("[data-filter-panel]").evaluate("details => details.open") is False
    assert list_panel.is_visible() and not map_panel.is_visible()
    assert list_button.get_attribute("aria-pressed") == "true"
    assert map_button.get_attribute("aria-pressed") == "false"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    tab.screenshot("map-phone-list-390")

    map_button.click()
    assert page.locator(MAP).get_attribute("data-view") == "map"
    assert map_panel.is_visible() and not list_panel.is_visible()
    assert map_button.get_attribute("aria-pressed") == "true"
    assert list_button.get_attribute("aria-pressed") == "false"
    drawn = page.locator(".leaflet-marker-pane .marker-cluster, .leaflet-marker-pane .col-marker")
    drawn.first.wait_for(state="visible")
    # Every marker is inside the map's own box: the map shows the city, not a corner of it.
    box = page.locator("[data-map-canvas]").bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    visible = page.evaluate(
        """() => {
            const map = document.querySelector('[data-col-map]').colMap;
            const bounds = map.map.getBounds();
            return [...map.markers.values()].filter(m => bounds.contains(m.getLatLng())).length;
        }"""
    )
    assert visible == marker_count(page)
    tab.screenshot("map-phone-map-390")

    list_button.click()
    assert list_panel.is_visible() and not map_panel.is_visible()
    assert list_button.get_attribute("aria-pressed") == "true"
    assert map_button.get_attribute("aria-pressed") == "false"


def test_use_my_location_sorts_by_distance(demo_server, open_tab):  # noqa: F811
    tab = open_tab(
        geolocation={"latitude": 46.0569, "longitude": 14.5058}, permissions=["geolocation"]
    )
    open_map(tab, demo_server.url + "/map/")
    page = tab.page
    button = page.locator("[data-use-location]")
    if not button.is_visible():
        page.locator("details.col-more-filters > summary").click()

    button.click()

    page.wait_for_url(re.compile(r"sort=nearest"))
    assert "lat=" in page.url and "lng=" in page.url
    assert re.search(r"[?&]radius=5(&|$)", page.url)
    # The cards of the new list show how far away each opportunity is.
    page.locator("[data-result] .col-facts dd", has_text=re.compile(r"km$")).first.wait_for()
    assert page.locator("[data-results][aria-busy]").count() == 0
    distances = distances_km(page)
    assert distances, "no opportunity within 5 km of the centre of Ljubljana"
    assert all(d <= 5 for d in distances)
    # The cards are the demo's opportunities within 5 km, nearest first (ties by title), as
    # computed here from the places in the map's feed.
    query = parse_qs(urlsplit(page.url).query)
    lat, lng = float(query["lat"][0]), float(query["lng"][0])
    nearby = features(demo_server, f"?lat={lat}&lng={lng}&radius=5")
    expected = nearest_first(nearby, lat, lng)[:PAGE_SIZE]
    assert len(expected) == len(distances)
    assert page.locator("[data-result] .col-card__title").all_inner_texts() == expected
    assert page.locator("#id_sort").input_value() == "nearest"
    assert tab.errors == []
    tab.screenshot("map-nearest-1280")


# -- sites, errors and privacy ---------------------------------------------------------


def test_ljubljanas_map_never_shows_cagliaris_opportunities(demo_server, open_tab):  # noqa: F811
    ljubljana = {f["properties"]["title"] for f in features(demo_server)}
    cagliari = {f["properties"]["title"] for f in features(demo_server, host="cagliari.localhost")}
    assert ljubljana and cagliari
    assert ljubljana.isdisjoint(cagliari)

    tab = open_tab()
    open_map(tab, demo_server.cagliari_url + "/map/")
    page = tab.page
    assert page.locator("html").get_attribute("lang") == "it"
    shown = page.evaluate(
        "[...document.querySelector('[data-col-map]').colMap.markers.values()]"
        ".map(m => m.options.title)"
    )
    assert set(shown) == cagliari
    cards = set(page.locator("[data-result] .col-card__title").all_inner_texts())
    assert cards and cards.isdisjoint(ljubljana)
    tab.screenshot("map-demo-cagliari-1280")


def test_invalid_parameters_give_friendly_errors_not_a_500(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    page = tab.page
    open_page(page, demo_server.url + "/map/?age=abc&bbox=1,2")  # the form, with its errors
    alert = page.locator(".col-alert[role=alert]")
    alert.wait_for(state="visible")
    assert page.locator(".col-alert[role=alert] li").count() == 2  # the age and the area
    assert page.locator("#id_age").get_attribute("aria-invalid") == "true"
    tab.screenshot("map-invalid-parameters-1280")

    status, body = fetch(demo_server, "/map/geojson/?age=abc")
    assert status == 400
    data = json.loads(body)
    assert "age" in data["fields"]


def test_using_the_map_requests_nothing_from_other_hosts(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    open_map(tab, demo_server.url + "/map/")
    page = tab.page
    markers_before = marker_count(page)
    page.get_by_label("Glasba", exact=True).check()
    wait_for_markers_to_change(page, markers_before)
    # The providers layer, a popup and a zoom.
    with page.expect_response(re.compile(r"/map/providers/")):
        page.locator(".leaflet-control-layers-overlays input[type=checkbox]").check()
    show_marker(page, first_card_on_the_map(page))
    page.locator(".leaflet-control-zoom-out").click()
    page.wait_for_load_state("networkidle")

    own = urlsplit(demo_server.url).netloc
    assert TILE_HOST in tab.hosts()
    assert tab.hosts() - {own, TILE_HOST} == set()
    assert tab.errors == []


# -- layout ------------------------------------------------------------------------------


def test_more_filters_stay_inside_the_filter_column(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    open_map(tab, demo_server.url + "/map/")
    page = tab.page
    page.locator("details.col-more-filters > summary").click()
    filters = page.locator(".col-filters").bounding_box()
    for selector in ("#id_provider", ".col-near", "[data-use-location]"):
        box = page.locator(selector).bounding_box()
        assert box["x"] + box["width"] <= filters["x"] + filters["width"], selector
    page.locator("[data-use-location]").click(trial=True, timeout=2_000)


def test_search_this_area_appears_only_after_the_visitor_moves_the_map(demo_server, open_tab):  # noqa: F811
    tab = open_tab()
    open_map(tab, demo_server.url + "/map/")
    assert not tab.page.locator("[data-search-area]").is_visible()
    canvas = tab.page.locator("[data-map-canvas]").bounding_box()
    x, y = canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2
    tab.page.mouse.move(x, y)
    tab.page.mouse.down()
    tab.page.mouse.move(x + 150, y + 80, steps=8)
    tab.page.mouse.up()
    button = tab.page.locator("[data-search-area]")
    button.wait_for(state="visible")
    button.click()
    tab.page.wait_for_url(re.compile(r"bbox=-?\d"))
    assert not button.is_visible()
