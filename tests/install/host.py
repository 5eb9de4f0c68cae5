"""A stock ``wagtail start`` site in a virtualenv of its own, changed only by the snippets of
``docs/installation.md`` (kept in ``docs/snippets/installation/``), run under gunicorn.

Every command's output goes to a log in ``test-artifacts/``; a failing command fails the test
with its output.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "docs" / "snippets" / "installation"
ARTIFACTS = ROOT / "test-artifacts"
COMMAND_TIMEOUT = 600
STARTUP_SECONDS = 60
CHECK_ID = re.compile(r": \(([\w.]+\.[CDEIW]\d{3})\) ")


# -- which Pythons ------------------------------------------------------------------------


def claimed_versions() -> list[str]:
    """The Python versions setup.cfg's classifiers claim, oldest first."""
    parser = configparser.ConfigParser()
    parser.read(ROOT / "setup.cfg")
    found = re.findall(
        r"Programming Language :: Python :: (3\.\d+)", parser["metadata"]["classifiers"]
    )
    return sorted(set(found), key=lambda version: tuple(map(int, version.split("."))))


def pythons_under_test() -> list[str]:
    """``INSTALL_TEST_PYTHONS`` (comma-separated versions or executables), else the running
    Python and the newest version the package claims."""
    configured = os.environ.get("INSTALL_TEST_PYTHONS", "")
    if configured.strip():
        return [item.strip() for item in configured.split(",") if item.strip()]
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    newest = claimed_versions()[-1]
    return [running] if newest == running else [running, newest]


def find_python(spec: str) -> str | None:
    """An executable for a version ("3.13") or a path or name given as is."""
    if not re.fullmatch(r"3\.\d+", spec):
        return shutil.which(spec) or (spec if Path(spec).is_file() else None)
    if spec == f"{sys.version_info.major}.{sys.version_info.minor}":
        return sys.executable
    candidates = sorted(
        Path.home().glob(f".pyenv/versions/{spec}.*/bin/python3"),
        key=lambda path: [int(part) for part in re.findall(r"\d+", path.parts[-3])],
    )
    if candidates:
        return str(candidates[-1])
    return shutil.which(f"python{spec}")


def python_or_skip(spec: str) -> str:
    python = find_python(spec)
    if python is None:
        message = f"Python {spec} not found (pyenv or python{spec} on PATH)"
        if os.environ.get("REQUIRE_INSTALL_TEST") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return python


# -- commands -----------------------------------------------------------------------------


class CommandFailed(AssertionError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(**extra) -> dict[str, str]:
    """This test run's environment without what would leak into the host site."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # for the browser tests' own process only
            "DATABASE_URL",
            "PYTHONPATH",
            "PYTHONHOME",
            "VIRTUAL_ENV",
            "REDIS_URL",
        }
    }
    env["PYTHONUNBUFFERED"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


@dataclass
class Log:
    path: Path
    truncate: bool = True

    def __post_init__(self):
        if self.truncate:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text("", encoding="utf-8")

    def write(self, text: str) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")

    @classmethod
    def quiet(cls) -> Log:
        return cls(Path(os.devnull), truncate=False)

    def step(self, title: str) -> None:
        self.write(f"\n== {title} ({time.strftime('%H:%M:%S')})")


def run(command, *, log: Log, cwd: Path, env=None, input=None, check=True, timeout=COMMAND_TIMEOUT):
    """Run a command, log it and its output; on failure raise with the output."""
    command = [str(part) for part in command]
    log.write(f"$ {' '.join(command)}")
    started = time.monotonic()
    try:
        result = subprocess.run(
            command,
            cwd=cwd,
            env=env or clean_env(),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise CommandFailed(f"{' '.join(command)} took more than {timeout} s") from error
    log.write(
        result.stdout
        + result.stderr
        + f"[exit {result.returncode}, {time.monotonic() - started:.1f} s]"
    )
    if check and result.returncode != 0:
        raise CommandFailed(
            f"{' '.join(command)} exited {result.returncode} in {cwd}:\n"
            f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}"
        )
    return result


def check_messages(output: str) -> list[str]:
    """The ids of the messages ``manage.py check`` printed."""
    return CHECK_ID.findall(output)


# -- the host site ------------------------------------------------------------------------


def snippet(name: str) -> str:
    return (SNIPPETS / name).read_text(encoding="utf-8")


def shell_lines(name: str) -> list[str]:
    """The commands of a shell snippet, comments and blank lines left out."""
    return [
        line.strip()
        for line in snippet(name).splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


@dataclass
class HostSite:
    """A ``wagtail start mysite`` project in its own virtualenv."""

    base: Path
    python: str
    log: Log
    venv: Path = field(init=False)
    project: Path = field(init=False)
    originals: dict[Path, str] = field(default_factory=dict)

    def __post_init__(self):
        self.venv = self.base / "venv"
        self.project = self.base / "site" / "mysite"
        for old_log in self.log.path.parent.glob(f"{self.log.path.stem}-gunicorn-*.log"):
            old_log.unlink()

    @property
    def venv_python(self) -> Path:
        return self.venv / "bin" / "python"

    def create_virtualenv(self, *requirements) -> None:
        run([self.python, "-m", "venv", self.venv], log=self.log, cwd=self.base)
        pip = [self.venv_python, "-m", "pip", "install", "--no-input", "--quiet"]
        run([*pip, *requirements], log=self.log, cwd=self.base)

    def python_version(self) -> tuple[int, int]:
        result = run(
            [self.venv_python, "-c", "import sys; print(*sys.version_info[:2])"],
            log=self.log,
            cwd=self.base,
        )
        major, minor = result.stdout.split()
        return int(major), int(minor)

    def install_requirements(self) -> None:
        """``pip install -r requirements.txt`` of the stock site, as its README says."""
        pip = [self.venv_python, "-m", "pip", "install", "--no-input", "--quiet"]
        run([*pip, "-r", self.project / "requirements.txt"], log=self.log, cwd=self.project)

    def installed_version(self, distribution: str) -> str | None:
        result = run(
            [
                self.venv_python,
                "-c",
                f"from importlib.metadata import version; print(version({distribution!r}))",
            ],
            log=self.log,
            cwd=self.base,
            check=False,
        )
        return result.stdout.strip() if result.returncode == 0 else None

    def wagtail_start(self) -> None:
        (self.base / "site").mkdir()
        run(
            [self.venv / "bin" / "wagtail", "start", "mysite"], log=self.log, cwd=self.base / "site"
        )
        self.write_local_settings()

    def write_local_settings(self) -> None:
        """What every host sets up for itself, outside the package's docs: the secret key, the
        host names and where email goes (settings/local.py, which dev.py and production.py import)."""
        (self.project / "mysite" / "settings" / "local.py").write_text(
            "from .base import BASE_DIR\n\n"
            f'SECRET_KEY = "install-test-{"x" * 50}"\n'
            'ALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
            'EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"\n'
            'EMAIL_FILE_PATH = BASE_DIR / "sent-mail"\n',
            encoding="utf-8",
        )

    # -- files of the project

    def file(self, relative: str) -> Path:
        return self.project / relative

    def remember(self, relative: str) -> str:
        path = self.file(relative)
        text = path.read_text(encoding="utf-8")
        self.originals.setdefault(path, text)
        return text

    def append(self, relative: str, *snippet_names: str) -> None:
        """Append snippets to the end of a project file, as the docs say."""
        text = self.remember(relative)
        for name in snippet_names:
            text = text.rstrip("\n") + "\n\n" + snippet(name)
        self.file(relative).write_text(text, encoding="utf-8")

    def edit_base_template(self) -> None:
        """The three edits of the docs: the tag library loaded at the top, the head tag before
        the stock ``extra_css`` block, the content block inside ``<main>``."""
        relative = "mysite/templates/base.html"
        text = self.remember(relative)
        head_anchor = "{% block extra_css %}"
        before = snippet("base_main_before.html").strip()
        assert text.count(head_anchor) == 1, (
            "the stock base.html changed: no single extra_css block"
        )
        assert text.count(before) == 1, "the stock base.html changed: no single content block line"
        text = snippet("base_load.html") + text
        line_start = text.index(head_anchor)
        indent = text[text.rindex("\n", 0, line_start) + 1 : line_start]
        text = text.replace(
            head_anchor, snippet("base_head.html").strip() + "\n\n" + indent + head_anchor
        )
        text = text.replace(before, snippet("base_main_after.html").strip())
        self.file(relative).write_text(text, encoding="utf-8")

    def restore_files(self, *relatives: str) -> None:
        """Take out every line the docs added to these files."""
        for relative in relatives:
            self.file(relative).write_text(self.originals[self.file(relative)], encoding="utf-8")

    # -- commands in the project

    def env(self, settings: str, **extra) -> dict[str, str]:
        return clean_env(DJANGO_SETTINGS_MODULE=f"mysite.settings.{settings}", **extra)

    def manage(self, *args, settings="dev", input=None, check=True, **extra_env):
        return run(
            [self.venv_python, "manage.py", *args],
            log=self.log,
            cwd=self.project,
            env=self.env(settings, **extra_env),
            input=input,
            check=check,
        )

    def shell(self, code: str, settings="production") -> str:
        return self.manage("shell", "--no-imports", "-c", code, settings=settings).stdout

    def run_documented(self, line: str, settings="production"):
        """A command line from a shell snippet: ``python`` and ``pip`` are the virtualenv's;
        questions are answered yes, as the reader would."""
        words = line.split()
        if words[0] == "python":
            command, answer = [self.venv_python, *words[1:]], "yes\n"
        elif words[0] == "pip":
            command, answer = [self.venv_python, "-m", "pip", *words[1:]], "y\n"
        else:
            raise AssertionError(f"unexpected command in a snippet: {line}")
        return run(
            command, log=self.log, cwd=self.project, env=self.env(settings), input=answer * 10
        )

    @contextlib.contextmanager
    def gunicorn(self, settings="production"):
        """Serve the site under gunicorn on a free loopback port; yields the base URL."""
        port = free_port()
        server_log = self.log.path.with_name(self.log.path.stem + f"-gunicorn-{settings}.log")
        handle = server_log.open("a", encoding="utf-8")
        command = [
            self.venv / "bin" / "gunicorn",
            "mysite.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "60",
            "--access-logfile",
            "-",
            "--error-logfile",
            "-",
        ]
        gunicorn_help = run([command[0], "--help"], log=Log.quiet(), cwd=self.base).stdout
        if "--no-control-socket" in gunicorn_help:
            # Gunicorn 25+ opens a control socket in the home folder; this test needs none.
            command.append("--no-control-socket")
        self.log.write(f"$ {' '.join(map(str, command))}  (log: {server_log.name})")
        process = subprocess.Popen(  # noqa: S603 (our own command)
            [str(part) for part in command],
            cwd=self.project,
            env=self.env(settings),
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/", process, server_log)
            yield url
        finally:
            stop(process)
            handle.close()
            self.log.write(f"gunicorn ({settings}) stopped")


def http_get(url: str, timeout=15) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until_up(url: str, process: subprocess.Popen, server_log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    last = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CommandFailed(
                f"gunicorn exited with {process.returncode}:\n{server_log.read_text(errors='replace')[-6000:]}"
            )
        try:
            status, _body = http_get(url, timeout=5)
            if status == 200:
                return
            last = f"status {status}"
        except (urllib.error.URLError, OSError) as error:
            last = error
        time.sleep(0.25)
    raise CommandFailed(
        f"gunicorn did not answer {url} with 200 within {STARTUP_SECONDS} s ({last}):\n"
        + server_log.read_text(errors="replace")[-6000:]
    )


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn (the process group this test started) and wait for it."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)
