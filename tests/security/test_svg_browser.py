"""In Chromium: no script from an uploaded SVG badge image runs, whether its served URL is
opened on its own or the image is embedded in a page as <img>, <object> or <iframe>.

The harness is shown to work first: each vector Chromium runs is served as it is, without
sanitising or headers, and the harness must see its script run.
"""

import contextlib
import re

import pytest
from django.core.files.base import ContentFile

from tests.factories import make_city
from wagtail_cityoflearning.badges.models import Award, BadgeClass, Issuer
from wagtail_cityoflearning.uploads import IMAGE_CSP, UnsafeImage, sanitise_svg

from .svg_vectors import VECTORS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPT_RAN = re.compile(r"/xss-(\d+)$")


class Harness:
    """A browser tab that notes every sign of a vector's script running."""

    def __init__(self, browser, origin):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.origin = origin
        self.ran = set()  # numbers of the vectors whose script ran
        self.pages = {}  # path -> (content type, body, headers) served by the harness itself
        self.page.on("dialog", self._dialog)
        self.context.route("**/*", self._route)

    def _dialog(self, dialog):
        found = re.search(r"xss-(\d+)", dialog.message)
        self.ran.add(int(found.group(1)) if found else -1)
        dialog.dismiss()

    def _route(self, route):
        url = route.request.url
        path = url[len(self.origin) :] if url.startswith(self.origin) else None
        found = SCRIPT_RAN.search(url.split("?")[0])
        if found:
            self.ran.add(int(found.group(1)))
            return route.fulfill(status=204)
        if path in self.pages:
            content_type, body, headers = self.pages[path]
            return route.fulfill(status=200, content_type=content_type, body=body, headers=headers)
        if path is None:  # nothing outside the test server is ever contacted
            return route.fulfill(status=404, body="")
        return route.continue_()

    def serve(self, path, content_type, body, headers=None):
        self.pages[path] = (content_type, body, headers or {})
        return self.origin + path

    def titles(self):
        found = []
        for frame in self.page.frames:
            # A frame already gone has no title to read.
            with contextlib.suppress(Exception):
                found.append(frame.evaluate("document.title"))
        return found

    def visit(self, url, *, click=True):
        """Open ``url`` as the whole page (and click its middle, for links); the numbers of
        the vectors whose script ran, with -1 for a title set to XSS."""
        self.page.goto(url)
        self.page.wait_for_timeout(150)
        if click:
            self.page.mouse.click(50, 50)
            self.page.wait_for_timeout(150)
        if "XSS" in self.titles():
            self.ran.add(-1)
        return self.ran

    def embed(self, urls):
        """A page of the test server embedding each URL as <img>, <object> and <iframe>."""
        items = "".join(
            f'<p><img src="{url}" width="100" height="100" alt="">'
            f'<object data="{url}" type="image/svg+xml" width="100" height="100"></object>'
            f'<iframe src="{url}" width="100" height="100"></iframe></p>'
            for url in urls
        )
        page = self.serve(
            "/svg-harness/",
            "text/html",
            f"<!DOCTYPE html><html><head><title>Harness</title></head><body>{items}</body></html>",
        )
        self.page.goto(page)
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(500)
        if "XSS" in self.titles():
            self.ran.add(-1)
        return self.ran

    def close(self):
        self.context.close()


@pytest.fixture
def harness(chromium, live_server):
    tab = Harness(chromium, live_server.url)
    yield tab
    tab.close()


RUNS_RAW = [number for number, (_name, _text, runs) in enumerate(VECTORS) if runs]


def test_the_harness_sees_every_raw_vector_run(harness):
    """Not vacuous: served as it is, without headers, each of these vectors runs its script."""
    missed = []
    for number in RUNS_RAW:
        harness.ran.clear()
        url = harness.serve(f"/raw-svg/{number}.svg", "image/svg+xml", VECTORS[number][1])
        if not harness.visit(url):
            missed.append(VECTORS[number][0])
    assert missed == []
    assert len(RUNS_RAW) >= 25


def test_the_headers_alone_stop_the_raw_vectors(harness):
    """Defence in depth: even an unsanitised file runs nothing under the image headers."""
    headers = {"Content-Security-Policy": IMAGE_CSP, "X-Content-Type-Options": "nosniff"}
    urls = [
        harness.serve(f"/guarded-svg/{number}.svg", "image/svg+xml", VECTORS[number][1], headers)
        for number in RUNS_RAW
    ]
    for url in urls:
        harness.visit(url)
    harness.embed(urls)
    assert harness.ran == set()


@pytest.fixture
def hostile_badges(live_server):
    """A live badge class (and an award of it) for every vector the sanitiser accepts."""
    city = make_city()
    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )
    made = []
    for number, (_name, text, _runs) in enumerate(VECTORS):
        try:
            sanitise_svg(text.encode())
        except UnsafeImage:
            continue  # refused on upload; test_svg_sanitising checks the message
        badge = BadgeClass(
            name=f"Vector {number}",
            slug=f"vector-{number}",
            description="A hostile SVG.",
            criteria_narrative="None.",
            issuer=issuer,
            locale=city["locale"],
            image=ContentFile(text.encode(), name=f"vector-{number}.svg"),
        )
        badge.full_clean()
        badge.save()  # the upload path: the stored file is the sanitised SVG
        badge.save_revision().publish()
        award = Award.objects.create(badge_class=badge, recipient_email="ana@example.org")
        made.append((number, badge, award))
    assert len(made) >= len(VECTORS) - 2
    return made


def test_no_uploaded_vector_runs_script_in_chromium(harness, hostile_badges, live_server):
    urls = []
    for _number, badge, award in hostile_badges:
        urls.append(f"{live_server.url}/badges/classes/{badge.uuid}/image/")
        urls.append(f"{live_server.url}/badges/assertions/{award.uuid}/image/")  # baked
    for url in urls:
        harness.visit(url)
    assert harness.ran == set()
    harness.embed(urls)
    assert harness.ran == set()
    # The images are really there and drawn: the sanitised badge still renders in <img>.
    widths = harness.page.eval_on_selector_all(
        "img", "images => images.map(image => image.complete && image.naturalWidth)"
    )
    assert widths and all(width == 100 for width in widths)


def test_served_svg_carries_the_sandbox_headers(harness, hostile_badges, live_server):
    _number, badge, award = hostile_badges[0]
    for url in (
        f"{live_server.url}/badges/classes/{badge.uuid}/image/",
        f"{live_server.url}/badges/assertions/{award.uuid}/image/",
    ):
        response = harness.page.request.get(url)
        assert response.headers["content-type"] == "image/svg+xml"
        assert response.headers["content-security-policy"].startswith("sandbox; default-src 'none'")
        assert response.headers["x-content-type-options"] == "nosniff"
