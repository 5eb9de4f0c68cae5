"""The dashboard in the admin's menu: "City insight", for anyone who may see a city's or a
provider's figures."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from wagtail_cityoflearning.insight.dashboard.views import DashboardView, PrintView
from wagtail_cityoflearning.insight.scope import sites_for


class InsightMenuItem(MenuItem):
    def is_shown(self, request):
        return sites_for(request.user).exists()


class InsightViewSet(ViewSet):
    name = "cityoflearning_insight"
    url_prefix = "insight"
    icon = "table"
    menu_label = _("City insight")
    menu_item_class = InsightMenuItem
    add_to_admin_menu = True
    menu_order = 160

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "print_url_name": self.get_url_name("print"),
        }
        return [
            path("", self.construct_view(DashboardView, **names), name="index"),
            path("print/", self.construct_view(PrintView, **names), name="print"),
        ]


@hooks.register("register_admin_viewset")
def register_insight_dashboard():
    return InsightViewSet()
