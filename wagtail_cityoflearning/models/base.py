"""The page class our page types inherit from, honouring Wagtail's swappable base page."""

import swapper
from django.apps import apps
from django.utils.functional import cached_property
from wagtail.models import Site

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.map.labels import control_labels
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.page_cache import site_setting
from wagtail_cityoflearning.panels import LEAFLET_CSS

# Wagtail names its swappable page setting WAGTAIL_PAGE_MODEL (not WAGTAILCORE_PAGE_MODEL).
swapper.set_app_prefix("wagtailcore", "wagtail")

BASE_PAGE_MODEL = swapper.get_model_name("wagtailcore", "Page")


def get_base_page_class():
    """Return the site's base page model (``WAGTAIL_PAGE_MODEL``), or ``wagtail.models.Page``.

    A swapped base page must belong to an app listed before ``wagtail_cityoflearning``
    in ``INSTALLED_APPS`` so that it is registered when our models are defined.
    """
    if swapper.is_swapped("wagtailcore", "Page"):
        return apps.get_model(BASE_PAGE_MODEL, require_ready=False)
    from wagtail.models import Page

    return Page


BasePage = get_base_page_class()

# The map's stylesheets, vendored in the package's static files.
LEAFLET_STYLESHEETS = [LEAFLET_CSS]
CLUSTER_STYLESHEETS = [
    *LEAFLET_STYLESHEETS,
    "wagtail_cityoflearning/vendor/leaflet.markercluster/MarkerCluster.css",
    "wagtail_cityoflearning/vendor/leaflet.markercluster/MarkerCluster.Default.css",
]


class CityOfLearningPageMixin:
    """Adds what every public template of the package needs to the context.

    ``base_template``: the template to extend (``WAGTAIL_CITYOFLEARNING["BASE_TEMPLATE"]``);
    ``city_settings``: this site's :class:`CityOfLearningSettings`;
    ``city_timezone``: the timezone session times are shown in;
    ``map_options``: centre, zoom, tile URL and attribution for the map scripts;
    ``map_labels``: the names of the maps' controls and the attribution, translated.
    """

    @cached_property
    def city_settings(self) -> CityOfLearningSettings:
        """This page's site's :class:`CityOfLearningSettings`, looked up once per page
        instance (when serving, from the request's Site: :meth:`get_context` sets it)."""
        site = self.get_site() if self.pk and self.path else None
        return CityOfLearningSettings.for_site(site) if site else CityOfLearningSettings()

    def get_city_settings(self) -> CityOfLearningSettings:
        return self.city_settings

    @cached_property
    def breadcrumb_ancestors(self) -> list:
        """The page's ancestors below the tree's root, nearest last, in one query (the
        breadcrumbs'; their titles and addresses need no specific fields)."""
        return list(self.get_ancestors().filter(depth__gt=1)) if self.pk else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "city_settings" not in self.__dict__ and Site.find_for_request(request) is not None:
            # The request was routed through this page's Site: its settings, kept between
            # requests until they (or any page) change.
            self.city_settings = site_setting(CityOfLearningSettings, request)
        city_settings = self.city_settings
        context["base_template"] = cityoflearning_settings.BASE_TEMPLATE
        context["city_settings"] = city_settings
        context["city_timezone"] = city_settings.timezone
        context["map_options"] = city_settings.map_options()
        context["map_labels"] = control_labels(context["map_options"]["attribution"])
        return context

    def get_head_stylesheets(self) -> list[str]:
        """Static paths of the page's own stylesheets, which ``{% cityoflearning_head %}`` adds
        after the package's (for example Leaflet's on pages that draw a map)."""
        return []
