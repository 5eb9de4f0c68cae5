"""Fixtures of the installation test: one wheel for every Python (Chromium is the suite's
``chromium`` fixture, in tests/conftest.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.install.host import ROOT


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel of this checkout, built once."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    (path,) = out.glob("wagtail_cityoflearning-*.whl")
    return path
