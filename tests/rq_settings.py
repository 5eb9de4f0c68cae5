"""Settings for the tests of the background work on a real Redis server with an RQ worker.

The worker is another process, so everything it shares with the test lives outside memory:
the database is a SQLite file (COL_TEST_DB; DATABASE_URL is ignored on purpose, so that the
worker and the test always open the same database), uploads and baked images go to
COL_TEST_MEDIA and every email is written to a file in COL_TEST_MAIL_DIR.
"""

import os
import tempfile

from tests.settings import *  # noqa: F403

_TMP = tempfile.gettempdir()

INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]  # noqa: F405
RQ_QUEUES = {
    "default": {
        "URL": os.environ.get("COL_TEST_REDIS_URL", "redis://127.0.0.1:6390/0"),
        "DEFAULT_TIMEOUT": 120,
    }
}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("COL_TEST_DB", os.path.join(_TMP, "col-rq-tests.sqlite3")),
        # The test's processes and the worker write at the same time: take the write lock
        # when a transaction starts and wait for it, instead of failing on "database is locked".
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 60},
    }
}

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("COL_TEST_MAIL_DIR", os.path.join(_TMP, "col-rq-mail"))
MEDIA_ROOT = os.environ.get("COL_TEST_MEDIA", os.path.join(_TMP, "col-rq-media"))
