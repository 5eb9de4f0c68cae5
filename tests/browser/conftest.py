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


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="sl-SI")
    recording = RecordingPage(context.new_page())
    yield recording
    context.close()
