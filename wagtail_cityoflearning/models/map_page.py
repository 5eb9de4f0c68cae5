"""The opportunity map page: filters, a list and a map, with its feeds as sub-routes."""

from django import forms
from django.db import models
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from wagtail_cityoflearning.forms import CityOfLearningPageForm
from wagtail_cityoflearning.map.filters import OpportunityFilter
from wagtail_cityoflearning.map.routes import OpportunityMapRoutes
from wagtail_cityoflearning.models.base import (
    BASE_PAGE_MODEL,
    CLUSTER_STYLESHEETS,
    BasePage,
    CityOfLearningPageMixin,
)
from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.models.providers import ProviderPage

FILTER_PARAMETERS = {
    "q", "interest", "age", "when", "date_from", "date_to", "free", "mode", "language",
    "type", "provider", "near", "lat", "lng", "radius", "ongoing", "bbox", "sort",
}  # fmt: skip


class AbstractOpportunityMapPage(CityOfLearningPageMixin, OpportunityMapRoutes, BasePage):
    """Young people filter the site's live opportunities on a list and a map."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    listing_root = models.ForeignKey(
        BASE_PAGE_MODEL,
        verbose_name=_("show opportunities under"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to show every opportunity of this site."),
    )
    default_interests = ParentalManyToManyField(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interests shown first"),
        blank=True,
        related_name="+",
    )
    default_free = models.BooleanField(_("free only, at first"), default=False)
    default_sort = models.CharField(
        _("default order"),
        max_length=20,
        default="soonest",
        choices=[("soonest", _("Soonest")), ("newest", _("Newest")), ("title", _("A to Z"))],
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("listing_root"),
        MultiFieldPanel(
            [
                FieldPanel("default_interests", widget=forms.CheckboxSelectMultiple),
                FieldPanel("default_free"),
                FieldPanel("default_sort"),
            ],
            heading=_("Default filters"),
            help_text=_("Used when a visitor opens the map without choosing filters."),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    base_form_class = CityOfLearningPageForm
    template = "wagtail_cityoflearning/opportunity_map_page.html"

    class Meta:
        abstract = True

    # -- what the map lists (override these for your own page types) --------------------

    def get_listing_root(self):
        """The page whose live descendants the map shows.

        A translation of the map shows the same part of the site in its own language when
        that lists opportunities, else the original (served in its own language)."""
        root = self._chosen_listing_root()
        if root.locale_id == self.locale_id:
            return root
        return self.translated_listing_root or root

    def _chosen_listing_root(self):
        """The chosen listing root, else the site's root page (else the parent), whatever its
        language."""
        if self.listing_root_id:
            return self.listing_root
        site = self.get_site()
        return site.root_page if site else self.get_parent()

    @cached_property
    def translated_listing_root(self):
        """The listing root's translation into this page's language if that lists
        opportunities, else None; looked up once per page instance."""
        root = self._chosen_listing_root()
        if root.locale_id == self.locale_id:
            return None
        translated = root.get_translation_or_none(self.locale)
        if translated is not None and not self.get_opportunities_under(translated).exists():
            return None
        return translated

    def get_opportunities_under(self, root):
        """Live, public opportunities under ``root``."""
        return OpportunityPage.objects.live().public().descendant_of(root)

    def get_opportunities(self):
        """Live, public opportunities under the listing root, before filtering."""
        return self.get_opportunities_under(self.get_listing_root())

    def get_providers(self):
        return ProviderPage.objects.live().public().descendant_of(self.get_listing_root())

    @cached_property
    def page_site(self):
        """The site this page belongs to (Wagtail's ``get_site()``), looked up once per page
        instance: it is asked for several times a request (root, settings, context)."""
        return super().get_site()

    def get_site(self):
        return self.page_site

    def get_head_stylesheets(self) -> list[str]:
        return CLUSTER_STYLESHEETS

    def uses_defaults(self, request) -> bool:
        return not (FILTER_PARAMETERS & set(request.GET))

    def get_default_filters(self) -> QueryDict:
        data = QueryDict(mutable=True)
        data.setlist("interest", [i.slug for i in self.default_interests.all()])
        if self.default_free:
            data["free"] = "on"
        data["sort"] = self.default_sort
        return data

    def get_filterset(self, request, use_defaults: bool = True):
        data = request.GET
        if use_defaults and self.uses_defaults(request):
            data = self.get_default_filters()
        return OpportunityFilter(
            data,
            queryset=self.get_opportunities(),
            locale=self.get_listing_root().locale,  # the interests the opportunities carry
            root=self.get_listing_root(),
            tz=self.get_city_settings().tzinfo,
            site=self.get_site(),
        )


class OpportunityMapPage(AbstractOpportunityMapPage):
    class Meta:
        verbose_name = _("opportunity map page")
        verbose_name_plural = _("opportunity map pages")
