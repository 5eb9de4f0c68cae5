"""The admin's location picker on the real demo site, in a real browser.

A Cagliari editor opens the picker where the place is (the page's point, else its
provider's, else the city's centre), sets the point by clicking the map, by typing it and with
the arrow keys on the pin, and the point saved is the one the box showed. Only drafts are
saved, so the demo's public map stays as the other browser tests expect it.
"""

import math
import re
import sqlite3
from pathlib import Path

import pytest
from django.utils import translation

from tests.browser.conftest import ARTIFACTS, RecordingPage, assert_not_an_error_page, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401
from wagtail_cityoflearning.panels import UNREADABLE_POINT

# The browser first: without Chromium the tests skip before the demo site is built.
pytestmark = pytest.mark.usefixtures("browser")

SCREENS = ARTIFACTS / "screens"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
PICKER = "[data-controller=col-location-picker]"
LJUBLJANA = (46.0511, 14.5051)


# -- helpers ---------------------------------------------------------------------------


def demo_db(server) -> sqlite3.Connection:
    path = server.env["DATABASE_URL"].removeprefix("sqlite:///")
    assert Path(path).exists(), path
    return sqlite3.connect(path)


def cagliari_provider_with_an_opportunity(server) -> dict:
    """A Cagliari provider with a point and one of its opportunities that has one too."""
    with demo_db(server) as db:
        row = db.execute(
            """
            SELECT provider.page_ptr_id, provider.latitude, provider.longitude,
                   opportunity.page_ptr_id
            FROM wagtail_cityoflearning_providerpage AS provider
            JOIN wagtailcore_page AS provider_page ON provider_page.id = provider.page_ptr_id
            JOIN wagtailcore_page AS opportunity_page
                ON opportunity_page.path LIKE provider_page.path || '____'
            JOIN wagtail_cityoflearning_opportunitypage AS opportunity
                ON opportunity.page_ptr_id = opportunity_page.id
            WHERE provider.latitude BETWEEN 38.9 AND 39.5 AND opportunity.latitude IS NOT NULL
            ORDER BY provider.page_ptr_id, opportunity.page_ptr_id
            LIMIT 1
            """
        ).fetchone()
    assert row, "the demo has a Cagliari provider with an opportunity on the map"
    return {"provider": row[0], "point": (row[1], row[2]), "opportunity": row[3]}


def latest_draft_location(server, page_id: int) -> str:
    """The location in the page's latest revision: what "Save draft" stored."""
    with demo_db(server) as db:
        (content,) = db.execute(
            "SELECT content FROM wagtailcore_revision WHERE object_id = ? "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (str(page_id),),
        ).fetchone()
    match = re.search(r'"location": "([^"]*)"', content)
    assert match, content[:200]
    return match.group(1)


def km(a, b) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dx = (a[1] - b[1]) * 111.32 * math.cos(lat)
    dy = (a[0] - b[0]) * 110.57
    return math.hypot(dx, dy)


def map_centre(page) -> tuple[float, float]:
    """The centre of the picker's Leaflet map, read from its Stimulus controller."""
    lat, lng = page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            const picker = window.wagtail.app.getControllerForElementAndIdentifier(
                element, "col-location-picker");
            const centre = picker.map.getCenter();
            return [centre.lat, centre.lng];
        }""",
        PICKER,
    )
    return lat, lng


def box_point(page) -> tuple[float, float]:
    text = page.locator("#id_location").input_value()
    lat, lng = (float(part) for part in text.split(","))
    return lat, lng


def screenshot(tab, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.page.locator(PICKER).scroll_into_view_if_needed()
    tab.page.screenshot(path=str(SCREENS / f"{name}.png"))


@pytest.fixture
def editor_tab(browser, demo_server):  # noqa: F811
    """A signed-in editor's tab on Cagliari's admin."""
    contexts = []

    def open_tab(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="it-IT")
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = RecordingPage(context.new_page())
        open_page(tab.page, demo_server.cagliari_url + "/admin/login/")
        tab.page.fill("#id_username", EDITOR[0])
        tab.page.fill("#id_password", EDITOR[1])
        tab.page.click("button[type=submit]")
        tab.page.wait_for_url("**/admin/")
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def open_picker(tab, url):
    open_page(tab.page, url)
    tab.page.wait_for_selector(f"{PICKER} .leaflet-container")
    tab.page.locator(PICKER).scroll_into_view_if_needed()


def save_draft(page):
    # Wagtail's editor saves the form in the background while it is filled in: let that
    # request finish first, so the click saves the form as it stands.
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    assert_not_an_error_page(page)
    errors = page.eval_on_selector_all(
        ".error-message",
        """els => els.map(e => {
            const field = e.closest('.w-field__wrapper, .w-field, [data-contentpath]');
            const label = field && field.querySelector('label');
            return (label ? label.innerText.trim() + ': ' : '') + e.innerText.trim();
        })""",
    )
    assert errors == [], errors


# -- tests ---------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_editing_a_cagliari_opportunity_starts_there_and_saves_the_clicked_point(
    demo_server,  # noqa: F811
    editor_tab,
    viewport,
):
    place = cagliari_provider_with_an_opportunity(demo_server)
    tab = editor_tab(viewport)
    page = tab.page
    url = f"{demo_server.cagliari_url}/admin/pages/{place['opportunity']}/edit/"
    open_picker(tab, url)

    before = box_point(page)
    assert km(map_centre(page), before) < 0.5  # on the page's own point
    assert km(map_centre(page), LJUBLJANA) > 500
    screenshot(tab, f"location-picker-edit-{viewport['width']}")

    box = page.locator(f"{PICKER} .leaflet-container").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.75)
    clicked = box_point(page)
    assert km(clicked, before) > 0.05  # the click moved the point
    assert "Cagliari" not in page.locator("#id_location").input_value()
    message = page.locator(".col-location-picker__message").inner_text()
    assert page.locator("#id_location").input_value() in message  # said to screen readers

    save_draft(page)
    open_picker(tab, url)
    assert box_point(page) == clicked  # what the box showed is what was stored
    lng, lat = re.match(
        r"SRID=4326;POINT\((\S+) (\S+)\)", latest_draft_location(demo_server, place["opportunity"])
    ).groups()
    assert (float(lat), float(lng)) == clicked
    assert tab.errors == []


def test_typing_and_arrow_keys_set_the_point(demo_server, editor_tab):  # noqa: F811
    place = cagliari_provider_with_an_opportunity(demo_server)
    tab = editor_tab()
    page = tab.page
    url = f"{demo_server.cagliari_url}/admin/pages/{place['opportunity']}/edit/"
    open_picker(tab, url)

    page.fill("#id_location", "39.2301, 9.1002")
    page.locator("#id_location").press("Enter")  # applies the point, does not send the form
    assert page.url.endswith("/edit/")
    assert km(map_centre(page), (39.2301, 9.1002)) < 0.5  # the map followed the typing
    page.fill("#id_location", "somewhere by the sea")
    page.locator("#id_location").press("Tab")
    assert page.locator("#id_location").get_attribute("aria-invalid") == "true"
    with translation.override(page.locator("html").get_attribute("lang")):
        unreadable = str(UNREADABLE_POINT)  # in the admin's language
    assert unreadable in page.locator(".col-location-picker__message").inner_text()

    page.fill("#id_location", "39.2301, 9.1002")
    page.locator("#id_location").press("Tab")
    page.locator(f"{PICKER} .leaflet-marker-icon").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowUp")
    lat, lng = box_point(page)
    assert lng > 9.1002 and lat > 39.2301  # east and north
    save_draft(page)
    open_picker(tab, url)
    assert box_point(page) == (lat, lng)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_a_new_opportunity_starts_at_its_provider_with_its_address(
    demo_server,  # noqa: F811
    editor_tab,
    viewport,
):
    place = cagliari_provider_with_an_opportunity(demo_server)
    tab = editor_tab(viewport)
    page = tab.page
    add = (
        f"{demo_server.cagliari_url}/admin/pages/add/wagtail_cityoflearning/opportunitypage/"
        f"{place['provider']}/"
    )
    open_picker(tab, add)

    assert km(map_centre(page), place["point"]) < 0.5
    assert km(box_point(page), place["point"]) < 0.001  # prefilled from the provider
    assert page.locator("#id_address").input_value() != ""
    screenshot(tab, f"location-picker-add-{viewport['width']}")

    box = page.locator(f"{PICKER} .leaflet-container").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.3)
    clicked = box_point(page)
    assert km(clicked, place["point"]) > 0.05

    page.fill("#id_title", f"Laboratorio di mappe {viewport['width']}")
    page.fill("#id_summary", "Disegna la mappa del tuo quartiere.")
    page.locator("input[name=interests]").first.check()
    page.locator("#id_is_ongoing").check()
    save_draft(page)
    page_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))
    open_picker(tab, f"{demo_server.cagliari_url}/admin/pages/{page_id}/edit/")
    assert box_point(page) == clicked
    assert tab.errors == []
