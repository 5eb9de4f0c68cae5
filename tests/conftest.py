import os
from pathlib import Path

import pytest
from django.core.cache import caches

try:
    from xdist.scheduler import LoadScopeScheduling
except ImportError:  # without pytest-xdist the suite runs in one process
    LoadScopeScheduling = None

from tests.factories import make_city, make_opportunity, make_provider

# Fails a test that reached no assertion (see the module).
pytest_plugins = ["tests.plugins.assertions"]

# Helper modules that check with `assert` are rewritten like the tests, so that their passing
# asserts count for the test that called them. (tests.factories makes no assertion.)
pytest.register_assert_rewrite(
    "tests.access",
    "tests.badges",
    "tests.browser",
    "tests.install",
    "tests.learners",
    "tests.localize_suite",
    "tests.map",
    "tests.pages",
    "tests.security",
)

HARNESS_MARKER = "validator_harness"

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# test body are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one for the whole run: Playwright's sync API
    allows one instance at a time, and the browser and installation tests both use it."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") or os.environ.get("REQUIRE_INSTALL_TEST") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Every test writes uploads to its own temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: the database is rolled back after each test, the
    cache is not, and ids are reused after a rollback, so an entry kept by an earlier test
    could answer for a row of the same id in the next."""
    caches["default"].clear()


@pytest.fixture
def city(db):
    """Ljubljana: the default site, in Slovenian, with a provider index."""
    return make_city()


@pytest.fixture
def provider(city):
    return make_provider(city)


@pytest.fixture
def opportunity(city, provider):
    interests = [city["interests"]["science-technology"], city["interests"]["digital-skills"]]
    return make_opportunity(provider, interests)


def pytest_terminal_summary(terminalreporter):
    """One line that keeps the package's own tests apart from the validator harness's."""
    outcomes = ("passed", "failed", "skipped", "error")
    counted = {False: {o: set() for o in outcomes}, True: {o: set() for o in outcomes}}
    for outcome in outcomes:
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", None)
            if not nodeid or getattr(report, "when", None) is None:
                continue  # a collection error, a warning: not a test
            if outcome == "passed" and report.when != "call":
                continue  # setup and teardown of a test pass too
            harness = HARNESS_MARKER in getattr(report, "keywords", {})
            counted[harness][outcome].add(nodeid)

    def describe(group):
        parts = [f"{len(group['passed'])} passed", f"{len(group['failed'])} failed"]
        parts.append(f"{len(group['skipped'])} skipped")
        if group["error"]:
            parts.append(f"{len(group['error'])} errors")
        return ", ".join(parts)

    terminalreporter.write_line(
        f"product tests: {describe(counted[False])}; "
        f"validator harness tests: {describe(counted[True])}"
    )


# Tests that bring their own database (SQLite files in a temporary directory, or no database
# at all) whatever DATABASE_URL says: the demo server, the RQ worker's stack, the wheel and the
# installation in a stock site, each combination of the package's apps, the import order and
# the validator's own harness. They run once, on the SQLite leg; the PostgreSQL leg leaves them
# out, so it runs only what touches its database.
OWN_DATABASE_FIXTURES = {"demo_server", "stack"}
OWN_DATABASE_PATHS = (
    "tests/install/test_install.py",
    "tests/installs/",
    "tests/architecture/",
    "tests/test_wheel.py",
    "tests/badges/test_rq_queue.py",
)
OWN_DATABASE_MARKERS = ("validator_harness", "wheel", "install")


def brings_its_own_database(item) -> bool:
    path = item.nodeid.split("::", 1)[0]
    return (
        bool(OWN_DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))
        or path.startswith(OWN_DATABASE_PATHS)
        or any(item.get_closest_marker(name) for name in OWN_DATABASE_MARKERS)
    )


# The browser tests, too, run once, on the SQLite leg: they drive the same views through
# Chromium that the PostgreSQL leg's other tests reach directly (and the production leg drives
# Chromium against PostgreSQL), and they are the slowest part of the suite.
ONCE_PATHS = ("tests/browser/",)


def runs_once(item) -> bool:
    return brings_its_own_database(item) or item.nodeid.startswith(ONCE_PATHS)


# `make test` runs the suite in two processes (pytest-xdist). The tests that start processes of
# their own stay together on one worker by kind: the browser tests share that worker's Chromium
# and its once-loaded demo (tests/browser/demo_server.py); the wheel, installation and RQ tests
# build wheels in the checkout or start servers. The scheduler groups them by path (xdist's
# `xdist_group` marks travel in node ids, which newer pytest no longer lets a plugin rewrite)
# and keeps pytest-django's order, in which every test on the test database that rolls back
# comes before any test that empties it (transactional tests, live servers): a group is one
# unit of work at the place of its first test, and no group holds a test that rolls back.
WORKER_GROUPS = {
    "browser": ONCE_PATHS,
    "own-processes": (
        "tests/test_wheel.py",
        "tests/install/test_install.py",
        "tests/installs/",
        "tests/badges/test_rq_queue.py",
    ),
}
# Two of these at once would build the same wheel in the checkout.
MUST_BE_GROUPED = ("wheel", "install")


def worker_group(nodeid: str) -> str | None:
    for group, paths in WORKER_GROUPS.items():
        if nodeid.startswith(paths):
            return group
    return None


if LoadScopeScheduling is not None:

    class GroupedScheduling(LoadScopeScheduling):
        """xdist's scheduling by scope, where a scope is a group of WORKER_GROUPS or a single
        test, in the order of the collection (not the biggest scope first)."""

        def __init__(self, config, log=None):
            config.option.loadscopereorder = False
            super().__init__(config, log)

        def _split_scope(self, nodeid: str) -> str:
            return worker_group(nodeid) or nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") in ("load", "loadgroup"):
        return GroupedScheduling(config, log)
    return None  # another --dist mode asked for by name


def rolls_back(item) -> bool:
    """Whether the test runs on the test database in a transaction that is rolled back."""
    marker = item.get_closest_marker("django_db")
    transactional = (
        {"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames)
    ) or (marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
    uses_db = marker is not None or "db" in item.fixturenames
    return uses_db and not transactional


def pytest_collection_modifyitems(config, items):
    if hasattr(config, "workerinput"):  # an xdist worker (not a pytest run that one started)
        misplaced = [
            item.nodeid
            for item in items
            if (worker_group(item.nodeid) and rolls_back(item))
            or (
                any(item.get_closest_marker(name) for name in MUST_BE_GROUPED)
                and not worker_group(item.nodeid)
            )
        ]
        if misplaced:
            raise pytest.UsageError(
                "WORKER_GROUPS in tests/conftest.py: a group may hold no test that rolls back, "
                f"and every wheel and installation test needs one: {misplaced}"
            )
    if not os.environ.get("DATABASE_URL"):
        return
    kept = [item for item in items if not runs_once(item)]
    left_out = [item for item in items if runs_once(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
