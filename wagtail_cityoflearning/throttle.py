"""Counting requests per network address without keeping the address: the one mechanism behind
the limits on anonymous forms and on the search log.

The cache key holds a keyed hash of the address (an HMAC with the site's ``SECRET_KEY``), so
neither the cache nor the database ever holds the address itself, and the key cannot be turned
back into it by hashing every address there is.
"""

from django.core.cache import cache
from django.utils.crypto import salted_hmac


def address_key(request, namespace: str) -> str:
    """The cache key counting ``request``'s address under ``namespace`` (e.g. a form's name,
    with a page's id when each page counts apart)."""
    address = request.META.get("REMOTE_ADDR") or "unknown"
    digest = salted_hmac(
        f"wagtail_cityoflearning.throttle.{namespace}", address, algorithm="sha256"
    )
    return f"wagtail_cityoflearning:throttle:{namespace}:{digest.hexdigest()[:32]}"


def count(key: str) -> int:
    """How many times ``key`` was counted in its current window."""
    return cache.get(key) or 0


def add_one(key: str, window: int) -> int:
    """Count once more under ``key`` (a window of ``window`` seconds from the first); the new
    count."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1
