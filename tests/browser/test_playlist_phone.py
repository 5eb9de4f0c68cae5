"""On a phone (390 x 844), a playlist's button to start or continue it, with the learner's
progress, is on the first screen: below the title and introduction, before the steps."""

import re

from tests.browser.conftest import ARTIFACTS, RecordingPage, open_page
from tests.browser.demo_server import demo_server  # noqa: F401

PHONE = {"width": 390, "height": 844}
LEARNER = ("maja@example.org", "cityoflearning")  # the demo's learner in Ljubljana
SCREENS = ARTIFACTS / "screens"


def test_start_and_continue_are_on_a_phones_first_screen(
    demo_server,  # noqa: F811
    browser,
):
    context = browser.new_context(viewport=PHONE, locale="sl-SI")
    try:
        tab = RecordingPage(context.new_page())
        page = tab.page
        open_page(page, f"{demo_server.url}/accounts/login/")
        page.fill("input[name=login]", LEARNER[0])
        page.fill("input[name=password]", LEARNER[1])
        page.locator("#main form button[type=submit]").first.click()
        page.wait_for_url(re.compile(r".*/learning/$"))

        open_page(page, f"{demo_server.url}/playlists/")
        links = page.locator("main a[href^='/playlists/']").evaluate_all(
            "links => [...new Set(links.map(a => a.getAttribute('href')))]"
        )
        playlists = [href for href in links if href.count("/") == 3]  # /playlists/<slug>/
        assert playlists, "the demo has playlists"

        SCREENS.mkdir(parents=True, exist_ok=True)
        seen = set()
        for href in playlists:
            open_page(page, demo_server.url + href)
            for selector in ("#start-button", "#continue-link"):
                button = page.locator(selector)
                if not button.count():
                    continue
                seen.add(selector)
                box = button.bounding_box()
                assert button.is_visible(), f"{href}: {selector} is hidden"
                assert box["y"] + box["height"] <= PHONE["height"], (
                    f"{href}: {selector} ends {box['y'] + box['height']:.0f} px down, "
                    f"below the first screen of {PHONE['height']} px"
                )
                # The steps come after it.
                first_step = page.locator("li[data-step-id]").first
                assert first_step.bounding_box()["y"] > box["y"], f"{href}: steps first"
                name = href.strip("/").replace("/", "-")
                page.screenshot(path=str(SCREENS / f"playlist-phone-{name}.png"))
        # The demo learner has started one playlist and not the others.
        assert seen == {"#start-button", "#continue-link"}
        assert page.locator("h1").count() == 1
        assert page.locator("aside[aria-labelledby=take-part-heading]").count() == 1
    finally:
        context.close()
