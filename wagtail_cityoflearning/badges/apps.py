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
        # Imported here, not at the top: models, signals and admin panels can be imported
        # only once Django has loaded every app (the one place the package imports late).
        from wagtail.admin.panels import InlinePanel

        from wagtail_cityoflearning.badges import (
            checks,  # noqa: F401  (registers the system checks)
            documents,
        )
        from wagtail_cityoflearning.models.opportunities import OpportunityPage

        # The badge an opportunity awards: edited on the opportunity's page once this app is
        # installed (the core's page knows nothing of badges). Before any editor is built.
        if not any(
            getattr(panel, "relation_name", None) == "earned_badges"
            for panel in OpportunityPage.content_panels
        ):
            OpportunityPage.content_panels = [
                *OpportunityPage.content_panels,
                InlinePanel(
                    "earned_badges",
                    max_num=1,
                    heading=_("Badge you can earn"),
                    label=_("badge"),  # of "Add badge" and of the form's title
                ),
            ]

        documents.connect()  # kept hosted assertions dropped when what they say changes
