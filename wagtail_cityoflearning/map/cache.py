"""The map feeds' cache: one version number, bumped whenever the map's content changes.

Keys include the version, so a bump makes every cached feed stale at once; the time of the
bump is the feeds' Last-Modified.
"""

import time

from django.core.cache import caches

from wagtail_cityoflearning.conf import cityoflearning_settings

VERSION_KEY = "wagtail_cityoflearning:map:version"


def _cache():
    return caches[cityoflearning_settings.MAP_CACHE]


def current_version() -> float:
    """The time of the last change (seconds since the epoch); set on first use."""
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def invalidate() -> None:
    """Make every cached feed stale (called when an opportunity or provider changes)."""
    _cache().set(VERSION_KEY, time.time(), timeout=None)


def cached_feed(key: str):
    """The feed stored under ``key`` (a body and its ETag), or None if there is none."""
    return _cache().get(key)


def store_feed(key: str, feed) -> None:
    """Store a feed (a body and its ETag) under ``key`` for ``MAP_CACHE_SECONDS`` seconds."""
    _cache().set(key, feed, timeout=cityoflearning_settings.MAP_CACHE_SECONDS)
