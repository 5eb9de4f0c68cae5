"""Providers filling the map themselves, in Chromium against the real example site with the
demo: an organisation asks to join through the public form on a phone; the city's editor
approves it in the admin; the contact person sets up their account from the invitation email,
adds their first opportunity and submits it to the City review; the editor approves it and
it is on the city's site. Then a provider's spreadsheet: an import with errors that saves
nothing, then the corrected file."""

import datetime as dt
import re

from django.utils import translation

from tests.browser.conftest import assert_not_an_error_page, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401
from tests.browser.test_learner_journey import wait_for_mail
from tests.browser.test_map import TILE_HOST

PHONE = {"width": 390, "height": 844}
ORGANISATION = "Mladinska točka Fužine"
CONTACT_EMAIL = "petra@tocka-fuzine.example.org"
PASSWORD = "Fuzinski-grad-2027"
OPPORTUNITY = "Kuharska delavnica za najstnike"


def sl(text):
    with translation.override("sl"):
        return translation.gettext(text)


def log_in_to_admin(page, base, username, password):
    open_page(page, f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/")


def click_action(page, selector):
    """Click a button of the editor's action menu, wherever the dropdown keeps it, and wait
    for the page its form leads to (on a busy machine the next step could otherwise read the
    page before the action was saved)."""
    page.wait_for_selector(selector, state="attached")
    with page.expect_navigation(wait_until="load"):
        page.eval_on_selector(selector, "button => button.click()")


def test_an_organisation_joins_and_publishes_its_first_opportunity(
    demo_server,  # noqa: F811
    open_tab,
):
    base = demo_server.url

    # -- the organisation asks to join, on a phone ------------------------------------------
    visitor = open_tab(viewport=PHONE)
    page = visitor.page
    open_page(page, f"{base}/")
    page.get_by_role("link", name=sl("Become a learning provider")).first.click()
    page.wait_for_url(f"{base}/join/provider/")
    page.fill("input[name=organisation]", ORGANISATION)
    page.fill("input[name=website]", "https://tocka-fuzine.example.org/")
    page.fill("textarea[name=offer]", "Kuharske in ustvarjalne delavnice za mlade iz Fužin.")
    page.locator("input[name=interests]").first.check()
    page.fill("input[name=address]", "Preglov trg 1, 1000 Ljubljana")
    page.fill("input[name=location]", "46.0517, 14.5560")
    page.fill("input[name=contact_name]", "Petra Novak")
    page.fill("input[name=email]", "not an address")  # a mistake first
    page.locator("#main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert page.locator("input[name=organisation]").input_value() == ORGANISATION  # kept
    page.fill("input[name=email]", CONTACT_EMAIL)
    page.locator("#main form button[type=submit]").click()
    page.wait_for_url(f"{base}/join/provider/sent/")
    assert_not_an_error_page(page)
    visitor.screenshot("providers-1-request-sent")
    # No host but the site and the city's tile server (the map to place the point).
    assert visitor.hosts() <= {f"localhost:{demo_server.port}", TILE_HOST}

    # -- the city's editor approves it --------------------------------------------------------
    editor = open_tab()
    admin = editor.page
    log_in_to_admin(admin, base, *EDITOR)
    open_page(admin, f"{base}/admin/providers/requests/")
    admin.get_by_role("link", name=ORGANISATION).first.click()
    admin.wait_for_url(re.compile(r".*/admin/providers/requests/\d+/$"))
    admin.click("#decision-form button[name=decision][value=approve]")
    admin.wait_for_load_state()
    assert_not_an_error_page(admin)
    editor.screenshot("providers-2-approved")
    # The new provider's page is a draft (the city's setting): the editor publishes it.
    admin.locator("main a[href*='/admin/pages/'][href$='/edit/']").first.click()
    admin.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    click_action(admin, "button[name=action-publish]")
    admin.wait_for_load_state()
    assert_not_an_error_page(admin)

    # -- the contact person sets up their account from the invitation ----------------------
    link = wait_for_mail(demo_server.mail_dir, rf"{re.escape(base)}/join/invitation/[\w-]+/")
    staff = open_tab()
    desk = staff.page
    open_page(desk, link)
    desk.fill("input[name=first_name]", "Petra")
    desk.fill("input[name=last_name]", "Novak")
    desk.fill("input[name=password1]", PASSWORD)
    desk.fill("input[name=password2]", PASSWORD)
    desk.locator("main form button[type=submit], #main form button[type=submit]").first.click()
    desk.wait_for_url(re.compile(rf"{re.escape(base)}/admin/.*"))
    assert_not_an_error_page(desk)
    # The link works once.
    used = open_tab().page
    assert used.goto(link).status == 410

    # -- their first opportunity, submitted to the City review ------------------------------
    provider_id = re.search(r"/admin/pages/(\d+)/", desk.url)
    assert provider_id, desk.url
    open_page(
        desk,
        f"{base}/admin/pages/add/wagtail_cityoflearning/opportunitypage/{provider_id[1]}/",
    )
    desk.fill("#id_title", OPPORTUNITY)
    desk.fill("#id_summary", "Skupaj skuhamo večerjo iz sezonskih sestavin.")
    desk.locator("input[name=interests]").first.check()
    desk.locator("#id_sessions-ADD").click()
    start = dt.date.today() + dt.timedelta(days=30)
    desk.fill("#id_sessions-0-start", f"{start:%Y-%m-%d} 17:00")
    desk.fill("#id_sessions-0-end", f"{start:%Y-%m-%d} 19:00")
    # The address and the point come from the provider's page.
    assert desk.locator("#id_address").input_value().startswith("Preglov trg 1")
    # The city reviews providers' edits: the staff submit, they do not publish.
    assert desk.locator("button[name=action-publish]").count() == 0
    click_action(desk, "button[name=action-submit]")
    desk.wait_for_url(re.compile(r".*/admin/pages/\d+/(edit/)?$"))
    assert_not_an_error_page(desk)
    staff.screenshot("providers-3-submitted")
    slug_page = open_tab().page
    assert slug_page.goto(f"{base}/").status == 200
    assert OPPORTUNITY not in slug_page.content()  # not live before the city approves

    # -- the editor approves it in the City review: it is on the city's site -----------------
    open_page(admin, f"{base}/admin/providers/city-review/")
    assert OPPORTUNITY in admin.content()
    editor.screenshot("providers-4-city-review")
    admin.get_by_role("link", name=OPPORTUNITY).first.click()
    admin.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    click_action(
        admin, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    assert_not_an_error_page(admin)
    open_page(admin, f"{base}/admin/providers/city-review/")
    assert OPPORTUNITY not in admin.content()

    public = open_tab(viewport=PHONE)
    open_page(public.page, f"{base}/providers/")
    public.page.get_by_role("link", name=ORGANISATION).first.click()
    public.page.get_by_role("link", name=OPPORTUNITY).first.click()
    assert_not_an_error_page(public.page)
    assert public.page.locator("h1").inner_text().strip() == OPPORTUNITY
    public.screenshot("providers-5-live")


SHEET_HEADERS = [
    "External id",
    "Title",
    "Summary",
    "Interests",
    "Sessions",
    "Address",
    "Latitude",
    "Longitude",
]
COMMIT = "form[action$='/import/'] button[type=submit]"


def choose_provider(page, name):
    option = page.locator("select[name=provider] option", has_text=name).first
    page.select_option("select[name=provider]", option.get_attribute("value"))


def sheet(rows):
    lines = [",".join(SHEET_HEADERS)]
    lines += [",".join(f'"{cell}"' for cell in row) for row in rows]
    return ("\ufeff" + "\n".join(lines) + "\n").encode()


def test_an_import_with_errors_saves_nothing_then_the_corrected_file_imports(
    demo_server,  # noqa: F811
    open_tab,
):
    base = demo_server.url
    start = dt.date.today() + dt.timedelta(days=21)
    good = [
        "FUZ-1",
        "Delavnica kolesarjenja",
        "Popravi in spoznaj svoje kolo.",
        "Šport",
        f"{start:%Y-%m-%d} 16:00-18:00",
        "Trubarjeva cesta 72, Ljubljana",
        "46.0563",
        "14.5165",
    ]
    bad = [
        "FUZ-2",
        "Fotografski krožek",
        "Fotografiramo mesto.",
        "Podvodno pletenje",  # no such interest
        "31. 2. 2027 16:00",  # no such date
        "Trubarjeva cesta 72, Ljubljana",
        "",  # no point
        "",
    ]
    tab = open_tab()
    admin = tab.page
    log_in_to_admin(admin, base, *EDITOR)
    open_page(admin, f"{base}/admin/opportunity-import/")
    choose_provider(admin, "Kodirnica")
    admin.set_input_files(
        "input[name=file]",
        files=[{"name": "program.csv", "mimeType": "text/csv", "buffer": sheet([good, bad])}],
    )
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_load_state()
    assert_not_an_error_page(admin)
    errors = admin.locator("[role=alert] ~ [role=region] table tbody tr")
    text = "\n".join(errors.all_inner_texts())
    assert "Podvodno pletenje" in text and "31. 2. 2027" in text
    assert errors.count() >= 3  # the interest, the date, the missing point; each at row 3
    assert all(row.split()[0] == "3" for row in errors.all_inner_texts())
    assert admin.locator(COMMIT).count() == 0
    tab.screenshot("import-1-errors")

    # Nothing was saved: the provider's page lists neither opportunity.
    public = open_tab(viewport=PHONE).page
    open_page(public, f"{base}/providers/")
    public.get_by_role("link", name="Društvo Kodirnica").first.click()
    assert_not_an_error_page(public)
    provider_url = public.url
    assert "Delavnica kolesarjenja" not in public.content()

    bad[3], bad[4], bad[6], bad[7] = (
        "Umetnost",
        f"{start:%Y-%m-%d} 17:00-19:00",
        "46.0563",
        "14.5165",
    )
    open_page(admin, f"{base}/admin/opportunity-import/")
    choose_provider(admin, "Kodirnica")
    admin.set_input_files(
        "input[name=file]",
        files=[{"name": "program.csv", "mimeType": "text/csv", "buffer": sheet([good, bad])}],
    )
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_load_state()
    admin.locator(COMMIT).click()
    admin.wait_for_load_state()
    assert_not_an_error_page(admin)
    tab.screenshot("import-2-imported")
    open_page(public, provider_url)
    assert "Delavnica kolesarjenja" in public.content()
    assert "Fotografski krožek" in public.content()
