"""A limit on "Become a learning provider" requests, counted per address in the default cache
(as the claim codes' limits are): ``PROVIDER_REQUEST_MAX_PER_ADDRESS`` requests within
``PROVIDER_REQUEST_WINDOW_SECONDS`` from the first."""

import hashlib

from django.core.cache import cache

from wagtail_cityoflearning.conf import cityoflearning_settings


def _key(request) -> str:
    address = request.META.get("REMOTE_ADDR") or "unknown"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"wagtail_cityoflearning:provider-request:{digest}"


def is_throttled(request) -> bool:
    limit = cityoflearning_settings.PROVIDER_REQUEST_MAX_PER_ADDRESS
    return (cache.get(_key(request)) or 0) >= limit


def record(request) -> None:
    """Count one request that was sent (the honeypot's too; forms sent back with errors do
    not count)."""
    key, window = _key(request), cityoflearning_settings.PROVIDER_REQUEST_WINDOW_SECONDS
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
