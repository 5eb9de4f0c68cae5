"""The provider's home in the admin: "Provider home" in the menu (for anyone who edits a
provider's pages) and a dashboard panel for provider staff."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet

from wagtail_cityoflearning.access import city_sites, provider_pages
from wagtail_cityoflearning.providers.home.views import ProviderChooseView, ProviderHomeView

DASHBOARD_PROVIDERS = 5


class ProviderHomeMenuItem(MenuItem):
    def is_shown(self, request):
        return provider_pages(request.user).exists()


class ProviderHomeViewSet(ViewSet):
    name = "cityoflearning_provider_home"
    url_prefix = "providers/home"
    icon = "home"
    menu_label = _("Provider home")
    menu_item_class = ProviderHomeMenuItem
    add_to_admin_menu = True
    menu_order = 150

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "home_url_name": self.get_url_name("home"),
        }
        return [
            path("", self.construct_view(ProviderChooseView, **names), name="index"),
            path(
                "results/",
                self.construct_view(ProviderChooseView, results_only=True, **names),
                name="index_results",
            ),
            path(
                "<int:pk>/",
                self.construct_view(ProviderHomeView, index_url_name=names["index_url_name"]),
                name="home",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_provider_home():
    return ProviderHomeViewSet()


class ProviderHomePanel(Component):
    """On the dashboard of provider staff: their providers, each a link to its home."""

    name = "provider_home"
    template_name = "wagtail_cityoflearning_providers/home/dashboard_panel.html"
    order = 80

    def __init__(self, providers):
        self.providers = providers

    def get_context_data(self, parent_context):
        return {
            "providers": [
                {
                    "page": page,
                    "url": reverse("cityoflearning_provider_home:home", args=[page.pk]),
                    "add_url": reverse("wagtailadmin_pages:add_subpage", args=[page.pk]),
                }
                for page in self.providers
            ]
        }


@hooks.register("construct_homepage_panels")
def add_provider_home_panel(request, panels):
    user = request.user
    if user.is_superuser or city_sites(user).exists():
        return  # city editors choose from the menu
    providers = list(provider_pages(user).order_by("title")[:DASHBOARD_PROVIDERS])
    if providers:
        panels.append(ProviderHomePanel(providers))


@hooks.register("insert_global_admin_css")
def provider_home_css():
    return format_html(
        '<link rel="stylesheet" href="{}">',
        static("wagtail_cityoflearning_providers/css/admin.css"),
    )
