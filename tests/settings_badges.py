"""Test settings of a site that installs the core and the badges' app, without the learners'."""

from tests.settings_core import *  # noqa: F403
from tests.settings_core import INSTALLED_APPS

INSTALLED_APPS = [
    *INSTALLED_APPS[: INSTALLED_APPS.index("wagtail_cityoflearning") + 1],
    "wagtail_cityoflearning.badges",
    *INSTALLED_APPS[INSTALLED_APPS.index("wagtail_cityoflearning") + 1 :],
]
ROOT_URLCONF = "tests.installs.urls_badges"
