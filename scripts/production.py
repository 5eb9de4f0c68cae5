"""Run the example site as in production on this machine, smoke-test it, stop it.

    make production                                  # install the production requirements, then:
    .venv/bin/python scripts/production.py           # start, smoke test, stop (exit 1 on FAIL)
    .venv/bin/python scripts/production.py --keep-running   # ... and serve until Ctrl-C
    .venv/bin/python scripts/production.py serve     # start and serve, no smoke test

What it starts, each in a temporary directory removed at the end (docs/deployment.md):

- PostgreSQL (initdb in a temporary directory, as the ``postgres`` user when run as root),
  on a free loopback port;
- redis-server on a free loopback port, no persistence (db 0: the RQ queue, db 1: the cache);
- ``migrate``, ``collectstatic`` and the demo data (``cityoflearning_demo --port 443``, so the
  two cities' sites are https://localhost and https://cagliari.localhost);
- gunicorn with ``example_site.settings_production``: 2 gthread workers on loopback;
- one RQ worker (``manage.py rqworker default --job-class django_tasks_rq.Job``);
- a plain file server for MEDIA_ROOT on another port, standing in for the proxy or object
  store that serves media in production (the site runs with DEBUG off and never serves media).

Requests carry the city's ``Host`` and ``X-Forwarded-Proto: https``, as a TLS-terminating
proxy would send them. Everything is stopped on exit, also on failure or Ctrl-C.

Other scripts reuse the stack (``benchmarks/load.py``)::

    sys.path.insert(0, "scripts"); import production
    if production.missing():  ...skip...
    with production.Stack() as stack:
        stack.get("/", host="localhost")
"""

import argparse
import contextlib
import glob
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # example_site.jsonlog writes gunicorn's log config
PYTHON = sys.executable
MANAGE = [PYTHON, str(REPO / "example_site" / "manage.py")]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CITIES = {
    # host: (city, demo learner, language)
    "localhost": ("Ljubljana", "maja@example.org", "sl"),
    "cagliari.localhost": ("Cagliari", "giulia@example.org", "it"),
}
PYTHON_MODULES = {
    "gunicorn": "gunicorn",
    "whitenoise": "whitenoise",
    "csp": "django-csp",
    "storages": "django-storages",
    "redis": "redis",
    "django_rq": "django-rq",
    "django_tasks_rq": "django-tasks-rq",
    "psycopg": "psycopg",
    "dj_database_url": "dj-database-url",
}
INHERITED_NOT = (
    "DJANGO_", "PG", "AWS_", "EMAIL_", "SECURE_", "EVIDENCE_", "STATIC_", "MEDIA_", "REDIS_",
    "DATABASE_", "CACHE_", "TASKS_", "RQ_", "SECRET_KEY", "CSRF_", "ALLOWED_HOSTS", "DEBUG",
    "WAGTAILADMIN_", "DEFAULT_FROM_EMAIL", "SERVER_EMAIL", "LOG_LEVEL",
)  # fmt: skip
GUNICORN_WORKERS = 2
GUNICORN_THREADS = 4


def log(message: str) -> None:
    print(f"[production] {message}", flush=True)


# -- what is needed --------------------------------------------------------------------


def postgres_bin() -> Path | None:
    """The newest PostgreSQL's server binaries (Debian keeps them out of PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name or 0)
    )
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing() -> list[str]:
    """What this machine lacks to run the stack: [] when everything is there."""
    import importlib.util

    lacking = [
        f"Python package {package} (pip install -r example_site/requirements-production.txt)"
        for module, package in PYTHON_MODULES.items()
        if importlib.util.find_spec(module) is None
    ]
    if not shutil.which("redis-server"):
        lacking.append("redis-server (apt-get install redis-server)")
    pg = postgres_bin()
    if pg is None or not (pg / "initdb").exists() or not (pg / "pg_ctl").exists():
        lacking.append("PostgreSQL server binaries (apt-get install postgresql)")
    return lacking


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float, process=None, name="server") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{name} did not listen on port {port} within {timeout:.0f} s")


# -- a small HTTP client: secure cookies over loopback, one keep-alive connection --------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name, default)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


@dataclass
class Client:
    """Talks to gunicorn as a TLS-terminating proxy would: the city's Host header and
    ``X-Forwarded-Proto: https``. Keeps its own cookies, because the site's cookies are
    Secure and a normal client would not send them over plain HTTP."""

    port: int
    host: str = "localhost"
    https: bool = True
    cookies: dict = field(default_factory=dict)
    connection: http.client.HTTPConnection | None = None

    def request(self, method, path, *, headers=None, body=None, host=None) -> Response:
        host = host or self.host
        sent = {"Host": host, "User-Agent": "col-production-smoke/1"}
        if self.https:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=sent)
                raw = self.connection.getresponse()
                data = raw.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: reconnect once.
                self.close()
                if attempt == 2:
                    raise
        seconds = time.perf_counter() - started
        for header in raw.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(raw.status, raw.headers, data, seconds)

    def get(self, path, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def log_in(self, email: str, password: str) -> Response:
        """Log in through allauth's form (CSRF token and Origin as a browser sends them)."""
        form = self.get("/accounts/login/")
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
        if form.status != 200 or not match:
            raise RuntimeError(f"log-in form: HTTP {form.status}, CSRF token found: {bool(match)}")
        from urllib.parse import urlencode

        body = urlencode(
            {
                "csrfmiddlewaretoken": match.group(1).decode(),
                "login": email,
                "password": password,
            }
        )
        return self.request(
            "POST",
            "/accounts/login/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{self.host}",
                "Referer": f"https://{self.host}/accounts/login/",
            },
        )


# -- the stack ---------------------------------------------------------------------------


class Stack:
    """PostgreSQL, Redis, gunicorn, an RQ worker and a media server in a temporary directory.

    ``start()`` brings everything up (migrated, static files collected, demo loaded);
    ``stop()`` ends every process it started and removes the directory. Also a context
    manager. ``quiet`` sends gunicorn's JSON logs (one line per request) to a file only.
    """

    def __init__(self, *, workers=GUNICORN_WORKERS, threads=GUNICORN_THREADS, keep_dir=False):
        self.workers = workers
        self.threads = threads
        self.keep_dir = keep_dir
        self.processes: dict[str, subprocess.Popen] = {}
        self.workdir: Path | None = None
        self.pg_data: Path | None = None
        self.pg_bin = postgres_bin()
        self.pg_running = False
        self.as_root = os.geteuid() == 0
        self.timings: dict[str, float] = {}
        self.env: dict[str, str] = {}
        self.port = self.pg_port = self.redis_port = self.media_port = 0

    # context manager
    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    # -- helpers
    def _timed(self, name, started):
        self.timings[name] = time.monotonic() - started
        log(f"{name}: {self.timings[name]:.1f} s")

    def _as_postgres(self, args: list[str], **kwargs):
        if self.as_root:
            if shutil.which("runuser"):
                args = ["runuser", "-u", "postgres", "--", *args]
            else:
                args = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(args)]
        return subprocess.run(args, check=True, **kwargs)  # noqa: S603 (our own command line)

    def _logfile(self, name):
        return open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - closed in stop()

    def _spawn(self, name, args, *, cwd=REPO, env=None):
        handle = self._logfile(name)
        process = subprocess.Popen(  # noqa: S603 (our own command line)
            args,
            cwd=cwd,
            env=env or self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() signals exactly it
        )
        process.log_handle = handle
        self.processes[name] = process
        return process

    def manage(self, *args, timeout=900, env=None) -> str:
        """Run ``manage.py`` with the production settings; its output (raises on failure)."""
        result = subprocess.run(  # noqa: S603 (our own command line)
            [*MANAGE, *args],
            cwd=REPO,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        with open(self.workdir / "manage.log", "a", encoding="utf-8") as handle:
            handle.write(f"$ manage.py {shlex.join(args)}\n{result.stdout}{result.stderr}\n")
        if result.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-2000:]}{result.stderr[-3000:]}"
            )
        return result.stdout

    def log_tail(self, name, lines=30) -> str:
        path = self.workdir / f"{name}.log" if self.workdir else None
        if not path or not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    # -- start
    def start(self):
        lacking = missing()
        if lacking:
            raise RuntimeError("Missing: " + "; ".join(lacking))
        started_all = time.monotonic()
        self.workdir = Path(tempfile.mkdtemp(prefix="col-production-"))
        self.workdir.chmod(0o755)
        log(f"working directory {self.workdir}")
        self._start_postgres()
        self._start_redis()
        self.port, self.media_port = free_port(), free_port()
        media = self.workdir / "media"
        media.mkdir()
        (self.workdir / "mail").mkdir()
        self.env = {
            # What the settings read comes from here, not from the caller's shell (CSP_*
            # and DEMO_* pass through: other tile servers, a report URI).
            **{k: v for k, v in os.environ.items() if not k.startswith(INHERITED_NOT)},
            "PYTHONPATH": str(REPO),
            "PYTHONUNBUFFERED": "1",
            "DJANGO_SETTINGS_MODULE": "example_site.settings_production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": ",".join(CITIES),
            "CSRF_TRUSTED_ORIGINS": ",".join(f"https://{host}" for host in CITIES),
            "WAGTAILADMIN_BASE_URL": "https://localhost",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/cityoflearning",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "REDIS_CACHE_URL": f"redis://127.0.0.1:{self.redis_port}/1",
            "EMAIL_URL": f"file://{self.workdir / 'mail'}",
            "DEFAULT_FROM_EMAIL": "learning@localhost",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(media),
            "MEDIA_URL": f"http://127.0.0.1:{self.media_port}/",
            "EVIDENCE_ROOT": str(self.workdir / "evidence"),
            "LOG_LEVEL": "INFO",
        }

        started = time.monotonic()
        self.manage("migrate", "--noinput")
        self._timed("migrate", started)
        started = time.monotonic()
        self.manage("collectstatic", "--noinput")
        self._timed("collectstatic", started)
        started = time.monotonic()
        # Loading the demo publishes a few hundred pages; each publication queues a search-
        # and a reference-index job. Done inline here, as for any bulk import, instead of
        # leaving hundreds of jobs in front of the smoke test's award.
        self.manage("cityoflearning_demo", "--port", "443", env={"TASKS_IMMEDIATE": "1"})
        self._timed("demo data", started)

        # http.server serves its working directory; it needs none of the site's settings.
        self._spawn(
            "media",
            [PYTHON, "-m", "http.server", str(self.media_port), "--bind", "127.0.0.1"],
            cwd=media,
            env={"PATH": os.environ.get("PATH", "")},
        )

        started = time.monotonic()
        self._start_gunicorn()
        self._spawn(
            "rqworker",
            [*MANAGE, "rqworker", "default", "--job-class", "django_tasks_rq.Job"],
        )
        wait_for_port(self.media_port, 30, self.processes["media"], "media server")
        self._wait_until_served()
        self._timed("gunicorn ready", started)
        self._timed("stack up", started_all)
        return self

    def _start_postgres(self):
        started = time.monotonic()
        self.pg_data = Path(tempfile.mkdtemp(prefix="col-production-pg-"))
        if self.as_root:
            shutil.chown(self.pg_data, "postgres", "postgres")
        self.pg_port = free_port()
        pg = self.pg_bin
        self._as_postgres(
            [str(pg / "initdb"), "-D", str(self.pg_data), "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--no-instructions"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        options = (
            f"-p {self.pg_port} -k {self.pg_data} -c listen_addresses=127.0.0.1 "
            "-c max_connections=100 -c shared_buffers=256MB"
        )
        self._as_postgres(
            [str(pg / "pg_ctl"), "-D", str(self.pg_data), "-o", options,
             "-l", str(self.pg_data / "server.log"), "-w", "start"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        self.pg_running = True
        psql = shutil.which("psql") or str(pg / "psql")
        subprocess.run(  # noqa: S603
            [psql, "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-qc",
             "CREATE DATABASE cityoflearning"],
            check=True,
            env={**os.environ, "PGCONNECT_TIMEOUT": "10"},
        )  # fmt: skip
        self._timed("PostgreSQL up", started)

    def _start_redis(self):
        self.redis_port = free_port()
        process = self._spawn(
            "redis",
            [shutil.which("redis-server"), "--port", str(self.redis_port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.workdir),
             "--daemonize", "no", "--maxmemory-policy", "noeviction"],
            env={"PATH": os.environ.get("PATH", "")},
        )  # fmt: skip
        wait_for_port(self.redis_port, 20, process, "redis-server")

    def gunicorn_args(self) -> list[str]:
        """The gunicorn command line (docs/deployment.md explains each choice)."""
        import gunicorn

        from example_site.jsonlog import GUNICORN_ACCESS_FORMAT, write_gunicorn_config

        config = write_gunicorn_config(self.workdir / "gunicorn-logging.json")
        args = [
            PYTHON, "-m", "gunicorn", "example_site.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", "gthread",
            "--threads", str(self.threads),
            "--keep-alive", "5",
            "--timeout", "30",
            "--graceful-timeout", "20",
            "--forwarded-allow-ips", "127.0.0.1",
            "--log-config-json", config,
            "--access-logformat", GUNICORN_ACCESS_FORMAT,
        ]  # fmt: skip
        if int(gunicorn.__version__.split(".")[0]) >= 25:
            args.append("--no-control-socket")  # no shared ~/.gunicorn socket between stacks
        return args

    def _start_gunicorn(self):
        self._spawn("gunicorn", self.gunicorn_args())

    def _wait_until_served(self, timeout=90):
        wait_for_port(self.port, timeout, self.processes["gunicorn"], "gunicorn")
        client = Client(self.port)
        deadline = time.monotonic() + timeout
        while True:
            try:
                if client.get("/").status == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer 200 on / in time")
            time.sleep(0.3)

    # -- use
    def client(self, host="localhost") -> Client:
        return Client(self.port, host=host)

    def get(self, path, host="localhost", **kwargs) -> Response:
        client = self.client(host)
        try:
            return client.get(path, **kwargs)
        finally:
            client.close()

    def discover(self) -> dict:
        """URLs of the demo's pages and objects, per city (read from the database)."""
        code = r"""
import json
from wagtail.models import Site
from wagtail_cityoflearning.badges.models import Award, BadgeClass
from wagtail_cityoflearning.models import OpportunityMapPage, OpportunityPage
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage
out = {}
for site in Site.objects.all():
    root = site.root_page
    def first(model):
        page = model.objects.live().descendant_of(root).order_by("path").first()
        return page.relative_url(site) if page else None
    map_page = OpportunityMapPage.objects.live().descendant_of(root).first()
    award = (Award.objects.filter(badge_class__issuer__site=site, revoked=False)
             .order_by("pk").first())
    badge = (BadgeClass.objects.filter(live=True, issuer__site=site)
             .select_related("locale").order_by("pk").first())
    out[site.hostname] = {
        "map": map_page.relative_url(site) if map_page else None,
        "geojson": (map_page.relative_url(site) + "geojson/") if map_page else None,
        "opportunity": first(OpportunityPage),
        "playlist": first(PlaylistPage),
        "assertion": f"/badges/assertions/{award.uuid}/" if award else None,
        "badge": [badge.slug, badge.locale.language_code] if badge else None,
    }
print("JSON" + json.dumps(out))
"""
        output = self.manage("shell", "-c", code)
        return json.loads(output.split("JSON", 1)[1])

    def award_state(self, uuid: str) -> dict:
        """An award's background state, read straight from PostgreSQL."""
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"]) as connection:
            row = connection.execute(
                "SELECT id, baking_state, notification_state, baked_image "
                "FROM wagtail_cityoflearning_badges_award WHERE uuid = %s",
                (uuid,),
            ).fetchone()
        if row is None:
            return {}
        names = ("id", "baking_state", "notification_state", "baked_image")
        return dict(zip(names, row, strict=True))

    def cpu_seconds(self, names=("gunicorn", "postgres", "redis")) -> float:
        """CPU time (user + system) used so far by these parts of the stack and all their
        processes (gunicorn's workers, PostgreSQL's backends): a measure of work done that,
        unlike a rate, does not depend on what else the machine is running."""
        roots = {self.processes[name].pid for name in names if name in self.processes}
        if "postgres" in names and self.pg_data:
            with contextlib.suppress(OSError, ValueError):
                roots.add(int((self.pg_data / "postmaster.pid").read_text().split()[0]))
        parents, times = {}, {}
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                text = Path(stat).read_text()
            except OSError:
                continue
            pid = int(text.split(" ", 1)[0])
            fields = text.rsplit(")", 1)[1].split()
            parents[pid] = int(fields[1])
            times[pid] = int(fields[11]) + int(fields[12])  # utime + stime, in ticks
        total = 0
        for pid, ticks in times.items():
            ancestor = pid
            while ancestor and ancestor not in roots:
                ancestor = parents.get(ancestor, 0)
            if ancestor:
                total += ticks
        return total / os.sysconf("SC_CLK_TCK")

    # -- stop
    def stop(self):
        """Stop every process this stack started (each by its own process group), then
        PostgreSQL, then remove the temporary directories. Safe to call twice."""
        for name in reversed(list(self.processes)):
            process = self.processes.pop(name)
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=5)
            with contextlib.suppress(Exception):
                process.log_handle.close()
        if self.pg_data and self.pg_running:
            with contextlib.suppress(Exception):
                self._as_postgres(
                    [str(self.pg_bin / "pg_ctl"), "-D", str(self.pg_data), "-m", "fast",
                     "-w", "stop"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=60,
                )  # fmt: skip
            self.pg_running = False
        if not self.keep_dir:
            for path in (self.pg_data, self.workdir):
                if path and path.exists():
                    shutil.rmtree(path, ignore_errors=True)
        elif self.workdir:
            log(f"kept {self.workdir} and {self.pg_data}")


# -- the smoke test --------------------------------------------------------------------


@dataclass
class Result:
    name: str
    ok: bool
    detail: str = ""


class Smoke:
    """Checks the running stack as a visitor, a learner, a badge validator and the queue."""

    def __init__(self, stack: Stack):
        self.stack = stack
        self.results: list[Result] = []
        self.urls: dict = {}

    def check(self, name, function, *args):
        started = time.monotonic()
        try:
            detail = function(*args) or ""
        except Exception as error:  # a failed check is reported, the others still run
            detail = f"{type(error).__name__}: {error}"
            result = Result(name, False, detail)
        else:
            result = Result(name, True, detail)
        self.results.append(result)
        mark = "PASS" if result.ok else "FAIL"
        log(f"{mark} {name} ({time.monotonic() - started:.1f} s){': ' + detail if detail else ''}")
        return result.ok

    def run(self) -> bool:
        self.urls = self.stack.discover()
        for host, (city, email, _language) in CITIES.items():
            urls = self.urls.get(host) or {}
            self.check(f"{city}: demo data found", self.found, urls)
            self.check(f"{city}: home over HTTPS with security headers", self.home, host)
            self.check(f"{city}: plain HTTP redirects to HTTPS", self.redirect, host)
            self.check(f"{city}: hashed, compressed static file", self.static, host)
            self.check(f"{city}: map page", self.page, host, urls.get("map"), b"data-col-map")
            self.check(f"{city}: GeoJSON feed", self.geojson, host, urls.get("geojson"))
            self.check(
                f"{city}: opportunity page",
                self.page,
                host,
                urls.get("opportunity"),
                b"application/ld+json",
            )
            self.check(f"{city}: playlist page", self.page, host, urls.get("playlist"), b"<h1")
            self.check(
                f"{city}: hosted assertion JSON", self.assertion, host, urls.get("assertion")
            )
            self.check(f"{city}: learner logs in and opens /learning/", self.learner, host, email)
        self.check("award queued on Redis, finished by the RQ worker", self.award)
        self.check("Chromium: no console error, no CSP violation", self.browser)
        return all(result.ok for result in self.results)

    # -- HTTP checks
    @staticmethod
    def _expect(response, status=200, what=""):
        if response.status != status:
            raise AssertionError(f"{what} HTTP {response.status}, expected {status}")

    def found(self, urls):
        lacking = [key for key, value in urls.items() if not value]
        if not urls or lacking:
            raise AssertionError(f"no {', '.join(lacking) or 'site'} in the demo data")
        return ", ".join(f"{key} {value}" for key, value in urls.items() if key != "badge")

    def home(self, host):
        response = self.stack.get("/", host=host)
        self._expect(response, what="/")
        hsts = response.header("Strict-Transport-Security")
        if "max-age=31536000" not in hsts:
            raise AssertionError(f"Strict-Transport-Security: {hsts!r}")
        csp = response.header("Content-Security-Policy")
        script_src = next((d for d in csp.split(";") if d.strip().startswith("script-src")), "")
        if "'self'" not in script_src or "unsafe" in script_src:
            raise AssertionError(f"Content-Security-Policy script-src: {script_src!r}")
        for header, value in (("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY")):
            if response.header(header) != value:
                raise AssertionError(f"{header}: {response.header(header)!r}")
        return f"{len(response.body):,} bytes in {response.seconds * 1000:.0f} ms, CSP and HSTS set"

    def redirect(self, host):
        client = Client(self.stack.port, host=host, https=False)
        try:
            response = client.get("/")
        finally:
            client.close()
        self._expect(response, 301)
        location = response.header("Location")
        if location != f"https://{host}/":
            raise AssertionError(f"Location: {location!r}")
        return f"-> {location}"

    def static(self, host):
        home = self.stack.get("/", host=host)
        match = re.search(
            rb'href="(/static/wagtail_cityoflearning/css/cityoflearning\.[0-9a-f]{12}\.css)"',
            home.body,
        )
        if not match:
            raise AssertionError("the home page does not link a hashed cityoflearning.css")
        path = match.group(1).decode()
        response = self.stack.get(path, host=host, headers={"Accept-Encoding": "gzip, br"})
        self._expect(response, what=path)
        encoding = response.header("Content-Encoding")
        cache = response.header("Cache-Control")
        if encoding not in ("gzip", "br") or "immutable" not in cache:
            raise AssertionError(f"Content-Encoding {encoding!r}, Cache-Control {cache!r}")
        return f"{path} ({encoding}, {cache})"

    def page(self, host, path, marker):
        response = self.stack.get(path, host=host, headers={"Accept": "text/html"})
        self._expect(response, what=path)
        if marker not in response.body:
            raise AssertionError(f"{path} lacks {marker.decode()!r}")
        return f"{path}: {len(response.body):,} bytes in {response.seconds * 1000:.0f} ms"

    def geojson(self, host, path):
        response = self.stack.get(path, host=host)
        self._expect(response, what=path)
        data = response.json()
        features = data.get("features") or []
        if data.get("type") != "FeatureCollection" or not features:
            raise AssertionError(f"{data.get('type')} with {len(features)} features")
        return f"{path}: {len(features)} features, {response.header('Content-Type')}"

    def assertion(self, host, path):
        response = self.stack.get(path, host=host, headers={"Accept": "application/ld+json"})
        self._expect(response, what=path)
        data = response.json()
        if data.get("type") != "Assertion" or data.get("id") != f"https://{host}{path}":
            raise AssertionError(f"type {data.get('type')!r}, id {data.get('id')!r}")
        return f"{path}: {data['id']}"

    def learner(self, host, email):
        client = self.stack.client(host)
        try:
            password = os.environ.get("DEMO_LEARNER_PASSWORD", "cityoflearning")
            response = client.log_in(email, password)
            self._expect(response, 302, "log-in")
            set_cookie = " ".join(response.headers.get_all("Set-Cookie") or [])
            if "sessionid=" not in set_cookie or "Secure" not in set_cookie:
                raise AssertionError("no Secure session cookie after log-in")
            target = response.header("Location")
            dashboard = client.get(target)
            self._expect(dashboard, what=target)
            if target.rstrip("/") != "/learning" or b"/accounts/logout/" not in dashboard.body:
                raise AssertionError(f"landed on {target} without a log-out link")
            return f"{email} -> {target} ({len(dashboard.body):,} bytes)"
        finally:
            client.close()

    def award(self):
        stack = self.stack
        slug, language = self.urls["localhost"]["badge"]
        email = f"smoke-{secrets.token_hex(4)}@example.org"
        output = stack.manage(
            "cityoflearning_award", "--badge", slug, "--locale", language, "--email", email
        )
        match = re.search(r"/badges/assertions/([0-9a-f-]{36})/", output)
        if not match:
            raise AssertionError(f"no assertion URL in {output!r}")
        uuid = match.group(1)
        deadline = time.monotonic() + 60
        state = {}
        while time.monotonic() < deadline:
            state = stack.award_state(uuid)
            if state.get("baking_state") == "done" and state.get("notification_state") == "done":
                break
            time.sleep(0.5)
        else:
            raise AssertionError(f"award {uuid} not finished in 60 s: {state}")
        baked = Path(stack.env["MEDIA_ROOT"]) / state["baked_image"]
        data = baked.read_bytes() if baked.exists() else b""
        if not data.startswith(b"\x89PNG") or b"openbadges" not in data:
            raise AssertionError(f"{baked} is not a baked PNG")
        # The task's argument is the award's primary key; the worker logs each job it runs.
        job = f"process_award('{state['id']}')"
        worker_log = stack.log_tail("rqworker", 400)
        if f"Successfully completed wagtail_cityoflearning.badges.tasks.{job}" not in worker_log:
            raise AssertionError(f"the RQ worker's log does not show {job} completed")
        mails = [p for p in (Path(stack.workdir) / "mail").iterdir() if email in p.read_text()]
        if not mails:
            raise AssertionError(f"no email to {email} written")
        return f"{email}: {job} by the worker, {state['baked_image']} baked, email sent"

    # -- the browser
    def browser(self):
        if not Path(CHROMIUM).exists():
            raise AssertionError(f"Chromium not found at {CHROMIUM}")
        from playwright.sync_api import sync_playwright

        pages = []
        for host in CITIES:
            urls = self.urls[host]
            pages += [(host, urls["map"], True), (host, urls["opportunity"], False)]
        pages.append(("localhost", self.urls["localhost"]["playlist"], False))
        problems, seen = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--headless", "--no-sandbox", "--disable-background-networking"],
            )
            try:
                for host, path, is_map in pages:
                    found, detail = self._browse(browser, host, path, is_map)
                    problems += [f"{host}{path}: {problem}" for problem in found]
                    seen.append(f"{host}{path} {detail}")
            finally:
                browser.close()
        if problems:
            raise AssertionError("; ".join(problems[:12]))
        return "; ".join(seen)

    def _browse(self, browser, host, path, is_map):
        problems = []
        context = browser.new_context(
            extra_http_headers={"X-Forwarded-Proto": "https"},
            viewport={"width": 1280, "height": 900},
        )
        context.add_init_script(
            "window.__csp = [];"
            "document.addEventListener('securitypolicyviolation', (e) => window.__csp.push("
            "`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));"
        )
        page = context.new_page()

        def console(message):
            # CSP violations are counted from the page's own events below, once each.
            if message.type == "error" and "Content Security Policy" not in message.text:
                problems.append(f"console: {message.text[:200]}")

        page.on("console", console)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and problems.append(f"HTTP {response.status} {response.url}")
            ),
        )
        page.on(
            "requestfailed",
            lambda request: problems.append(f"failed {request.url}: {request.failure}"),
        )
        media = []
        media_origin = f"http://127.0.0.1:{self.stack.media_port}/"
        page.on("requestfinished", lambda r: r.url.startswith(media_origin) and media.append(1))
        tiles = []
        for source in tile_sources():
            page.route(f"{source}/**", lambda route: (tiles.append(1), route.fulfill(status=204)))
        page.goto(f"http://{host}:{self.stack.port}{path}", wait_until="load")
        detail = ""
        if is_map:
            page.wait_for_selector("[data-col-map][data-markers]", state="attached", timeout=20_000)
            markers = page.get_attribute("[data-col-map]", "data-markers")
            if not int(markers or 0):
                problems.append("no markers on the map")
            detail = f"({markers} markers, "
        else:
            detail = "("
        page.wait_for_timeout(700)  # late violations (images, the map's tiles)
        violations = Counter(page.evaluate("window.__csp"))
        for violation, count in sorted(violations.items()):
            problems.append(f"CSP {violation} x{count}")
        if any(violation.startswith("style-src-attr") for violation in violations):
            styled = page.evaluate(
                "[...new Set([...document.querySelectorAll('[style]')].map("
                "(e) => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')))]"
            )
            problems.append(f"elements with style attributes: {', '.join(styled[:8])}")
        detail += f"{len(tiles)} tiles stubbed, {len(media)} media files)"
        context.close()
        return problems, detail


def tile_sources() -> list[str]:
    """The tile servers the production settings allow (CSP_TILE_SOURCES)."""
    value = os.environ.get("CSP_TILE_SOURCES") or "https://tile.openstreetmap.org"
    return [item for item in value.replace(",", " ").split() if item]


# -- command line ----------------------------------------------------------------------


def serve_forever(stack: Stack) -> None:
    log("serving; Ctrl-C stops everything")
    log(
        f"  Ljubljana: http://localhost:{stack.port}/   Cagliari: http://cagliari.localhost:{stack.port}/"
    )
    log("  send 'X-Forwarded-Proto: https' (as the proxy does), or you are redirected to https://")
    log(f"  logs: {stack.workdir}/*.log   settings: {stack.env['DJANGO_SETTINGS_MODULE']}")
    log(f"  DATABASE_URL={stack.env['DATABASE_URL']}  REDIS_URL={stack.env['REDIS_URL']}")
    while all(process.poll() is None for process in stack.processes.values()):
        time.sleep(1)
    log("a process of the stack exited; stopping")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", choices=["run", "serve"], default="run")
    parser.add_argument(
        "--keep-running", action="store_true", help="After the smoke test, serve until Ctrl-C."
    )
    parser.add_argument(
        "--keep-dir", action="store_true", help="Keep the temporary directories (logs, data)."
    )
    args = parser.parse_args(argv)
    lacking = missing()
    if lacking:
        print("Cannot run the production stack; missing:\n  " + "\n  ".join(lacking))
        return 1

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    # Started in the background by a non-interactive shell, SIGINT arrives ignored: restore it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.monotonic()
    stack = Stack(keep_dir=args.keep_dir)
    smoke = Smoke(stack)
    passed = True
    try:
        stack.start()
        if args.command == "run":
            passed = smoke.run()
        if args.command == "serve" or args.keep_running:
            serve_forever(stack)
    except KeyboardInterrupt:
        log("interrupted")
        passed = passed and args.command == "serve"
    except Exception as error:
        passed = False
        smoke.results.append(Result("stack", False, f"{type(error).__name__}: {error}"))
        log(f"FAIL {type(error).__name__}: {error}")
        for name in ("gunicorn", "rqworker", "redis"):
            tail = stack.log_tail(name, 15)
            if tail:
                print(f"--- {name}.log (last lines)\n{tail}", flush=True)
    finally:
        log("stopping")
        stack.stop()
    total = time.monotonic() - started
    if args.command == "run":
        failed = [result for result in smoke.results if not result.ok]
        print()
        print("=" * 72)
        for result in smoke.results:
            print(f"{'PASS' if result.ok else 'FAIL'}  {result.name}")
        verdict = "PASS" if passed and not failed else "FAIL"
        print("-" * 72)
        print(
            f"{verdict}: {len(smoke.results) - len(failed)}/{len(smoke.results)} checks passed; "
            f"stack up in {stack.timings.get('stack up', 0):.0f} s, {total:.0f} s in all"
        )
        for result in failed:
            print(f"  FAIL {result.name}: {result.detail}")
        print("=" * 72)
        return 0 if verdict == "PASS" else 1
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
