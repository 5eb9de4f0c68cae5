from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningAppConfig(AppConfig):
    name = "wagtail_cityoflearning"
    label = "wagtail_cityoflearning"
    verbose_name = _("City of Learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .badges import checks as badge_checks  # noqa: F401
        from .learners.signals import connect as connect_learner_signals
        from .map.signals import connect as connect_map_signals

        connect_map_signals()
        connect_learner_signals()
