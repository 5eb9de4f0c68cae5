"""Test settings of a site that installs the core alone: providers, opportunities and the
map, without the badges' and the learners' apps (nor allauth, which only learners need)."""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS, MIDDLEWARE, WAGTAIL_CITYOFLEARNING

LEFT_OUT = {
    "wagtail_cityoflearning.badges",
    "wagtail_cityoflearning.learners",
    "wagtail_cityoflearning.providers",
    "wagtail_cityoflearning.insight",
    "example_site.demo",  # the demo loads every app's content
    "allauth",
    "allauth.account",
}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in LEFT_OUT]
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("allauth.")]
ROOT_URLCONF = "tests.installs.urls_core"
# The example site's base template links to the learner's account pages.
WAGTAIL_CITYOFLEARNING = {
    **WAGTAIL_CITYOFLEARNING,
    "BASE_TEMPLATE": "wagtail_cityoflearning/base.html",
}
