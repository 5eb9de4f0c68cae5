"""Keyboard only, with the focus visible at every step: log in, filter the map, move through
the results, open an opportunity, then start a playlist. No mouse event is used."""

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import RecordingPage, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

LEARNER = ("giulia@example.org", "cityoflearning")  # the demo's learner in Cagliari
PLAYLIST = "/playlists/sul-palco/"  # one the demo learner has not started
MAX_TABS = 150

FOCUS_STYLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const rect = element.getBoundingClientRect();
    return {
        description: element.outerHTML.slice(0, 120),
        visible: (outline || shadow) && rect.width > 0 && rect.height > 0,
        inViewport: rect.bottom > 0 && rect.top < window.innerHeight,
    };
}"""


class Keyboard:
    """Moves the focus with Tab and checks, after every key, that it can be seen."""

    def __init__(self, page):
        self.page = page
        self.stops = 0

    def assert_focus_visible(self):
        # Give the browser a moment to restyle the newly focused element before judging it.
        with contextlib.suppress(PlaywrightTimeout):  # the assertions below say what is wrong
            self.page.wait_for_function(
                f"() => {{ const f = ({FOCUS_STYLE})(); return f && f.visible && f.inViewport; }}",
                timeout=2_000,
            )
        focus = self.page.evaluate(FOCUS_STYLE)
        assert focus is not None, "the focus was lost"
        assert focus["visible"], f"no visible focus indicator on {focus['description']}"
        assert focus["inViewport"], f"the focused element is off screen: {focus['description']}"

    def tab_to(self, selector: str, *, backwards=False):
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            self.stops += 1
            if self.page.evaluate("() => document.activeElement !== document.body"):
                self.assert_focus_visible()
            if self.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        pytest.fail(f"{selector} was not reached with {MAX_TABS} presses of Tab")

    def press(self, key: str):
        self.page.keyboard.press(key)


@pytest.fixture
def keyboard_tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
    page = context.new_page()
    yield RecordingPage(page)
    context.close()


def test_keyboard_only_from_the_map_to_a_started_playlist(demo_server, keyboard_tab):  # noqa: F811
    base = demo_server.cagliari_url
    page = keyboard_tab.page
    keys = Keyboard(page)

    # The log-in page puts the focus in its first field; otherwise Tab gets there.
    open_page(page, f"{base}/accounts/login/")
    if page.evaluate("() => document.activeElement.matches('input[name=login]')"):
        keys.assert_focus_visible()
    else:
        keys.tab_to("input[name=login]")
    page.keyboard.type(LEARNER[0])
    keys.tab_to("input[name=password]")
    page.keyboard.type(LEARNER[1])
    keys.press("Enter")
    page.wait_for_url(f"{base}/learning/")

    # On the map, the skip link is the first stop; then filter by an interest.
    open_page(page, f"{base}/map/")
    page.wait_for_selector(".col-card")
    before = keys.stops
    keys.tab_to("a.col-skip-link")
    assert keys.stops == before + 1, "the skip link is not the first stop"
    keys.tab_to("input[name=interest]")
    chosen = page.evaluate("() => document.activeElement.value")
    keys.press("Space")
    page.wait_for_url(re.compile(rf".*interest={re.escape(chosen)}.*"))
    page.wait_for_function(
        "() => !document.querySelector('[data-results]')?.getAttribute('aria-busy')"
    )

    # Move through the results and open one.
    first = page.locator(".col-card a").first.get_attribute("href")
    keys.tab_to(f".col-card a[href='{first}']")
    second = page.locator(".col-card a").nth(1).get_attribute("href")
    keys.tab_to(f".col-card a[href='{second}']")
    keys.tab_to(f".col-card a[href='{first}']", backwards=True)
    keys.press("Enter")
    page.wait_for_url(re.compile(rf".*{re.escape(first.rstrip('/'))}/?$"))
    assert page.locator("h1").count() == 1

    # Start a playlist: the page says it has started and offers to continue.
    open_page(page, f"{base}/playlists/")
    keys.tab_to(f"#main a[href$='{PLAYLIST}']")
    keys.press("Enter")
    page.wait_for_url(re.compile(rf".*{PLAYLIST}$"))
    keys.tab_to("#start-button")
    keys.press("Enter")
    page.wait_for_selector("#continue-link")
    assert page.locator("#start-button").count() == 0
    keys.tab_to("#continue-link")
    assert keys.stops < MAX_TABS * 4
