"""A virtualenv of its own for a tool that cannot share the project's environment.

The badge tests check the project's badges with outside verifiers whose pinned dependencies
clash with the project's (``ims_validator.py``, ``ob3_verifier.py``). Each gets an
``IsolatedVenv``: built once on first use and reused,

    ~/.cache/wagtail-cityoflearning/<dirname>   (override with the ``venv_env`` variable)

by ``python -m venv`` with the base Python, a ``pip install`` of ``install``, a
``pip install --upgrade`` of ``upgrade`` (when given) and an import ``check``. A marker file,
written last, records what was installed and the base Python's version; a virtualenv whose
marker does not match is built again. A file lock serialises builds between processes.

A runner script is then run with the virtualenv's Python in a subprocess and prints its
answer as JSON. When the virtualenv cannot be built (typically: no package index reachable),
``skip_or_fail()`` skips the test, or fails it when the ``require_env`` variable is ``1``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

# Virtualenvs already built carry this name and the content of ``marker_content()``.
MARKER = ".wagtail-cityoflearning-complete.json"
CACHE = Path(".cache") / "wagtail-cityoflearning"  # under the home directory


class VenvUnavailable(RuntimeError):
    """A tool's virtualenv could not be built."""


class RunnerFailed(RuntimeError):
    """A runner failed: a harness error, a crash or a timeout, not a verdict on a badge."""


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def child_env() -> dict[str, str]:
    """The environment of every subprocess: nothing of the project's interpreter leaks in."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
    }
    # The badges live on this machine's test server: never send them through a proxy.
    loopback = "127.0.0.1,localhost,::1"
    for key in ("NO_PROXY", "no_proxy"):
        env[key] = f"{env[key]},{loopback}" if env.get(key) else loopback
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@contextlib.contextmanager
def _build_lock(venv: Path):
    """Serialise builds between processes (e.g. parallel test runs) where fcntl exists."""
    venv.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(venv.parent / f".{venv.name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run_step(command: list[str], timeout: int) -> None:
    try:
        completed = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=child_env(), check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise VenvUnavailable(f"{' '.join(command)}: {exc}") from exc
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip().splitlines()
        raise VenvUnavailable(
            f"{' '.join(command)} exited {completed.returncode}:\n" + "\n".join(output[-30:])
        )


class IsolatedVenv:
    """One tool's virtualenv and its runner.

    ``title`` names the tool in build failures ("the IMS Open Badges validator"), ``label`` in
    runner failures ("the IMS validator"); ``unavailable`` and ``failed`` are the exception
    classes raised for each (subclasses of ``VenvUnavailable`` and ``RunnerFailed``).
    ``python_env`` names the variable that chooses the base Python, else ``default_python()``.
    """

    def __init__(
        self,
        *,
        title: str,
        label: str,
        dirname: str,
        install: Sequence[str],
        upgrade: Sequence[str] = (),
        check: str,
        runner: Path,
        venv_env: str,
        python_env: str,
        require_env: str,
        unavailable: type[VenvUnavailable] = VenvUnavailable,
        failed: type[RunnerFailed] = RunnerFailed,
        default_python: Callable[[], str] = lambda: sys.executable,
        timeout: int = 120,
        install_timeout: int = 900,
    ):
        self.title, self.label, self.dirname = title, label, dirname
        self.install, self.upgrade, self.check = tuple(install), tuple(upgrade), check
        self.runner = runner
        self.venv_env, self.python_env, self.require_env = venv_env, python_env, require_env
        self.unavailable, self.failed = unavailable, failed
        self.default_python = default_python
        self.timeout, self.install_timeout = timeout, install_timeout
        self._lock = threading.Lock()
        self._python: Path | None = None
        self._unavailable: str | None = None  # why the build failed, remembered per process

    def venv_dir(self) -> Path:
        configured = os.environ.get(self.venv_env)
        if configured:
            return Path(configured).expanduser()
        return Path.home() / CACHE / self.dirname

    def base_python(self) -> str:
        return os.environ.get(self.python_env) or self.default_python()

    def base_python_version(self) -> str:
        base = self.base_python()
        if base == sys.executable:
            return ".".join(str(part) for part in sys.version_info[:2])
        result = subprocess.run(
            [base, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=True,
            env=child_env(),
        )
        return result.stdout.strip()

    def marker_content(self) -> dict:
        content: dict = {"install": list(self.install)}
        if self.upgrade:
            content["upgrade"] = list(self.upgrade)
        content["base_python"] = self.base_python_version()
        return content

    def is_complete(self, venv: Path) -> bool:
        try:
            recorded = json.loads((venv / MARKER).read_text(encoding="utf-8"))
            expected = self.marker_content()
        except (OSError, ValueError, subprocess.CalledProcessError):
            return False
        return recorded == expected and venv_python(venv).exists()

    def _build(self, venv: Path) -> None:
        if venv.exists():
            # An unfinished build is replaced; anything that is not a virtualenv is left alone.
            if not (venv / "pyvenv.cfg").exists() and any(venv.iterdir()):
                raise VenvUnavailable(f"{venv} exists and is not a virtualenv")
            shutil.rmtree(venv)
        python = str(venv_python(venv))
        _run_step([self.base_python(), "-m", "venv", str(venv)], timeout=300)
        pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
        _run_step([*pip, *self.install], timeout=self.install_timeout)
        if self.upgrade:
            _run_step([*pip, "--upgrade", *self.upgrade], timeout=self.install_timeout)
        # The runner's own imports, so that a broken environment fails here, once.
        _run_step([python, "-c", self.check], timeout=120)
        marker = json.dumps(self.marker_content(), indent=2) + "\n"
        (venv / MARKER).write_text(marker, encoding="utf-8")

    def python(self) -> Path:
        """The virtualenv's Python, building the virtualenv on first use.

        Raises ``unavailable`` when it cannot be built (typically: no package index
        reachable); the failure is remembered for the rest of the process so that it is not
        retried per test.
        """
        with self._lock:
            if self._python is not None:
                return self._python
            if self._unavailable is not None:
                raise self.unavailable(self._unavailable)
            venv = self.venv_dir()
            try:
                with _build_lock(venv):
                    if not self.is_complete(venv):
                        self._build(venv)
            except (VenvUnavailable, OSError, subprocess.CalledProcessError) as exc:
                self._unavailable = f"cannot build {self.title} in {venv}: {exc}"
                raise self.unavailable(self._unavailable) from exc
            self._python = venv_python(venv)
            return self._python

    def skip_or_fail(self) -> Path:
        """Return the virtualenv's Python, or skip the test (fail it when ``require_env`` is 1)."""
        try:
            return self.python()
        except VenvUnavailable as exc:
            if os.environ.get(self.require_env) == "1":
                pytest.fail(str(exc), pytrace=False)
            pytest.skip(str(exc))

    def run(
        self,
        args: Sequence[str] = (),
        *,
        input: str | None = None,
        cwd: str | os.PathLike | None = None,
        timeout: int | None = None,
    ) -> dict:
        """Run the runner with ``args`` (and ``input`` on its stdin); return the JSON it prints."""
        timeout = self.timeout if timeout is None else timeout
        python = self.python()
        try:
            completed = subprocess.run(
                [str(python), str(self.runner), *args],
                input=input,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=timeout,
                cwd=cwd,
                env=child_env(),
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise self.failed(f"{self.label} took more than {timeout} s") from exc
        if completed.returncode != 0:
            raise self.failed(
                f"{self.label} runner exited {completed.returncode}:\n{completed.stderr.strip()}"
            )
        try:
            return json.loads(completed.stdout)
        except ValueError as exc:
            raise self.failed(
                f"{self.label} runner printed no JSON:\n{completed.stdout[:2000]}\n"
                f"{completed.stderr.strip()}"
            ) from exc
