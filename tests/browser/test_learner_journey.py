"""A young person's whole journey in Chromium, against the real example site with the demo:
sign up, confirm the email from the message the site sent, start a demo playlist, send
evidence; an editor approves it in the admin; the step's badge is in the learner's backpack
and its hosted assertion is valid for the IMS Open Badges validator."""

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from tests.badges.ims_validator import assert_valid, skip_or_fail_without_validator, validate
from tests.browser.conftest import RecordingPage, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401

EMAIL = "ana.novak@example.org"
PASSWORD = "Kolesarska-pot-2026"
NAME = "Ana Novak"
PLAYLIST = "/playlists/varno-in-pametno-na-spletu/"  # its second step: a written answer


@pytest.fixture
def open_tab(browser):
    contexts = []

    def opener(**options):
        options = {"viewport": {"width": 360, "height": 780}, "locale": "sl-SI", **options}
        context = browser.new_context(**options)
        contexts.append(context)
        return RecordingPage(context.new_page())

    yield opener
    for context in contexts:
        context.close()


def wait_for_mail(mail_dir: Path, pattern: str, seconds: float = 15) -> str:
    """The first link matching ``pattern`` in the emails the site has written."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
            match = re.search(pattern, path.read_text(errors="replace"))
            if match:
                return match.group(0)
        time.sleep(0.2)
    pytest.fail(f"No email with {pattern!r} in {mail_dir}")


def test_sign_up_start_send_evidence_get_it_approved_and_hold_a_valid_badge(
    demo_server,  # noqa: F811
    open_tab,
):
    validator = skip_or_fail_without_validator()
    assert validator
    base = demo_server.url

    # -- the young person signs up and confirms their address --------------------------
    learner = open_tab()
    page = learner.page
    open_page(page, f"{base}/accounts/signup/")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=display_name]", NAME)
    page.fill("input[name=year_of_birth]", str(dt.date.today().year - 19))
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("#main form button[type=submit]").last.click()
    page.wait_for_load_state()
    link = wait_for_mail(demo_server.mail_dir, rf"{re.escape(base)}/accounts/confirm-email/\S+")
    open_page(page, link)
    page.locator("#main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/learning/")  # confirmed and logged in: the dashboard
    learner.screenshot("journey-1-dashboard")

    # -- starts a demo playlist and sends a written answer ---------------------------
    open_page(page, base + PLAYLIST)
    page.click("#start-button")
    page.wait_for_selector("#continue-link")
    steps = page.locator("li[data-step-id]")
    assert steps.count() >= 2
    assert set(steps.evaluate_all("els => els.map(e => e.dataset.stepStatus)")) <= {
        "not_started",
        "done",
    }
    step_id = steps.nth(1).get_attribute("data-step-id")
    steps.nth(1).locator("a[href*='/steps/']").first.click()
    page.fill(
        "textarea[name=text]", "I switched my profiles to private and made a strong password."
    )
    page.locator(".col-evidence-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf".*{PLAYLIST}#step-{step_id}$"))  # back on the playlist
    assert page.locator(f"#step-{step_id}").get_attribute("data-step-status") == "submitted"
    learner.screenshot("journey-2-evidence-sent")

    # -- an editor approves it in the admin --------------------------------------------
    editor = open_tab(viewport={"width": 1280, "height": 900})
    admin = editor.page
    open_page(admin, f"{base}/admin/login/")
    admin.fill("input[name=username]", EDITOR[0])
    admin.fill("input[name=password]", EDITOR[1])
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(f"{base}/admin/")
    open_page(admin, f"{base}/admin/learning/evidence/")
    admin.locator("tr", has_text=NAME).locator("a").first.click()
    admin.wait_for_url(re.compile(r".*/admin/learning/evidence/\d+/$"))
    admin.wait_for_selector("button[name=decision][value=approve]")
    assert "I switched my profiles to private" in admin.content()
    admin.click("button[name=decision][value=approve]")
    admin.wait_for_load_state()
    editor.screenshot("journey-3-approved")

    # -- the badge is in the backpack, and its assertion is valid ---------------------
    open_page(page, f"{base}/learning/badges/")
    items = page.locator(".col-backpack__item")
    assert items.count() == 1
    share = items.first.locator("a[href*='/badges/assertions/']").first.get_attribute("href")
    assertion_url = share if share.startswith("http") else base + share
    learner.screenshot("journey-4-backpack")
    assert_valid(validate(url=assertion_url, recipient=EMAIL))

    # Nothing but the tile server was contacted by the learner's pages.
    assert learner.hosts() <= {f"localhost:{demo_server.port}"}
    assert not learner.errors
