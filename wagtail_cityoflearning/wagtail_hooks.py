"""Admin integration: the interests snippet, the badges' viewsets and the admin's stylesheet."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import access
from .badges.admin_forms import BadgeClassFilterSet, BadgeClassForm, IssuerForm
from .models import BadgeClass, Interest, Issuer

# Wagtail's snippet views, bulk actions and editing sessions ask its permission policy
# registry: give them the package's access policy before any viewset registers a default.
access.register_policies()


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


class IssuerChooserViewSet(access.ScopedViewSetMixin, SnippetChooserViewSet):
    access_scope = staticmethod(access.issuers)


class IssuerViewSet(access.ScopedViewSetMixin, SnippetViewSet):
    """The issuers the user acts for: their cities' and providers' (see ``access``)."""

    access_scope = staticmethod(access.issuers)
    chooser_viewset_class = IssuerChooserViewSet
    edit_handler = ObjectList(Issuer.panels, base_form_class=IssuerForm)
    model = Issuer
    icon = "group"
    menu_label = _("Badge issuers")
    list_display = ["name", "email", "verification"]
    search_fields = ["name"]


class BadgeClassViewSet(access.ScopedViewSetMixin, SnippetViewSet):
    """The badge classes of the issuers the user acts for. Their chooser (in a playlist's
    steps) offers every published badge: any badge can be a step, whatever its issuer."""

    access_scope = staticmethod(access.badge_classes)
    edit_handler = ObjectList(BadgeClass.panels, base_form_class=BadgeClassForm)
    model = BadgeClass
    icon = "pick"
    menu_label = _("Badges")
    list_display = ["name", "issuer", "locale"]
    filterset_class = BadgeClassFilterSet
    search_fields = ["name"]


class BadgesViewSetGroup(SnippetViewSetGroup):
    items = (BadgeClassViewSet, IssuerViewSet)
    menu_icon = "pick"
    menu_label = _("Badges")
    menu_order = 310


register_snippet(BadgesViewSetGroup)


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("wagtail_cityoflearning/css/admin.css")
    )


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
