"""Settings for the tests with wagtail-localize: the test settings plus its two apps.

The suite in ``tests/localize_suite/`` runs with these in a process of its own (see
``tests/test_localize.py``), so the main suite keeps Wagtail's own i18n without the extra apps.
"""

import os

from tests.settings import *  # noqa: F403

REPLACED_APPS = {"wagtail.locales", "wagtail.contrib.simple_translation"}
_app = INSTALLED_APPS.index("wagtail_cityoflearning") + 1  # noqa: F405
INSTALLED_APPS = [
    *INSTALLED_APPS[:_app],  # noqa: F405
    "wagtail_localize",
    "wagtail_localize.locales",
    # wagtail-localize replaces wagtail.locales and simple_translation's "Translate" action.
    *[app for app in INSTALLED_APPS[_app:] if app not in REPLACED_APPS],  # noqa: F405
]

# A test database of its own: this process runs while the main suite holds the usual one.
if "sqlite" not in DATABASES["default"]["ENGINE"]:  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"test_col_localize_{os.getpid()}"}  # noqa: F405
