from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_cityoflearning.models import OpportunityPage, ProviderIndexPage
from wagtail_cityoflearning.models.base import CityOfLearningPageMixin


class HomePage(CityOfLearningPageMixin, Page):
    """A city's home page: a welcome and the next opportunities."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translated home lists the city's own providers and opportunities.
        site = self.get_site()
        city_root = site.root_page if site else self
        context["provider_index"] = ProviderIndexPage.objects.child_of(city_root).live().first()
        context["opportunities"] = (
            OpportunityPage.objects.descendant_of(city_root)
            .live()
            .public()
            .upcoming()
            .for_listing()[:6]
        )
        return context
