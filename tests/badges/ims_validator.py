"""Run the IMS Global Open Badges validator on the badges the project issues.

The official validator (PyPI ``openbadges`` 1.1.2) pins Click 6.7, jsonschema 2.6,
pycryptodome 3.6.6 and pytz 2017.2 and does not import on Python 3.11 as pinned, so it cannot
share the project's environment. It gets a virtualenv of its own, built once and reused:

    ~/.cache/wagtail-cityoflearning/ims-validator-1.1.2   (override with IMS_VALIDATOR_VENV)

with ``openbadges==1.1.2`` and then newer pycryptodome and pytz (python-jose stays at its pinned
3.0.1). Each validation runs ``_ims_validator_runner.py`` with that virtualenv's Python in a
subprocess and returns the validator's result as a dict::

    result = validate(url=live_server.url + "/badges/assertions/1")
    assert_valid(result)  # no errors, no warnings, valid

Result shape (openbadges 1.1.2 ``verify``)::

    {"graph": [...nodes, compacted against the OB 2.0 context...],
     "input": {"value": ..., "input_type": "url" | "json" | "jws" | "file"},
     "report": {"valid": bool, "errorCount": int, "warningCount": int,
                "messages": [{"name": TASK, "messageLevel": "ERROR" | "WARNING" | "INFO",
                              "result": text, "success": bool, "node_id"?: ..., "prop_name"?: ...}],
                "validationSubject": assertion id, "openBadgesVersion": "2.0",
                "recipientProfile"?: {"email": address}},   # present once --recipient matched
     "harness": {"validator": ..., "requests": [{"url", "status", "served_from"}],
                 "context_served_from_bundle": int}}

Tests that need the validator call ``skip_or_fail_without_validator()`` first: it skips them when
the virtualenv cannot be built (no package index reachable), or fails them when
``REQUIRE_IMS_VALIDATOR=1`` is set, as it should be wherever the index is reachable.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

VALIDATOR_VERSION = "1.1.2"
INSTALL = (f"openbadges=={VALIDATOR_VERSION}",)
# The pinned pycryptodome 3.6.6 has no wheel for current Pythons and pytz 2017.2 predates many
# zones; both are drop-in replaceable. python-jose 3.0.1 stays as pinned.
UPGRADE = ("pycryptodome>=3.20", "pytz>=2024.1")
RUNNER = Path(__file__).with_name("_ims_validator_runner.py")
MARKER = ".wagtail-cityoflearning-complete.json"
TIMEOUT = 120  # seconds for one validation
INSTALL_TIMEOUT = 900  # seconds for one pip step
HARNESS_ERROR = 2  # the runner's exit status on harness errors

_lock = threading.Lock()
_python: Path | None = None
_unavailable: str | None = None


class ValidatorUnavailable(RuntimeError):
    """The validator's virtualenv could not be built."""


class ValidatorError(RuntimeError):
    """The runner failed: a harness error, a crash or a timeout, not an invalid badge."""


def venv_dir() -> Path:
    configured = os.environ.get("IMS_VALIDATOR_VENV")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "wagtail-cityoflearning" / f"ims-validator-{VALIDATOR_VERSION}"


def _venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def _base_python() -> str:
    """The Python the validator's virtualenv is made with: ``IMS_VALIDATOR_PYTHON``, else the
    running one. openbadges 1.1.2 imports ``imp`` (through ``future``), which Python 3.12
    removed, so a suite on a newer Python points this at a 3.11."""
    return os.environ.get("IMS_VALIDATOR_PYTHON") or sys.executable


def _base_python_version() -> str:
    if _base_python() == sys.executable:
        return ".".join(str(part) for part in sys.version_info[:2])
    result = subprocess.run(
        [_base_python(), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def _marker_content() -> dict:
    return {
        "install": list(INSTALL),
        "upgrade": list(UPGRADE),
        "base_python": _base_python_version(),
    }


def _is_complete(venv: Path) -> bool:
    try:
        recorded = json.loads((venv / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded == _marker_content() and _venv_python(venv).exists()


def _run_step(command: list[str], timeout: int) -> None:
    try:
        completed = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_child_env(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ValidatorUnavailable(f"{' '.join(command)}: {exc}") from exc
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip().splitlines()
        raise ValidatorUnavailable(
            f"{' '.join(command)} exited {completed.returncode}:\n" + "\n".join(output[-30:])
        )


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


def _build(venv: Path) -> None:
    if venv.exists():
        # An unfinished build is replaced; anything that is not a virtualenv is left alone.
        if not (venv / "pyvenv.cfg").exists() and any(venv.iterdir()):
            raise ValidatorUnavailable(f"{venv} exists and is not a virtualenv")
        shutil.rmtree(venv)
    python = str(_venv_python(venv))
    _run_step([_base_python(), "-m", "venv", str(venv)], timeout=300)
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
    _run_step([*pip, *INSTALL], timeout=INSTALL_TIMEOUT)
    _run_step([*pip, "--upgrade", *UPGRADE], timeout=INSTALL_TIMEOUT)
    # The runner's own import path, so that a broken environment fails here, once.
    check = (
        "import runpy, sys; "
        f"runner = runpy.run_path({str(RUNNER)!r}); "
        "runner['_alias_collections_abc'](); "
        "import openbadges, openbadges.verifier.verifier, jose.jws, requests_cache, pyld"
    )
    _run_step([python, "-c", check], timeout=120)
    (venv / MARKER).write_text(json.dumps(_marker_content(), indent=2) + "\n", encoding="utf-8")


def validator_python() -> Path:
    """The validator virtualenv's Python, building the virtualenv on first use.

    Raises ValidatorUnavailable when it cannot be built (typically: no package index reachable);
    the failure is remembered for the rest of the process so that it is not retried per test.
    """
    global _python, _unavailable
    with _lock:
        if _python is not None:
            return _python
        if _unavailable is not None:
            raise ValidatorUnavailable(_unavailable)
        venv = venv_dir()
        try:
            with _build_lock(venv):
                if not _is_complete(venv):
                    _build(venv)
        except (ValidatorUnavailable, OSError) as exc:
            _unavailable = f"cannot build the IMS Open Badges validator in {venv}: {exc}"
            raise ValidatorUnavailable(_unavailable) from exc
        _python = _venv_python(venv)
        return _python


def skip_or_fail_without_validator() -> Path:
    """Return the validator's Python, or skip the test (fail it under REQUIRE_IMS_VALIDATOR=1)."""
    try:
        return validator_python()
    except ValidatorUnavailable as exc:
        if os.environ.get("REQUIRE_IMS_VALIDATOR") == "1":
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(str(exc))


def _child_env() -> dict[str, str]:
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


def validate(
    *,
    url: str | None = None,
    jws: str | None = None,
    json_text: str | None = None,
    baked_path: str | os.PathLike | None = None,
    recipient: str | None = None,
) -> dict:
    """Validate one badge with the IMS validator and return its result (see the module doc).

    Exactly one of ``url`` (a hosted assertion, or a baked image by URL), ``jws`` (a JWS compact
    serialization of a signed assertion), ``json_text`` (assertion JSON) or ``baked_path`` (a
    baked PNG/SVG file). ``recipient`` is an email address the assertion should be awarded to;
    the validator then checks the recipient identity (hash) against it.
    """
    given = {
        "url": url,
        "jws": jws,
        "json_text": json_text,
        "baked_path": baked_path,
    }
    chosen = [name for name, value in given.items() if value is not None]
    if len(chosen) != 1:
        raise TypeError(f"validate() needs exactly one badge input, got {chosen or 'none'}")
    python = validator_python()

    with tempfile.TemporaryDirectory(prefix="ims-validator-") as scratch:
        command = [str(python), str(RUNNER)]
        if url is not None:
            command += ["--url", url]
        elif jws is not None:
            path = Path(scratch) / "assertion.jws"
            path.write_text(jws, encoding="utf-8")
            command += ["--jws-file", str(path)]
        elif json_text is not None:
            path = Path(scratch) / "assertion.json"
            path.write_text(json_text, encoding="utf-8")
            command += ["--json-file", str(path)]
        else:
            command += ["--baked-file", str(Path(baked_path).resolve())]
        if recipient is not None:
            command += ["--recipient", recipient]
        try:
            completed = subprocess.run(
                command,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=TIMEOUT,
                cwd=scratch,  # anything the validator might write stays out of the work tree
                env=_child_env(),
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ValidatorError(f"the IMS validator took more than {TIMEOUT} s") from exc

    if completed.returncode != 0:
        raise ValidatorError(
            f"the IMS validator runner exited {completed.returncode}:\n{completed.stderr.strip()}"
        )
    try:
        return json.loads(completed.stdout)
    except ValueError as exc:
        raise ValidatorError(
            f"the IMS validator runner printed no JSON:\n{completed.stdout[:2000]}\n"
            f"{completed.stderr.strip()}"
        ) from exc


def messages(result: dict, level: str | None = None) -> list[dict]:
    found = result.get("report", {}).get("messages", [])
    if level is None:
        return list(found)
    return [message for message in found if message.get("messageLevel") == level]


def errors(result: dict) -> list[dict]:
    return messages(result, "ERROR")


def warnings(result: dict) -> list[dict]:
    return messages(result, "WARNING")


def format_messages(result: dict) -> str:
    lines = []
    for message in messages(result):
        where = " ".join(
            f"{key}={message[key]}" for key in ("node_id", "prop_name") if message.get(key)
        )
        lines.append(
            f"  {message.get('messageLevel')} {message.get('name')}: {message.get('result')}"
            + (f" [{where}]" if where else "")
        )
    return "\n".join(lines) or "  (no messages)"


def assert_valid(result: dict) -> None:
    """Fail unless the validator found the badge valid with no errors and no warnings."""
    report = result.get("report", {})
    accepted = (
        report.get("valid") is True
        and report.get("errorCount", 0) == 0
        and report.get("warningCount", 0) == 0
        and not errors(result)
        and not warnings(result)
    )
    # An assert (this module is rewritten like the tests), so that it counts as the test's
    # assertion for the no-assertion check in tests/plugins/assertions.py.
    assert accepted, (
        "the IMS Open Badges validator rejected the badge "
        f"{report.get('validationSubject') or result.get('input', {}).get('value')!r}: "
        f"valid={report.get('valid')}, errorCount={report.get('errorCount')}, "
        f"warningCount={report.get('warningCount')}\n{format_messages(result)}"
    )
