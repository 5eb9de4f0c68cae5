"""The public badge verifier in Chromium: every badge of the test set (this site's in every
format, tampered, revoked, expired, another issuer's, and things that are not badges) is
brought the way a visitor would, and gets its verdict; the answer (or the summary of the form's
errors) takes the focus, is announced, fits a phone, and works without JavaScript; an image can
be dropped on the form."""

import base64

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.badges.test_verifier import FORM_ERROR, build_test_set
from tests.browser.axe import assert_no_violations
from tests.browser.conftest import assert_not_an_error_page, open_page
from tests.factories import make_city
from wagtail_cityoflearning.badges.models import Issuer

pytestmark = [pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SMALL = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
MIME = {"png": "image/png", "svg": "image/svg+xml"}


@pytest.fixture
def cases(live_server, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"BADGES_VERIFY_MAX_PER_ADDRESS": 1000}
    city = make_city()  # Ljubljana, in Slovenian, on localhost
    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )
    return {case.name: case for case in build_test_set(issuer)}


def in_english(tab, live_server):
    """The visitor chose English with the language switcher (its cookie)."""
    tab.page.context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url}]
    )


def bring(page, live_server, case):
    """Open the verifier, give the badge as a visitor would and send the form."""
    open_page(page, live_server.url + reverse("wagtail_cityoflearning_badges:verify"))
    if case.file:
        name, data = case.file
        page.set_input_files(
            "#id_file",
            files=[{"name": name, "mimeType": MIME[name.rsplit(".", 1)[1]], "buffer": data}],
        )
    if case.text:
        page.fill("#id_text", case.text)
    if case.url:
        page.fill("#id_url", case.url)
    if case.email:
        page.fill("#id_email", case.email)
    page.locator("#verify-form button[type=submit]").click()
    page.wait_for_load_state()
    assert_not_an_error_page(page)


def answer(page) -> str:
    """The verdict the page shows, or FORM_ERROR for a form sent back with its errors."""
    if page.locator("#verify-errors").count():
        return FORM_ERROR
    result = page.locator("#verify-result")
    return result.get_attribute("data-verdict") if result.count() else "nothing"


def test_every_badge_of_the_test_set_gets_its_verdict(live_server, cases, open_tab):
    tab = open_tab(DESKTOP, locale="en-GB")
    in_english(tab, live_server)
    page = tab.page
    wrong = {}
    for case in cases.values():
        bring(page, live_server, case)
        got = answer(page)
        text = page.locator("main").inner_text()
        if got != case.verdict or (case.says and case.says not in text):
            wrong[case.name] = (case.verdict, got, case.says)
    assert len(cases) >= 20
    assert wrong == {}
    assert tab.hosts() == {live_server.url.split("//")[1]}  # no other host, ever
    assert tab.errors == []


SLOVENIAN = [
    ("our baked PNG", "valid", "Ta značka je veljavna."),
    ("revoked 3.0", "revoked", "Ta značka je bila preklicana: Awarded by mistake"),
    ("expired 3.0", "expired", "Veljavnost te značke je potekla."),
    ("the recipient's email matches", "valid", "Da: ta značka je bila podeljena temu naslovu."),
    ("garbage bytes", FORM_ERROR, "Naložite sliko PNG ali SVG; ta datoteka ni ne PNG ne SVG."),
]


def test_the_answer_is_in_the_language_of_the_site(live_server, cases, open_tab):
    tab = open_tab(PHONE)
    page = tab.page
    for name, verdict, says in SLOVENIAN:
        bring(page, live_server, cases[name])
        assert page.locator("html").get_attribute("lang") == "sl"
        assert answer(page) == verdict, name
        expect(page.locator("main")).to_contain_text(says)


def test_the_answer_takes_the_focus_is_announced_and_fits_a_phone(live_server, cases, open_tab):
    for viewport, suffix in ((PHONE, "390"), (DESKTOP, "1366")):
        tab = open_tab(viewport)
        page = tab.page
        open_page(page, live_server.url + reverse("wagtail_cityoflearning_badges:verify"))
        tab.screenshot(f"badge-verifier-form-{suffix}")
        for name, shot in (
            ("our baked PNG", "valid"),
            ("tampered 3.0 VC-JWT", "tampered"),
            ("another issuer's 2.0 badge", "other-issuer"),
            ("revoked 2.0", "revoked"),
        ):
            bring(page, live_server, cases[name])
            heading = page.locator("#verify-result-heading")
            expect(heading).to_be_focused()
            # The focused heading announces the verdict; no live region repeats it.
            assert page.locator("#verify-result [role=status]").count() == 0
            assert page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth"
            ), f"{name}: the page scrolls sideways at {viewport['width']} px"
            tab.screenshot(f"badge-verifier-{shot}-{suffix}")
    assert_no_violations(page, "the verifier's answer")
    bring(page, live_server, cases["garbage bytes"])
    expect(page.locator("#verify-errors")).to_be_visible()
    expect(page.locator("#verify-errors")).to_be_focused()  # read first, as the verdict is
    assert page.locator("#id_file").get_attribute("aria-invalid") == "true"
    assert_no_violations(page, "the verifier's form with an error")


def test_it_fits_360_px(live_server, cases, open_tab):
    tab = open_tab(SMALL)
    bring(tab.page, live_server, cases["our baked SVG"])
    assert answer(tab.page) == "valid"
    assert tab.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_it_works_without_javascript(live_server, cases, open_tab):
    tab = open_tab(PHONE, java_script_enabled=False)
    case = cases["our signed assertion (2.0 JWS)"]
    bring(tab.page, live_server, case)
    assert answer(tab.page) == "valid"
    expect(tab.page.locator("#verify-result")).to_contain_text("Mladinski center Moste")


def test_a_badge_image_can_be_dropped_on_the_form(live_server, cases, open_tab):
    tab = open_tab(DESKTOP)
    page = tab.page
    open_page(page, live_server.url + reverse("wagtail_cityoflearning_badges:verify"))
    zone = page.locator("[data-col-verify-drop]")
    expect(page.locator("[data-col-verify-drop-hint]")).to_be_visible()
    name, data = cases["our baked PNG"].file
    transfer = page.evaluate_handle(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, {type: "image/png"}));
            return transfer;
        }""",
        [name, base64.b64encode(data).decode()],
    )
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    expect(zone).to_have_class("col-verify-drop col-verify-drop--ready col-verify-drop--active")
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    assert page.evaluate("() => document.getElementById('id_file').files[0].name") == name
    page.locator("#verify-form button[type=submit]").click()
    page.wait_for_load_state()
    assert answer(page) == "valid"
    assert tab.errors == []
