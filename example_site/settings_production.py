"""Production settings of the example site: everything from the environment.

    DJANGO_SETTINGS_MODULE=example_site.settings_production

Builds on the development settings (``from .settings import *``) and changes what production
needs: PostgreSQL, Redis for the cache and the task queue, static files through WhiteNoise,
media on S3-compatible storage when configured, HTTPS behind a proxy, a Content Security
Policy and JSON logs. ``docs/deployment.md`` lists every variable; the required ones are
``SECRET_KEY``, ``ALLOWED_HOSTS``, ``DATABASE_URL``, ``REDIS_URL`` and ``EMAIL_URL`` (or
``EMAIL_HOST``).

Needs ``pip install -r example_site/requirements-production.txt``.
"""

import os
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .jsonlog import django_logging
from .settings import *  # noqa: F403
from .settings import INSTALLED_APPS, MIDDLEWARE, PROJECT_DIR, STORAGES


def _env(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(f"Set the {name} environment variable (docs/deployment.md).")
    return default


def _flag(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.lower() in ("1", "true", "yes", "on")


def _list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (_env(name) or default).replace(" ", ",").split(",") if item]


def _origin(url: str | None) -> str | None:
    """``https://cdn.example.org/static/`` -> ``https://cdn.example.org``; None if relative."""
    if not url:
        return None
    parts = urlsplit(f"https:{url}" if url.startswith("//") else url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


# -- the essentials --------------------------------------------------------------------

DEBUG = False
SECRET_KEY = _env("SECRET_KEY", required=True)
# Old keys, still accepted for signatures (sessions, password reset links) while rotating.
SECRET_KEY_FALLBACKS = _list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = _list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS, e.g. 'learn.ljubljana.si,imparare.cagliari.it'.")
# Origins (scheme + host) allowed to POST forms; the site's own hosts need no entry when the
# proxy passes the Host header through, other origins (another city's domain) do.
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")
_first_host = next((host for host in ALLOWED_HOSTS if not host.startswith(".")), "localhost")
WAGTAILADMIN_BASE_URL = _env("WAGTAILADMIN_BASE_URL", f"https://{_first_host}")

# -- database --------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL", required=True),
        conn_max_age=int(_env("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    # A query that runs longer than this is cancelled instead of holding a worker thread.
    _timeout = _env("DATABASE_STATEMENT_TIMEOUT_MS", "30000")
    DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={_timeout}"

# -- Redis: cache, sessions, task queue ------------------------------------------------

REDIS_URL = _env("REDIS_URL", required=True)
# The cache may live on its own Redis (with maxmemory and an LRU eviction policy) so that
# evicting cache entries can never drop a queued job; by default it shares REDIS_URL.
REDIS_CACHE_URL = _env("REDIS_CACHE_URL", REDIS_URL)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_CACHE_URL,
        "KEY_PREFIX": _env("CACHE_KEY_PREFIX", "col"),
        "TIMEOUT": 3600,
    }
}
# Sessions are written to the database and read from the cache: a log-in survives a cache
# flush, and every app server sees every session (no sticky sessions).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

if "django_rq" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
RQ_QUEUES = {
    "default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": int(_env("RQ_DEFAULT_TIMEOUT", "300"))}
}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
if _flag("TASKS_IMMEDIATE", False):
    # For one-off bulk commands (loading the demo, imports): run the background work inline
    # instead of queueing thousands of search- and reference-index jobs. Never for the site.
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# -- static files and media ------------------------------------------------------------

MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STATIC_URL = _env("STATIC_URL", "/static/")  # an absolute URL puts a CDN in front
STATIC_ROOT = _env("STATIC_ROOT", str(PROJECT_DIR / "static_collected"))
MEDIA_URL = _env("MEDIA_URL", "/media/")
MEDIA_ROOT = _env("MEDIA_ROOT", str(PROJECT_DIR / "media"))
WHITENOISE_MAX_AGE = 3600  # files without a hash in their name; hashed ones are immutable

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "cityoflearning_evidence": {
        "BACKEND": "wagtail_cityoflearning.learners.progress.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": _env("EVIDENCE_ROOT", str(PROJECT_DIR / "evidence"))},
    },
}

AWS_STORAGE_BUCKET_NAME = _env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    # Media (images, documents, badge images, baked badges) on S3-compatible object storage;
    # credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3) or the
    # machine's role. Media objects are public: the bucket (or the CDN in front of it)
    # serves them at MEDIA_URL's host.
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": _env("AWS_S3_ENDPOINT_URL"),
        "region_name": _env("AWS_S3_REGION_NAME"),
        "custom_domain": _env("AWS_S3_CUSTOM_DOMAIN"),
        "location": _env("AWS_LOCATION", ""),
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": _env("AWS_DEFAULT_ACL"),
        "object_parameters": {"CacheControl": "max-age=86400"},
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {key: value for key, value in _s3.items() if value is not None},
    }
    if _s3["custom_domain"]:
        MEDIA_URL = f"https://{_s3['custom_domain']}/"
    elif _s3["endpoint_url"]:
        MEDIA_URL = f"{_s3['endpoint_url'].rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/"
    else:
        MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/"
    if _s3["location"]:
        MEDIA_URL = f"{MEDIA_URL}{_s3['location'].strip('/')}/"

EVIDENCE_BUCKET_NAME = _env("EVIDENCE_BUCKET_NAME")
if EVIDENCE_BUCKET_NAME:
    # Learners' evidence: a bucket of its own that is never public. The site reads files
    # and sends them itself after checking who asks (no public or signed URLs).
    STORAGES["cityoflearning_evidence"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            key: value
            for key, value in {
                "bucket_name": EVIDENCE_BUCKET_NAME,
                "endpoint_url": _env("AWS_S3_ENDPOINT_URL"),
                "region_name": _env("AWS_S3_REGION_NAME"),
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 60,
                "file_overwrite": False,
            }.items()
            if value is not None
        },
    }

# -- email -----------------------------------------------------------------------------


def _email_from_url(url: str) -> dict:
    """``smtp://user:password@host:587?tls=1``, ``smtps://...:465``, ``console://``,
    ``file:///var/mail/col``, ``dummy://`` -> Django's EMAIL_* settings."""
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    backends = {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "submission": "django.core.mail.backends.smtp.EmailBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {parts.scheme!r}.")
    config = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme == "file":
        config["EMAIL_FILE_PATH"] = unquote(parts.path)
    elif parts.scheme in ("smtp", "smtps", "submission"):
        ssl = parts.scheme == "smtps" or query.get("ssl") in ("1", "true")
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if ssl else 587),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=ssl,
            EMAIL_USE_TLS=not ssl and query.get("tls", "1") in ("1", "true"),
            EMAIL_TIMEOUT=int(query.get("timeout", "10")),
        )
    return config


if _env("EMAIL_URL"):
    globals().update(_email_from_url(_env("EMAIL_URL")))
elif _env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _env("EMAIL_HOST")
    EMAIL_PORT = int(_env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = _env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_SSL = _flag("EMAIL_USE_SSL", False)
    EMAIL_USE_TLS = not EMAIL_USE_SSL and _flag("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    # Never the console in production: a missing mail configuration should be loud.
    raise ImproperlyConfigured("Set EMAIL_URL (e.g. smtp://user:password@host:587) or EMAIL_HOST.")
DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", f"learning@{_first_host}")
SERVER_EMAIL = _env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# -- HTTPS behind a proxy --------------------------------------------------------------

# The proxy terminates TLS and must set (not append to) X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = int(_env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other hosts see the origin only, never the page: tile servers (OpenStreetMap's refuse
# requests without a Referer) learn nothing about which page a young person is on.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A city that turns the HSTS options off does so knowingly: say so to `check --deploy`.
SILENCED_SYSTEM_CHECKS = [
    *(["security.W005"] if not SECURE_HSTS_INCLUDE_SUBDOMAINS else []),
    *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
]

# -- Content Security Policy (django-csp 4) --------------------------------------------

# The policies of the development settings (docs/security.md: the public pages' strict one,
# with nonces for inline scripts, and the admin's), plus the hosts production serves from:
# static files from STATIC_URL's host (a CDN), media from MEDIA_URL's (object storage) and
# the tile servers the cities' map settings point at (CSP_TILE_SOURCES, scheme + host, space-
# or comma-separated; default: the one in GEO_WIDGET_LEAFLET_TILE_LAYER).
_static = [origin for origin in [_origin(STATIC_URL)] if origin]
_media = [origin for origin in [_origin(MEDIA_URL)] if origin]
CSP_TILE_SOURCES = _list("CSP_TILE_SOURCES", " ".join(CSP_TILE_SOURCES))  # noqa: F405


def _served_from_elsewhere(directives: dict, images: list[str]) -> dict:
    return {
        **directives,
        "script-src": [*directives["script-src"], *_static],
        "style-src": [*directives["style-src"], *_static],
        "img-src": [*images, *_static, *_media, *CSP_TILE_SOURCES],
        "font-src": [*directives["font-src"], *_static],
        "media-src": [*directives["media-src"], *_media],
    }


_public, _admin = CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN  # noqa: F405
CONTENT_SECURITY_POLICY = {
    **_public,
    # data: is the blank image the map puts in place of a tile it drops.
    "DIRECTIVES": _served_from_elsewhere(_public["DIRECTIVES"], ["'self'", "data:"]),
}
CONTENT_SECURITY_POLICY_ADMIN = {
    **_admin,
    "URL_PREFIXES": _list("CSP_ADMIN_URL_PREFIXES", "/admin/"),
    # blob: the previews of images chosen for upload.
    "DIRECTIVES": _served_from_elsewhere(_admin["DIRECTIVES"], ["'self'", "data:", "blob:"]),
}
if _env("CSP_REPORT_URI"):
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        _policy["DIRECTIVES"]["report-uri"] = _env("CSP_REPORT_URI")

# -- logs ------------------------------------------------------------------------------

LOGGING = django_logging(_env("LOG_LEVEL", "INFO"))
