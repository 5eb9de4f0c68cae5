"""Storage of learners' evidence files. Evidence is never publicly addressable: it lives in
its own storage (the ``EVIDENCE_STORAGE`` alias in STORAGES, checked at start-up) and is
served only through a view that checks who is asking."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, Storage, storages

from wagtail_cityoflearning.conf import cityoflearning_settings


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder with no public address: asking for a URL is a programming error."""

    def url(self, name):
        raise ValueError("Evidence files have no public URL; link to the evidence view.")


class MissingEvidenceStorage(Storage):
    """Stands in when STORAGES lacks the evidence alias, so the site still starts and
    ``manage.py check`` can say what is missing (E002); storing anything fails loudly
    instead of guessing a folder that a web server might serve."""

    def _refuse(self, *args, **kwargs):
        alias = cityoflearning_settings.EVIDENCE_STORAGE
        raise ImproperlyConfigured(f"STORAGES has no {alias!r} entry for evidence files.")

    _open = _save = delete = exists = listdir = size = url = path = _refuse


def evidence_storage():
    """Callable for ``FileField(storage=...)``: migrations record the callable, not a path."""
    alias = cityoflearning_settings.EVIDENCE_STORAGE
    if alias not in settings.STORAGES:
        return MissingEvidenceStorage()
    return storages[alias]
