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

import json
import shutil
import sys
from pathlib import Path

from tests.badges.isolated_venv import IsolatedVenv, RunnerFailed, VenvUnavailable

VERIFIER_VERSION = "4.6.3"
INSTALL = (f"openbadgeslib[ldp]=={VERIFIER_VERSION}",)
RUNNER = Path(__file__).with_name("_ob3_verifier_runner.py")
TIMEOUT = 120  # seconds for one run of the runner
INSTALL_TIMEOUT = 900  # seconds for one pip step
HARNESS_ERROR = 2  # the runner's exit status on harness errors


class VerifierUnavailable(VenvUnavailable):
    """The verifier's virtualenv could not be built."""


class VerifierError(RunnerFailed):
    """The runner failed: a harness error, a crash or a timeout, not a verdict."""


_VENV = IsolatedVenv(
    title="the Open Badges 3.0 verifier",
    label="the Open Badges 3.0 verifier",
    dirname=f"ob3-verifier-{VERIFIER_VERSION}",
    install=INSTALL,
    # The runner's own imports, so that a broken environment fails while building, once.
    check=(
        "import runpy; "
        f"runpy.run_path({str(RUNNER)!r}); "
        "import openbadgeslib.ob3, openbadgeslib.ob3.ldp, pyld, jwt; "
        "openbadgeslib.ob3.ldp._require_jsonld(); "
        # The canonicalisation guard refuses a pyld it cannot meter: a verdict of the
        # environment, which must not pass for a verdict on our credentials.
        "from openbadgeslib.ob3._canon_guard import require_guard; require_guard()"
    ),
    runner=RUNNER,
    venv_env="OB3_VERIFIER_VENV",
    # OB3_VERIFIER_PYTHON, else the machine's default ``python3``, else the running Python.
    python_env="OB3_VERIFIER_PYTHON",
    default_python=lambda: shutil.which("python3") or sys.executable,
    require_env="REQUIRE_OB3_VERIFIER",
    unavailable=VerifierUnavailable,
    failed=VerifierError,
    timeout=TIMEOUT,
    install_timeout=INSTALL_TIMEOUT,
)

venv_dir = _VENV.venv_dir
# The verifier virtualenv's Python, building the virtualenv on first use; raises
# VerifierUnavailable when it cannot be built (remembered for the rest of the process).
verifier_python = _VENV.python
# Return the verifier's Python, or skip the test (fail it under REQUIRE_OB3_VERIFIER=1).
skip_or_fail_without_verifier = _VENV.skip_or_fail


def run(request: dict, *, timeout: int = TIMEOUT) -> dict:
    """Send one request to the runner and return its answer (see the runner's doc)."""
    return _VENV.run(input=json.dumps(request), timeout=timeout)


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
