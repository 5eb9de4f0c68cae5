"""The City review in the admin: the queue of a city editor's cities ("City review" in the
menu, with the number of pages waiting) and the roles command's update."""

from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.base import ViewSet

from wagtail_cityoflearning.access import city_sites
from wagtail_cityoflearning.providers.moderation.queue import (
    CityReviewQueueView,
    waiting_for_city_review,
)
from wagtail_cityoflearning.providers.moderation.review import bring_up_to_date


class CityReviewMenuItem(MenuItem):
    """Shown to city editors and superusers, with the number of pages waiting for them."""

    def is_shown(self, request):
        return city_sites(request.user).exists()

    def render_component(self, request):
        count = waiting_for_city_review(request.user).count()
        label = self.label
        if count:
            label = gettext("%(label)s (%(count)s)") % {"label": label, "count": count}
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class CityReviewViewSet(ViewSet):
    name = "cityoflearning_city_review"
    url_prefix = "providers/city-review"
    icon = "tasks"
    menu_label = _("City review")
    menu_item_class = CityReviewMenuItem
    add_to_admin_menu = True
    menu_order = 306

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        return [
            path("", self.construct_view(CityReviewQueueView, **names), name="index"),
            path(
                "results/",
                self.construct_view(CityReviewQueueView, results_only=True, **names),
                name="index_results",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_city_review():
    return CityReviewViewSet()


# manage.py cityoflearning_roles gives provider staff their publish permission: take it back
# where the city reviews their edits.
hooks.register("cityoflearning_roles_updated", bring_up_to_date)
