from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningProvidersAppConfig(AppConfig):
    """Onboarding, moderation, spreadsheet import and registration for learning providers.

    Needs the core app, the badges' app and the learners' app."""

    name = "wagtail_cityoflearning.providers"
    label = "wagtail_cityoflearning_providers"
    verbose_name = _("City of Learning: providers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail_cityoflearning.providers import signals
        from wagtail_cityoflearning.providers.moderation import receivers
        from wagtail_cityoflearning.providers.settings import ProviderSettings

        # The city's "City review" follows its setting and its new providers.
        post_save.connect(
            receivers.provider_settings_saved,
            sender=ProviderSettings,
            dispatch_uid="cityoflearning_city_review_setting",
        )
        signals.provider_onboarded.connect(
            receivers.provider_onboarded, dispatch_uid="cityoflearning_city_review_onboarded"
        )
