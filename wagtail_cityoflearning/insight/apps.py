from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningInsightAppConfig(AppConfig):
    """City insight and youth voice: the statistics dashboard, what young people search for
    and find nothing, their suggestions, "I'm interested" and the city's needs survey.

    Needs the core app, the badges' app and the learners' app."""

    name = "wagtail_cityoflearning.insight"
    label = "wagtail_cityoflearning_insight"
    verbose_name = _("City of Learning: insight")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_cityoflearning.insight import receivers

        receivers.connect()
