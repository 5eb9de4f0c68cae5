"""The package works with wagtail-localize installed: coordinates are synchronised, not translated.

wagtail-localize brings apps (and tables) of its own, which the main suite's settings leave out,
so its tests live in ``tests/localize_suite/`` and run here in a process of their own with
``tests.localize_settings``, on a test database of their own. wagtail-localize is in the
``testing`` extra: without it the test skips, unless ``REQUIRE_LOCALIZE=1`` or ``CI`` is set,
then it fails.
"""

import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SUITE = "tests/localize_suite/suite_localize.py"


def require_wagtail_localize():
    if find_spec("wagtail_localize") is not None:
        return
    message = 'wagtail-localize is not installed (pip install -e ".[testing]")'
    if os.environ.get("REQUIRE_LOCALIZE") or os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_the_package_works_with_wagtail_localize():
    require_wagtail_localize()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.localize_settings"}
    env.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", SUITE, "--ds=tests.localize_settings",
         "-p", "no:cacheprovider", "-q", "-rfEX"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    output = result.stdout[-6000:] + result.stderr[-3000:]
    assert result.returncode == 0, output
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"\b\d+ passed\b", summary), output
    assert not re.search(r"\b\d+ (failed|errors?|skipped|xpassed)\b", summary), output
