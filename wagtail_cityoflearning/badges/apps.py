from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningBadgesAppConfig(AppConfig):
    """Open Badges: issuers, badge classes, awards, claim codes, signing and verification.

    Needs the core app (``wagtail_cityoflearning``); the learners' app builds on this one."""

    name = "wagtail_cityoflearning.badges"
    label = "wagtail_cityoflearning_badges"
    verbose_name = _("City of Learning: badges")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_cityoflearning.badges import checks  # noqa: F401  (registers the system checks)
