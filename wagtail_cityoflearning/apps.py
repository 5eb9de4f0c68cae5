from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningAppConfig(AppConfig):
    """The core: providers, opportunities, interests, the city's settings and the map.

    The badges (``wagtail_cityoflearning.badges``) and the learners
    (``wagtail_cityoflearning.learners``) are apps of their own that build on this one."""

    name = "wagtail_cityoflearning"
    label = "wagtail_cityoflearning"
    verbose_name = _("City of Learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: models, signals and admin panels can be imported
        # only once Django has loaded every app (the one place the package imports late).
        from wagtail_cityoflearning import (
            checks,  # noqa: F401  (registers the system checks)
            page_cache,
        )
        from wagtail_cityoflearning.map.signals import connect

        connect()
        page_cache.connect()
