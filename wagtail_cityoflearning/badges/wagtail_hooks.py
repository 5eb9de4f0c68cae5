"""Admin integration of the badges: the badge and issuer snippets, awards and claim codes,
each filtered by the access policy."""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    OwnWordsIndexMixin,
    OwnWordsSnippetChooser,
)
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.admin_claims import ClaimCodeViewSet
from wagtail_cityoflearning.badges.admin_forms import (
    BadgeClassFilterSet,
    BadgeClassForm,
    IssuerForm,
)
from wagtail_cityoflearning.badges.admin_views import AwardViewSet
from wagtail_cityoflearning.badges.endorsement_admin import EndorsementViewSet
from wagtail_cityoflearning.badges.models import BadgeClass, Issuer
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage

# Wagtail's snippet views, bulk actions and editing sessions ask its permission policy
# registry: give them the badges' scopes before any viewset registers a default.
badge_access.register_policies()


class IssuerChooserViewSet(access.ScopedViewSetMixin, SnippetChooserViewSet):
    access_scope = staticmethod(badge_access.issuers)
    base_widget_class = OwnWordsSnippetChooser
    page_title = _("Choose a badge issuer")
    choose_one_text = _("Choose a badge issuer")
    choose_another_text = _("Choose another badge issuer")
    edit_item_text = _("Edit this badge issuer")


class IssuerIndexView(OwnWordsIndexMixin, IndexView):
    empty_message = _("There are no badge issuers yet.")
    no_match_message = _("No badge issuers match your search.")
    add_label = _("Add a badge issuer")


class IssuerViewSet(access.ScopedViewSetMixin, SnippetViewSet):
    """The issuers the user acts for: their cities' and providers' (see ``access``)."""

    index_view_class = IssuerIndexView
    index_results_template_name = INDEX_RESULTS_TEMPLATE
    access_scope = staticmethod(badge_access.issuers)
    chooser_viewset_class = IssuerChooserViewSet
    edit_handler = ObjectList(Issuer.panels, base_form_class=IssuerForm)
    model = Issuer
    icon = "group"
    menu_label = _("Badge issuers")
    list_display = ["name", "email", "verification"]
    search_fields = ["name"]


class BadgeClassIndexView(OwnWordsIndexMixin, IndexView):
    empty_message = _("There are no badges yet.")
    no_match_message = _("No badges match your search.")
    add_label = _("Add a badge")


class BadgeClassChooserViewSet(SnippetChooserViewSet):
    """Every published badge (any badge can be a step, whatever its issuer), chosen with the
    package's own words."""

    base_widget_class = OwnWordsSnippetChooser
    page_title = _("Choose a badge")
    choose_one_text = _("Choose a badge")
    choose_another_text = _("Choose another badge")
    edit_item_text = _("Edit this badge")


class BadgeClassViewSet(access.ScopedViewSetMixin, SnippetViewSet):
    """The badge classes of the issuers the user acts for. Their chooser (in a playlist's
    steps) offers every published badge: any badge can be a step, whatever its issuer."""

    index_view_class = BadgeClassIndexView
    index_results_template_name = INDEX_RESULTS_TEMPLATE
    chooser_viewset_class = BadgeClassChooserViewSet
    access_scope = staticmethod(badge_access.badge_classes)
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


@hooks.register("register_admin_viewset")
def register_award_viewset():
    return AwardViewSet("cityoflearning_awards", url_prefix="awards")


@hooks.register("register_admin_viewset")
def register_claim_code_viewset():
    return ClaimCodeViewSet("cityoflearning_claim_codes", url_prefix="claim_codes")


@hooks.register("register_admin_viewset")
def register_endorsement_viewset():
    return EndorsementViewSet("cityoflearning_endorsements", url_prefix="endorsements")


@hooks.register("cityoflearning_page_sections")
def opportunity_badge_section(request, page):
    """On an opportunity's page: the published badge a young person earns there."""
    if not isinstance(page, AbstractOpportunityPage) or not hasattr(page, "earned_badges"):
        return ""
    for link in page.earned_badges.select_related("badge_class"):
        if link.badge_class.live:
            return render_to_string(
                "wagtail_cityoflearning/badges/includes/opportunity_badge.html",
                {"badge": link.badge_class, "page": page},
                request=request,
            )
    return ""


# The claim pages' forms and messages ({% cityoflearning_head %} adds the stylesheet).
CLAIM_STYLESHEETS = ["wagtail_cityoflearning/css/accounts.css"]


@hooks.register("cityoflearning_head_stylesheets")
def claim_stylesheets(request, page):
    match = getattr(request, "resolver_match", None)
    if page is not None or match is None or match.namespace != "wagtail_cityoflearning_badges":
        return []
    return CLAIM_STYLESHEETS if match.url_name in ("claim", "claim_start") else []
