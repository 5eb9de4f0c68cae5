"""Audit the demo's public pages with Lighthouse (mobile and desktop) and pa11y.

    make audit                               # npm ci, then this script
    .venv/bin/python scripts/audit.py        # pages of each type in both cities
    AUDIT_PAGES=all .venv/bin/python scripts/audit.py   # every public page (slow)
    .venv/bin/python scripts/audit.py --only map        # pages whose type or URL contains "map"

It migrates a fresh SQLite database in a temporary directory, loads both demo cities, points
their maps at a stub tile server on this machine (so no request leaves it) and serves the
example site with ``runserver`` on a free port. The pages come from the demo's page tree (each
city's live, public pages, as in its sitemap) and the badge documents: home, map, provider
index, providers, opportunities, playlist index, playlists, badge classes, issuers, log-in and
sign-up. Without ``AUDIT_PAGES=all`` it takes ``AUDIT_PER_TYPE`` pages (default 2) of each
type in each city.

For each page: Lighthouse's accessibility, best practices, SEO and performance categories, with
mobile and desktop settings, and one pa11y run with the HTML_CodeSniffer and axe runners (WCAG
2 AA). Reports go to ``test-artifacts/audit/`` (Lighthouse's HTML and JSON, pa11y's JSON and a
``summary.json``). The exit status is 1 when a page scores below 100 in accessibility, best
practices or SEO, or has an HTML_CodeSniffer error; performance is reported, not asserted.

Needs Node.js (``npm ci`` installs the pinned Lighthouse and pa11y) and Chromium
(``/usr/bin/chromium`` or ``CHROMIUM_PATH``).
"""

import argparse
import contextlib
import http.server
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[1]
MANAGE = str(REPO_ROOT / "example_site" / "manage.py")
ARTIFACTS = REPO_ROOT / "test-artifacts" / "audit"
BIN = REPO_ROOT / "node_modules" / ".bin"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-background-networking"]
ASSERTED = ("accessibility", "best-practices", "seo")
CATEGORIES = (*ASSERTED, "performance")
# Two audits at once suit a machine of two cores: Lighthouse's scores (performance above all)
# suffer when more browsers share them.
WORKERS = int(os.environ.get("AUDIT_WORKERS", "2"))
PER_TYPE = int(os.environ.get("AUDIT_PER_TYPE", "2"))
LIGHTHOUSE_TIMEOUT = 240
PA11Y_TIMEOUT = 180


def stub_tile() -> bytes:
    """A 256 px light grey PNG: every tile of the stub tile server."""
    buffer = io.BytesIO()
    Image.new("L", (256, 256), 232).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


TILE = stub_tile()

# Which pages a site asks search engines not to index (robots.txt): Lighthouse's
# "is-crawlable" audit is left out for them, the rest of SEO still counts.
NOT_CRAWLED = ("/accounts/", "/learning/")

PAGES_SCRIPT = r"""
import json
from wagtail.models import Site
from django.urls import reverse
from wagtail_cityoflearning.badges.models import BadgeClass, Issuer
pages = []
for site in Site.objects.order_by("-is_default_site", "hostname"):
    city = site.site_name or site.hostname
    root = site.root_url.rstrip("/")
    for page in site.root_page.get_descendants(inclusive=True).live().public().specific():
        if page.locale_id != site.root_page.locale_id:
            continue
        url = page.get_full_url()
        if url:
            pages.append({"city": city, "type": type(page).__name__, "url": url})
    for name, kind in (
        ("account_login", "LogIn"),
        ("account_signup", "SignUp"),
        ("wagtail_cityoflearning_insight:suggest", "Suggest"),
        ("wagtail_cityoflearning_badges:verify", "Verify"),
    ):
        pages.append({"city": city, "type": kind, "url": root + reverse(name)})
    issuers = Issuer.objects.filter(site=site)
    for issuer in issuers:
        url = reverse("wagtail_cityoflearning_badges:issuer", kwargs={"uuid": issuer.uuid})
        pages.append({"city": city, "type": "Issuer", "url": root + url})
    for badge in BadgeClass.objects.filter(issuer__in=issuers, live=True).order_by("pk"):
        url = reverse("wagtail_cityoflearning_badges:badge_class", kwargs={"uuid": badge.uuid})
        pages.append({"city": city, "type": "BadgeClass", "url": root + url})
print("AUDIT-PAGES " + json.dumps(pages))
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TileHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        # A browser that closed its page meanwhile no longer reads.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(TILE)))
            self.send_header("Cache-Control", "public, max-age=86400")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(TILE)

    def log_message(self, *args):
        pass


class TileServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """Quiet: a browser closes its connections to the tiles whenever it leaves a page."""


@contextlib.contextmanager
def tile_server():
    server = TileServer(("127.0.0.1", 0), TileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def manage(env, *args) -> str:
    result = subprocess.run(  # noqa: S603 (our own command)
        [sys.executable, MANAGE, *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args[:1])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@contextlib.contextmanager
def demo_server(tiles: str):
    """The example site with both demo cities on a fresh database, its maps on ``tiles``."""
    with tempfile.TemporaryDirectory(prefix="col-audit-") as tmp:
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3",
            "DJANGO_SETTINGS_MODULE": "example_site.settings",
            "PYTHONPATH": str(REPO_ROOT),
            "DEBUG": "1",
            "PYTHONUNBUFFERED": "1",
            "CSP_TILE_SOURCES": tiles,
        }
        print("== a fresh demo database", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "cityoflearning_demo", "--port", str(port), "--no-admin", "--no-learners")
        manage(
            env,
            "shell",
            "-c",
            "from wagtail_cityoflearning.models.settings import CityOfLearningSettings as S; "
            f"S.objects.update(tile_url={tiles + '/{z}/{x}/{y}.png'!r}, "
            "tile_attribution='Stub tiles')",
        )
        output = manage(env, "shell", "-c", PAGES_SCRIPT)
        pages = json.loads(output.split("AUDIT-PAGES ", 1)[1])
        log_path = Path(tmp) / "runserver.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(  # noqa: S603 (our own command)
                [sys.executable, MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
                env=env,
                cwd=REPO_ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                wait_until_up(f"http://localhost:{port}/", process, log_path)
                yield pages
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until_up(url: str, process, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"runserver exited:\n{log_path.read_text(errors='replace')}")
        with (
            contextlib.suppress(urllib.error.URLError, OSError),
            urllib.request.urlopen(url, timeout=5),  # noqa: S310 (this machine)
        ):
            return
        time.sleep(0.3)
    sys.exit(f"The demo server did not answer {url} within 60 s.")


def choose(pages: list[dict], only: str | None) -> list[dict]:
    if only:
        pages = [page for page in pages if only in page["type"].lower() or only in page["url"]]
    if os.environ.get("AUDIT_PAGES") == "all":
        return pages
    chosen, counts = [], {}
    for page in pages:
        key = (page["city"], page["type"])
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= PER_TYPE:
            chosen.append(page)
    return chosen


def slug(page: dict) -> str:
    text = re.sub(r"^https?://", "", page["url"]).strip("/")
    return re.sub(r"[^a-zA-Z0-9]+", "-", text)[:120]


LIGHTHOUSE_TRIES = 3


def lighthouse(page: dict, preset: str) -> dict:
    """Lighthouse's scores of a page; again (up to three runs, a few seconds apart) when
    Lighthouse itself fails, such as a lost trace on a busy machine; never for a low score."""
    for attempt in range(1, LIGHTHOUSE_TRIES + 1):
        result = run_lighthouse(page, preset)
        if "error" not in result:
            return result
        if attempt < LIGHTHOUSE_TRIES:
            time.sleep(5 * attempt)
    return result


def run_lighthouse(page: dict, preset: str) -> dict:
    base = ARTIFACTS / f"{slug(page)}.{preset}"
    command = [
        str(BIN / "lighthouse"),
        page["url"],
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={base}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    if any(path in page["url"] for path in NOT_CRAWLED):
        command.append("--skip-audits=is-crawlable")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    try:
        result = subprocess.run(  # noqa: S603 (our own command)
            command, env=env, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return {"error": "timed out"}
    report = Path(f"{base}.report.json")
    if result.returncode != 0 or not report.exists():
        return {"error": (result.stderr or result.stdout).strip()[-500:]}
    data = json.loads(report.read_text())
    # A run Lighthouse could not finish (NO_NAVSTART, NO_FCP...) still writes a report, with
    # every score empty: that is Lighthouse failing, not the page.
    runtime_error = data.get("runtimeError") or {}
    if runtime_error.get("code") or any(
        category.get("score") is None for category in data["categories"].values()
    ):
        return {
            "error": f"Lighthouse runtime error {runtime_error.get('code', '')}: "
            f"{runtime_error.get('message', 'no score')}"[:500]
        }
    scores = {
        name: round((category.get("score") or 0) * 100)
        for name, category in data["categories"].items()
    }
    failed = [
        f"{audit_id}: {audit.get('title', '')}"
        for category in data["categories"].values()
        if category["id"] in ASSERTED
        for ref in category["auditRefs"]
        if ref.get("weight", 0) > 0
        for audit_id in [ref["id"]]
        for audit in [data["audits"][audit_id]]
        if audit.get("score") is not None and audit["score"] < 1
    ]
    return {"scores": scores, "failed": failed}


def pa11y(page: dict, config: Path) -> dict:
    command = [
        str(BIN / "pa11y"),
        "--config",
        str(config),
        "--runner",
        "htmlcs",
        "--runner",
        "axe",
        "--standard",
        "WCAG2AA",
        "--reporter",
        "json",
        page["url"],
    ]
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    try:
        result = subprocess.run(  # noqa: S603 (our own command)
            command, env=env, capture_output=True, text=True, timeout=PA11Y_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return {"error": "timed out"}
    try:
        issues = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        return {"error": (result.stderr or result.stdout).strip()[-500:]}
    (ARTIFACTS / f"{slug(page)}.pa11y.json").write_text(json.dumps(issues, indent=2))
    errors = [issue for issue in issues if issue.get("type") == "error"]
    return {
        "htmlcs": [issue for issue in errors if issue.get("runner") == "htmlcs"],
        "axe": [issue for issue in errors if issue.get("runner") == "axe"],
    }


def audit(page: dict, config: Path) -> dict:
    result = {**page}
    for preset in ("mobile", "desktop"):
        result[preset] = lighthouse(page, preset)
    result["pa11y"] = pa11y(page, config)
    return result


def problems(result: dict) -> list[str]:
    found = []
    for preset in ("mobile", "desktop"):
        report = result[preset]
        if "error" in report:
            found.append(f"Lighthouse {preset} failed: {report['error']}")
            continue
        for category in ASSERTED:
            if report["scores"].get(category, 0) < 100:
                found.append(f"{preset} {category} {report['scores'].get(category)}")
        found += [f"{preset}: {audit}" for audit in report["failed"]]
    checker = result["pa11y"]
    if "error" in checker:
        found.append(f"pa11y failed: {checker['error']}")
    else:
        for issue in checker["htmlcs"]:
            found.append(
                f"HTML_CodeSniffer {issue['code']}: {issue['message']} ({issue['selector']})"
            )
        for issue in checker["axe"]:
            found.append(
                f"axe (reported) {issue['code']}: {issue['message']} ({issue['selector']})"
            )
    return found


def table(results: list[dict]) -> str:
    header = ("page", "A11y m/d", "BP m/d", "SEO m/d", "Perf m/d", "HTMLCS", "axe")
    rows = [header]
    for result in results:

        def pair(category, result=result):
            values = []
            for preset in ("mobile", "desktop"):
                scores = result[preset].get("scores") or {}
                values.append(str(scores.get(category, "-")))
            return "/".join(values)

        checker = result["pa11y"]
        rows.append(
            (
                result["url"].split("//", 1)[1],
                pair("accessibility"),
                pair("best-practices"),
                pair("seo"),
                pair("performance"),
                "-" if "error" in checker else str(len(checker["htmlcs"])),
                "-" if "error" in checker else str(len(checker["axe"])),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="only pages whose type (lower case) or URL contains this")
    args = parser.parse_args()
    for tool in ("lighthouse", "pa11y"):
        if not (BIN / tool).exists():
            sys.exit(f"{BIN / tool} is missing: run `npm ci` (make audit does).")
    if not Path(CHROMIUM).exists():
        sys.exit(f"No Chromium at {CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.")
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    config = ARTIFACTS / "pa11y.config.json"
    config.write_text(
        json.dumps(
            {
                "timeout": 90000,
                "chromeLaunchConfig": {
                    "executablePath": CHROMIUM,
                    "args": ["--no-sandbox", "--headless", "--disable-background-networking"],
                },
            }
        )
    )
    started = time.monotonic()
    with tile_server() as tiles, demo_server(tiles) as all_pages:
        pages = choose(all_pages, args.only)
        print(f"== auditing {len(pages)} of {len(all_pages)} public pages", flush=True)
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            results = []
            for result in pool.map(lambda page: audit(page, config), pages):
                found = problems(result)
                mark = "FAIL" if any(not line.startswith("axe") for line in found) else "ok"
                print(f"{mark:4}  {result['url']}", flush=True)
                results.append(result)
    failures = 0
    print("\n" + table(results) + "\n")
    for result in results:
        found = problems(result)
        if found:
            print(result["url"])
            for line in found:
                print(f"    {line}")
        failures += any(not line.startswith("axe") for line in found)
    summary = {"pages": len(results), "failed": failures, "results": results}
    (ARTIFACTS / "summary.json").write_text(json.dumps(summary, indent=2, default=str))
    elapsed = time.monotonic() - started
    print(f"\naudit: {len(results) - failures} passed, {failures} failed ({elapsed:.0f} s)")
    print(f"Reports: {ARTIFACTS.relative_to(REPO_ROOT)}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
