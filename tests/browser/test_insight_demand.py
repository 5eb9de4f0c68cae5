"""A young person's search that finds nothing reaches the city's dashboard."""

import json
import re
import subprocess
import sys

import pytest
from django.utils import translation

from tests.browser.conftest import MAP_READY, open_page
from tests.browser.demo_server import (
    EDITOR,
    MANAGE,
    REPO_ROOT,
    demo_server,  # noqa: F401
)

pytestmark = pytest.mark.usefixtures("browser")

WORDS = "podvodno varjenje"  # no opportunity of the demo says this

# Run in the demo's own database: the "found nothing" figure of Ljubljana's dashboard.
FIGURE = """
import json
from wagtail.models import Site
from wagtail_cityoflearning.insight.figures import sections_for
from wagtail_cityoflearning.insight.privacy import display
from wagtail_cityoflearning.insight.scope import Scope, default_period
from wagtail_cityoflearning.models import Interest
site = Site.objects.get(is_default_site=True)
start, end = default_period()
sections = {s.key: s for s in sections_for(Scope(site, None, start, end))}
figure = next(f for f in sections["demand"].figures if f.key == "demand-found-nothing")
music = Interest.objects.get(slug="music", locale=site.root_page.locale).name
print(json.dumps({"music": music, "rows": [[display(c) for c in r] for r in figure.rows]}))
"""


def sl(text):
    with translation.override("sl"):
        return translation.gettext(text)


def found_nothing(server) -> dict:
    result = subprocess.run(  # noqa: S603 (the demo's own manage.py)
        [sys.executable, MANAGE, "shell", "-c", FIGURE],
        env=server.env,
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def my_combination(figure) -> list:
    """The rows of music with hidden search words and nothing else chosen: this test's."""
    return [
        row
        for row in figure["rows"]
        if row[0] == figure["music"] and row[1:8] == ["–"] * 7 and row[8] not in ("–", "")
    ]


def test_a_search_that_found_nothing_reaches_the_dashboard(demo_server, open_tab):  # noqa: F811
    figure = found_nothing(demo_server)
    before = my_combination(figure)

    tab = open_tab({"width": 390, "height": 844})
    page = tab.page
    open_page(page, demo_server.url + "/map/")
    page.wait_for_selector(MAP_READY, state="attached")
    page.locator("[data-filter-panel] summary").first.click()
    page.locator("input[name=q]").fill(WORDS)
    page.get_by_label(figure["music"], exact=True).check()
    page.locator("input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=podvodno"))
    page.wait_for_function(
        "() => document.querySelector('#results-heading')?.dataset.count === '0'"
    )
    assert page.locator("[data-result]").count() == 0
    assert tab.errors == []

    after = my_combination(found_nothing(demo_server))
    assert len(after) == 1, after
    assert after != before
    assert WORDS not in json.dumps(after)  # words of fewer than five searches stay hidden

    admin = open_tab({"width": 1366, "height": 900}).page
    open_page(admin, demo_server.url + "/admin/login/")
    admin.fill("input[name=username]", EDITOR[0])
    admin.fill("input[name=password]", EDITOR[1])
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(demo_server.url + "/admin/")
    response = admin.goto(demo_server.url + "/admin/insight/")
    if response.status == 404:
        pytest.skip("the dashboard is not installed: its figure was checked above")
    assert response.status == 200
    section = admin.get_by_role("heading", name=sl("What young people look for"))
    assert section.count() >= 1
    table = admin.locator("table", has_text=sl("Searches that found nothing")).first
    assert table.locator("tr", has_text=after[0][0]).count() >= 1
