"""Every screen looked at: each admin screen the package adds, each type of public page in both
cities and the learner's own pages, at 1366 and 390 px, in the real example site.

A screen fails when an icon is drawn larger than 48 px, when anything makes the page wider than
the window, or when a button's label does not fit its button. A screenshot of each goes to
``test-artifacts/screens/``.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, open_page
from tests.browser.demo_server import EDITOR, MANAGE, REPO_ROOT, demo_server  # noqa: F401

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
LEARNER = ("maja@example.org", "cityoflearning")
SCREENS = ARTIFACTS / "screens"
LEARNER_PAGES = (
    "/learning/",
    "/learning/joined/in-progress/",
    "/learning/joined/completed/",
    "/learning/badges/",
    "/learning/profile/",
    "/learning/playlists/",
    "/learning/playlists/new/",
    "/learning/data/",
    "/learning/delete/",
)
ACCOUNT_PAGES = (
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/badges/claim/",
    "/badges/claim/OPENDAY2026/",
    "/badges/verify/",
)

# What a person would call a broken screen, measured in the page.
PROBLEMS = """() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const buttons = "button, a.button, .button, input[type=submit], input[type=button], [role=button]";
    const name = (element) => {
        const label = (element.getAttribute("aria-label") || element.innerText || element.value
            || element.getAttribute("class") || "").trim().replace(/\\s+/g, " ").slice(0, 60);
        return `<${element.tagName.toLowerCase()}> "${label}"`;
    };
    const shown = (element) => {
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return rect.width > 0 && rect.height > 0 && style.visibility !== "hidden"
            && !element.closest("[hidden], [aria-hidden=true][inert]");
    };
    const onScreen = (rect) => rect.right > 0 && rect.left < width;
    // Wagtail's own sidebar is not the package's to draw.
    const ours = (element) => !element.closest("#wagtail-sidebar, .leaflet-container");
    // Text for screen readers only (clipped to a pixel) is no label to see.
    const hiddenText = (element) => {
        for (let parent = element; parent; parent = parent.parentElement) {
            const rect = parent.getBoundingClientRect();
            const style = getComputedStyle(parent);
            if ((style.position === "absolute" && rect.width <= 1 && rect.height <= 1)
                || style.clip === "rect(0px, 0px, 0px, 0px)" || style.display === "none") {
                return true;
            }
            if (parent.matches(buttons)) return false;
        }
        return false;
    };
    const labelBox = (button) => {
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        let box = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim() || hiddenText(node.parentElement)) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            const rect = range.getBoundingClientRect();
            if (!rect.width) continue;
            box = box ? {
                left: Math.min(box.left, rect.left), right: Math.max(box.right, rect.right),
                top: Math.min(box.top, rect.top), bottom: Math.max(box.bottom, rect.bottom),
            } : {left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom};
        }
        return box;
    };
    const scrolls = (element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            if (parent === document.body || parent === document.documentElement) return false;
            if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(parent).overflowX)) {
                return true;
            }
        }
        return false;
    };

    for (const svg of document.querySelectorAll("svg")) {
        if (!shown(svg) || !ours(svg)) continue;
        const isIcon = svg.matches(".icon, [class*=icon]") || svg.querySelector("use")
            || svg.closest("button, .button, [role=button]");
        if (!isIcon) continue;
        const rect = svg.getBoundingClientRect();
        if (rect.width > 48.5 || rect.height > 48.5) {
            const owner = svg.closest("button, a, label") || svg.parentElement;
            problems.push(`an icon of ${Math.round(rect.width)}x${Math.round(rect.height)} px in ${name(owner)}`);
        }
    }

    if (document.documentElement.scrollWidth > width + 1) {
        const wide = [];
        for (const element of document.body.querySelectorAll("*")) {
            const rect = element.getBoundingClientRect();
            if (rect.right > width + 1 && rect.left < width && shown(element) && !scrolls(element)
                    && ours(element)) {
                wide.push(name(element));
            }
        }
        problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window: `
            + wide.slice(-3).join(", "));
    }

    for (const button of document.querySelectorAll(buttons)) {
        if (!shown(button) || !ours(button)) continue;
        const label = button.tagName === "INPUT" ? {} : labelBox(button);
        if (!label || (button.tagName === "INPUT" && !button.value.trim())) continue;
        const rect = button.getBoundingClientRect();
        if (!onScreen(rect)) continue;  // a menu slid out of the window, not a clipped button
        if ((rect.left < -1 || rect.right > width + 1) && !scrolls(button)) {
            problems.push(`${name(button)} runs out of the window`);
            continue;
        }
        if (button.tagName === "INPUT") {
            if (button.scrollWidth > button.clientWidth + 1) {
                problems.push(`${name(button)}: its label is cut off`);
            }
            continue;
        }
        if (label.right > rect.right + 2 || label.left < rect.left - 2
                || label.bottom > rect.bottom + 2 || label.top < rect.top - 2) {
            problems.push(`${name(button)}: its label does not fit the button`);
        }
    }
    return problems;
}"""


FULL_HEIGHT = """() => Math.min(6000, Math.max(
    document.documentElement.scrollHeight,
    ...[...document.querySelectorAll("main, #main, .content-wrapper")].map((e) => e.scrollHeight),
))"""


@pytest.fixture(scope="module")
def screens(demo_server):  # noqa: F811
    """The screens of the demo site, with a claim code so its printable sheet has one."""
    with tempfile.TemporaryDirectory() as tmp:
        found = Path(tmp) / "screens.json"
        code = (
            "from wagtail_cityoflearning.badges.models import BadgeClass, ClaimCode;"
            "ClaimCode.objects.get_or_create(code='OPENDAY2026',"
            " defaults={'badge_class': BadgeClass.objects.filter(live=True).first()});"
            "from tests.browser.screens import write_screens;"
            f"write_screens({str(found)!r})"
        )
        subprocess.run(
            [sys.executable, MANAGE, "shell", "-c", code],
            env=demo_server.env,
            cwd=REPO_ROOT,
            check=True,
            capture_output=True,
        )
        return json.loads(found.read_text())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:90]


def look_at(page, url, label, viewport, status=200):
    """Open ``url``, keep a screenshot, and return what is wrong with the screen."""
    open_page(page, url, status=status)
    page.evaluate("document.fonts.ready")
    problems = page.evaluate(PROBLEMS)
    # The whole screen in the picture, also where the admin scrolls its content in a box.
    height = page.evaluate(FULL_HEIGHT)
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{_slug(label)}-{viewport['width']}.png"))
    page.set_viewport_size(viewport)
    return [f"{label} at {viewport['width']} px: {problem}" for problem in problems]


def test_the_screen_list_knows_every_admin_view_of_the_package(screens):
    assert screens["unknown"] == [], "admin views the screen test does not know how to open"
    assert screens["missing"] == [], "admin screens with nothing in the demo to show"
    names = {screen["name"] for screen in screens["admin"]}
    assert {
        "cityoflearning_evidence_review:review",
        "cityoflearning_opportunity_participants:index",
        "cityoflearning_awards:bulk",
        "dashboard",
    } <= names


@VIEWPORTS
def test_every_admin_screen_of_the_package(demo_server, screens, open_tab, viewport):  # noqa: F811
    page = open_tab(viewport).page
    open_page(page, demo_server.url + "/admin/login/")
    page.fill("input[name=username]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(demo_server.url + "/admin/")
    problems = []
    for screen in screens["admin"]:
        problems += look_at(page, demo_server.url + screen["path"], screen["name"], viewport)
    assert not problems, "\n".join(problems)


@VIEWPORTS
def test_every_kind_of_public_page_in_both_cities(demo_server, screens, open_tab, viewport):  # noqa: F811
    problems = []
    for city, base, locale in (
        ("localhost", demo_server.url, "sl-SI"),
        ("cagliari.localhost", demo_server.cagliari_url, "it-IT"),
    ):
        page = open_tab(viewport, locale).page
        pages = [p for p in screens["public"] if p["host"] == city]
        assert pages, f"no public pages found in {city}"
        for public in pages:
            path = public["path"]
            problems += look_at(page, base + path, f"{city} {public['name']} {path}", viewport)
        for path in ACCOUNT_PAGES:
            problems += look_at(page, base + path, f"{city} {path}", viewport)
    assert not problems, "\n".join(problems)


@VIEWPORTS
def test_the_learners_own_pages(demo_server, screens, open_tab, viewport):  # noqa: F811
    base = demo_server.url
    page = open_tab(viewport).page
    open_page(page, f"{base}/accounts/login/")
    page.fill("input[name=login]", LEARNER[0])
    page.fill("input[name=password]", LEARNER[1])
    page.locator("#main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/learning/")
    problems = []
    for path in LEARNER_PAGES:
        problems += look_at(page, base + path, f"learner {path}", viewport)
    playlist = next(p["path"] for p in screens["public"] if p["name"] == "PlaylistPage")
    problems += look_at(page, base + playlist, f"learner {playlist}", viewport)
    step = page.locator("li[data-step-id] a[href*='/steps/']").first.get_attribute("href")
    problems += look_at(
        page, base + step if step.startswith("/") else step, "learner step", viewport
    )
    assert not problems, "\n".join(problems)
