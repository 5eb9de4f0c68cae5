# Static files served by the application itself with WhiteNoise, right after Django's
# SecurityMiddleware.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

# One cache shared by every process: the map's feeds are cached and cleared when an editor
# publishes, and so are Wagtail's site addresses. (Django's default cache lives inside each
# process, so with several gunicorn workers the others would go on serving the old map.)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    }
}

# A Content-Security-Policy on every page (django-csp): scripts and styles only from the site
# itself, map tiles from the tile server; the Wagtail admin gets its own, looser policy
# (CONTENT_SECURITY_POLICY_ADMIN), because Wagtail's editor needs inline scripts and styles.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "wagtail_cityoflearning.content_security.CSPMiddleware",
)
TILES = "https://tile.openstreetmap.org"  # your tile server's scheme and host
VIDEO = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", TILES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": VIDEO,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", TILES],
        "frame-src": [SELF, *VIDEO],
    },
}
