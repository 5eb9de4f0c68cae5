"""System checks: what a host site must configure for the learners' side to work, reported
by ``manage.py check`` at start-up instead of failing on a young person's first upload.
The ids keep the package's prefix (``wagtail_cityoflearning.E001``...)."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register

from wagtail_cityoflearning.conf import cityoflearning_settings


@register(Tags.compatibility)
def check_learner_setup(app_configs=None, **kwargs):
    errors = []
    for app in ("allauth", "allauth.account"):
        if not apps.is_installed(app):
            errors.append(
                Error(
                    f"{app!r} is not in INSTALLED_APPS.",
                    hint="Young people's accounts use django-allauth: add 'allauth' and "
                    "'allauth.account' after 'wagtail_cityoflearning' (see the installation docs).",
                    id="wagtail_cityoflearning.E001",
                )
            )
    alias = cityoflearning_settings.EVIDENCE_STORAGE
    if alias not in getattr(settings, "STORAGES", {}):
        errors.append(
            Error(
                f"STORAGES has no {alias!r} entry for learners' evidence files.",
                hint="Evidence must not be publicly addressable: add a storage outside "
                "MEDIA_ROOT, e.g. {'BACKEND': "
                "'wagtail_cityoflearning.learners.progress.storage.PrivateFileSystemStorage', "
                "'OPTIONS': {'location': BASE_DIR / 'evidence'}}.",
                id="wagtail_cityoflearning.E002",
            )
        )
    return errors
