"""WCAG 2.1 A and AA: axe-core finds no violations on the pages young people use, on a phone
(360 px) and on a desktop, against the real example site with the demo of both cities."""

import pytest

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import RecordingPage, assert_not_an_error_page, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
LEARNER = ("maja@example.org", "cityoflearning")  # the demo's learner in Ljubljana
PLAYLIST = "/playlists/varno-in-pametno-na-spletu/"


@pytest.fixture
def open_tab(browser):
    contexts = []

    def opener(viewport=PHONE, locale="sl-SI"):
        context = browser.new_context(viewport=viewport, locale=locale)
        contexts.append(context)
        return RecordingPage(context.new_page())

    yield opener
    for context in contexts:
        context.close()


def log_in(page, base, email=LEARNER[0], password=LEARNER[1]):
    open_page(page, f"{base}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("#main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/learning/")


def first_link(page, url, selector) -> str:
    open_page(page, url)
    return page.locator(selector).first.get_attribute("href")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_map_in_list_and_map_views_with_the_filters_open(
    demo_server,  # noqa: F811
    open_tab,
    viewport,
):
    tab = open_tab(viewport)
    page = tab.page
    open_page(page, demo_server.url + "/map/")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", state="attached")
    assert_no_violations(page, "the map page")
    if not page.locator("details.col-filter-panel").evaluate("panel => panel.open"):
        page.locator("details.col-filter-panel > summary").click()  # folded on phones
    page.locator("details.col-more-filters > summary").click()
    assert_no_violations(page, "the map page with all filters open")
    if viewport is PHONE:
        page.locator('.col-view-switch [data-view="map"]').click()
        assert_no_violations(page, "the map view on a phone")
    open_page(page, demo_server.url + "/map/?age=abc")
    assert_no_violations(page, "the map page showing a filter error")


def test_opportunity_provider_and_playlist_pages(demo_server, open_tab):  # noqa: F811
    base = demo_server.url
    page = open_tab().page
    provider = first_link(page, f"{base}/providers/", "#main a[href*='/providers/']")
    open_page(page, base + provider if provider.startswith("/") else provider)
    assert_no_violations(page, f"the provider page {provider}")
    opportunity = page.locator("#main a[href*='/providers/'][href$='/']").last.get_attribute("href")
    open_page(page, base + opportunity if opportunity.startswith("/") else opportunity)
    assert_no_violations(page, f"the opportunity page {opportunity}")
    open_page(page, base + "/playlists/")
    assert_no_violations(page, "the playlist index")
    open_page(page, base + PLAYLIST)
    assert_no_violations(page, "a playlist page")


def test_sign_up_and_log_in_including_their_errors(demo_server, open_tab):  # noqa: F811
    base = demo_server.url
    page = open_tab().page
    open_page(page, f"{base}/accounts/signup/")
    assert_no_violations(page, "the sign-up page")
    page.locator("#main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert_not_an_error_page(page)
    assert_no_violations(page, "the sign-up page with errors")
    open_page(page, f"{base}/accounts/login/")
    assert_no_violations(page, "the log-in page")


def test_the_learners_own_pages(demo_server, open_tab):  # noqa: F811
    base = demo_server.url
    page = open_tab().page
    log_in(page, base)
    assert_no_violations(page, "the learner's dashboard")
    open_page(page, base + PLAYLIST)
    assert_no_violations(page, "a playlist page with the learner's progress")
    step = page.locator("li[data-step-id] a[href*='/steps/']").first.get_attribute("href")
    open_page(page, base + step if step.startswith("/") else step)
    assert_no_violations(page, "a step page")
    open_page(page, f"{base}/learning/badges/")
    assert_no_violations(page, "the backpack")
    share = page.locator(
        "a[href*='/badges/assertions/']:not([download])"  # the share page, not a download
    ).first.get_attribute("href")
    open_page(page, base + share if share.startswith("/") else share)
    assert_no_violations(page, "the badge verification page")
    for path in (
        "/learning/joined/in-progress/",
        "/learning/joined/completed/",
        "/learning/profile/",
        "/learning/playlists/",
        "/learning/data/",
    ):
        open_page(page, base + path)
        assert_no_violations(page, path)


def test_the_claim_page(demo_server, open_tab):  # noqa: F811
    demo_server.manage(
        "shell",
        "-c",
        "from wagtail_cityoflearning.badges.models import BadgeClass, ClaimCode;"
        "ClaimCode.objects.get_or_create(code='OPENDAY2026',"
        " defaults={'badge_class': BadgeClass.objects.filter(live=True).first()})",
    )
    base = demo_server.url
    page = open_tab().page
    open_page(page, f"{base}/badges/claim/")
    assert_no_violations(page, "the claim start page")
    open_page(page, f"{base}/badges/claim/OPENDAY2026/")
    assert_no_violations(page, "the claim page")
    page.locator("#main form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert_not_an_error_page(page)
    assert_no_violations(page, "the claim page with an error")


def test_cagliari_in_italian(demo_server, open_tab):  # noqa: F811
    page = open_tab(locale="it-IT").page
    for path in ("/", "/map/", "/playlists/", "/accounts/signup/"):
        open_page(page, demo_server.cagliari_url + path)
        assert page.locator("html").get_attribute("lang") == "it"
        assert_no_violations(page, f"Cagliari {path}")


SMALL_TARGETS = """() => {
    const selector = "button, input:not([type=hidden]), select, textarea, summary, "
        + "nav a, .col-button, label:has(input[type=checkbox]), label:has(input[type=radio])";
    const small = [];
    for (const element of document.querySelectorAll(selector)) {
        if (element.closest(".leaflet-container")) continue;  // the map has its own controls
        if (element.matches("input[type=checkbox], input[type=radio]")) continue;  // their labels count
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;  // not shown
        if (rect.height < 43.5) small.push(`${element.outerHTML.slice(0, 90)}: ${rect.height}px`);
    }
    return small;
}"""


@pytest.mark.parametrize(
    "path",
    [
        "/map/",
        "/providers/",
        "/playlists/",
        PLAYLIST,
        "/accounts/signup/",
        "/accounts/login/",
        "/badges/claim/",
    ],
)
def test_touch_targets_are_at_least_44_px_high_on_a_phone(demo_server, open_tab, path):  # noqa: F811
    page = open_tab().page
    open_page(page, demo_server.url + path)
    small = page.evaluate(SMALL_TARGETS)
    assert not small, "targets under 44 px:\n" + "\n".join(small)


def test_the_learners_pages_have_44_px_targets_too(demo_server, open_tab):  # noqa: F811
    base = demo_server.url
    page = open_tab().page
    log_in(page, base)
    provider = first_link(page, f"{base}/providers/", "#main a[href*='/providers/']")
    step = first_link(page, base + PLAYLIST, "li[data-step-id] a[href*='/steps/']")
    for path in (
        "/learning/",
        "/learning/joined/in-progress/",
        "/learning/badges/",
        "/learning/profile/",
        "/learning/playlists/",
        PLAYLIST,
        step,
        provider,
    ):
        open_page(page, base + path if path.startswith("/") else path)
        small = page.evaluate(SMALL_TARGETS)
        assert not small, f"targets under 44 px on {path}:\n" + "\n".join(small)
