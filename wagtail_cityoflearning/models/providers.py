"""Learning providers: the organisations that offer opportunities, and their index page."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable
from wagtail.search import index

from wagtail_cityoflearning.blocks import BodyBlock
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.forms import CityOfLearningPageForm
from wagtail_cityoflearning.models.base import (
    LEAFLET_STYLESHEETS,
    BasePage,
    CityOfLearningPageMixin,
)
from wagtail_cityoflearning.models.location import LocationMixin
from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.panels import AddressPanel, LocationPanel
from wagtail_cityoflearning.serializers import InterestSerializer

SOCIAL_PLATFORMS = [
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("tiktok", "TikTok"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("x", "X"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("other", _("Other")),
]


class AbstractProviderIndexPage(CityOfLearningPageMixin, BasePage):
    """Lists the learning providers below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    template = "wagtail_cityoflearning/provider_index_page.html"

    class Meta:
        abstract = True

    def get_providers(self):
        """The live providers below this page, A to Z. Override to list your own provider type."""
        return (
            ProviderPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("logo", "cover_image")
            .prefetch_related("interests", "cover_image__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["providers"] = self.get_providers()
        return context


class ProviderIndexPage(AbstractProviderIndexPage):
    subpage_types = ["wagtail_cityoflearning.ProviderPage"]

    class Meta:
        verbose_name = _("provider index page")
        verbose_name_plural = _("provider index pages")


class AbstractProviderPage(CityOfLearningPageMixin, LocationMixin, BasePage):
    """A learning provider: a library, youth centre, museum, club, NGO, university...

    A concrete subclass defines ``social_links`` (an ``Orderable`` with a
    ``ParentalKey(related_name="social_links")``), as :class:`ProviderSocialLink` does.
    """

    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown on the provider’s card; the image’s description is its alternative text."
        ),
    )
    short_description = models.CharField(
        _("short description"),
        max_length=255,
        help_text=_("One sentence shown on cards and in search results."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    interests = ParentalManyToManyField(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interests"),
        blank=True,
        related_name="+",
    )
    accessibility = models.TextField(
        _("accessibility information"),
        blank=True,
        help_text=_("Step-free access, lifts, accessible toilets, quiet rooms, assistance..."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("logo"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("interests", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                AddressPanel("address"),
                LocationPanel("location", address_field="address", hide_latlng=False),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        InlinePanel("social_links", heading=_("Social links"), label=_("Social link")),
        FieldPanel("accessibility"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("body"),
        index.SearchField("address"),
        index.AutocompleteField("title"),
        index.FilterField("latitude"),
        index.FilterField("longitude"),
    ]
    api_fields = [
        APIField("short_description"),
        APIField("logo"),
        APIField("cover_image"),
        APIField("body"),
        APIField("website"),
        APIField("email"),
        APIField("phone"),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("interests", serializer=InterestSerializer(many=True, read_only=True)),
        APIField("accessibility"),
        APIField("social_links"),
    ]

    base_form_class = CityOfLearningPageForm
    template = "wagtail_cityoflearning/provider_page.html"

    class Meta:
        abstract = True

    def get_upcoming_opportunities(self, limit: int | None = None):
        """Live opportunities of this provider that have not ended, soonest first.

        Override to list your own opportunity type.
        """
        qs = OpportunityPage.objects.child_of(self).live().public().upcoming().for_listing()
        limit = limit or cityoflearning_settings.PROVIDER_UPCOMING_LIMIT
        return qs[:limit]

    def get_head_stylesheets(self) -> list[str]:
        return LEAFLET_STYLESHEETS if self.has_location else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["opportunities"] = self.get_upcoming_opportunities()
        return context


class ProviderPage(AbstractProviderPage):
    parent_page_types = ["wagtail_cityoflearning.ProviderIndexPage"]
    # The learners' app adds its playlist page when it is installed (see its ``apps.py``).
    subpage_types = ["wagtail_cityoflearning.OpportunityPage"]

    class Meta:
        verbose_name = _("provider page")
        verbose_name_plural = _("provider pages")


class ProviderSocialLink(Orderable):
    page = ParentalKey(ProviderPage, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("platform"), max_length=20, choices=SOCIAL_PLATFORMS)
    url = models.URLField(_("URL"))

    panels = [FieldPanel("platform"), FieldPanel("url")]
    api_fields = [APIField("platform"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")
        verbose_name_plural = _("social links")

    def __str__(self):
        return f"{self.get_platform_display()}: {self.url}"
