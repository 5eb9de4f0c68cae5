"""On a phone (390 x 844), a playlist's button to start or continue it, with the learner's
progress, is on the first screen: below the title and introduction, before the steps. A
visitor who is not logged in finds the button to log in and start there too, in both cities."""

import re

import pytest

from tests.browser.conftest import ARTIFACTS, RecordingPage, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

PHONE = {"width": 390, "height": 844}
LEARNER = ("maja@example.org", "cityoflearning")  # the demo's learner in Ljubljana
SCREENS = ARTIFACTS / "screens"
# The "Log in" button in the playlist's "Take part" box, for visitors not logged in.
LOG_IN_TO_START = "aside[aria-labelledby=take-part-heading] a[href^='/accounts/login/?next=']"


def demo_playlists(page, site_url):
    """The addresses of the site's playlists, from its playlist index (/playlists/)."""
    open_page(page, f"{site_url}/playlists/")
    links = page.locator("main a[href^='/playlists/']").evaluate_all(
        "links => [...new Set(links.map(a => a.getAttribute('href')))]"
    )
    playlists = [href for href in links if href.count("/") == 3]  # /playlists/<slug>/
    assert playlists, f"{site_url}: the demo has playlists"
    return playlists


def assert_on_first_screen(page, href, selector):
    button = page.locator(selector)
    assert button.count() == 1, f"{href}: no {selector}"
    assert button.is_visible(), f"{href}: {selector} is hidden"
    box = button.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], (
        f"{href}: {selector} ends {box['y'] + box['height']:.0f} px down, "
        f"below the first screen of {PHONE['height']} px"
    )
    # The steps come after it.
    first_step = page.locator("li[data-step-id]").first
    assert first_step.bounding_box()["y"] > box["y"], f"{href}: steps first"


@pytest.mark.parametrize(("city", "locale"), [("url", "sl-SI"), ("cagliari_url", "it-IT")])
def test_log_in_to_start_is_on_a_phones_first_screen(
    demo_server,  # noqa: F811
    browser,
    city,
    locale,
):
    site_url = getattr(demo_server, city)
    context = browser.new_context(viewport=PHONE, locale=locale)
    try:
        page = RecordingPage(context.new_page()).page
        SCREENS.mkdir(parents=True, exist_ok=True)
        for href in demo_playlists(page, site_url):
            open_page(page, site_url + href)
            assert page.locator("#start-button, #continue-link").count() == 0
            assert_on_first_screen(page, href, LOG_IN_TO_START)
            name = href.strip("/").replace("/", "-")
            page.screenshot(path=str(SCREENS / f"playlist-phone-anonymous-{name}.png"))
    finally:
        context.close()


def test_start_and_continue_are_on_a_phones_first_screen(
    demo_server,  # noqa: F811
    browser,
):
    context = browser.new_context(viewport=PHONE, locale="sl-SI")
    try:
        tab = RecordingPage(context.new_page())
        page = tab.page
        open_page(page, f"{demo_server.url}/accounts/login/")
        page.fill("input[name=login]", LEARNER[0])
        page.fill("input[name=password]", LEARNER[1])
        page.locator("#main form button[type=submit]").first.click()
        page.wait_for_url(re.compile(r".*/learning/$"))

        SCREENS.mkdir(parents=True, exist_ok=True)
        seen = set()
        for href in demo_playlists(page, demo_server.url):
            open_page(page, demo_server.url + href)
            for selector in ("#start-button", "#continue-link"):
                if not page.locator(selector).count():
                    continue
                seen.add(selector)
                assert_on_first_screen(page, href, selector)
                name = href.strip("/").replace("/", "-")
                page.screenshot(path=str(SCREENS / f"playlist-phone-{name}.png"))
        # The demo learner has started one playlist and not the others.
        assert seen == {"#start-button", "#continue-link"}
        assert page.locator("h1").count() == 1
        assert page.locator("aside[aria-labelledby=take-part-heading]").count() == 1
    finally:
        context.close()


def test_the_phones_menu_opens_with_the_keyboard_and_switches_language(
    demo_server,  # noqa: F811
    browser,
):
    """The compact header: one row with a "Menu" button; the menu and the languages open from
    it with the keyboard, and a language can be chosen there."""
    context = browser.new_context(viewport=PHONE, locale="sl-SI")
    try:
        page = RecordingPage(context.new_page()).page
        open_page(page, f"{demo_server.url}/")
        header = page.locator("header.col-header")
        assert header.bounding_box()["height"] <= 80
        toggle = page.locator("header summary.col-menu__toggle")
        nav = page.locator("header nav.col-nav[aria-label]")
        assert toggle.is_visible() and not nav.is_visible()
        box = toggle.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44

        toggle.focus()
        page.keyboard.press("Enter")
        assert nav.is_visible()
        links = nav.locator("a")
        assert links.count() >= 3
        for index in range(links.count()):
            assert links.nth(index).bounding_box()["height"] >= 44
        english = page.locator("header .col-languages button[data-language=en]")
        assert english.is_visible()
        english.click()
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        # A new page opens with the menu closed: nothing moves once it is drawn.
        assert not page.locator("header nav.col-nav").is_visible()
    finally:
        context.close()


def test_on_a_wide_screen_the_menu_is_in_the_header_row(
    demo_server,  # noqa: F811
    browser,
):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="sl-SI")
    try:
        page = RecordingPage(context.new_page()).page
        open_page(page, f"{demo_server.url}/")
        assert not page.locator("header summary.col-menu__toggle").is_visible()
        nav = page.locator("header nav.col-nav[aria-label]")
        assert nav.is_visible()
        assert page.locator("header .col-languages").is_visible()
        assert page.locator("header.col-header").bounding_box()["height"] <= 80
    finally:
        context.close()
