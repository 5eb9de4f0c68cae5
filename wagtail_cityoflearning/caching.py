"""Caches that go stale all at once: one version number per cache, part of every key, bumped
whenever what the cache holds may have changed. A bump costs one write and no search for the
keys; what the old version stored simply expires."""

import hashlib
import time

from django.core.cache import caches


class VersionedCache:
    """The entries of one cache (``alias``, an alias in ``CACHES``, given as a callable so a
    changed setting is read when used) under one version number kept at ``version_key``."""

    def __init__(self, version_key: str, alias, seconds):
        self.version_key = version_key
        self._alias = alias
        self._seconds = seconds

    @property
    def backend(self):
        return caches[self._alias()]

    def current_version(self) -> float:
        """The time of the last change (seconds since the epoch); set on first use."""
        cache = self.backend
        version = cache.get(self.version_key)
        if version is None:
            version = time.time()
            cache.add(self.version_key, version, timeout=None)
            version = cache.get(self.version_key, version)
        return version

    def invalidate(self) -> None:
        """Make every entry stale."""
        self.backend.set(self.version_key, time.time(), timeout=None)

    def key(self, *parts) -> str:
        """A key of the current version for ``parts`` (hashed: any text may be a part)."""
        return self._key(self.current_version(), parts)

    def keys(self, parts_list) -> list[str]:
        """:meth:`key` of each of ``parts_list`` (tuples of parts), the version read once."""
        version = self.current_version()
        return [self._key(version, parts) for parts in parts_list]

    def _key(self, version, parts) -> str:
        digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
        return f"{self.version_key}:{version!r}:{digest[:40]}"

    def get(self, key: str):
        return self.backend.get(key)

    def set(self, key: str, value, seconds: int | None = None) -> None:
        """Keep ``value`` for the configured time, or ``seconds`` if fewer."""
        timeout = self._seconds()
        if seconds is not None and (timeout is None or seconds < timeout):
            timeout = seconds
        self.backend.set(key, value, timeout=timeout)

    def get_many(self, keys) -> dict:
        """The entries kept under any of ``keys``, by key, in one read of the cache."""
        return self.backend.get_many(list(keys))

    def set_many(self, values: dict) -> None:
        """Keep each of ``values`` (by key) in one write."""
        if values:
            self.backend.set_many(values, timeout=self._seconds())
