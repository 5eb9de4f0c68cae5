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

import os
import sys
import tempfile
from pathlib import Path

from tests.badges.isolated_venv import IsolatedVenv, RunnerFailed, VenvUnavailable

VALIDATOR_VERSION = "1.1.2"
INSTALL = (f"openbadges=={VALIDATOR_VERSION}",)
# The pinned pycryptodome 3.6.6 has no wheel for current Pythons and pytz 2017.2 predates many
# zones; both are drop-in replaceable. python-jose 3.0.1 stays as pinned.
UPGRADE = ("pycryptodome>=3.20", "pytz>=2024.1")
RUNNER = Path(__file__).with_name("_ims_validator_runner.py")
TIMEOUT = 120  # seconds for one validation
INSTALL_TIMEOUT = 900  # seconds for one pip step
HARNESS_ERROR = 2  # the runner's exit status on harness errors


class ValidatorUnavailable(VenvUnavailable):
    """The validator's virtualenv could not be built."""


class ValidatorError(RunnerFailed):
    """The runner failed: a harness error, a crash or a timeout, not an invalid badge."""


_VENV = IsolatedVenv(
    title="the IMS Open Badges validator",
    label="the IMS validator",
    dirname=f"ims-validator-{VALIDATOR_VERSION}",
    install=INSTALL,
    upgrade=UPGRADE,
    # The runner's own import path, so that a broken environment fails while building, once.
    check=(
        "import runpy, sys; "
        f"runner = runpy.run_path({str(RUNNER)!r}); "
        "runner['_alias_collections_abc'](); "
        "import openbadges, openbadges.verifier.verifier, jose.jws, requests_cache, pyld"
    ),
    runner=RUNNER,
    venv_env="IMS_VALIDATOR_VENV",
    # openbadges 1.1.2 imports ``imp`` (through ``future``), which Python 3.12 removed, so a
    # suite on a newer Python points IMS_VALIDATOR_PYTHON at a 3.11; else the running Python.
    python_env="IMS_VALIDATOR_PYTHON",
    default_python=lambda: sys.executable,
    require_env="REQUIRE_IMS_VALIDATOR",
    unavailable=ValidatorUnavailable,
    failed=ValidatorError,
    timeout=TIMEOUT,
    install_timeout=INSTALL_TIMEOUT,
)

venv_dir = _VENV.venv_dir
# The validator virtualenv's Python, building the virtualenv on first use; raises
# ValidatorUnavailable when it cannot be built (remembered for the rest of the process).
validator_python = _VENV.python
# Return the validator's Python, or skip the test (fail it under REQUIRE_IMS_VALIDATOR=1).
skip_or_fail_without_validator = _VENV.skip_or_fail


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
    validator_python()  # builds the virtualenv before anything else is made

    with tempfile.TemporaryDirectory(prefix="ims-validator-") as scratch:
        args = []
        if url is not None:
            args += ["--url", url]
        elif jws is not None:
            path = Path(scratch) / "assertion.jws"
            path.write_text(jws, encoding="utf-8")
            args += ["--jws-file", str(path)]
        elif json_text is not None:
            path = Path(scratch) / "assertion.json"
            path.write_text(json_text, encoding="utf-8")
            args += ["--json-file", str(path)]
        else:
            args += ["--baked-file", str(Path(baked_path).resolve())]
        if recipient is not None:
            args += ["--recipient", recipient]
        # cwd: anything the validator might write stays out of the work tree.
        return _VENV.run(args, cwd=scratch)


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
