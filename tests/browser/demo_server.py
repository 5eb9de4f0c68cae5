"""The real example site with both demo cities, served by ``runserver`` in a subprocess.

Independent of the test database: the demo gets its own SQLite file in a temporary
directory, whatever DATABASE_URL the caller set. Ljubljana answers on ``localhost`` and
Cagliari on ``cagliari.localhost`` (Chromium resolves ``*.localhost`` to the loopback).
"""

import atexit
import os
import shutil
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


def _environment(directory: Path) -> dict:
    """The example site's environment with its database and mail in ``directory``."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{directory}/demo.sqlite3",
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "PYTHONPATH": str(REPO_ROOT),
        "DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
        # Emails are files, so the tests can follow the links in them.
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": f"{directory}/mail",
        "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
    }


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@dataclass(frozen=True)
class _LoadedDemo:
    database: Path
    port: int


_loaded: list[_LoadedDemo] = []


def _loaded_demo() -> _LoadedDemo:
    """A migrated database with both demo cities and the editor, made once per test process
    and copied for each module's server: loading the demo is the slow part, and every module
    still starts from the same fresh data.

    The demo's Sites, and the badges signed while it loads (their issuers' did:web identifiers
    and credential URLs), carry the port, so every copy is served on the port it was loaded
    for; the servers of two modules never run at the same time. When that port has been taken
    meanwhile, the demo is loaded again on a free one."""
    if _loaded and _port_is_free(_loaded[-1].port):
        return _loaded[-1]
    directory = Path(tempfile.mkdtemp(prefix="col-demo-loaded-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    port = _free_port()
    env = _environment(directory)
    _manage(env, "migrate", "--noinput")
    _manage(env, "cityoflearning_demo", "--port", str(port), "--no-admin")
    _manage(
        env, "createsuperuser", "--noinput", "--username", EDITOR[0], "--email", "e@example.org"
    )
    _loaded.append(_LoadedDemo(database=directory / "demo.sqlite3", port=port))
    return _loaded[-1]


@pytest.fixture(scope="module")
def demo_server():
    """The example site with both demo cities, freshly loaded for the module, and served."""
    loaded = _loaded_demo()
    with tempfile.TemporaryDirectory(prefix="col-demo-") as tmp:
        port = loaded.port
        env = _environment(Path(tmp))
        shutil.copyfile(loaded.database, Path(tmp) / "demo.sqlite3")
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
