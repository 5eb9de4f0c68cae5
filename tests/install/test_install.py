"""docs/installation.md, followed top to bottom into a stock ``wagtail start`` site.

For each Python under test (the running one and the newest the package claims; or
``INSTALL_TEST_PYTHONS``): a fresh virtualenv with the wheel of this checkout, gunicorn and
whitenoise; ``wagtail start mysite``; exactly the snippets the docs show (the files in
``docs/snippets/installation/``, which the docs page includes); migrate, the system checks,
collectstatic; the site under gunicorn with ``DEBUG = False``, where an editor sets the site up
and creates a provider, an opportunity and a map page in the admin and a visitor sees the styled
map with its marker in Chromium; a badge awarded from the command line and validated by the IMS
validator; the same pages with ``DEBUG = True``; and finally the documented uninstalling, after
which the stock site still serves its home page and its admin.

Screenshots and logs go to ``test-artifacts/install-*``. Missing Pythons skip, unless
``REQUIRE_INSTALL_TEST=1``.
"""

import json
import os
import re
import time
from urllib.parse import urlsplit

import pytest

from tests.badges.ims_validator import assert_valid, skip_or_fail_without_validator, validate
from tests.install.browser import DESKTOP, PHONE, Tab
from tests.install.host import (
    ARTIFACTS,
    HostSite,
    Log,
    check_messages,
    http_get,
    python_or_skip,
    pythons_under_test,
    shell_lines,
)

pytestmark = [
    pytest.mark.install,
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")),
        reason="the installation test runs once, on the SQLite leg",
    ),
]

ADMIN = ("admin", "admin@example.org", "install-test-passphrase-42")
RECIPIENT = "maja.novak@example.org"
MAP_READY = '[data-col-map][data-ready="1"][data-markers]'
MARKERS = ".leaflet-marker-pane .col-marker, .leaflet-marker-pane .marker-cluster"
# The opportunity's one session, typed into the admin in the city's time zone (Ljubljana,
# UTC+2 in May) on a site whose TIME_ZONE is the stock "UTC".
SESSION_START, SESSION_END = "2031-05-04 18:00", "2031-05-04 19:30"
SESSION_START_UTC = "2031-05-04T16:00:00"

BADGE_SETUP = """
import io
from PIL import Image
from django.core.files.base import ContentFile
from wagtail.models import Site
from wagtail_cityoflearning.badges.models import BadgeClass, Issuer

site = Site.objects.get(is_default_site=True)
issuer = Issuer.objects.create(
    name="Install Test City of Learning", url="https://city.example.org/",
    email="badges@city.example.org", site=site,
)
buffer = io.BytesIO()
Image.new("RGB", (256, 256), (30, 120, 200)).save(buffer, "PNG")
badge = BadgeClass(
    name="Young maker", slug="young-maker", description="Built something real.",
    criteria_narrative="Finish a project in the maker lab.", issuer=issuer,
    locale=site.root_page.locale,
)
badge.image.save("young-maker.png", ContentFile(buffer.getvalue()), save=False)
badge.save()
badge.save_revision().publish()
print(badge.slug)
"""


def step(log: Log, title: str):
    log.step(title)
    print(f"[install] {title}", flush=True)


@pytest.mark.parametrize("python_version", pythons_under_test())
def test_a_stock_wagtail_site_installs_serves_and_uninstalls_the_package(
    python_version, wheel, chromium, tmp_path
):
    python = python_or_skip(python_version)
    started = time.monotonic()
    name = f"install-py{python_version}" if re.fullmatch(r"3\.\d+", python_version) else "install"
    log = Log(ARTIFACTS / f"{name}.log")
    host = HostSite(tmp_path, python, log)

    step(log, f"virtualenv with {python}: the wheel, gunicorn and whitenoise")
    host.create_virtualenv(str(wheel), "gunicorn", "whitenoise")
    assert host.installed_version("wagtail-cityoflearning") == wheel.name.split("-")[1]

    step(log, "wagtail start mysite, its requirements, the docs' snippets")
    host.wagtail_start()
    if host.python_version() >= (3, 12):
        # The stock requirements.txt asks for Django 6.1 (which needs Python 3.12): the package
        # goes along with it, as it would in a city's existing site.
        host.install_requirements()
        assert host.installed_version("django").startswith("6.1.")
    else:
        assert host.installed_version("django").startswith("5.2.")
    host.append(
        "mysite/settings/base.py", "settings.py", "languages.py", "api_settings.py", "csp.py"
    )
    host.append("mysite/urls.py", "urls.py", "api_urls.py")
    host.edit_base_template()

    step(log, "migrate and the system checks")
    for line in shell_lines("migrate.sh"):
        host.run_documented(line, settings="dev")
    for settings in ("dev", "production"):
        output = host.manage("check", "--database", "default", settings=settings).stderr
        assert check_messages(output) == [], output
    # A host's makemigrations must never write a migration into the installed package.
    migrations = host.manage("makemigrations", "--check", "--dry-run", "wagtail_cityoflearning")
    assert "No changes detected" in migrations.stdout

    step(log, "production: whitenoise, the shared cache, collectstatic; a superuser")
    host.append("mysite/settings/production.py", "production.py")
    for line in shell_lines("production.sh"):
        host.run_documented(line, settings="production")
    deploy = host.manage("check", "--deploy", settings="production").stderr
    deploy_ids = check_messages(deploy)
    assert [id for id in deploy_ids if not id.startswith("security.")] == [], deploy
    log.write(f"Django's deploy warnings, the host's business: {deploy_ids}")
    assert list(
        (host.project / "static" / "wagtail_cityoflearning" / "css").glob("cityoflearning.*.css")
    )
    user, email, password = ADMIN
    host.manage(
        "createsuperuser",
        "--noinput",
        settings="production",
        DJANGO_SUPERUSER_USERNAME=user,
        DJANGO_SUPERUSER_EMAIL=email,
        DJANGO_SUPERUSER_PASSWORD=password,
    )

    with host.gunicorn("production") as url:
        step(log, f"DEBUG = False under gunicorn at {url}: the editor sets up the site")
        pages = set_up_in_the_admin(chromium, url, name)
        assert_served(url, pages)

        step(log, "the visitor's map and opportunity page")
        visit_public_pages(chromium, url, pages, name, screenshots=True)

        step(log, "a badge awarded from the command line, checked by the IMS validator")
        award_and_validate(host, url)

    with host.gunicorn("dev") as url:
        step(log, f"DEBUG = True under gunicorn at {url}")
        # Another port: the Site's port no longer matches, so the default Site answers.
        visit_public_pages(chromium, url, pages, f"{name}-debug", screenshots=False)

    step(log, "uninstalling, as documented")
    uninstall(host)
    with host.gunicorn("production") as url:
        status, body = http_get(url + "/")
        assert status == 200, body[:2000]
        assert b"wagtail_cityoflearning" not in body
        admin_still_works(chromium, url)

    log.write(f"done in {time.monotonic() - started:.0f} s")


# -- the admin ----------------------------------------------------------------------------


def log_in(tab: Tab, url: str) -> None:
    user, _email, password = ADMIN
    tab.page.goto(url + "/admin/login/")
    tab.page.fill("#id_username", user)
    tab.page.fill("#id_password", password)
    tab.page.click("button[type=submit]")
    tab.page.wait_for_url("**/admin/")


def save_and_expect_success(tab: Tab) -> None:
    """Press the form's Save button and expect Wagtail's success message."""
    tab.page.get_by_role("button", name="Save", exact=True).click()
    tab.page.wait_for_load_state()
    messages = tab.page.locator(".messages").all_inner_texts()
    assert any("updated" in text.lower() for text in messages), f"{tab.page.url}: {messages}"


def publish(tab: Tab, title_text: str, fill=lambda page: None, screenshot="") -> None:
    """Fill in a new page's form and publish it; back in the parent's listing."""
    page = tab.page
    # Typed as an editor types it, once the admin's scripts run, so that Wagtail fills in
    # the slug from it.
    page.wait_for_load_state("networkidle")
    title = page.locator("#id_title")
    title.click()
    title.press_sequentially(title_text, delay=20)
    title.press("Tab")
    page.wait_for_function("() => document.querySelector('#id_slug').value !== ''")  # no eval: CSP
    fill(page)
    if screenshot:
        page.locator("#id_title").click()  # closes the date pickers
        page.locator(".leaflet-field.leaflet-container").scroll_into_view_if_needed()
        tab.screenshot(screenshot, full_page=False)
    page.locator('button[name="action-publish"]').dispatch_event("click")
    try:
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    except Exception:
        tab.screenshot("install-failed-publish")
        errors = page.locator(".error-message, .help-critical, .messages").all_inner_texts()
        raise AssertionError(f"not published: {page.url}: {errors}") from None
    messages = page.locator(".messages").inner_text() if page.locator(".messages").count() else ""
    assert "published" in messages.lower(), f"{page.url}: {messages}"


def api_page(url: str, page_type: str, fields: str = "") -> dict:
    query = f"?type=wagtail_cityoflearning.{page_type}" + (f"&fields={fields}" if fields else "")
    status, body = http_get(f"{url}/api/v2/pages/{query}")
    assert status == 200, body[:2000]
    (item,) = json.loads(body)["items"]
    return item


def set_up_in_the_admin(browser, url: str, name: str) -> dict:
    """Site address, city settings and the four pages, through the admin; their API items."""
    port = url.rsplit(":", 1)[1]
    tab = Tab.open(browser, {"width": 1280, "height": 1000})
    page = tab.page
    try:
        log_in(tab, url)

        # Settings > Sites: the public address, before any badge is issued.
        page.goto(url + "/admin/sites/")
        page.locator('a[href*="/admin/sites/edit/"]').first.click()
        page.fill("#id_hostname", "127.0.0.1")
        page.fill("#id_port", port)
        save_and_expect_success(tab)

        # Settings > City of Learning settings.
        page.goto(url + "/admin/settings/wagtail_cityoflearning/cityoflearningsettings/")
        page.fill("#id_city_name", "Ljubljana")
        page.select_option("#id_timezone", "Europe/Ljubljana")
        page.fill("#id_map_centre_latitude", "46.0511")
        page.fill("#id_map_centre_longitude", "14.5051")
        save_and_expect_success(tab)

        home = api_home(url)
        page.goto(f"{url}/admin/pages/add/wagtail_cityoflearning/providerindexpage/{home}/")
        publish(tab, "Learning providers")
        index = api_page(url, "ProviderIndexPage")["id"]

        page.goto(f"{url}/admin/pages/add/wagtail_cityoflearning/providerpage/{index}/")

        def provider_form(p):
            p.fill("#id_short_description", "A youth centre with a maker lab and a dance studio.")

        publish(tab, "Youth centre Šiška", provider_form)
        provider = api_page(url, "ProviderPage")["id"]

        page.goto(f"{url}/admin/pages/add/wagtail_cityoflearning/opportunitypage/{provider}/")
        page.wait_for_selector(".leaflet-field.leaflet-container")

        def opportunity_form(p):
            p.fill("#id_summary", "Learn street dance moves with friends.")
            p.get_by_label("Theatre and dance").check()
            p.click("#id_sessions-ADD")
            p.fill("#id_sessions-0-start", SESSION_START)
            p.fill("#id_sessions-0-end", SESSION_END)
            p.fill("#id_address", "Trg prekomorskih brigad 3, Ljubljana")
            p.fill("#id_location", "46.0689, 14.4896")

        publish(tab, "Street dance", opportunity_form, screenshot=f"{name}-admin-opportunity")

        page.goto(f"{url}/admin/pages/add/wagtail_cityoflearning/opportunitymappage/{home}/")
        publish(tab, "Map")
        # Every request of the admin's own pages (its map's marker images included) is answered.
        assert tab.failed_responses == [], tab.failed_responses
        assert tab.page_errors == [], tab.page_errors
    finally:
        tab.close()
    return {
        "opportunity": api_page(url, "OpportunityPage", "latitude,longitude,sessions"),
        "map": api_page(url, "OpportunityMapPage"),
    }


def api_home(url: str) -> int:
    status, body = http_get(f"{url}/api/v2/pages/?type=home.HomePage")
    assert status == 200, body[:2000]
    (item,) = json.loads(body)["items"]
    return item["id"]


def assert_served(url: str, pages: dict) -> None:
    """The pages as the API and the server see them."""
    opportunity = pages["opportunity"]
    assert (round(opportunity["latitude"], 4), round(opportunity["longitude"], 4)) == (
        46.0689,
        14.4896,
    )
    (session,) = opportunity["sessions"]
    # Typed in the city's time zone, stored as the right instant whatever TIME_ZONE is.
    assert session["start"].startswith(SESSION_START_UTC), session
    for item in pages.values():
        assert item["meta"]["html_url"].startswith(url + "/"), item
        status, _body = http_get(item["meta"]["html_url"])
        assert status == 200, item["meta"]["html_url"]
    map_url = pages["map"]["meta"]["html_url"]
    status, body = http_get(map_url + "geojson/")
    assert status == 200, body[:2000]
    assert len(json.loads(body)["features"]) == 1


# -- the public pages ---------------------------------------------------------------------


def local(url: str, item: dict) -> str:
    """A page's address on this server (the API gives it on the Site's own address)."""
    return url + urlsplit(item["meta"]["html_url"]).path


def assert_styled(tab: Tab) -> None:
    """The package's stylesheet is loaded and applies (served with its hashed name)."""
    hrefs = tab.page.locator('link[rel="stylesheet"]').evaluate_all(
        "links => links.map(l => l.href)"
    )
    assert any("/static/wagtail_cityoflearning/css/cityoflearning" in href for href in hrefs), hrefs
    container = tab.page.locator(".col-container").first
    max_width = container.evaluate("element => getComputedStyle(element).maxWidth")
    assert max_width not in ("", "none"), "the package's CSS does not apply"


def visit_public_pages(browser, url: str, pages: dict, name: str, *, screenshots: bool) -> None:
    map_url = local(url, pages["map"])
    opportunity_url = local(url, pages["opportunity"])
    for label, viewport in (("1366", DESKTOP), ("390", PHONE)):
        tab = Tab.open(browser, viewport)
        page = tab.page
        try:
            response = page.goto(map_url)
            assert response.status == 200
            page.wait_for_selector(MAP_READY, state="attached")
            switch = page.locator('.col-view-switch [data-view="map"]')
            if switch.is_visible():
                switch.click()
            page.locator(MARKERS).first.wait_for(state="visible")
            assert page.locator("[data-col-map]").get_attribute("data-markers") == "1"
            assert_styled(tab)
            if screenshots:
                tab.screenshot(f"{name}-map-{label}")
            response = page.goto(opportunity_url)
            assert response.status == 200
            page.wait_for_load_state("load")
            assert_styled(tab)
            # The session in the city's time zone.
            text = page.locator("main").inner_text()
            assert "18:00" in text or "6 p.m." in text, text
            json_ld = page.locator('script[type="application/ld+json"]').first.inner_text()
            assert json.loads(json_ld)["@type"]
            if screenshots:
                tab.screenshot(f"{name}-opportunity-{label}")
            tab.assert_clean(f"{name} at {label} px")
        finally:
            tab.close()


# -- badges -------------------------------------------------------------------------------


def award_and_validate(host: HostSite, url: str) -> None:
    skip_or_fail_without_validator()
    assert "--badge" in host.manage("cityoflearning_award", "--help", settings="production").stdout
    slug = host.shell(BADGE_SETUP).strip()
    output = host.manage(
        "cityoflearning_award",
        "--badge",
        slug,
        "--email",
        RECIPIENT,
        "--narrative",
        "Built a desk lamp.",
        settings="production",
    ).stdout
    assertion_url = output.strip().splitlines()[-1]
    assert assertion_url.startswith(url + "/badges/assertions/"), output
    assert_valid(validate(url=assertion_url, recipient=RECIPIENT))
    # The Site is on a loopback address: the check that guards real sites says so.
    output = host.manage("check", "--database", "default", settings="production").stderr
    assert check_messages(output) == ["wagtail_cityoflearning.W004"], output


# -- uninstalling -------------------------------------------------------------------------


def uninstall(host: HostSite) -> None:
    for line in shell_lines("uninstall_content.sh"):
        host.run_documented(line)
    # The package's lines; those of "In production" serve the site, whatever it runs.
    host.restore_files("mysite/settings/base.py", "mysite/urls.py", "mysite/templates/base.html")
    for line in shell_lines("uninstall_package.sh"):
        host.run_documented(line)
    assert host.installed_version("wagtail-cityoflearning") is None
    for settings in ("dev", "production"):
        output = host.manage("check", "--database", "default", settings=settings).stderr
        assert check_messages(output) == [], output
    tables = host.shell(
        "from django.db import connection; "
        "print([t for t in connection.introspection.table_names() "
        "if t.startswith(('wagtail_cityoflearning', 'account_'))])"
    )
    assert tables.strip() == "[]", tables
    left = host.shell(
        "from django.contrib.contenttypes.models import ContentType\n"
        "from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision\n"
        "types = ContentType.objects.values('id')\n"
        "print(ContentType.objects.filter(app_label='wagtail_cityoflearning').count(),"
        " Page.objects.count(),"
        " PageLogEntry.objects.exclude(content_type_id__in=types).count(),"
        " ModelLogEntry.objects.exclude(content_type_id__in=types).count(),"
        " Revision.objects.exclude(content_type_id__in=types).count())"
    )
    # No content type of the package, the root and the stock home page, no orphan log entries
    # or revisions.
    assert left.split() == ["0", "2", "0", "0", "0"], left


def admin_still_works(browser, url: str) -> None:
    tab = Tab.open(browser, DESKTOP)
    try:
        log_in(tab, url)
        for path in ("/admin/", "/admin/pages/", "/admin/reports/site-history/", "/admin/sites/"):
            response = tab.page.goto(url + path)
            assert response.status == 200, path
        assert tab.failed_responses == [], tab.failed_responses
        assert tab.page_errors == [], tab.page_errors
    finally:
        tab.close()
