"""A limit on answers to one survey from one connection: ``page.answers_per_hour`` within an
hour of the first. Counted in the default cache under a keyed hash of the address (the
address itself is never kept, in the cache or with the answers)."""

from django.core.cache import cache
from django.utils.crypto import salted_hmac

WINDOW_SECONDS = 3600


def _key(request, page) -> str:
    address = request.META.get("REMOTE_ADDR") or "unknown"
    digest = salted_hmac("wagtail_cityoflearning.insight.survey", address).hexdigest()[:32]
    return f"wagtail_cityoflearning:needs-survey:{page.pk}:{digest}"


def is_throttled(request, page) -> bool:
    return (cache.get(_key(request, page)) or 0) >= page.answers_per_hour


def record(request, page) -> None:
    """Count one answer that was sent (the honeypot's too; forms sent back with errors do not
    count)."""
    key = _key(request, page)
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
