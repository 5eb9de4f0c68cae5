"""Storage of learners' evidence files. Evidence is never publicly addressable: it lives in
its own storage (the ``EVIDENCE_STORAGE`` alias in STORAGES, checked at start-up) and is
served only through a view that checks who is asking."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import LazyObject

from ..conf import cityoflearning_settings


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder with no public address: asking for a URL is a programming error."""

    def url(self, name):
        raise ValueError("Evidence files have no public URL; link to the evidence view.")


class _EvidenceStorage(LazyObject):
    def _setup(self):
        alias = cityoflearning_settings.EVIDENCE_STORAGE
        if alias not in settings.STORAGES:
            # Never guess a folder: next to MEDIA_ROOT is often served too (check E002).
            raise ImproperlyConfigured(f"STORAGES has no {alias!r} entry for evidence files.")
        self._wrapped = storages[alias]


_storage = _EvidenceStorage()


def evidence_storage():
    """Callable for ``FileField(storage=...)``: migrations record the callable, not a path."""
    return _storage
