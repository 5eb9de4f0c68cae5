"""Verify Open Badges 3.0 credentials with an independent verifier.

The verifier is openbadgeslib 4.6.3 with its ``ldp`` extra (LGPL; ``OB3Verifier`` for VC-JWT
credentials, ``ob3.ldp.OB3LdpVerifier`` for Data Integrity ``eddsa-rdfc-2022`` proofs). It is
not a dependency of the package and does not share the project's environment: it gets a
virtualenv of its own, built once with the machine's default ``python3`` and reused:

    ~/.cache/wagtail-cityoflearning/ob3-verifier-4.6.3   (override with OB3_VERIFIER_VENV)

Each verification runs ``_ob3_verifier_runner.py`` with that virtualenv's Python in a
subprocess. Nothing goes to the network: the documents the verifier may fetch (the DID
document a ``did:web`` resolves to, the status list) are handed over by URL, and any other
URL fails in the verifier's download function::

    result = verify(
        credential=award.credential_jwt,
        documents={"https://city.example/.well-known/did.json": did_json, ...},
    )
    assert_valid(result)

Result shape::

    {"valid": bool, "error": str | None, "issuer": str | None, "revoked": bool,
     "id": credential id | None, "requested": [every URL the verifier asked for, in order]}

``revoked`` is true when the verifier failed the credential because its status list has the
revocation (or suspension) bit set.

Tests that need the verifier call ``skip_or_fail_without_verifier()`` first: it skips them
when the virtualenv cannot be built (no package index reachable), or fails them when
``REQUIRE_OB3_VERIFIER=1`` is set, as it should be wherever the index is reachable.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

VERIFIER_VERSION = "4.6.3"
INSTALL = (f"openbadgeslib[ldp]=={VERIFIER_VERSION}",)
RUNNER = Path(__file__).with_name("_ob3_verifier_runner.py")
MARKER = ".wagtail-cityoflearning-complete.json"
TIMEOUT = 120  # seconds for one run of the runner
INSTALL_TIMEOUT = 900  # seconds for one pip step
HARNESS_ERROR = 2  # the runner's exit status on harness errors

_lock = threading.Lock()
_python: Path | None = None
_unavailable: str | None = None


class VerifierUnavailable(RuntimeError):
    """The verifier's virtualenv could not be built."""


class VerifierError(RuntimeError):
    """The runner failed: a harness error, a crash or a timeout, not a verdict."""


def venv_dir() -> Path:
    configured = os.environ.get("OB3_VERIFIER_VENV")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "wagtail-cityoflearning" / f"ob3-verifier-{VERIFIER_VERSION}"


def _venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def _base_python() -> str:
    """The Python the verifier's virtualenv is made with: ``OB3_VERIFIER_PYTHON``, else the
    machine's default ``python3``, else the running one."""
    return os.environ.get("OB3_VERIFIER_PYTHON") or shutil.which("python3") or sys.executable


def _base_python_version() -> str:
    result = subprocess.run(
        [_base_python(), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
        env=_child_env(),
    )
    return result.stdout.strip()


def _marker_content() -> dict:
    return {"install": list(INSTALL), "base_python": _base_python_version()}


def _is_complete(venv: Path) -> bool:
    try:
        recorded = json.loads((venv / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        expected = _marker_content()
    except (OSError, subprocess.CalledProcessError):
        return False
    return recorded == expected and _venv_python(venv).exists()


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
        raise VerifierUnavailable(f"{' '.join(command)}: {exc}") from exc
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip().splitlines()
        raise VerifierUnavailable(
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
            raise VerifierUnavailable(f"{venv} exists and is not a virtualenv")
        shutil.rmtree(venv)
    python = str(_venv_python(venv))
    _run_step([_base_python(), "-m", "venv", str(venv)], timeout=300)
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
    _run_step([*pip, *INSTALL], timeout=INSTALL_TIMEOUT)
    # The runner's own imports, so that a broken environment fails here, once.
    check = (
        "import runpy; "
        f"runpy.run_path({str(RUNNER)!r}); "
        "import openbadgeslib.ob3, openbadgeslib.ob3.ldp, pyld, jwt; "
        "openbadgeslib.ob3.ldp._require_jsonld(); "
        # The canonicalisation guard refuses a pyld it cannot meter: a verdict of the
        # environment, which must not pass for a verdict on our credentials.
        "from openbadgeslib.ob3._canon_guard import require_guard; require_guard()"
    )
    _run_step([python, "-c", check], timeout=120)
    (venv / MARKER).write_text(json.dumps(_marker_content(), indent=2) + "\n", encoding="utf-8")


def verifier_python() -> Path:
    """The verifier virtualenv's Python, building the virtualenv on first use.

    Raises VerifierUnavailable when it cannot be built (typically: no package index
    reachable); the failure is remembered for the rest of the process so that it is not
    retried per test.
    """
    global _python, _unavailable
    with _lock:
        if _python is not None:
            return _python
        if _unavailable is not None:
            raise VerifierUnavailable(_unavailable)
        venv = venv_dir()
        try:
            with _build_lock(venv):
                if not _is_complete(venv):
                    _build(venv)
        except (VerifierUnavailable, OSError, subprocess.CalledProcessError) as exc:
            _unavailable = f"cannot build the Open Badges 3.0 verifier in {venv}: {exc}"
            raise VerifierUnavailable(_unavailable) from exc
        _python = _venv_python(venv)
        return _python


def skip_or_fail_without_verifier() -> Path:
    """Return the verifier's Python, or skip the test (fail it under REQUIRE_OB3_VERIFIER=1)."""
    try:
        return verifier_python()
    except VerifierUnavailable as exc:
        if os.environ.get("REQUIRE_OB3_VERIFIER") == "1":
            pytest.fail(str(exc), pytrace=False)
        pytest.skip(str(exc))


def _child_env() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
    }
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(request: dict, *, timeout: int = TIMEOUT) -> dict:
    """Send one request to the runner and return its answer (see the runner's doc)."""
    python = verifier_python()
    try:
        completed = subprocess.run(
            [str(python), str(RUNNER)],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=_child_env(),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise VerifierError(f"the Open Badges 3.0 verifier took more than {timeout} s") from exc
    if completed.returncode != 0:
        raise VerifierError(
            f"the Open Badges 3.0 verifier runner exited {completed.returncode}:\n"
            f"{completed.stderr.strip()}"
        )
    try:
        return json.loads(completed.stdout)
    except ValueError as exc:
        raise VerifierError(
            "the Open Badges 3.0 verifier runner printed no JSON:\n"
            f"{completed.stdout[:2000]}\n{completed.stderr.strip()}"
        ) from exc


def verify(
    *, credential: str | dict, documents: dict[str, str | bytes | dict], proof_only: bool = False
) -> dict:
    """Verify one credential with status checking (the list's own signature included).

    ``credential`` is a compact VC-JWT (str) or a Data Integrity document (dict, or its JSON
    text); ``documents`` maps each https URL the verifier may fetch to the body served
    there (text, bytes or a JSON-able object). With ``proof_only``, only the Data Integrity
    proof of the document (any document, an EndorsementCredential say) is checked.
    """
    if proof_only:
        if not isinstance(credential, dict):
            raise TypeError("proof_only needs a JSON document")
        kind, value = "proof", credential
    elif isinstance(credential, dict):
        kind, value = "json", credential
    elif isinstance(credential, str) and credential.lstrip().startswith("{"):
        kind, value = "json", json.loads(credential)
    elif isinstance(credential, str):
        kind, value = "jwt", credential.strip()
    else:
        raise TypeError(f"verify() needs a JWT string or a JSON document, got {credential!r}")
    bodies = {}
    for url, body in documents.items():
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        elif not isinstance(body, str):
            body = json.dumps(body)
        bodies[url] = body
    return run({"format": kind, "credential": value, "documents": bodies})


def assert_valid(result: dict) -> None:
    """Fail unless the verifier accepted the credential."""
    # An assert (this module is rewritten like the tests), so that it counts as the test's
    # assertion for the no-assertion check in tests/plugins/assertions.py.
    assert result.get("valid") is True and result.get("error") is None, (
        "the Open Badges 3.0 verifier rejected the credential "
        f"{result.get('id')!r}: {result.get('error')}\n"
        f"fetched: {result.get('requested')}"
    )


def assert_invalid(result: dict, *, revoked: bool = False) -> None:
    """Fail unless the verifier rejected the credential (as revoked, if ``revoked``)."""
    assert result.get("valid") is False and result.get("error"), (
        f"the Open Badges 3.0 verifier accepted the credential {result.get('id')!r}"
    )
    assert result.get("revoked") is revoked, (
        f"expected revoked={revoked}, the verifier said: {result.get('error')}"
    )


def benchmark(payload: dict) -> dict:
    """openbadgeslib's timings of the same credential (``benchmarks/awards.py``); ``{"error":
    ...}`` when its virtualenv cannot be built or the run fails."""
    try:
        return run({"action": "benchmark", **payload})
    except (VerifierUnavailable, VerifierError) as error:
        return {"error": str(error)[:300]}


def verify_batch(items: list[tuple[str, str | dict]], documents: dict[str, str]) -> list[dict]:
    """Verify many credentials in one run of the verifier: ``items`` are (format, credential)
    with format "jwt" or "json"; the verdicts come back in the same order."""
    payload = {
        "action": "verify_batch",
        "items": [{"format": kind, "credential": value} for kind, value in items],
        "documents": documents,
    }
    return run(payload, timeout=TIMEOUT * 10)["results"]
