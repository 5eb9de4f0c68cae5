from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningProvidersAppConfig(AppConfig):
    """Onboarding, moderation, spreadsheet import and registration for learning providers.

    Needs the core app, the badges' app and the learners' app."""

    name = "wagtail_cityoflearning.providers"
    label = "wagtail_cityoflearning_providers"
    verbose_name = _("City of Learning: providers")
    default_auto_field = "django.db.models.BigAutoField"
