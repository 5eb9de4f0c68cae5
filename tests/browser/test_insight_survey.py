"""The needs survey end to end on the demo site: a young person on a phone answers it with
the keyboard alone and is thanked; the city's editor sees the answer counted in the
dashboard's "Needs survey" section."""

import re

from django.utils import translation

from tests.browser.conftest import ARTIFACTS, assert_not_an_error_page, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401
from tests.browser.test_providers_journey import log_in_to_admin

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SCREENS = ARTIFACTS / "screens"
SURVEY = "Kaj bi se rad/-a naučil/-a?"  # the title of Ljubljana's demo survey
COUNT = re.compile(r"\d{1,3}(?:[.\s\u202f\xa0]\d{3})*")  # a count shown, grouped or not


def sl(text):
    with translation.override("sl"):
        return translation.gettext(text)


def shown_count(cell) -> int:
    """The number in a table cell of the dashboard (never "fewer than 5")."""
    text = cell.inner_text().strip()
    assert COUNT.fullmatch(text), f"not a count: {text!r}"
    return int(re.sub(r"\D", "", text))


def survey_counts(page, base) -> dict:
    """What the editor reads in the section's tables: the survey's answers ("Answers per
    survey") and how many said "I have nobody to go with" (the survey's barriers, all ages)."""
    open_page(page, f"{base}/admin/insight/")
    section = page.locator("#insight-needs-survey")
    assert section.locator("h2").first.inner_text().strip() == sl("Needs survey")
    answers = section.locator("#figure-survey-answers table tbody tr").filter(
        has=page.get_by_role("rowheader", name=SURVEY, exact=True)
    )
    assert answers.count() == 1
    barriers = section.locator("article[id^='figure-survey-'][id$='-barriers'] table")
    assert barriers.count() == 1
    nobody = barriers.locator("tbody tr").filter(
        has=page.get_by_role("rowheader", name=sl("I have nobody to go with"), exact=True)
    )
    assert nobody.count() == 1
    # The first cell after the row's header: "Answers", and "All ages".
    return {
        "answers": shown_count(answers.locator("td").first),
        "nobody": shown_count(nobody.locator("td").first),
    }


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
    editor = open_tab(viewport=DESKTOP).page
    log_in_to_admin(editor, base, *EDITOR)
    before = survey_counts(editor, base)
    assert before["answers"] >= 150  # the demo's generated answers
    assert before["nobody"] >= 5  # shown, not "fewer than 5"

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

    # The editor reloads the dashboard: the survey's row and the barrier's row count one more.
    after = survey_counts(editor, base)
    assert after == {"answers": before["answers"] + 1, "nobody": before["nobody"] + 1}
