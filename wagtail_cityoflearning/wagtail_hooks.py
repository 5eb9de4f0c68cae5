"""Admin integration: the interests snippet and the map's vendored assets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BadgeClass, Interest, Issuer


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


class IssuerViewSet(SnippetViewSet):
    model = Issuer
    icon = "group"
    menu_label = _("Badge issuers")
    list_display = ["name", "email", "verification"]
    search_fields = ["name"]


class BadgeClassViewSet(SnippetViewSet):
    model = BadgeClass
    icon = "pick"
    menu_label = _("Badges")
    list_display = ["name", "issuer", "locale"]
    list_filter = ["issuer"]
    search_fields = ["name"]


class BadgesViewSetGroup(SnippetViewSetGroup):
    items = (BadgeClassViewSet, IssuerViewSet)
    menu_icon = "pick"
    menu_label = _("Badges")
    menu_order = 310


register_snippet(BadgesViewSetGroup)


@hooks.register("register_admin_viewset")
def register_award_viewset():
    from .badges.admin_views import AwardViewSet

    return AwardViewSet("awards")


@hooks.register("register_admin_viewset")
def register_claim_code_viewset():
    from .badges.admin_claims import ClaimCodeViewSet

    return ClaimCodeViewSet("claim_codes")


# Learners: the evidence review queue, participants of opportunities, learner dashboards.
from .learners import admin_hooks  # noqa: E402, F401
