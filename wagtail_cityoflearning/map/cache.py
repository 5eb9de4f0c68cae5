"""The map feeds' cache: one version number, bumped whenever the map's content changes.

Keys include the version, so a bump makes every cached feed stale at once; the time of the
bump is the feeds' Last-Modified.
"""

from wagtail_cityoflearning.caching import VersionedCache
from wagtail_cityoflearning.conf import cityoflearning_settings

VERSION_KEY = "wagtail_cityoflearning:map:version"

_feeds = VersionedCache(
    VERSION_KEY,
    alias=lambda: cityoflearning_settings.MAP_CACHE,
    seconds=lambda: cityoflearning_settings.MAP_CACHE_SECONDS,
)


def current_version() -> float:
    """The time of the last change (seconds since the epoch); set on first use."""
    return _feeds.current_version()


def invalidate() -> None:
    """Make every cached feed stale (called when an opportunity or provider changes)."""
    _feeds.invalidate()


def cached_feed(key: str):
    """The feed stored under ``key`` (a dict: body, etag, gzip), or None if there is none."""
    return _feeds.get(key)


def store_feed(key: str, feed, seconds: int | None = None) -> None:
    """Store a feed (its body, ETag and gzip-compressed body) or a list's page of results
    under ``key`` for ``MAP_CACHE_SECONDS`` seconds, or ``seconds`` if fewer."""
    _feeds.set(key, feed, seconds=seconds)
