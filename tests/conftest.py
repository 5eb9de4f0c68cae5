import os
from pathlib import Path

import pytest

from tests.factories import ProviderPageFactory, make_city, make_opportunity

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# test body are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one for the whole run: Playwright's sync API
    allows one instance at a time, and the browser and installation tests both use it."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") or os.environ.get("REQUIRE_INSTALL_TEST") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Every test writes uploads to its own temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def city(db):
    """Ljubljana: the default site, in Slovenian, with a provider index."""
    return make_city()


@pytest.fixture
def provider(city):
    page = ProviderPageFactory(parent=city["index"])
    page.interests = [city["interests"]["science-technology"]]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def opportunity(city, provider):
    interests = [city["interests"]["science-technology"], city["interests"]["digital-skills"]]
    return make_opportunity(provider, interests)
