"""Per-city settings of the providers' app: how new providers and their edits go live."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="group")
class ProviderSettings(BaseSiteSetting):
    """How a city takes in providers: onboarding requests, publication and review."""

    accepts_provider_requests = models.BooleanField(
        _("accept requests from new providers"),
        default=True,
        help_text=_("Show the “Become a learning provider” form on the city's site."),
    )
    publish_new_providers = models.BooleanField(
        _("publish the page of an approved provider"),
        default=False,
        help_text=_(
            "When ticked, approving a request publishes the provider's page at once; "
            "otherwise it is created as a draft for an editor to publish."
        ),
    )
    review_provider_edits = models.BooleanField(
        _("review providers' edits (City review)"),
        default=True,
        help_text=_(
            "When ticked, providers' staff submit their pages to the city's editors, who "
            "publish or send them back with comments. Live pages stay live while a new "
            "version waits."
        ),
    )

    panels = [
        FieldPanel("accepts_provider_requests"),
        FieldPanel("publish_new_providers"),
        FieldPanel("review_provider_edits"),
    ]

    class Meta:
        verbose_name = _("provider settings")
        verbose_name_plural = _("provider settings")
