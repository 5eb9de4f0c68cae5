"""The progress bar shows the steps waiting for review as a second, hatched part after the
steps done; the words above it stay its accessible name, and the hatched part is hidden from
screen readers (the words say it)."""

from django.template.loader import render_to_string
from django.utils import translation

from tests.learners.test_first_impression_13 import Elements

TEMPLATE = "wagtail_cityoflearning/includes/progress_bar.html"


def bars(context):
    with translation.override("en"):
        page = Elements(render_to_string(TEMPLATE, context))
    return page, page.find("progress")


def test_steps_waiting_for_review_are_a_second_part_of_the_bar():
    page, found = bars({"done": 0, "total": 3, "waiting": 2, "id": "7"})
    assert page.text("p", id="progress-7-label") == "0 of 3 steps done · 2 waiting for review"
    waiting = [attrs for attrs, _ in found if "aria-hidden" in attrs]
    done = [attrs for attrs, _ in found if "aria-hidden" not in attrs]
    # The waiting part reaches from the steps done to the steps done and waiting.
    assert [(a["max"], a["value"], a["aria-hidden"]) for a in waiting] == [("3", "2", "true")]
    assert "col-progress__bar--waiting" in waiting[0]["class"].split()
    # The steps done stay the one bar a screen reader meets, named by the words above it.
    assert [(a["max"], a["value"], a["aria-labelledby"]) for a in done] == [
        ("3", "0", "progress-7-label")
    ]


def test_without_steps_waiting_the_bar_is_one_part():
    page, found = bars({"done": 1, "total": 3})
    assert [(a["max"], a["value"]) for a, _ in found] == [("3", "1")]
    assert not page.find(data_waiting_part="0") and not any("aria-hidden" in a for a, _ in found)
