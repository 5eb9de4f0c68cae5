"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Screenshots go to ``test-artifacts/`` at the repository root.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# Django's error pages: the debug pages (404, 500, CSRF failure) with their robots meta and
# summary, and the plain ones a site without its own templates shows in production.
DEBUG_ERROR_PAGE = (
    "meta[name=robots][content='NONE,NOARCHIVE'], #summary .exception_value, #traceback"
)
PLAIN_ERROR_TITLES = {"Not Found", "Server Error (500)", "Bad Request (400)", "403 Forbidden"}


def open_page(page, url, status=200):
    """Go to ``url`` and fail unless the answer (after any redirect) has ``status``, and, for
    a 200, unless it is a page of the site rather than Django's error page."""
    response = page.goto(url)
    assert response is not None, f"{url}: no response"
    assert response.status == status, f"{url}: HTTP {response.status}, expected {status}"
    if status == 200:
        assert_not_an_error_page(page, url)
    return response


def assert_not_an_error_page(page, where=None):
    """Fail when the tab shows Django's error page (after a form was sent, for instance)."""
    where = where or page.url
    title = page.title()
    assert page.locator(DEBUG_ERROR_PAGE).count() == 0, f"{where}: Django's error page {title!r}"
    assert title not in PLAIN_ERROR_TITLES, f"{where}: an error page {title!r}"


@pytest.fixture(scope="session")
def browser(chromium):
    return chromium


class RecordingPage:
    """A browser tab that records every request it makes."""

    def __init__(self, page):
        self.page = page
        self.requests = []
        self.errors = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        # No network here: answer tile requests with nothing instead of waiting on DNS.
        page.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=204))

    def hosts(self):
        return {urlsplit(url).netloc for url in self.requests if url.startswith("http")}

    def screenshot(self, name):
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


MAP_READY = '[data-col-map][data-ready="1"][data-markers]'  # the map page's script has drawn


@pytest.fixture
def open_tab(browser):
    """Opens tabs in fresh browser contexts, ``open_tab(viewport, locale, **options)`` (a
    desktop window by default); closes them after the test."""
    contexts = []

    def opener(viewport=None, locale="sl-SI", **options):
        viewport = viewport or {"width": 1280, "height": 900}
        context = browser.new_context(viewport=viewport, locale=locale, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return RecordingPage(context.new_page())

    yield opener
    for context in contexts:
        context.close()


def open_map(tab, url, settle=False):
    """Go to a map page and wait for its script to draw the markers (and, with ``settle``,
    for the network to go quiet: tiles, the feed)."""
    response = open_page(tab.page, url)
    tab.page.wait_for_selector(MAP_READY, state="attached")
    if settle:
        tab.page.wait_for_load_state("networkidle")
    return response


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="sl-SI")
    recording = RecordingPage(context.new_page())
    yield recording
    context.close()
