"""The example site's production settings (example_site/settings_production.py).

Each check runs in a subprocess with a production-like environment, because the settings
read the environment once, at import. Skipped when the production requirements are not
installed (pip install -r example_site/requirements-production.txt), unless
REQUIRE_PRODUCTION=1, which turns the skip into a failure.
"""

import importlib.util
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MODULES = ["gunicorn", "whitenoise", "csp", "storages", "redis", "django_rq", "django_tasks_rq"]
MODULES += ["psycopg", "dj_database_url"]

_missing = [module for module in MODULES if importlib.util.find_spec(module) is None]
if _missing:
    _message = f"production requirements not installed: {', '.join(_missing)}"
    if os.environ.get("REQUIRE_PRODUCTION") == "1":
        pytest.fail(_message, pytrace=False)
    pytest.skip(_message, allow_module_level=True)

SECRET = "k" * 20 + "3Zq8-vT2_pL9xW4nB7cR1mY6hJ0sD5fG"  # 52 characters, many distinct
ENVIRONMENT = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "learn.ljubljana.example,imparare.cagliari.example",
    "CSRF_TRUSTED_ORIGINS": "https://learn.ljubljana.example",
    "DATABASE_URL": "postgres://col:secret@db.internal:5432/cityoflearning",
    "REDIS_URL": "redis://redis.internal:6379/0",
    "REDIS_CACHE_URL": "redis://cache.internal:6379/1",
    "EMAIL_URL": "smtp://mailer:p%40ss@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "learning@ljubljana.example",
}
SETTINGS = [
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "WAGTAILADMIN_BASE_URL",
    "DATABASES", "CACHES", "SESSION_ENGINE", "TASKS", "RQ_QUEUES", "INSTALLED_APPS",
    "MIDDLEWARE", "STORAGES", "MEDIA_URL", "STATIC_URL", "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_ADMIN",
    "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_FILE_PATH", "LOGGING", "SILENCED_SYSTEM_CHECKS",
]  # fmt: skip
PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name, None) for name in {SETTINGS!r}}}, "
    "default=str))"
)


def run(args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_", "EMAIL_", "CSP_", "SECURE_"))
        and key not in ENVIRONMENT
        and key not in ("DEBUG", "EVIDENCE_BUCKET_NAME", "STATIC_URL", "MEDIA_URL")
    }
    env.update(ENVIRONMENT)
    env.update({key: value for key, value in environment.items() if value is not None})
    for key in [key for key, value in environment.items() if value is None]:
        env.pop(key, None)
    env.update(PYTHONPATH=str(REPO), DJANGO_SETTINGS_MODULE="example_site.settings_production")
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def production_settings(**environment) -> dict:
    result = run(["-c", PRINT_SETTINGS], **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    """The settings with the production-like environment (not pytest-django's fixture)."""
    return production_settings()


def test_check_deploy_gives_no_warnings():
    result = run(["example_site/manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output, output


def test_debug_off_and_secrets_from_the_environment(production):
    assert production["DEBUG"] is False
    assert production["SECRET_KEY"] == SECRET
    assert production["ALLOWED_HOSTS"] == ["learn.ljubljana.example", "imparare.cagliari.example"]
    assert production["CSRF_TRUSTED_ORIGINS"] == ["https://learn.ljubljana.example"]
    assert production["WAGTAILADMIN_BASE_URL"] == "https://learn.ljubljana.example"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"])
def test_required_variables(missing):
    result = run(["-c", PRINT_SETTINGS], **{missing: None})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_postgresql_and_redis(production):
    database = production["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == (
        "db.internal",
        "cityoflearning",
        "col",
    )
    assert database["CONN_MAX_AGE"] == 600 and database["CONN_HEALTH_CHECKS"] is True
    cache = production["CACHES"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"
    assert production["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert production["TASKS"]["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert production["RQ_QUEUES"]["default"]["URL"] == "redis://redis.internal:6379/0"
    assert "django_rq" in production["INSTALLED_APPS"]


def test_static_files_through_whitenoise_and_media_on_disk(production):
    middleware = production["MIDDLEWARE"]
    security = middleware.index("django.middleware.security.SecurityMiddleware")
    assert middleware[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"
    assert "wagtail_cityoflearning.content_security.CSPMiddleware" in middleware
    storages = production["STORAGES"]
    assert storages["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages["cityoflearning_evidence"]["BACKEND"].endswith("PrivateFileSystemStorage")


def test_media_and_evidence_on_object_storage():
    settings = production_settings(
        AWS_STORAGE_BUCKET_NAME="col-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.ljubljana.example",
        EVIDENCE_BUCKET_NAME="col-evidence",
    )
    media = settings["STORAGES"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "col-media"
    assert media["OPTIONS"]["querystring_auth"] is False
    assert settings["MEDIA_URL"] == "https://media.ljubljana.example/"
    evidence = settings["STORAGES"]["cityoflearning_evidence"]
    assert evidence["BACKEND"] == "storages.backends.s3.S3Storage"
    assert evidence["OPTIONS"]["bucket_name"] == "col-evidence"
    assert evidence["OPTIONS"]["default_acl"] == "private"
    img_src = settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://media.ljubljana.example" in img_src


def test_https_behind_a_proxy(production):
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True
    assert production["SILENCED_SYSTEM_CHECKS"] == []


def test_turning_hsts_preload_off_is_said_out_loud():
    settings = production_settings(SECURE_HSTS_PRELOAD="0")
    assert settings["SECURE_HSTS_PRELOAD"] is False
    assert settings["SILENCED_SYSTEM_CHECKS"] == ["security.W021"]


NONCE = "csp.constants.NONCE"  # how the settings, printed as JSON, show django-csp's NONCE


def test_content_security_policy(production):
    policy = production["CONTENT_SECURITY_POLICY"]
    directives = policy["DIRECTIVES"]
    assert "EXCLUDE_URL_PREFIXES" not in policy  # the admin has a policy of its own
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'", NONCE]
    assert directives["style-src"] == ["'self'"]
    for name, sources in directives.items():
        assert not any("unsafe" in source for source in sources), name
    assert "style-src-attr" not in directives  # no style="..." either: style-src applies
    assert directives["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    # Wagtail's preview panel shows the page in a frame of the admin, on the same origin.
    assert directives["frame-ancestors"] == ["'self'"]


def test_the_admins_content_security_policy(production):
    policy = production["CONTENT_SECURITY_POLICY_ADMIN"]
    directives = policy["DIRECTIVES"]
    assert policy["URL_PREFIXES"] == ["/admin/"]
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert not any("unsafe-eval" in source for source in directives["script-src"])
    assert directives["object-src"] == ["'none'"]
    assert directives["img-src"] == ["'self'", "data:", "blob:", "https://tile.openstreetmap.org"]


def test_content_security_policy_follows_the_environment():
    settings = production_settings(
        CSP_TILE_SOURCES="https://tiles.example.net https://a.tiles.example.net",
        STATIC_URL="https://cdn.example.net/static/",
        CSP_REPORT_URI="https://reports.example.net/csp",
    )
    directives = settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["img-src"] == [
        "'self'",
        "data:",
        "https://cdn.example.net",
        "https://tiles.example.net",
        "https://a.tiles.example.net",
    ]
    assert directives["script-src"] == ["'self'", NONCE, "https://cdn.example.net"]
    assert directives["style-src"] == ["'self'", "https://cdn.example.net"]
    assert directives["report-uri"] == "https://reports.example.net/csp"
    admin = settings["CONTENT_SECURITY_POLICY_ADMIN"]["DIRECTIVES"]
    assert admin["script-src"] == ["'self'", "'unsafe-inline'", "https://cdn.example.net"]
    assert admin["report-uri"] == "https://reports.example.net/csp"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://mailer:p%40ss@smtp.example.org:587",
            {"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": 587, "EMAIL_HOST_USER": "mailer",
             "EMAIL_HOST_PASSWORD": "p@ss", "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False},
        ),
        (
            "smtps://mailer:secret@smtp.example.org",
            {"EMAIL_PORT": 465, "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True},
        ),
        (
            "file:///var/spool/col-mail",
            {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
             "EMAIL_FILE_PATH": "/var/spool/col-mail"},
        ),
    ],
)  # fmt: skip
def test_email_from_email_url(url, expected):
    settings = production_settings(EMAIL_URL=url)
    for name, value in expected.items():
        assert settings[name] == value, name


def test_email_is_required():
    result = run(["-c", PRINT_SETTINGS], EMAIL_URL=None)
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr


def test_logs_are_json_lines(production):
    from example_site.jsonlog import JsonFormatter

    handler = production["LOGGING"]["handlers"]["stdout"]
    assert production["LOGGING"]["formatters"][handler["formatter"]]["()"] == (
        "example_site.jsonlog.JsonFormatter"
    )
    assert handler["stream"] == "ext://sys.stdout"
    formatter = JsonFormatter()
    try:
        raise ValueError("boom\nwith a second line")
    except ValueError:
        record = logging.LogRecord(
            "wagtail_cityoflearning.badges", logging.ERROR, __file__, 1, "award %s", ("7",),
            sys.exc_info(),
        )  # fmt: skip
    record.award = "7"
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["message"] == "award 7"
    assert entry["award"] == "7" and "ValueError: boom" in entry["exception"]


def test_gunicorn_access_log_fields():
    from example_site.jsonlog import GUNICORN_ACCESS_FORMAT, JsonFormatter

    atoms = {"m": "GET", "U": "/map/", "q": "", "s": "200", "B": "512", "D": 12345,
             "h": "10.0.0.2", "a": "curl", "f": "-", "{host}i": "learn.ljubljana.example"}  # fmt: skip
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, __file__, 1, GUNICORN_ACCESS_FORMAT, (atoms,), None
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "GET /map/ 200"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/map/", 200)
    assert entry["duration_ms"] == 12.3 and entry["host"] == "learn.ljubljana.example"
    assert "referer" not in entry and "query" not in entry
