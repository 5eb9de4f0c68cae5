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
        digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
        return f"{self.version_key}:{self.current_version()!r}:{digest[:40]}"

    def get(self, key: str):
        return self.backend.get(key)

    def set(self, key: str, value) -> None:
        self.backend.set(key, value, timeout=self._seconds())
