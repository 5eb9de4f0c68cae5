"""A site installs the core alone, or the core and badges, and everything it has works.

Each combination runs ``combination_suite.py`` in its own process with its own settings (a
process loads one set of apps), on SQLite: what is checked is which apps are installed, not
the database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("settings_module", ["tests.settings_core", "tests.settings_badges"])
def test_a_site_with_some_of_the_apps_works(settings_module):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"--ds={settings_module}",
            "tests/installs/combination_suite.py",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
