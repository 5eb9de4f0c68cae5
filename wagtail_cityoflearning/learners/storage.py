"""Storage of learners' evidence files. Evidence is never publicly addressable: it lives in
its own storage (the ``EVIDENCE_STORAGE`` alias in STORAGES, or a private folder next to
MEDIA_ROOT) and is served only through a view that checks who is asking."""

import os

from django.conf import settings
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
        if alias and alias in settings.STORAGES:
            self._wrapped = storages[alias]
        else:
            media_root = os.path.abspath(settings.MEDIA_ROOT or "media")
            location = os.path.join(os.path.dirname(media_root), "cityoflearning-evidence")
            self._wrapped = PrivateFileSystemStorage(location=location)


_storage = _EvidenceStorage()


def evidence_storage():
    """Callable for ``FileField(storage=...)``: migrations record the callable, not a path."""
    return _storage
