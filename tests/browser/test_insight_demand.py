"""A young person's search that finds nothing reaches the city's dashboard, as the city's
editor reads it there: a new row in "Searches that found nothing", its count and its words
hidden while fewer than five searches made it, then shown."""

import re

import pytest
from django.utils import translation

from tests.browser.conftest import open_map, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401
from tests.browser.test_providers_journey import log_in_to_admin
from wagtail_cityoflearning.insight.bands import BAND_LABELS
from wagtail_cityoflearning.insight.privacy import MIN_PEOPLE

pytestmark = pytest.mark.usefixtures("browser")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
FIGURE = "demand-found-nothing"
TOP_COMBINATIONS = 50  # the figure's longest table

# This test's combination, which the demo's year of searches never made: music for a
# 14-year-old (the band 13-15), with words no opportunity of the demo says.
MUSIC = "Glasba"  # the demo's interest "music" in Ljubljana's language
AGE = "14"
WORDS = "podvodno varjenje"
DASH = "\u2013"  # a filter not chosen

ROWS = """(key) => [...document.querySelectorAll(`#figure-${key} table tbody tr`)].map(
    (row) => [...row.children].map((cell) => cell.innerText.trim()))"""


def sl(text, **values):
    with translation.override("sl"):
        translated = str(translation.gettext(text))
        return translated % values if values else translated


def found_nothing(page, base) -> list:
    """The rows of the dashboard's "Searches that found nothing", as the editor sees them."""
    open_page(page, f"{base}/admin/insight/")
    heading = page.locator(f"#figure-{FIGURE}-title")
    assert heading.inner_text().strip() == sl("Searches that found nothing")
    return page.evaluate(ROWS, FIGURE)


def mine(rows: list) -> list:
    """The rows of this test's combination (its words shown or hidden)."""
    band = sl(str(BAND_LABELS["13-15"]))
    return [row for row in rows if row[:8] == [MUSIC, band, *[DASH] * 6]]


def search_on_the_map(open_tab, base) -> None:
    """One young person (a browser of their own) searches with this test's filters; the
    list says it found nothing."""
    tab = open_tab(PHONE)
    page = tab.page
    open_map(tab, f"{base}/map/", settle=True)
    panel = page.locator("[data-filter-panel]")
    if panel.get_attribute("open") is None:
        page.locator(".col-filter-panel__summary").click()
    # The words and the age first: ticking the interest asks for the list a moment later,
    # and "Show results" then asks for it once with every filter (one search, not two).
    page.fill("input[name=q]", WORDS)
    page.fill("input[name=age]", AGE)
    page.get_by_label(MUSIC, exact=True).check()
    page.locator("[data-filter-submit]").click()
    page.wait_for_url(re.compile(r"[?&]q=podvodno"))
    page.wait_for_function(
        "() => document.querySelector('#results-heading')?.dataset.count === '0'"
    )
    assert page.locator("[data-result]").count() == 0
    assert tab.errors == []


def test_a_search_that_found_nothing_reaches_the_dashboard(demo_server, open_tab):  # noqa: F811
    base = demo_server.url
    editor = open_tab(DESKTOP).page
    log_in_to_admin(editor, base, *EDITOR)
    hidden_words = sl("(words of fewer than %(count)s searches)", count=MIN_PEOPLE)
    fewer = sl("fewer than %(count)s", count=MIN_PEOPLE)

    # Before: the demo's searches never made this combination, and the table has room for it.
    before = found_nothing(editor, base)
    assert before, "the demo's searches that found nothing are missing"
    assert len(before) < TOP_COMBINATIONS, "a new combination could not be listed"
    assert mine(before) == []
    assert WORDS not in editor.locator("main").inner_text()

    # One search: the combination is a new row, but one search is "fewer than 5", so its
    # count and its words stay hidden (a single search could be told apart from them).
    search_on_the_map(open_tab, base)
    after_one = found_nothing(editor, base)
    band = sl(str(BAND_LABELS["13-15"]))
    assert mine(after_one) == [[MUSIC, band, *[DASH] * 6, hidden_words, fewer]]
    assert len(after_one) == len(before) + 1
    assert WORDS not in editor.locator("main").inner_text()

    # Four more people search the same: five searches are shown, with their words, and the
    # row of hidden words is gone (its only words are now shown).
    for _person in range(MIN_PEOPLE - 1):
        search_on_the_map(open_tab, base)
    after_five = found_nothing(editor, base)
    assert mine(after_five) == [[MUSIC, band, *[DASH] * 6, WORDS, str(MIN_PEOPLE)]]
    assert len(after_five) == len(before) + 1
