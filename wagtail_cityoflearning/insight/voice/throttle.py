"""A limit on suggestions, counted per network address in the default cache:
``SUGGESTION_MAX_PER_ADDRESS`` suggestions within ``SUGGESTION_WINDOW_SECONDS`` from the
first.

The cache key holds a keyed hash of the address (an HMAC with the site's ``SECRET_KEY``), so
neither the cache nor the database ever holds the address itself, and the key cannot be
turned back into it by hashing every address there is.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from wagtail_cityoflearning.conf import cityoflearning_settings

SALT = "wagtail_cityoflearning.insight.voice.throttle"


def _key(request) -> str:
    address = request.META.get("REMOTE_ADDR") or "unknown"
    digest = salted_hmac(SALT, address, algorithm="sha256").hexdigest()[:32]
    return f"wagtail_cityoflearning:suggestion:{digest}"


def is_throttled(request) -> bool:
    limit = cityoflearning_settings.SUGGESTION_MAX_PER_ADDRESS
    return (cache.get(_key(request)) or 0) >= limit


def record(request) -> None:
    """Count one suggestion that was sent (the honeypot's too; forms sent back with errors do
    not count)."""
    key, window = _key(request), cityoflearning_settings.SUGGESTION_WINDOW_SECONDS
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
