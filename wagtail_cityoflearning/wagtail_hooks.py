"""Admin integration of the core: the interests and places snippets and the admin's
stylesheet."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.copy import CopyView
from wagtail.models import Site
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    OwnWordsIndexMixin,
    OwnWordsSnippetChooser,
    city_name_expression,
)
from wagtail_cityoflearning.forms import OpportunityCopyForm
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.models.places import Place
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


# -- places: each city's own list ----------------------------------------------------------


def places(user):
    """The places ``user`` may see and change: those of the cities they edit."""
    if not access.is_staff_user(user):
        return Place.objects.none()
    if user.is_superuser:
        return Place.objects.all()
    return Place.objects.filter(site__in=access.city_sites(user).values("pk"))


if not isinstance(
    policy_registry.get_by_type(Place, fallback=False), access.ScopedPermissionPolicy
):
    register_permission_policy(
        Place, access.ScopedPermissionPolicy(Place, places), exact_class=True
    )


class PlaceForm(WagtailAdminModelForm):
    """A place belongs to one of the user's cities; with one city, that one is chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None:
            return
        sites = access.city_sites(self.for_user) if self.for_user else Site.objects.none()
        field.queryset = sites
        if not self.instance.pk and self.for_user is not None:
            only = list(sites[:2])
            if len(only) == 1:
                field.initial = only[0].pk


class PlaceChooserViewSet(access.ScopedViewSetMixin, SnippetChooserViewSet):
    access_scope = staticmethod(places)
    base_widget_class = OwnWordsSnippetChooser
    page_title = _("Choose a place")
    choose_one_text = _("Choose a place")
    choose_another_text = _("Choose another place")
    edit_item_text = _("Edit this place")


class PlaceIndexView(OwnWordsIndexMixin, IndexView):
    """Each place with its city's name (not the Site's "Ljubljana [default]")."""

    empty_message = _("There are no places yet.")
    no_match_message = _("No places match your search.")
    add_label = _("Add a place")

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(city_name=city_name_expression("site"))


class PlaceViewSet(access.ScopedViewSetMixin, SnippetViewSet):
    """Districts, schools, stations and squares the map's "near" filter offers."""

    access_scope = staticmethod(places)
    chooser_viewset_class = PlaceChooserViewSet
    edit_handler = ObjectList(Place.panels, base_form_class=PlaceForm)
    model = Place
    icon = "site"
    menu_label = _("Map places")
    menu_order = 305
    add_to_admin_menu = True
    index_view_class = PlaceIndexView
    index_results_template_name = INDEX_RESULTS_TEMPLATE
    list_display = [
        "name",
        "kind",
        Column("city_name", label=_("City"), sort_key="city_name"),
    ]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(PlaceViewSet)


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("wagtail_cityoflearning/css/admin.css")
    )


# -- copying an opportunity: its sessions can move to new dates --------------------------------


class OpportunityCopyView(CopyView):
    """Wagtail's copy view with the field to move the sessions (its form is the page's
    ``copy_form_class``); the shift itself happens in ``after_copy_page`` below."""

    template_name = "wagtail_cityoflearning/admin/copy_opportunity.html"

    def form_valid(self, form):
        if isinstance(form, OpportunityCopyForm):
            alias = form.cleaned_data.get("alias")
            self.request.cityoflearning_shift_days = 0 if alias else form.shift_days()
        return super().form_valid(form)


@hooks.register("before_copy_page")
def copy_opportunity_with_new_dates(request, page):
    if getattr(request, "cityoflearning_copy_view", False):
        return None
    if not issubclass(page.specific_class or type(page), AbstractOpportunityPage):
        return None
    request.cityoflearning_copy_view = True
    return OpportunityCopyView.as_view()(request, page.pk)


@hooks.register("after_copy_page")
def move_copied_sessions(request, page, new_page):
    days = getattr(request, "cityoflearning_shift_days", 0)
    if not days:
        return None
    copy = new_page.specific
    if not isinstance(copy, AbstractOpportunityPage):
        return None
    draft = copy.get_latest_revision_as_object()
    draft.shift_sessions(days)
    revision = draft.save_revision(user=request.user, log_action=True)
    if copy.live:
        revision.publish(user=request.user)
    else:
        draft.save()  # the page's own rows (and its occurrences) follow the draft
    return None
