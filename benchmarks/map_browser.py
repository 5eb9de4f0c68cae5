"""Time until the opportunity map has drawn its clusters in Chromium, at 100, 10,000 and
100,000 opportunities.

For each N a throwaway database is filled and served by ``manage.py runserver`` in a
subprocess (DEBUG=1, so it serves the static files). Chromium (Playwright, tiles answered
with an empty 204) opens /map/ and the page records ``performance.now()`` -- milliseconds
since navigation start -- the moment ``[data-col-map]`` has its ``data-markers``
attribute (set by the map script after adding the markers) and a ``.marker-cluster``
element exists. A first load fills the server's feed cache and is shown on its own; the
median is over the loads after it, each in a fresh browser context (empty HTTP cache).
The map fetches the compact points feed (points/, gzip-compressed), clusters it with
Supercluster and draws what is in view.

Sizes may be given, e.g. ``benchmarks/map_browser.py 100 10000`` (default: all three). The
ratios to the smallest size are printed against the targets: at most 1.5x at 10,000 and 3x
at 100,000.

Run: make bench  (or .venv/bin/python benchmarks/map_browser.py from the repository root)
"""

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.report import ratio, took, verdict  # noqa: E402

SIZES = (100, 10_000, 100_000)
# Time to clusters drawn at N, against the time at the smallest size: at most this many times.
TARGETS = {10_000: 1.5, 100_000: 3.0}
LOADS = 5
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
TIMEOUT_MS = 120_000

# Runs before the page's own scripts: note the first moment the markers are in and a
# cluster icon is in the DOM (a MutationObserver fires right after the change).
RECORD_DRAWN = """
(() => {
  const check = () => {
    if (window.__colDrawn) return true;
    const root = document.querySelector("[data-col-map]");
    if (!root || root.dataset.markers === undefined) return false;
    if (!document.querySelector(".marker-cluster")) return false;
    window.__colDrawn = {
      at: performance.now(),
      markers: Number(root.dataset.markers),
      clusters: document.querySelectorAll(".marker-cluster").length,
    };
    return true;
  };
  new MutationObserver((records, observer) => {
    if (check()) observer.disconnect();
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-markers"],
  });
})();
"""
FEED_TIMING = """
() => {
  const entry = performance.getEntriesByType("resource").find((e) => e.name.includes("/points/"));
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    html: nav ? nav.responseEnd : null,
    feedStart: entry ? entry.startTime : null,
    feed: entry ? entry.responseEnd : null,
    feedBytes: entry ? entry.encodedBodySize : null,
    feedRawBytes: entry ? entry.decodedBodySize : null,
  };
}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, port: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "PYTHONPATH": str(environment.REPO),
        "DEBUG": "1",
    }
    command = [
        sys.executable,
        str(environment.REPO / "example_site" / "manage.py"),
        "runserver",
        "--noreload",
        f"127.0.0.1:{port}",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            command, cwd=environment.REPO, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"runserver exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    stop_server(process)
    raise RuntimeError(f"runserver did not answer on port {port}:\n{log.read_text()}")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def load_map(browser, url: str) -> dict:
    """Open ``url`` in a fresh context; return when the clusters are drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sl-SI")
    try:
        context.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=204))
        context.add_init_script(RECORD_DRAWN)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function("() => window.__colDrawn", timeout=TIMEOUT_MS)
        drawn = page.evaluate("() => window.__colDrawn")
        drawn.update(page.evaluate(FEED_TIMING))
        drawn["errors"] = errors
        return drawn
    finally:
        context.close()


def fill_databases(workdir: Path, sizes) -> dict:
    databases = {}
    for n in sizes:
        environment.fresh_database()
        result = filler.fill(n)
        print(f"N = {n:,}: filled in {result.seconds:.1f} s", flush=True)
        filler.verify(result)
        databases[n] = {
            "db": environment.snapshot(workdir / f"map-{n}.sqlite3"),
            "markers": n - result.online_only,
            "path": result.map_page.url,
        }
    return databases


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM}; skipping.")
        return 0
    started = time.perf_counter()
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or SIZES
    results = {}
    with environment.throwaway(heading="Throwaway databases in {workdir}") as db:
        workdir = db.parent
        databases = fill_databases(workdir, sizes)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--headless", "--no-sandbox", "--disable-background-networking"],
            )
            try:
                for n, info in databases.items():
                    port = free_port()
                    server = start_server(info["db"], port, workdir / f"runserver-{n}.log")
                    try:
                        url = f"http://127.0.0.1:{port}{info['path']}"
                        first = load_map(browser, url)
                        loads = [load_map(browser, url) for _ in range(LOADS)]
                    finally:
                        stop_server(server)
                    results[n] = (first, loads, info["markers"])
            finally:
                browser.close()

    print(f"\nTime from navigation start to clusters drawn (Chromium, {LOADS} loads each)")
    header = f"  {'N':>7}  {'median ms':>9}  {'min':>7}  {'max':>7}  {'first load':>10}"
    print(
        header
        + f"  {'HTML':>6}  {'feed req':>8}  {'feed end':>8}  {'feed KB':>7}  {'raw KB':>7}"
        + "  markers  clusters"
    )
    medians = {}
    for n, (first, loads, expected) in results.items():
        times = [load["at"] for load in loads]
        medians[n] = statistics.median(times)
        html = statistics.median(load["html"] for load in loads)
        feed_start = statistics.median(load["feedStart"] for load in loads)
        feed = statistics.median(load["feed"] for load in loads)
        size = loads[-1]["feedBytes"] or 0
        raw = loads[-1]["feedRawBytes"] or 0
        markers = {load["markers"] for load in loads}
        marker_text = ",".join(str(m) for m in sorted(markers))
        if markers != {expected}:
            marker_text += f" (expected {expected})"
        print(
            f"  {n:7,d}  {medians[n]:9.0f}  {min(times):7.0f}  {max(times):7.0f}  "
            f"{first['at']:10.0f}  {html:6.0f}  {feed_start:8.0f}  {feed:8.0f}  {size / 1024:7.0f}  "
            f"{raw / 1024:7.0f}  {marker_text:>7}  {loads[-1]['clusters']:8d}"
        )
        errors = {error for load in [first, *loads] for error in load["errors"]}
        for error in sorted(errors):
            print(f"           page error: {error}")
    smallest = min(medians)
    for n in sorted(medians):
        if n == smallest:
            continue
        slower = ratio(medians[n], medians[smallest])
        line = f"\n  ratio {n:,} / {smallest:,}: {slower:.1f}x"
        if n in TARGETS and smallest == SIZES[0]:
            line += f"   target <= {TARGETS[n]:g}x   {verdict(slower <= TARGETS[n])}"
        print(line)
    print("  (median ms since navigation start: HTML = page responseEnd, feed req / feed end =")
    print("   points feed request start / responseEnd; feed KB as sent (gzip), raw KB unpacked;")
    print("   first load: the server's feed cache was cold)")
    took("map_browser.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
