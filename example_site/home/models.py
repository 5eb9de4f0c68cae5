from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_cityoflearning.blocks.landing import LandingStreamBlock
from wagtail_cityoflearning.models import OpportunityPage
from wagtail_cityoflearning.models.base import CityOfLearningPageMixin


class HomePage(CityOfLearningPageMixin, Page):
    """A city's home page: the landing blocks, or a welcome and the next opportunities."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        LandingStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Start with “Welcome and search”: it holds the page’s main heading."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["has_hero"] = self.body.first_block_by_name("hero") is not None
        if not self.body:
            # Without landing blocks, the home lists the city's next opportunities.
            site = self.get_site()
            city_root = site.root_page if site else self
            context["opportunities"] = (
                OpportunityPage.objects.descendant_of(city_root)
                .live()
                .public()
                .upcoming()
                .for_listing()
                .with_provider_title()[:6]
            )
        return context
