"""Settings of the example site: two cities, Ljubljana and Cagliari, on one install.

SQLite by default; set DATABASE_URL (e.g. postgres://user:pass@localhost/db) for PostgreSQL.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "example-site-not-secret-change-me")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]").split(",")

INSTALLED_APPS = [
    "example_site.home",
    # The demo cities and `manage.py cityoflearning_demo` (not part of the package).
    "example_site.demo",
    "wagtail_cityoflearning",
    "wagtail_cityoflearning.badges",
    "wagtail_cityoflearning.learners",
    "wagtail_cityoflearning.providers",
    "wagtail_cityoflearning.insight",
    "wagtailgeowidget",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",  # /sitemap.xml of each city (wagtail_cityoflearning.urls)
    "django.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # django-csp's, with a policy of its own for the Wagtail admin (CONTENT_SECURITY_POLICY_ADMIN).
    "wagtail_cityoflearning.content_security.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wagtail_cityoflearning.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "wagtail_cityoflearning.layout.public_layout",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# Wagtail's search index uses PostgreSQL's full-text fields there, which Django 6 checks.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
# SQLite (development and the demo; PostgreSQL is the production database): a write takes
# the lock when its transaction begins and waits up to 20 s for it, so simultaneous requests
# queue instead of failing with "database is locked".
SQLITE_OPTIONS = {"transaction_mode": "IMMEDIATE", "timeout": 20}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Each city speaks its own language (its Site's root page); visitors may switch to any of these
# (Django's language cookie, read by SiteLanguageMiddleware). Editors translate pages and
# snippets with "Translate" in the admin (wagtail.contrib.simple_translation).
LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", "Slovenščina"), ("it", "Italiano"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = PROJECT_DIR / "media"

WAGTAIL_SITE_NAME = "City of Learning"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_cityoflearning.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Emails are printed to the console unless EMAIL_BACKEND says otherwise (the browser tests
# write them to files in EMAIL_FILE_PATH to follow the links in them).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The admin's map picker: start on Ljubljana; tiles from OpenStreetMap.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 46.0511, "lng": 14.5051}
GEO_WIDGET_ZOOM = 13
GEO_WIDGET_LEAFLET_TILE_LAYER = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

# Background work (baking badges, emails): run inline by default; on Redis with RQ when
# REDIS_URL is set (pip install "wagtail-cityoflearning[rq]", then run a worker with
# `manage.py rqworker default --job-class django_tasks_rq.Job`).
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 300}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Young people's accounts (django-allauth): email and password, the email verified before
# the first log-in. Social providers can be added with "allauth.socialaccount" apps.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "wagtail_cityoflearning.learners.accounts.forms.LearnerSignupForm"
ACCOUNT_ADAPTER = "wagtail_cityoflearning.learners.accounts.adapter.LearnerAccountAdapter"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "wagtail_cityoflearning_learners:dashboard"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "learning@localhost")

# Learners' evidence files: private, outside MEDIA_ROOT, served only to who may see them.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "cityoflearning_evidence": {
        "BACKEND": "wagtail_cityoflearning.learners.progress.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PROJECT_DIR / "evidence"},
    },
}

WAGTAIL_CITYOFLEARNING = {
    "BASE_TEMPLATE": "base.html",
}

# No outside hosts: no update check against wagtail.org, no avatars from Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# -- Content Security Policy (django-csp 4; docs/security.md) ------------------------------


def _tile_source(url_template: str) -> str:
    """``https://{s}.tile.example.org/{z}/{x}/{y}.png`` -> ``https://*.tile.example.org``."""
    parts = urlsplit(url_template.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"


# The map's tile server (the admin's map picker and the cities' maps use the same one): the
# only outside host a public page loads anything from.
# CSP_TILE_SOURCES in the environment (origins, space- or comma-separated) names others, such
# as the stub tile server of `make audit`.
CSP_TILE_SOURCES = os.environ.get("CSP_TILE_SOURCES", "").replace(",", " ").split() or [
    _tile_source(GEO_WIDGET_LEAFLET_TILE_LAYER)
]
# Video blocks load their player from these hosts, and only when the visitor presses play.
CSP_VIDEO_SOURCES = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # The package's scripts are files; an inline <script> runs only with the nonce of
        # the response ({{ request.csp_nonce }}), which the header carries when a template
        # asked for it.
        "script-src": [SELF, NONCE],
        # Stylesheets are files; no <style> elements, no style="..." attributes (scripts
        # may still set styles through the CSSOM, as the map and the interest chips do).
        "style-src": [SELF],
        # data: is the blank image the map puts in place of a tile it drops.
        "img-src": [SELF, "data:", *CSP_TILE_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": CSP_VIDEO_SOURCES,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Wagtail's admin (staff only, behind log-in) still writes inline scripts (its choosers and
# inline panels) and its editor inline styles: the admin may run inline scripts and styles
# but, like the public pages, loads nothing from other hosts but map tiles (blob: shows an
# image chosen for upload; frame-src 'self' is the preview panel).
CONTENT_SECURITY_POLICY_ADMIN = {
    "URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *CSP_TILE_SOURCES],
        "frame-src": [SELF, *CSP_VIDEO_SOURCES],
    },
}
