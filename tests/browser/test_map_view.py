"""The opportunity map draws only what is in view, and a cluster opens when clicked.

The demo's Ljubljana map (see ``demo_server.py``), in a desktop window.
"""

import pytest

from tests.browser.conftest import open_map
from tests.browser.demo_server import demo_server  # noqa: F401

pytestmark = pytest.mark.usefixtures("browser")

DESKTOP = {"width": 1366, "height": 900}
MAP = "[data-col-map]"
DRAWN = ".leaflet-marker-pane .marker-cluster, .leaflet-marker-pane .col-marker"

# The titles of the opportunities whose place is well inside the map's view (a tenth of the
# view's size away from its edges).
TITLES_IN_VIEW = """() => {
    const map = document.querySelector('[data-col-map]').colMap;
    const bounds = map.map.getBounds().pad(-0.1);
    return [...map.markers.values()]
        .filter((marker) => bounds.contains(marker.getLatLng()))
        .map((marker) => marker.options.title);
}"""


def zoom(page) -> int:
    return page.evaluate("document.querySelector('[data-col-map]').colMap.map.getZoom()")


def test_only_the_points_in_view_are_in_the_page(demo_server, open_tab):  # noqa: F811
    tab = open_tab(DESKTOP)
    open_map(tab, demo_server.url + "/map/", settle=True)
    page = tab.page
    total = int(page.locator(MAP).get_attribute("data-markers"))
    assert total > 40
    # Close in on the first opportunity of the feed: every point is drawn on its own there.
    page.evaluate(
        """() => {
            const map = document.querySelector('[data-col-map]').colMap;
            map.map.setView(map.markers.get(map.markers.keys().next().value).getLatLng(), 17,
                            {animate: false});
        }"""
    )
    expected = page.evaluate(TITLES_IN_VIEW)
    assert expected, "no opportunity in view"
    drawn = page.locator(DRAWN)
    assert page.locator(".leaflet-marker-pane .marker-cluster").count() == 0
    # Those in view are drawn, each with its title, and far fewer than the whole map.
    titles = set(
        page.locator(".leaflet-marker-pane .col-marker").evaluate_all(
            "markers => markers.map((marker) => marker.getAttribute('aria-label'))"
        )
    )
    assert set(expected) <= titles
    assert 0 < drawn.count() < total
    # Nothing is drawn far outside the map's box (a margin around the view is drawn ahead).
    box = page.locator("[data-map-canvas]").bounding_box()
    for marker in drawn.all():
        spot = marker.bounding_box()
        x, y = spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2
        assert box["x"] - box["width"] * 0.4 <= x <= box["x"] + box["width"] * 1.4
        assert box["y"] - box["height"] * 0.4 <= y <= box["y"] + box["height"] * 1.4
    # Back out to the whole city: clusters again, and every point counted in one of them.
    page.evaluate(
        """() => {
            const map = document.querySelector('[data-col-map]').colMap;
            map.fitMarkers();
        }"""
    )
    clusters = page.locator(".leaflet-marker-pane .marker-cluster")
    assert clusters.count() >= 1
    counted = sum(int(text) for text in clusters.all_inner_texts())
    single = page.locator(".leaflet-marker-pane .col-marker").count()
    assert counted + single == total
    assert tab.errors == []


def test_clicking_a_cluster_zooms_in_until_it_comes_apart(demo_server, open_tab):  # noqa: F811
    tab = open_tab(DESKTOP)
    open_map(tab, demo_server.url + "/map/", settle=True)
    page = tab.page
    clusters = page.locator(".leaflet-marker-pane .marker-cluster")
    counts = [int(text) for text in clusters.all_inner_texts()]
    biggest = counts.index(max(counts))
    before = zoom(page)
    clusters.nth(biggest).click()

    # Drawn at the new zoom (after the zoom's animation).
    page.wait_for_function(
        "before => document.querySelector('[data-col-map]').colMap.drawnZoom > before",
        arg=before,
    )
    # The cluster has come apart: what it held is drawn as smaller clusters and markers.
    drawn = page.locator(DRAWN)
    assert drawn.count() >= 2
    after = [int(text) for text in clusters.all_inner_texts()]
    assert all(count < max(counts) for count in after)
    assert tab.errors == []
