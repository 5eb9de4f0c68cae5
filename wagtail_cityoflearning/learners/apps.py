from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningLearnersAppConfig(AppConfig):
    """Playlists and young people's accounts, progress, evidence and backpack.

    Needs the core app and the badges app (``wagtail_cityoflearning.badges``)."""

    name = "wagtail_cityoflearning.learners"
    label = "wagtail_cityoflearning_learners"
    verbose_name = _("City of Learning: learners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_cityoflearning.learners.progress.signals import connect

        connect()
