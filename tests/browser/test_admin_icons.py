"""The package's admin screens in Chromium: their icons are icon-sized and every button's
label can be read, on a desktop (1366 px) and on a phone (390 px).

Screenshots of each screen go to ``test-artifacts/screens/``.
"""

import subprocess
import sys

import pytest

from tests.browser.conftest import ARTIFACTS, assert_not_an_error_page, open_page
from tests.browser.demo_server import EDITOR, MANAGE, REPO_ROOT, demo_server  # noqa: F401

SCREENS = ARTIFACTS / "screens"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
ICON_MAX = 48  # px, each side
HELD_BADGE = "Varno na spletu"  # the demo's Maja earned it on her playlist

# Every svg inside the main content that is drawn, with its size.
SVG_SIZES = """() => [...document.querySelectorAll('main svg')]
    .map(svg => ({box: svg.getBoundingClientRect(), html: svg.outerHTML.slice(0, 120)}))
    .filter(({box}) => box.width > 0 && box.height > 0)
    .map(({box, html}) => ({width: box.width, height: box.height, html}))"""

# Every button (or button-styled link) drawn inside the main content: whether its label fits
# in it, and where the label's drawn text lies (each line of it) against the window's width.
BUTTONS = """() => [...document.querySelectorAll(
        'main button, main .button, main input[type=submit]')]
    .filter(el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map(el => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const lines = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            // Text only for screen readers (Wagtail's w-sr-only) is not drawn.
            if (!node.textContent.trim() || node.parentElement.closest('.w-sr-only')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const box of range.getClientRects()) lines.push({left: box.left, right: box.right});
        }
        if (!lines.length) {  // an input: its value is drawn inside its box
            const box = el.getBoundingClientRect();
            lines.push({left: box.left, right: box.right});
        }
        return {
            label: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
            scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth,
            left: Math.min(...lines.map(line => line.left)),
            right: Math.max(...lines.map(line => line.right)),
            viewport: document.documentElement.clientWidth,
        };
    })"""


def demo_value(server, code) -> str:
    """What ``code`` prints, run in a Django shell on the demo's database."""
    result = subprocess.run(
        [sys.executable, MANAGE, "shell", "-c", code],
        env=server.env,
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def screens(demo_server):  # noqa: F811
    """The admin URLs to look at, found in the demo's data."""
    evidence = demo_value(
        demo_server,
        "from wagtail_cityoflearning.learners.progress.models import StepProgress;"
        "print(StepProgress.objects.filter(status='submitted').order_by('pk').first().pk)",
    )
    opportunity = demo_value(
        demo_server,
        "from wagtail_cityoflearning.learners.progress.models import Attendance;"
        "print(Attendance.objects.order_by('pk').first().opportunity_id)",
    )
    return {
        "review": f"/admin/learning/evidence/{evidence}/",
        "participants": f"/admin/learning/participants/{opportunity}/",
        "bulk-award": "/admin/awards/bulk/",
        "awards": "/admin/awards/",
    }


def log_in_to_the_admin(page, base):
    open_page(page, f"{base}/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.locator("main form button[type=submit], form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/admin/")


def screenshot(page, name):
    """The whole screen: the admin scrolls inside its layout, so the window is made tall."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    tall = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body *')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]), 4000)})
    page.screenshot(path=str(SCREENS / f"{name}.png"))
    page.set_viewport_size(size)


def assert_icons_and_labels_fit(page, where):
    svgs = page.evaluate(SVG_SIZES)
    too_big = [svg for svg in svgs if svg["width"] > ICON_MAX or svg["height"] > ICON_MAX]
    assert not too_big, f"{where}: icons larger than {ICON_MAX}px: {too_big}"
    buttons = page.evaluate(BUTTONS)
    assert buttons, f"{where}: no button found"
    for button in buttons:
        assert button["label"], f"{where}: a button without a label: {button}"
        assert button["scrollWidth"] <= button["clientWidth"], (
            f"{where}: the label of {button['label']!r} is cut off: {button}"
        )
        assert button["left"] >= 0 and button["right"] <= button["viewport"] + 0.5, (
            f"{where}: the label {button['label']!r} lies outside the window: {button}"
        )


@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=list(VIEWPORTS))
def test_admin_screens_draw_small_icons_and_whole_button_labels(
    browser,
    demo_server,  # noqa: F811
    screens,
    viewport,
):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="sl-SI")
    try:
        page = context.new_page()
        log_in_to_the_admin(page, demo_server.url)
        for name, path in screens.items():
            open_page(page, demo_server.url + path)
            screenshot(page, f"admin-{name}-{viewport}")
            assert_icons_and_labels_fit(page, f"{name} ({viewport})")

        # The bulk award's preview, with a recipient who already holds the badge.
        open_page(page, demo_server.url + screens["bulk-award"])
        page.select_option("#id_badge_class", label=HELD_BADGE)
        page.fill("#id_rows", "maja@example.org\nnew.learner@example.org")
        page.locator("#bulk-award-form button[type=submit]").click()
        page.wait_for_selector("#bulk-award-form table")
        assert_not_an_error_page(page)
        assert page.locator("#held-1").is_visible(), "Maja already holds the badge"
        again = page.locator("input[name=again]").bounding_box()
        assert (
            again
            and again["x"] >= 0
            and again["x"] + again["width"] <= VIEWPORTS[viewport]["width"]
        ), "the tick to award again is on the screen"
        screenshot(page, f"admin-bulk-award-preview-{viewport}")
        assert_icons_and_labels_fit(page, f"bulk award preview ({viewport})")
        page.locator("#bulk-award-form button[name=edit]").click()
        page.wait_for_selector("#id_rows")
        assert "new.learner@example.org" in page.input_value("#id_rows")
    finally:
        context.close()
