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
