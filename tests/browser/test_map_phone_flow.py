"""The map on a phone, as a young person uses it: choose filters, show the results, switch to
the map; and the small location maps speak the page's language."""

import pytest
from django.utils import translation

from tests.browser.conftest import ARTIFACTS, open_map, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

pytestmark = pytest.mark.usefixtures("browser")

PHONE = {"width": 390, "height": 844}
SCREENS = ARTIFACTS / "screens"

# True once the element's top is in the viewport (after any smooth scrolling).
TOP_IN_VIEW = """element => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
}"""
# True once the whole element is in the viewport.
IN_VIEW = """element => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


def screenshot(tab, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENS / f"{name}.png"))


def wait_until(locator, script):
    """Wait until ``script`` (a function of the element) is true for the located element."""
    locator.page.wait_for_function(script, arg=locator.element_handle())


def test_show_results_folds_the_filters_and_shows_the_list_then_the_map(demo_server, open_tab):  # noqa: F811
    tab = open_tab(PHONE)
    page = tab.page
    open_map(tab, demo_server.url + "/map/?near=%C5%A0i%C5%A1ka&sort=nearest", settle=True)
    panel = page.locator("[data-filter-panel]")
    heading = page.locator("#results-heading")
    submit = page.locator("[data-filter-submit]")

    page.locator(".col-filter-panel__summary").click()
    assert panel.evaluate("details => details.open") is True
    total = int(heading.get_attribute("data-count"))

    # A chip filters at once, out of sight: the button in sight says how many results.
    page.get_by_label("Glasba", exact=True).check()
    page.wait_for_function(
        "total => document.querySelector('#results-heading').dataset.count !== String(total)",
        arg=total,
    )
    count = heading.get_attribute("data-count")
    assert submit.locator("[data-filter-count]").inner_text() == count
    assert submit.evaluate(IN_VIEW)  # stays at the bottom of the screen
    assert panel.evaluate("details => details.open") is True  # still choosing
    screenshot(tab, "map-phone-flow-choosing-390")

    submit.click()
    page.wait_for_function("() => document.activeElement?.id === 'results-heading'")
    wait_until(heading, IN_VIEW)
    assert panel.evaluate("details => details.open") is False
    assert heading.inner_text().startswith(count)
    screenshot(tab, "map-phone-flow-results-390")

    page.locator('.col-view-switch [data-view="map"]').click()
    canvas = page.locator("[data-map-canvas]")
    wait_until(canvas, TOP_IN_VIEW)
    assert canvas.bounding_box()["height"] > 400
    assert not heading.is_visible()
    screenshot(tab, "map-phone-flow-map-390")

    page.locator('.col-view-switch [data-view="list"]').click()
    wait_until(heading, IN_VIEW)
    assert tab.errors == []


def test_the_map_switch_folds_open_filters_and_sends_a_typed_word(demo_server, open_tab):  # noqa: F811
    tab = open_tab(PHONE)
    page = tab.page
    open_map(tab, demo_server.url + "/map/", settle=True)
    page.locator(".col-filter-panel__summary").click()
    page.locator("#id_q").fill("zbor")

    page.locator('.col-view-switch [data-view="map"]').click()
    page.wait_for_url("**q=zbor**")
    assert page.locator("[data-filter-panel]").evaluate("details => details.open") is False
    canvas = page.locator("[data-map-canvas]")
    wait_until(canvas, TOP_IN_VIEW)
    assert canvas.bounding_box()["height"] > 400
    assert tab.errors == []


def test_with_reduced_motion_the_results_come_into_view_at_once(demo_server, open_tab):  # noqa: F811
    tab = open_tab(PHONE, reduced_motion="reduce")
    page = tab.page
    open_map(tab, demo_server.url + "/map/", settle=True)
    page.locator(".col-filter-panel__summary").click()
    page.locator("#id_q").fill("glasba")
    page.locator("#id_q").press("Enter")
    # Scrolled before the answer comes: no smooth scrolling to wait for.
    heading = page.locator("#results-heading")
    page.wait_for_function("() => document.activeElement?.id === 'results-heading'")
    assert heading.evaluate(IN_VIEW)
    assert page.locator("[data-filter-panel]").evaluate("details => details.open") is False


def test_a_slovenian_opportunitys_small_map_names_its_controls_in_slovenian(demo_server, open_tab):  # noqa: F811
    tab = open_tab(PHONE)
    page = tab.page
    open_map(tab, demo_server.url + "/map/?near=%C5%A0i%C5%A1ka&sort=nearest", settle=True)
    href = page.locator(".col-card a").first.get_attribute("href")
    open_page(page, demo_server.url + href)
    zoom_in = page.locator("[data-col-location-map] .leaflet-control-zoom-in")
    zoom_in.wait_for()
    with translation.override("sl"):
        expected = translation.gettext("Zoom in")
        zoom_out = translation.gettext("Zoom out")
        leaflet = translation.gettext("Leaflet, a JavaScript library for interactive maps")
    assert expected != "Zoom in"
    assert zoom_in.get_attribute("title") == expected
    assert zoom_in.get_attribute("aria-label") == expected
    zoom_out_button = page.locator("[data-col-location-map] .leaflet-control-zoom-out")
    assert zoom_out_button.get_attribute("title") == zoom_out
    attribution = page.locator("[data-col-location-map] .leaflet-control-attribution")
    assert attribution.locator("a[href='https://leafletjs.com']").get_attribute("title") == leaflet
    assert "contributors" not in attribution.inner_text()
    screenshot(tab, "opportunity-small-map-sl-390")
    assert tab.errors == []
