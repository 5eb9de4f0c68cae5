"""The real example site with both demo cities, served by ``runserver`` in a subprocess.

Independent of the test database: the demo gets its own SQLite file in a temporary
directory, whatever DATABASE_URL the caller set. Ljubljana answers on ``localhost`` and
Cagliari on ``cagliari.localhost`` (Chromium resolves ``*.localhost`` to the loopback).
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(REPO_ROOT / "example_site" / "manage.py")
STARTUP_SECONDS = 60


EDITOR = ("editor", "editor-passphrase-42")


@dataclass(frozen=True, eq=False)
class DemoServer:
    port: int
    mail_dir: Path
    env: dict

    def manage(self, *args) -> None:
        """Run a management command against the demo's database."""
        _manage(self.env, *args)

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    @property
    def cagliari_url(self) -> str:
        return f"http://cagliari.localhost:{self.port}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    command = [sys.executable, MANAGE, *args]
    try:
        subprocess.run(command, env=env, cwd=REPO_ROOT, check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as error:
        pytest.fail(
            f"{' '.join(args)} failed ({error.returncode}):\n"
            f"--- stdout ---\n{error.stdout}\n--- stderr ---\n{error.stderr}"
        )


def _wait_until_up(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    last_error = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log_path.read_text(errors="replace")
            pytest.fail(f"runserver exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
                last_error = f"status {response.status}"
        except (urllib.error.URLError, OSError) as error:
            last_error = error
        time.sleep(0.2)
    pytest.fail(f"The demo server did not answer {url} within {STARTUP_SECONDS} s: {last_error}")


@pytest.fixture(scope="session")
def demo_server():
    """Migrate a fresh SQLite database, load both demo cities and serve them."""
    with tempfile.TemporaryDirectory(prefix="col-demo-") as tmp:
        port = _free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3",
            "DJANGO_SETTINGS_MODULE": "example_site.settings",
            "PYTHONPATH": str(REPO_ROOT),
            "DEBUG": "1",
            "PYTHONUNBUFFERED": "1",
            # Emails are files, so the tests can follow the links in them.
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": f"{tmp}/mail",
            "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
        }
        _manage(env, "migrate", "--noinput")
        _manage(env, "cityoflearning_demo", "--port", str(port), "--no-admin")
        _manage(
            env, "createsuperuser", "--noinput", "--username", EDITOR[0], "--email", "e@example.org"
        )
        log_path = Path(tmp) / "runserver.log"
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [sys.executable, MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
                env=env,
                cwd=REPO_ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )
            try:
                server = DemoServer(port=port, mail_dir=Path(tmp) / "mail", env=env)
                _wait_until_up(server.url + "/", process, log_path)
                yield server
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
