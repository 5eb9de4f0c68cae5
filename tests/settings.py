"""Settings for the test suite. DATABASE_URL selects PostgreSQL; the default is SQLite."""

import os
import tempfile

import dj_database_url

from example_site.settings import *  # noqa: F403

SECRET_KEY = "tests-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": dj_database_url.config(default="sqlite://:memory:")
    if os.environ.get("DATABASE_URL")
    else {
        "ENGINE": "django.db.backends.sqlite3",
        # Files, not memory: the browser tests' live server answers each request in its own
        # thread, and threads must not share one in-memory connection.
        "NAME": os.path.join(tempfile.gettempdir(), "col-tests.sqlite3"),
        "TEST": {"NAME": os.path.join(tempfile.gettempdir(), f"col-tests-{os.getpid()}.sqlite3")},
        "OPTIONS": SQLITE_OPTIONS,  # noqa: F405
    }
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "cityoflearning_evidence": {
        "BACKEND": "wagtail_cityoflearning.learners.progress.storage.PrivateFileSystemStorage",
        "OPTIONS": {
            "location": os.path.join(tempfile.gettempdir(), f"col-evidence-{os.getpid()}"),
        },
    },
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://localhost:8000"
LANGUAGE_CODE = "en"  # the admin speaks English in tests; each site speaks its own
