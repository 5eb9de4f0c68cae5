"""The content security policy in Chromium, against the real example site with both demo
cities: every page of the demo, the learners' and the account pages, the badge pages and the
package's admin screens answer with a Content-Security-Policy header, and the browser reports
no violation of it on any of them (nor in the map's filters, its markers and its list)."""

import re
import time
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import ARTIFACTS, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
LEARNERS = {  # the demo's learner in each city
    "localhost": "maja@example.org",
    "cagliari.localhost": "giulia@example.org",
}
LEARNER_PASSWORD = "cityoflearning"
CLAIM_CODE = "CSPOPENDAY"
# Hosts a page may contact: map tiles, and the video players once a visitor presses play.
# Answered here with nothing (no network in the tests).
STUBBED = ["https://tile.openstreetmap.org/**", "https://www.youtube-nocookie.com/**"]

# Records every violation the page's own document reports, as it happens: into the page
# (window.__cspViolations) and, through a binding, to the test (survives navigation).
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile || location.href}:${event.lineNumber}`;
    const text = `${event.disposition} ${event.effectiveDirective} blocked `
        + `${event.blockedURI || "inline"} at ${where}`;
    window.__cspViolations.push(text);
    if (window.reportCspViolation) window.reportCspViolation(text);
});
"""


class Browsing:
    """A browser context that records CSP violations, CSP console errors and the policy
    header of every HTML document it loads."""

    def __init__(self, browser, viewport=DESKTOP, locale="sl-SI", **options):
        self.context = browser.new_context(viewport=viewport, locale=locale, **options)
        self.context.set_default_timeout(20_000)
        self.violations: list[str] = []
        self.console: list[str] = []
        self.documents: list[tuple[str, int, str | None]] = []
        self.visited: list[str] = []
        self.context.expose_function("reportCspViolation", self._violation)
        self.context.add_init_script(WATCH)
        for pattern in STUBBED:
            self.context.route(pattern, lambda route: route.fulfill(status=204))
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _violation(self, text):
        self.violations.append(f"{self.page.url}: {text}")

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text[:300]}")

    def _response(self, response):
        if response.request.resource_type not in ("document", "xhr", "fetch"):
            return
        if "text/html" not in (response.headers.get("content-type") or ""):
            return
        policy = response.headers.get("content-security-policy")
        self.documents.append((response.url, response.status, policy))

    def visit(self, url, status=200):
        response = open_page(self.page, url, status)
        self.page.wait_for_load_state("load")
        self.settle()
        return response

    def settle(self):
        """Collect what the page's frames recorded (late images, scripts run on load)."""
        from playwright.sync_api import Error as PlaywrightError

        self.page.wait_for_timeout(50)
        self.visited.append(self.page.url)
        for frame in self.page.frames:
            try:
                recorded = frame.evaluate("window.__cspViolations || []")
            except PlaywrightError:  # a frame gone (navigated away) or stubbed empty
                continue
            for text in recorded:
                entry = f"{frame.url}: {text}"
                if not any(text in seen for seen in self.violations):
                    self.violations.append(entry)

    def log_in(self, base, email, password=LEARNER_PASSWORD):
        self.visit(f"{base}/accounts/login/")
        self.page.fill("input[name=login]", email)
        self.page.fill("input[name=password]", password)
        self.page.locator("#main form button[type=submit]").first.click()
        self.page.wait_for_url(f"{base}/learning/")
        self.settle()

    def log_in_to_the_admin(self, base):
        self.visit(f"{base}/admin/login/")
        self.page.fill("#id_username", EDITOR[0])
        self.page.fill("#id_password", EDITOR[1])
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{base}/admin/")
        self.settle()

    def links(self, selector, pattern=None) -> list[str]:
        """Distinct hrefs (absolute) of the links matching selector (and pattern)."""
        hrefs = self.page.eval_on_selector_all(
            selector, "links => [...new Set(links.map((link) => link.href))]"
        )
        return [href for href in hrefs if pattern is None or re.search(pattern, href)]

    def assert_clean(self):
        """No violation, no CSP console error, a policy on every HTML document."""
        assert self.visited, "no page visited"
        assert not self.violations, "CSP violations:\n" + "\n".join(self.violations[:30])
        assert not self.console, "CSP console errors:\n" + "\n".join(self.console[:30])
        served = [doc for doc in self.documents if doc[1] < 300]
        assert served, "no HTML document recorded"
        lacking = [url for url, _status, policy in served if not policy]
        assert not lacking, "no Content-Security-Policy header:\n" + "\n".join(lacking[:30])
        for url, _status, policy in served:
            script_src = directive(policy, "script-src")
            path = urlsplit(url).path
            # Wagtail renders a page's preview as the page itself, under the public policy.
            if path.startswith("/admin/") and not path.endswith("/preview/"):
                assert script_src == ["'self'", "'unsafe-inline'"], (url, policy)
            else:
                assert "'unsafe-inline'" not in policy, (url, policy)
                assert script_src[0] == "'self'", (url, policy)
                assert all(s == "'self'" or s.startswith("'nonce-") for s in script_src), url

    def close(self):
        self.context.close()


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return []


@pytest.fixture
def browsing(browser):
    opened = []

    def opener(**options):
        opened.append(Browsing(browser, **options))
        return opened[-1]

    yield opener
    for item in opened:
        item.close()


def city_urls(demo_server, host):  # noqa: F811
    return demo_server.url if host == "localhost" else demo_server.cagliari_url


def site_pages(tab, base) -> list[str]:
    """Every live page of the site at ``base``, from Wagtail's pages API."""
    urls, offset = [], 0
    tab.visit(base + "/")  # fetched from the page: Chromium resolves *.localhost itself
    while True:
        data = tab.page.evaluate(
            "url => fetch(url).then((response) => response.json())",
            f"{base}/api/v2/pages/?limit=20&offset={offset}",
        )
        urls += [item["meta"]["html_url"] for item in data["items"]]
        offset += len(data["items"])
        if not data["items"] or offset >= data["meta"]["total_count"]:
            return urls


def screenshot(tab, name):
    ARTIFACTS.mkdir(exist_ok=True)
    tab.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


# -- the detector ----------------------------------------------------------------------


def test_the_detector_sees_an_inline_script_and_style_the_policy_blocks(demo_server, browsing):  # noqa: F811
    tab = browsing()
    tab.visit(demo_server.url + "/")
    assert tab.violations == []
    tab.page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true;";
            document.head.append(script);
            document.querySelector("h1, main").setAttribute("style", "color: red");
        }"""
    )
    tab.page.wait_for_function("() => window.__cspViolations.length >= 2")
    tab.settle()
    assert tab.page.evaluate("window.__inlineRan === undefined")  # blocked, not run
    directives = {text.split()[2] for text in tab.violations}
    assert {"script-src-elem", "style-src-attr"} <= directives, tab.violations
    assert any("Content Security Policy" in text for text in tab.console)
    with pytest.raises(AssertionError, match="CSP violations"):
        tab.assert_clean()


# -- public pages ----------------------------------------------------------------------


@pytest.mark.parametrize("host", ["localhost", "cagliari.localhost"])
def test_every_page_of_the_demo_city(demo_server, browsing, host):  # noqa: F811
    base = city_urls(demo_server, host)
    tab = browsing()
    pages = site_pages(tab, base)
    assert len(pages) > 60  # home, indexes, map, providers, opportunities, playlists
    started = time.monotonic()
    for url in pages:
        tab.visit(url)
    tab.assert_clean()
    print(f"{host}: {len(pages)} pages in {time.monotonic() - started:.0f} s")


ADD_A_VIDEO = """
from wagtail.models import Site
from wagtail_cityoflearning.models import OpportunityPage
site = Site.objects.get(is_default_site=True)
page = OpportunityPage.objects.live().in_site(site).order_by("id").first()
if not any(block.block_type == "video" for block in page.body):
    page.body.append(("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Video"}))
    page.save_revision().publish()
"""


def test_a_video_player_loads_from_its_host_when_pressed(demo_server, browsing):  # noqa: F811
    demo_server.manage("shell", "-c", ADD_A_VIDEO)
    tab = browsing()
    tab.visit(demo_server.url + "/")
    found = tab.page.evaluate(
        "url => fetch(url).then((response) => response.json())",
        "/api/v2/pages/?type=wagtail_cityoflearning.OpportunityPage&order=id&limit=1",
    )
    tab.visit(found["items"][0]["meta"]["html_url"])
    assert tab.page.locator("iframe").count() == 0
    tab.page.locator("[data-col-video] .col-video__play").click()
    frame = tab.page.wait_for_selector("[data-col-video] iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    tab.page.wait_for_load_state("networkidle")
    tab.settle()
    tab.assert_clean()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_map_filtered_with_a_marker_open_and_its_list(demo_server, browsing, viewport):  # noqa: F811
    tab = browsing(viewport=viewport)
    page = tab.page
    tab.visit(demo_server.url + "/map/")
    page.wait_for_selector('[data-col-map][data-ready="1"][data-markers]', state="attached")
    if not page.locator("details.col-filter-panel").evaluate("panel => panel.open"):
        page.locator("details.col-filter-panel > summary").click()  # folded on phones
    page.locator("details.col-more-filters > summary").click()
    before = page.get_attribute("[data-col-map]", "data-markers")
    page.get_by_label("Glasba", exact=True).check()  # filters without reloading the page
    page.wait_for_function(
        "before => document.querySelector('[data-col-map]').dataset.markers !== before",
        arg=before,
    )
    page.wait_for_selector("[data-result] .col-interest")
    tab.settle()
    # The list, refreshed by the script, still has coloured chips (set through the CSSOM).
    assert (
        page.locator("[data-result] [style]").count()
        == page.locator("[data-result] .col-interest").count()
    )
    if viewport is PHONE:
        page.locator('.col-view-switch [data-view="map"]').click()
    opened = page.evaluate(
        """() => new Promise((resolve) => {
            const map = document.querySelector('[data-col-map]').colMap;
            const ids = [...document.querySelectorAll('[data-result]')].map((i) => i.dataset.id);
            const id = ids.find((each) => map.markers.has(each));
            const marker = map.markers.get(id);
            map.cluster.zoomToShowLayer(marker, () => { marker.openPopup(); resolve(id); });
        })"""
    )
    assert opened
    page.wait_for_selector(".leaflet-popup .col-popup__title")
    tab.settle()
    if viewport is PHONE:
        page.locator('.col-view-switch [data-view="list"]').click()
    # The form without the script's help: a full page load with filters in the query.
    tab.visit(demo_server.url + "/map/?interest=music&free=1")
    tab.visit(demo_server.url + "/map/?age=abc")  # a filter error
    tab.visit(demo_server.cagliari_url + "/map/")
    page.wait_for_selector('[data-col-map][data-ready="1"][data-markers]', state="attached")
    tab.settle()
    tab.assert_clean()


@pytest.mark.parametrize("host", ["localhost", "cagliari.localhost"])
def test_account_claim_and_error_pages(demo_server, browsing, host):  # noqa: F811
    demo_server.manage(
        "shell",
        "-c",
        "from wagtail_cityoflearning.badges.models import BadgeClass, ClaimCode;"
        f"ClaimCode.objects.get_or_create(code='{CLAIM_CODE}',"
        " defaults={'badge_class': BadgeClass.objects.filter(live=True).first()})",
    )
    base = city_urls(demo_server, host)
    tab = browsing()
    page = tab.page
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        tab.visit(base + path)
        page.locator("#main form button[type=submit]").last.click()  # and with its errors
        page.wait_for_load_state()
        tab.settle()
    tab.visit(base + "/badges/claim/")
    tab.visit(f"{base}/badges/claim/{CLAIM_CODE}/")
    page.locator("#main form button[type=submit]").last.click()
    page.wait_for_load_state()
    tab.settle()
    # Debug mode (the demo) shows Django's own 404 page, which django-csp leaves without a
    # policy; the site's 404 in production has one (tests/test_csp_check.py).
    tab.visit(base + "/no-such-page/", status=404)
    tab.assert_clean()


# -- a learner's pages -----------------------------------------------------------------


@pytest.mark.parametrize("host", ["localhost", "cagliari.localhost"])
def test_a_learners_pages(demo_server, browsing, host):  # noqa: F811
    base = city_urls(demo_server, host)
    tab = browsing()
    page = tab.page
    tab.log_in(base, LEARNERS[host])
    steps = tab.links("#main a[href*='/steps/']")
    assertions = tab.links("#main a[href*='/badges/assertions/']", r"/assertions/[^/]+/$")
    assert steps and assertions
    for url in steps[:4]:  # steps in progress: their evidence forms
        tab.visit(url)
    tab.visit(base + "/playlists/")
    badge_classes = []
    for url in tab.links("#main a[href*='/playlists/']", r"/playlists/[^/]+/$")[:3]:
        tab.visit(url)  # with the learner's progress
        badge_classes += tab.links("#main a[href*='/badges/classes/']", r"/classes/[^/]+/$")
    tab.visit(base + "/learning/badges/")
    for url in assertions[:2]:
        tab.visit(url)  # a badge's public page
    issuers = tab.links("#main a[href*='/badges/issuers/']", r"/issuers/[^/]+/$")
    assert badge_classes and issuers
    tab.visit(badge_classes[0])
    tab.visit(issuers[0])
    for path in ("/learning/profile/", "/learning/data/", "/learning/delete/"):
        tab.visit(base + path)
    # A playlist of the learner's own: create it, edit it, share it, ask to delete it.
    tab.visit(base + "/learning/playlists/new/")
    page.locator("#main form input[type=text]").first.fill("CSP")
    page.locator("#main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/learning/playlists/\d+/$"))
    tab.settle()
    edit_url = page.url
    tab.visit(base + "/learning/playlists/")
    tab.visit(edit_url + "delete/")
    tab.visit(edit_url)
    search = page.locator("#main form.col-search-form")  # opportunities to add, searched
    search.locator("input").first.fill("a")
    search.locator("button[type=submit]").click()
    page.wait_for_load_state()
    tab.settle()
    page.locator("#details input[name=shared]").check()  # shared by link
    page.locator("#details button[type=submit]").click()
    page.wait_for_load_state()
    tab.settle()
    shared = tab.links("#share a[href*='/learning/shared/']")
    assert shared
    tab.visit(shared[0])
    tab.assert_clean()


# -- the admin -------------------------------------------------------------------------

ADMIN_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/awards/",
    "/admin/awards/new/",
    "/admin/awards/bulk/",
    "/admin/claim_codes/",
    "/admin/claim_codes/new/",
    "/admin/learning/evidence/",
    "/admin/learning/progress/",
    "/admin/snippets/wagtail_cityoflearning/interest/",
    "/admin/snippets/wagtail_cityoflearning_badges/badgeclass/",
    "/admin/snippets/wagtail_cityoflearning_badges/issuer/",
    "/admin/settings/wagtail_cityoflearning/cityoflearningsettings/",
    "/admin/images/",
    "/admin/users/",
]


def test_the_packages_admin_screens(demo_server, browsing):  # noqa: F811
    demo_server.manage(
        "shell",
        "-c",
        "from wagtail_cityoflearning.badges.models import BadgeClass, ClaimCode;"
        f"ClaimCode.objects.get_or_create(code='{CLAIM_CODE}',"
        " defaults={'badge_class': BadgeClass.objects.filter(live=True).first()})",
    )
    base = demo_server.url
    tab = browsing()
    page = tab.page
    tab.log_in_to_the_admin(base)
    for path in ADMIN_SCREENS:
        tab.visit(base + path)
        if path == "/admin/awards/":
            awards = tab.links("#main a[href*='/admin/awards/']", r"/(inspect|edit)/\d+/$")
        if path == "/admin/claim_codes/":
            codes = tab.links("#main a[href*='/admin/claim_codes/edit/']", r"/edit/\d+/$")
        if path == "/admin/learning/evidence/":
            reviews = tab.links("#main a[href*='/admin/learning/evidence/']", r"/evidence/\d+/$")
        if path == "/admin/learning/progress/":
            # Each playlist opens its own progress screen.
            playlists = tab.links("#main a[href*='/admin/learning/progress/']", r"/progress/\d+/$")
        if path.startswith("/admin/snippets/"):
            snippets = tab.links("#main a[href*='/edit/']", r"/edit/\d+/$")
            assert snippets, path
            tab.visit(snippets[0])
    assert awards and codes and reviews and playlists
    code = re.search(r"/edit/(\d+)/$", codes[0]).group(1)
    printable = f"{base}/admin/claim_codes/{code}/print/"  # a page of its own, for printing
    for url in (awards[0], codes[0], printable, reviews[0], reviews[-1], playlists[0]):
        tab.visit(url)
    # An opportunity: its editor (with the map picker), its preview and its participants.
    tab.visit(base + "/map/")
    page_id = page.locator("[data-result]").first.get_attribute("data-id")
    tab.visit(f"{base}/admin/pages/{page_id}/edit/")
    page.wait_for_selector(".leaflet-field.leaflet-container")
    page.locator('button[data-side-panel-toggle="preview"]').click()
    page.wait_for_selector("#w-preview-iframe")
    page.wait_for_function(  # a function, not a string: the admin's policy forbids eval
        "() => !!document.querySelector('#w-preview-iframe').contentDocument?.querySelector('h1')"
    )
    tab.settle()
    tab.visit(f"{base}/admin/learning/participants/{page_id}/")
    tab.assert_clean()


# -- the interest chips ----------------------------------------------------------------


def test_interest_chips_are_coloured_without_style_attributes_in_the_markup(
    demo_server,  # noqa: F811
    browsing,
):
    for viewport, width in ((PHONE, 390), (DESKTOP, 1366)):
        tab = browsing(viewport=viewport)
        response = tab.visit(demo_server.url + "/playlists/")
        assert 'style="' not in response.text()
        chip = tab.page.locator(".col-interest").first
        colour = chip.get_attribute("data-interest-colour")
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", colour)
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        border = chip.evaluate("chip => getComputedStyle(chip).borderTopColor")
        assert border == f"rgb({red}, {green}, {blue})"
        screenshot(tab, f"csp-playlists-{width}")
        tab.visit(demo_server.cagliari_url + "/")
        screenshot(tab, f"csp-cagliari-home-{width}")
        tab.assert_clean()
    # Without JavaScript the chips keep a neutral border, and the pages still work.
    tab = browsing(java_script_enabled=False)
    tab.visit(demo_server.url + "/playlists/")
    chip = tab.page.locator(".col-interest").first
    colour = chip.get_attribute("data-interest-colour")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    border = chip.evaluate("chip => getComputedStyle(chip).borderTopColor")
    assert border != f"rgb({red}, {green}, {blue})"
    tab.assert_clean()
