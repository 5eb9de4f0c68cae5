"""Admin integration: the interests snippet and the map's vendored assets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Interest


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
