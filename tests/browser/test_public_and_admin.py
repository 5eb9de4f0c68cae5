"""In a real browser: public pages load nothing from outside but tiles; editors place opportunities on a map."""

import re

import pytest

from tests.browser.conftest import open_page
from tests.factories import ProviderPageFactory, make_city, make_opportunity
from wagtail_cityoflearning.models import OpportunityPage

pytestmark = pytest.mark.django_db(transaction=True)

TILE_HOST = "tile.openstreetmap.org"


@pytest.fixture
def live_city(live_server):
    city = make_city()
    provider = ProviderPageFactory(parent=city["index"])
    provider.interests = [city["interests"]["music"]]
    provider.save_revision().publish()
    opportunity = make_opportunity(
        provider,
        [city["interests"]["music"]],
        body=[
            ("paragraph", "<p>Bring headphones.</p>"),
            (
                "video",
                {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Last year", "transcript": ""},
            ),
        ],
    )
    return {
        **city,
        "provider": provider.specific.__class__.objects.get(pk=provider.pk),
        "opportunity": opportunity,
    }


@pytest.mark.parametrize("which", ["home", "index", "provider", "opportunity"])
def test_public_pages_request_nothing_but_tiles_from_outside(live_server, live_city, tab, which):
    page = live_city[which]
    open_page(tab.page, live_server.url + page.url)
    tab.page.wait_for_load_state("networkidle")
    own = live_server.url.split("//")[1]
    assert tab.hosts() - {own, TILE_HOST} == set()
    assert tab.errors == []
    tab.screenshot(f"public-{which}-360")


def test_opportunity_page_draws_its_map_and_offers_the_video_on_request(
    live_server, live_city, tab
):
    open_page(tab.page, live_server.url + live_city["opportunity"].url)
    tab.page.wait_for_selector(".col-location__map.leaflet-container")
    assert tab.page.locator(".leaflet-overlay-pane path").count() == 1  # the place marker
    assert TILE_HOST in tab.hosts()
    assert tab.page.locator("iframe").count() == 0
    tab.page.get_by_role("link", name="Last year").first.click()
    iframe = tab.page.locator("iframe")
    assert iframe.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )


def test_opportunity_page_fits_a_360px_screen(live_server, live_city, tab):
    open_page(tab.page, live_server.url + live_city["opportunity"].url)
    width = tab.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_skip_link_is_the_first_stop_and_reaches_main(live_server, live_city, tab):
    open_page(tab.page, live_server.url + live_city["opportunity"].url)
    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert tab.page.evaluate("getComputedStyle(document.activeElement).transform") == "none"


def test_editor_creates_an_opportunity_with_a_location_in_the_admin(
    live_server, tab, django_user_model
):
    city = make_city()
    provider = ProviderPageFactory(parent=city["index"])
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pw")
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_page(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "secret-pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    open_page(
        page,
        f"{live_server.url}/admin/pages/add/wagtail_cityoflearning/opportunitypage/{provider.pk}/",
    )
    page.wait_for_selector(".leaflet-field.leaflet-container")
    page.fill("#id_title", "Street dance")
    page.fill("#id_summary", "Learn street dance moves with friends.")
    page.get_by_label("Glasba").check()
    page.click("#id_sessions-ADD")
    page.fill("#id_sessions-0-start", "2031-05-04 18:00")
    page.fill("#id_sessions-0-end", "2031-05-04 19:30")
    page.fill("#id_address", "Trg prekomorskih brigad 3, Ljubljana")
    page.fill("#id_location", "46.0689, 14.4896")
    tab.screenshot("admin-create-opportunity")
    page.locator('button[name="action-publish"]').dispatch_event("click")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # back in the provider's listing
    tab.screenshot("admin-after-publish")
    errors = page.locator(".error-message").all_inner_texts()
    assert errors == []
    created = OpportunityPage.objects.get(title="Street dance")
    assert created.live
    assert (round(created.latitude, 4), round(created.longitude, 4)) == (46.0689, 14.4896)
    assert created.sessions.count() == 1
    own = live_server.url.split("//")[1]
    assert tab.hosts() - {own, TILE_HOST} == set()
