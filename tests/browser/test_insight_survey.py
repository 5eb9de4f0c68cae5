"""The needs survey end to end on the demo site: a young person on a phone answers it with
the keyboard alone and is thanked; the answer is counted in the dashboard's section."""

import json
import subprocess
import sys

from django.utils import translation

from tests.browser.conftest import ARTIFACTS, assert_not_an_error_page, open_page
from tests.browser.demo_server import EDITOR, MANAGE, REPO_ROOT, demo_server  # noqa: F401
from tests.browser.test_providers_journey import log_in_to_admin

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SCREENS = ARTIFACTS / "screens"

COUNT_ANSWERS = """
import json
from django.utils import timezone
from wagtail.models import Site
from wagtail_cityoflearning.insight.figures import sections_for
from wagtail_cityoflearning.insight.scope import Scope
site = Site.objects.get(hostname="localhost")
today = timezone.localdate()
scope = Scope(site=site, provider=None, start=today.replace(year=today.year - 1), end=today)
section = next(s for s in sections_for(scope) if s.key == "needs-survey")
answers = next(f for f in section.figures if f.key == "survey-answers")
barriers = next(f for f in section.figures if f.key.endswith("-barriers"))
print(json.dumps({"answers": answers.rows[0][1], "nobody": barriers.rows[5][1]}))
"""


def sl(text):
    with translation.override("sl"):
        return translation.gettext(text)


def counted(server):
    """What the section counts on the demo's database, as the dashboard reads it."""
    output = subprocess.run(
        [sys.executable, MANAGE, "shell", "-c", COUNT_ANSWERS],
        env=server.env,
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching ``selector`` has the focus."""
    for _press in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def shot(page, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def test_a_young_person_answers_the_survey_with_the_keyboard(demo_server, open_tab):  # noqa: F811
    base = demo_server.url
    before = counted(demo_server)
    assert before["answers"] >= 150  # the demo's generated answers

    desktop = open_tab(viewport=DESKTOP)
    open_page(desktop.page, f"{base}/anketa/")
    shot(desktop.page, "insight-survey-1366")

    phone = open_tab(viewport=PHONE)
    page = phone.page
    open_page(page, f"{base}/anketa/")
    assert page.get_by_text("ustvarjeni samodejno").count() == 1  # the demo says so
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, "insight-survey-390")

    # Sending nothing: errors, linked to the questions.
    tab_to(page, "#needs-survey-form button[type=submit]", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_selector("#survey-errors")
    assert_not_an_error_page(page)
    assert page.locator("#survey-errors a[href='#id_interests']").count() == 1

    # Interests: the second and third (checkboxes; Space ticks the one in focus).
    page.focus("body")
    tab_to(page, "#id_interests_1")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    # Age: the first radio, then the arrow key to 16-18.
    tab_to(page, "input[name=age_band]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Neighbourhood: a drop-down, chosen with the arrow keys.
    tab_to(page, "#id_neighbourhood")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_free_time_2")
    page.keyboard.press("Space")
    tab_to(page, "#id_barriers_5")  # "I have nobody to go with"
    page.keyboard.press("Space")
    assert page.locator("input[name=age_band]:checked").input_value() == "16-18"
    assert page.locator("#id_neighbourhood").input_value() != ""
    tab_to(page, "#needs-survey-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#survey-sent")
    assert_not_an_error_page(page)
    shot(page, "insight-survey-sent-390")
    assert page.locator("#survey-sent").inner_text() == sl("Thank you for your answers")
    assert phone.hosts() == {f"localhost:{demo_server.port}"}

    after = counted(demo_server)
    assert after["answers"] == before["answers"] + 1
    assert after["nobody"] == before["nobody"] + 1

    # On the dashboard, where the site has one.
    editor = open_tab(viewport=DESKTOP)
    log_in_to_admin(editor.page, base, *EDITOR)
    response = editor.page.goto(f"{base}/admin/insight/")
    if response is None or response.status == 404:
        return
    assert response.status == 200
    body = editor.page.locator("main").inner_text()
    assert str(after["answers"]) in body.replace("\u202f", "").replace("\xa0", "").replace(".", "")
