"""The map on a phone and its names: nothing moves after the page loads, Leaflet's controls
speak the page's language, markers and clusters have names, and a place can be typed."""

import re

import pytest

from tests.browser.conftest import ARTIFACTS, MAP_READY, open_map, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

pytestmark = pytest.mark.usefixtures("browser")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SCREENS = ARTIFACTS / "screens"

# Every layout shift since the page started (buffered), without those the visitor caused.
LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


def screenshot(tab, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def test_on_a_phone_nothing_moves_once_the_map_has_loaded(demo_server, open_tab):  # noqa: F811
    tab = open_tab(PHONE)
    open_map(tab, demo_server.url + "/map/", settle=True)
    page = tab.page
    assert page.evaluate(LAYOUT_SHIFT) < 0.1
    # The final state: the list, with the filters folded and the Map / List switch shown.
    assert page.locator("[data-filter-panel]").evaluate("details => details.open") is False
    assert page.locator(".col-view-switch").is_visible()
    assert page.locator('[data-view-panel="list"]').is_visible()
    assert not page.locator('[data-view-panel="map"]').is_visible()
    screenshot(tab, "map-sl-390")
    page.locator('.col-view-switch [data-view="map"]').click()
    legend = page.locator("[data-map-legend]")
    assert legend.evaluate("details => details.open") is False  # folded on a phone
    legend.locator("summary").click()
    assert legend.locator("li").count() >= 5
    screenshot(tab, "map-sl-390-map-view")
    assert tab.errors == []


def test_leaflets_controls_markers_and_clusters_have_slovenian_names(demo_server, open_tab):  # noqa: F811
    tab = open_tab(DESKTOP)
    open_map(tab, demo_server.url + "/map/", settle=True)
    page = tab.page
    cluster = page.locator(".leaflet-marker-pane .marker-cluster").first
    cluster.wait_for()
    count = int(cluster.inner_text())
    name = cluster.get_attribute("aria-label")
    assert cluster.get_attribute("role") == "button"
    assert re.fullmatch(rf"{count} \w+ .+", name), name
    # Zoom in on a cluster (and on the clusters it comes apart into, with the keyboard) until
    # markers show: they are named by their opportunities' titles.
    marker = page.locator(".leaflet-marker-pane .col-marker").first
    for _step in range(4):
        zoom = page.evaluate("document.querySelector('[data-col-map]').colMap.drawnZoom")
        cluster.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "zoom => document.querySelector('[data-col-map]').colMap.drawnZoom > zoom", arg=zoom
        )
        if marker.count():
            break
    marker.wait_for()
    titles = page.evaluate(
        "[...document.querySelector('[data-col-map]').colMap.markers.values()]"
        ".map(m => m.options.title)"
    )
    assert marker.get_attribute("aria-label") in titles
    assert marker.get_attribute("role") == "button"
    screenshot(tab, "map-sl-1366")
    # Leaflet's own controls, named in the page's language.
    assert page.locator(".leaflet-control-zoom-in").get_attribute("aria-label") == "Povečaj"
    assert page.locator(".leaflet-control-zoom-out").get_attribute("aria-label") == "Pomanjšaj"
    assert "contributors" not in page.locator(".leaflet-control-attribution").inner_text()
    assert tab.errors == []


def test_typing_a_place_chooses_it_and_filters(demo_server, open_tab):  # noqa: F811
    tab = open_tab(DESKTOP)
    open_map(tab, demo_server.url + "/map/", settle=True)
    page = tab.page
    before = int(page.locator(MAP_READY).get_attribute("data-markers"))
    options = page.locator("#near-options option")
    assert options.count() >= 10 + 1  # the city's places and its providers
    page.locator("details.col-more-filters > summary").click()
    field = page.locator("#id_near")
    assert page.locator("label[for=id_near]").inner_text().strip()
    field.fill("Fužine")
    field.press("Enter")
    page.wait_for_url(re.compile(r"near=Fu%C5%BEine"))
    page.wait_for_function(
        "before => document.querySelector('[data-col-map]').dataset.markers !== String(before)",
        arg=before,
    )
    assert int(page.locator(MAP_READY).get_attribute("data-markers")) < before
    assert "sort=nearest" in page.url
    assert "Fužine" in page.locator(".col-results__near").inner_text()
    screenshot(tab, "map-sl-1366-near-place")

    field.fill("Atlantida")
    field.press("Enter")
    alert = page.locator(".col-alert[role=alert]")
    alert.wait_for()
    assert "Atlantida" in alert.inner_text()
    # The unknown place is left out of the list and of the map alike.
    page.wait_for_function(
        "before => document.querySelector('[data-col-map]').dataset.markers === String(before)",
        arg=before,
    )
    assert tab.errors == []


def test_without_javascript_a_place_name_is_sent_with_the_form(demo_server, browser):  # noqa: F811
    context = browser.new_context(viewport=PHONE, locale="sl-SI", java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, demo_server.url + "/map/")
        page.locator("details.col-filter-panel").evaluate("d => d.open = true")
        page.locator("details.col-more-filters").evaluate("d => d.open = true")
        page.locator("#id_near").fill("Šiška")
        with page.expect_navigation():
            page.locator(".col-filters button[type=submit]").click()
        assert "near=" in page.url
        assert "Šiška" in page.locator(".col-results__near").inner_text()
    finally:
        context.close()
