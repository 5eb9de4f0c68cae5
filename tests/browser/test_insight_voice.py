"""Youth voice end to end, in Chromium against the real example site with the demo: a young
person on a phone filters the map to nothing, follows "Tell us what you were looking for" and
sends a suggestion; the city's editor finds it in the admin and forwards it to a provider,
whose staff get an email linking back to it."""

import re

from playwright.sync_api import expect

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import ARTIFACTS, assert_not_an_error_page, open_map, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401
from tests.browser.test_learner_journey import wait_for_mail
from tests.browser.test_map import TILE_HOST
from tests.browser.test_providers_journey import log_in_to_admin

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SCREENS = ARTIFACTS / "screens"
TEXT = "Delavnica podvodnega fotografiranja za najstnike ob sobotah."
STAFF_EMAIL = "voice-staff@knjiznica.example.org"
# A member of the library's staff, who hears of what is forwarded to it.
ADD_STAFF = f"""
from django.contrib.auth import get_user_model
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.models import ProviderPage
library = ProviderPage.objects.filter(title__startswith="Mestna knjižnica").order_by("path")[0]
user, _ = get_user_model().objects.get_or_create(username="voice-staff", email="{STAFF_EMAIL}")
user.groups.add(roles.provider_staff(library))
"""


def screenshot(page, name, full_page=True):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=full_page)


def test_a_suggestion_from_an_empty_map_reaches_a_provider(demo_server, open_tab):  # noqa: F811
    base = demo_server.url

    # -- a young person finds nothing on the map, on a phone ----------------------------------
    visitor = open_tab(PHONE)
    page = visitor.page
    open_map(visitor, f"{base}/map/", settle=True)
    page.locator(".col-filter-panel__summary").click()
    page.get_by_label("Glasba", exact=True).check()
    page.fill("input[name=age]", "17")
    page.fill("input[name=q]", "podvodno fotografiranje")
    page.locator("[data-filter-submit]").click()
    page.wait_for_function("() => document.querySelector('#results-heading').dataset.count === '0'")
    link = page.locator("#suggest-from-empty a")
    expect(link).to_be_visible()
    screenshot(page, "voice-map-empty-390")
    assert_no_violations(page, "the map's empty list")

    link.click()
    page.wait_for_url(re.compile(r"/voice/suggest/\?"))
    assert_not_an_error_page(page)
    # What the search said is filled in.
    assert page.locator("select[name=interest]").input_value() == "music"
    assert page.locator("select[name=age_band]").input_value() == "16-18"
    expect(page.locator("#suggestion-anonymous")).to_be_visible()
    assert page.locator("input[name=email], input[name=name]").count() == 0
    screenshot(page, "voice-form-390")
    assert_no_violations(page, "the suggestion form")

    page.locator("#suggestion-form button[type=submit]").click()  # nothing typed yet
    page.wait_for_load_state()
    expect(page.locator("#suggestion-errors")).to_be_visible()
    assert page.locator("#id_text").get_attribute("aria-invalid") == "true"
    assert page.locator("select[name=interest]").input_value() == "music"  # kept
    assert_no_violations(page, "the suggestion form with its errors")

    page.fill("textarea[name=text]", TEXT)
    page.select_option("select[name=where]", label="Moste")
    page.locator("input[name=when][value=weekends]").check()
    page.locator("#suggestion-form button[type=submit]").click()
    page.wait_for_url(f"{base}/voice/suggest/sent/")
    expect(page.locator("#suggestion-sent")).to_be_visible()
    screenshot(page, "voice-sent-390")
    assert_no_violations(page, "the thank-you page")
    assert visitor.hosts() <= {f"localhost:{demo_server.port}", TILE_HOST}
    assert visitor.errors == []

    # -- the city's editor forwards it to a provider ------------------------------------------
    demo_server.manage("shell", "-c", ADD_STAFF)
    editor = open_tab(DESKTOP)
    admin = editor.page
    log_in_to_admin(admin, base, *EDITOR)
    open_page(admin, f"{base}/admin/suggestions/?status=new")
    row = admin.get_by_role("link", name=TEXT)
    expect(row).to_be_visible()
    screenshot(admin, "voice-admin-list-1366", full_page=False)
    row.click()
    admin.wait_for_url(re.compile(r"/admin/suggestions/\d+/$"))
    triage_path = admin.url.removeprefix(base)
    expect(admin.locator("#suggestion-text")).to_contain_text(TEXT)
    library = admin.locator("#id_forward-provider option", has_text="Mestna knjižnica").first
    admin.select_option("#id_forward-provider", value=library.get_attribute("value"))
    admin.fill("#id_forward-message", "Bi to lahko ponudili v Mostah?")
    admin.locator("#forward-form button[type=submit]").click()
    admin.wait_for_url(f"{base}{triage_path}")
    assert_not_an_error_page(admin)
    expect(admin.locator("#suggestion-status")).to_contain_text("Mestna knjižnica")
    screenshot(admin, "voice-admin-triage-1366")

    # The provider's staff are told, with a link back to the suggestion.
    link = wait_for_mail(
        demo_server.mail_dir, re.escape(f"http://localhost:{demo_server.port}{triage_path}")
    )
    assert link.endswith(triage_path)
    mail = next(p.read_text() for p in demo_server.mail_dir.glob("*.log") if TEXT in p.read_text())
    assert f"To: {STAFF_EMAIL}" in mail
    assert "Bi to lahko ponudili v Mostah?" in mail

    # The list on a phone: the suggestion and its status fit.
    phone_admin = open_tab(PHONE)
    log_in_to_admin(phone_admin.page, base, *EDITOR)
    open_page(phone_admin.page, f"{base}/admin/suggestions/?status=forwarded")
    expect(phone_admin.page.get_by_role("link", name=TEXT)).to_be_visible()
    screenshot(phone_admin.page, "voice-admin-list-390", full_page=False)

    desktop = open_tab(DESKTOP)
    open_page(desktop.page, f"{base}/voice/suggest/")
    screenshot(desktop.page, "voice-form-1366")
