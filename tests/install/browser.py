"""A Chromium tab on the host site that records what went wrong: responses of 400 and more,
console errors, uncaught exceptions and requests to other hosts (none are reachable here: map
tiles are answered with an empty 204, anything else is aborted and recorded)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.install.host import ARTIFACTS

TILE_HOST = "tile.openstreetmap.org"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def is_autosave_of_an_unfinished_form(response) -> bool:
    """Wagtail's editor saves the form in the background while it is being filled in (JSON,
    not a page); a form not finished yet is answered 400 with its errors, which the editor
    shows in its "Saving..." indicator. Not a failure of the site."""
    request = response.request
    return (
        response.status == 400
        and request.method == "POST"
        and "text/html" not in request.headers.get("accept", "")
        and "/admin/pages/" in response.url
    )


@dataclass
class Tab:
    page: object
    failed_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, browser, viewport=DESKTOP) -> Tab:
        context = browser.new_context(viewport=viewport, locale="en-GB")
        context.set_default_timeout(20_000)
        tab = cls(context.new_page())
        page = tab.page
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and not is_autosave_of_an_unfinished_form(response)
                and tab.failed_responses.append(f"{response.status} {response.url}")
            ),
        )
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and tab.console_errors.append(f"{message.text} ({message.location.get('url')})")
            ),
        )
        page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
        page.route("**/*", tab.route)
        return tab

    def route(self, route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if host in LOCAL_HOSTS or not route.request.url.startswith("http"):
            route.continue_()
        elif host == TILE_HOST:
            route.fulfill(status=204)
        else:
            self.outside_requests.append(route.request.url)
            route.abort()

    def clear(self) -> None:
        for problems in self.problems().values():
            problems.clear()

    def problems(self) -> dict[str, list[str]]:
        return {
            "responses of 400 or more": self.failed_responses,
            "console errors": self.console_errors,
            "uncaught exceptions": self.page_errors,
            "requests to other hosts": self.outside_requests,
        }

    def assert_clean(self, where: str) -> None:
        found = {kind: list(items) for kind, items in self.problems().items() if items}
        assert not found, f"{where}: {found}"

    def screenshot(self, name: str, *, full_page=True) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        self.page.context.close()
