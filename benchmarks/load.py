"""Load on the production setup: the example site under gunicorn on loopback.

Starts the stack of ``scripts/production.py`` (PostgreSQL, Redis, gunicorn with 2 gthread
workers of 4 threads, one RQ worker, the demo data of both cities), then:

1. a mix of six endpoints with equal weights, at 10, 50 and 100 concurrent users, 15 s a
   level: the anonymous map page, the GeoJSON feed, an opportunity page, a playlist page, a
   hosted assertion (JSON-LD) and a logged-in learner's dashboard (``/learning/``). Each
   request picks an endpoint and a city (Ljubljana or Cagliari) at random;
2. each endpoint alone, 10 users, 12 s per endpoint in 4 interleaved rounds of 3 s (so that
   a change in what else the machine runs hits every endpoint alike), for a fair comparison
   of what each costs: in a mix with equal weights every endpoint gets the same rate,
   whatever it costs. Besides the rate it prints the CPU time gunicorn, PostgreSQL and
   Redis spent per request, which does not depend on the machine's other load.

Prints requests a second, p50/p95/p99 latency and errors per endpoint and per level, and the
targets with PASS/MISS: 0 errors at 100 users; the feed and the assertion at least 5x the
requests a second of an opportunity page. An error is anything but a 200 (timeouts and
dropped connections included). Numbers only: nothing here fails on timing.

The load generator is a lean asyncio client in this process: one keep-alive HTTP/1.1
connection per user, requests written as prepared bytes and responses read by their
Content-Length. It needs a fraction of one core, so the server keeps most of the machine
(the client's CPU time is printed). Requests carry the city's Host and
``X-Forwarded-Proto: https``, as the TLS-terminating proxy would send them.

Skips (exit 0) when the production requirements, redis-server or PostgreSQL are missing.
Takes about 4 minutes on two cores.
"""

import argparse
import asyncio
import os
import random
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support.environment import REPO  # noqa: E402 (needs the line above)
from _support.measure import percentile  # noqa: E402
from _support.report import ratio, verdict  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))

import production  # noqa: E402 (needs the line above)

LEVELS = (10, 50, 100)
LEVEL_SECONDS = 15
ALONE_USERS = 10
ALONE_SECONDS = 12  # per endpoint, in ALONE_ROUNDS interleaved slices
ALONE_ROUNDS = 4
WARM_UP_SECONDS = 4
TIMEOUT = 30
SESSIONS_PER_CITY = 4
TARGET_RATIO = 5.0
ENDPOINTS = ("map page", "GeoJSON feed", "opportunity", "playlist", "assertion JSON", "dashboard")


@dataclass
class Stats:
    latencies: list = field(default_factory=list)
    errors: int = 0
    error_kinds: dict = field(default_factory=dict)
    bytes: int = 0

    def error(self, kind):
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    def add(self, other: "Stats") -> None:
        """Count ``other``'s requests with these."""
        self.latencies += other.latencies
        self.errors += other.errors
        for kind, count in other.error_kinds.items():
            self.error_kinds[kind] = self.error_kinds.get(kind, 0) + count


# -- requests --------------------------------------------------------------------------


def request_bytes(host, path, accept="text/html", cookie=None) -> bytes:
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}",
        "X-Forwarded-Proto: https",
        f"Accept: {accept}",
        "User-Agent: col-load/1",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def prepare(stack) -> dict[str, list[bytes]]:
    """For each endpoint, the prepared requests of both cities (dashboards: of several
    logged-in sessions of each city's demo learner)."""
    urls = stack.discover()
    password = os.environ.get("DEMO_LEARNER_PASSWORD", "cityoflearning")
    requests = {name: [] for name in ENDPOINTS}
    for host, (_city, email, _language) in production.CITIES.items():
        city = urls[host]
        requests["map page"].append(request_bytes(host, city["map"]))
        requests["GeoJSON feed"].append(
            request_bytes(host, city["geojson"], accept="application/geo+json")
        )
        requests["opportunity"].append(request_bytes(host, city["opportunity"]))
        requests["playlist"].append(request_bytes(host, city["playlist"]))
        requests["assertion JSON"].append(
            request_bytes(host, city["assertion"], accept="application/ld+json")
        )
        for _ in range(SESSIONS_PER_CITY):
            client = stack.client(host)
            response = client.log_in(email, password)
            client.close()
            if response.status != 302 or "sessionid" not in client.cookies:
                raise RuntimeError(f"{email} could not log in: HTTP {response.status}")
            cookie = f"sessionid={client.cookies['sessionid']}"
            requests["dashboard"].append(request_bytes(host, "/learning/", cookie=cookie))
    return requests


# -- the load generator ----------------------------------------------------------------


async def read_response(reader) -> tuple[int, int, bool]:
    """Status, body length and whether the connection stays open."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split(b" ", 2)[1])
    length, chunked, keep_alive = None, False, True
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        value = value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value:
            chunked = True
        elif name == b"connection" and value == b"close":
            keep_alive = False
    size = 0
    if chunked:
        while True:
            chunk = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(chunk + 2)
            size += chunk
            if chunk == 0:
                break
    elif length is not None:
        await reader.readexactly(length)
        size = length
    else:  # no length: the body ends with the connection
        size = len(await reader.read())
        keep_alive = False
    return status, size, keep_alive


async def user(port, choose, deadline, stats, rng):
    reader = writer = None
    loop = asyncio.get_running_loop()
    while loop.time() < deadline:
        name, payload = choose(rng)
        record = stats[name]
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            started = time.perf_counter()
            writer.write(payload)
            async with asyncio.timeout(TIMEOUT):
                status, size, keep_alive = await read_response(reader)
            elapsed = time.perf_counter() - started
        except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as error:
            record.error(type(error).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.05)
            continue
        if status == 200:
            record.latencies.append(elapsed)
            record.bytes += size
        else:
            record.error(f"HTTP {status}")
        if not keep_alive:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def run_load(port, requests, names, users, seconds, seed=1):
    """``users`` concurrent users for ``seconds``; each request: an endpoint of ``names``
    and one of its prepared requests, at random. Returns stats, wall and client CPU time."""
    stats = {name: Stats() for name in names}

    def choose(rng):
        name = rng.choice(names)
        return name, rng.choice(requests[name])

    async def main():
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        await asyncio.gather(
            *(
                user(port, choose, deadline, stats, random.Random(seed * 1000 + n))
                for n in range(users)
            )
        )

    cpu, wall = time.process_time(), time.perf_counter()
    asyncio.run(main())
    return stats, time.perf_counter() - wall, time.process_time() - cpu


# -- reporting -------------------------------------------------------------------------

HEADER = (
    f"{'endpoint':<16} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
    f"{'p99 ms':>8} {'errors':>7}"
)


def row(name, stat, wall):
    ms = [value * 1000 for value in stat.latencies]
    done = len(ms) + stat.errors
    kinds = ", ".join(f"{kind} x{count}" for kind, count in stat.error_kinds.items())
    return (
        f"{name:<16} {done:>9,} {len(ms) / wall:>8.1f} {percentile(ms, 50):>8.1f} "
        f"{percentile(ms, 95):>8.1f} {percentile(ms, 99):>8.1f} {stat.errors:>7}"
        + (f"  ({kinds})" if kinds else "")
    )


def report(title, stats, wall, cpu):
    print(f"\n{title}")
    print(HEADER)
    for name, stat in stats.items():
        print(row(name, stat, wall))
    total = Stats()
    for stat in stats.values():
        total.add(stat)
    print(row("all", total, wall))
    print(f"({wall:.1f} s; the load generator used {cpu / wall * 100:.0f} % of one core)")
    return total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=LEVEL_SECONDS, help="per level")
    parser.add_argument("--alone-seconds", type=float, default=ALONE_SECONDS)
    parser.add_argument("--workers", type=int, default=production.GUNICORN_WORKERS)
    parser.add_argument("--threads", type=int, default=production.GUNICORN_THREADS)
    args = parser.parse_args(argv)

    lacking = production.missing()
    if lacking:
        print("Skipped: the production stack cannot run here; missing:")
        for item in lacking:
            print(f"  {item}")
        return 0

    def terminate(signum, frame):
        raise SystemExit(128 + signum)  # leaves the `with` below: the stack is stopped

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.monotonic()
    print(
        f"Starting the production stack (gunicorn: {args.workers} gthread workers x "
        f"{args.threads} threads; {os.cpu_count()} CPUs)...",
        flush=True,
    )
    summary = []
    with production.Stack(workers=args.workers, threads=args.threads) as stack:
        requests = prepare(stack)
        print(f"Stack up in {stack.timings.get('stack up', 0):.0f} s; warming up...", flush=True)
        run_load(stack.port, requests, list(ENDPOINTS), 10, WARM_UP_SECONDS, seed=0)

        errors_at = {}
        for users in LEVELS:
            stats, wall, cpu = run_load(stack.port, requests, list(ENDPOINTS), users, args.seconds)
            total = report(f"== Mix of six endpoints, {users} concurrent users", stats, wall, cpu)
            errors_at[users] = total.errors
            summary.append(
                f"mix at {users:>3} users: {len(total.latencies) / wall:7.1f} req/s, "
                f"p95 {percentile([v * 1000 for v in total.latencies], 95):7.1f} ms, "
                f"{total.errors} errors"
            )

        alone, cpu_per_request = {}, {}
        print(
            f"\n== Each endpoint alone, {ALONE_USERS} concurrent users, {ALONE_ROUNDS} rounds "
            f"of {args.alone_seconds / ALONE_ROUNDS:.1f} s, the endpoints interleaved"
        )
        print(HEADER + f" {'CPU ms':>7}")
        totals = {name: [Stats(), 0.0, 0.0, 0.0] for name in ENDPOINTS}  # stats, wall, cpu
        for _round in range(ALONE_ROUNDS):
            for name in ENDPOINTS:
                server_cpu = stack.cpu_seconds()
                stats, wall, cpu = run_load(
                    stack.port, requests, [name], ALONE_USERS, args.alone_seconds / ALONE_ROUNDS
                )
                total = totals[name]
                total[0].add(stats[name])
                total[1] += wall
                total[2] += cpu
                total[3] += stack.cpu_seconds() - server_cpu
        for name, (stat, wall, cpu, server_cpu) in totals.items():
            alone[name] = len(stat.latencies) / wall
            cpu_per_request[name] = server_cpu * 1000 / max(len(stat.latencies), 1)
            print(
                row(name, stat, wall)
                + f" {cpu_per_request[name]:>7.1f}   [client {cpu / wall * 100:.0f} % of a core]"
            )
        print(
            "(CPU ms: CPU time of gunicorn, PostgreSQL and Redis per request, whatever else "
            "the machine runs)"
        )
        gunicorn_errors = stack.log_tail("gunicorn", 5000).count('"level": "ERROR"')

    print("\n== Targets")
    checks = [
        (f"0 errors at {LEVELS[-1]} users", errors_at[LEVELS[-1]] == 0, f"{errors_at[LEVELS[-1]]}")
    ]
    for name in ("GeoJSON feed", "assertion JSON"):
        faster = ratio(alone[name], alone["opportunity"])
        checks.append(
            (
                f"{name} / opportunity page (req/s alone)",
                faster >= TARGET_RATIO,
                f"{alone[name]:.0f} / {alone['opportunity']:.0f} = {faster:.1f}x "
                f"(target >= {TARGET_RATIO:.0f}x)",
            )
        )
    for label, ok, detail in checks:
        print(f"{verdict(ok)}  {label}: {detail}")
    for name in ("GeoJSON feed", "assertion JSON"):
        print(
            f"      {name} / opportunity page (server CPU per request, for context): "
            f"{cpu_per_request['opportunity'] / cpu_per_request[name]:.1f}x cheaper"
        )
    print("\n== Summary")
    for line in summary:
        print(line)
    print(f"gunicorn ERROR log lines during the run: {gunicorn_errors}")
    print(f"Whole benchmark: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
