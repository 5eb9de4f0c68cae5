"""Admin integration of the core: the interests snippet and the admin's stylesheet."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_cityoflearning.models.taxonomy import Interest


class InterestViewSet(SnippetViewSet):
    model = Interest
    icon = "tag"
    menu_label = _("Interests")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "colour", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(InterestViewSet)


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("wagtail_cityoflearning/css/admin.css")
    )
