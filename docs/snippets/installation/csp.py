# A Content-Security-Policy on every page (django-csp, installed with the package): scripts and
# styles only from the site itself, map tiles from the tile server; the Wagtail admin gets its
# own, looser policy (CONTENT_SECURITY_POLICY_ADMIN): Wagtail's editor needs inline scripts.
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
