"""The admin of onboarding: the city editors' provider requests (approve or decline) and each
provider's staff (members, invitations), reached from the menu and from the provider's page.

Scopes come from :mod:`wagtail_cityoflearning.access`: a city editor sees the requests of the
cities they edit (``city_sites``), anyone sees the staff of the providers they may edit
(``provider_pages``: provider staff their own provider, city editors their city's).
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import NamedDateColumn
from wagtail_cityoflearning.models import ProviderPage
from wagtail_cityoflearning.models.base import LEAFLET_STYLESHEETS
from wagtail_cityoflearning.models.providers import AbstractProviderPage
from wagtail_cityoflearning.providers.onboarding import approval, invitations
from wagtail_cityoflearning.providers.onboarding.forms import DecisionForm, InviteForm
from wagtail_cityoflearning.providers.onboarding.models import Invitation, ProviderRequest

REQUESTS = "cityoflearning_provider_requests"
STAFF = "cityoflearning_provider_staff"
TEMPLATES = "wagtail_cityoflearning_providers/onboarding/admin"


def provider_requests(user):
    """The requests of the cities ``user`` edits (every request for a superuser)."""
    return ProviderRequest.objects.filter(site__in=access.city_sites(user)).select_related(
        "site", "decided_by", "provider"
    )


def staff_providers(user):
    """The providers whose staff ``user`` may manage: those they may edit."""
    return ProviderPage.objects.filter(pk__in=access.provider_pages(user).values("pk"))


# -- provider requests -------------------------------------------------------------------------


class CityEditorMenuItem(MenuItem):
    def is_shown(self, request):
        return access.city_sites(request.user).exists()


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return access.provider_pages(request.user).exists()


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ProviderRequest.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ProviderRequest
        fields = []


class ProviderRequestIndexView(generic.IndexView):
    model = ProviderRequest
    permission_policy = None  # the queryset holds only the user's cities' requests
    any_permission_required = None
    filterset_class = RequestFilterSet
    page_title = _("Provider requests")
    header_icon = "group"
    default_ordering = "-created_at"
    decide_url_name = None

    def get_base_queryset(self):
        return provider_requests(self.request.user)

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering or "-created_at", "pk")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "organisation",
                label=_("Organisation"),
                get_url=lambda item: reverse(self.decide_url_name, args=[item.pk]),
            ),
            Column("city", label=_("City"), accessor="site.site_name", classname="col-wide-only"),
            NamedDateColumn(
                "created_at",
                label=_("Sent"),
                sort_key="created_at",
                date_format="short_datetime",
                width="15%",
            ),
            Column("status", label=_("Status"), accessor="get_status_display"),
        ]

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No requests match these filters.")
        return _("No organisation has asked to become a learning provider yet.")


class DecideView(WagtailAdminTemplateMixin, FormView):
    """A request in full, and the decision on it."""

    model = ProviderRequest
    form_class = DecisionForm
    template_name = f"{TEMPLATES}/decide.html"
    header_icon = "group"
    index_url_name = None
    decide_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(provider_requests(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Provider request")

    def get_page_subtitle(self):
        return self.object.organisation

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Provider requests")},
            {"url": "", "label": self.object.organisation},
        ]

    def get_context_data(self, **kwargs):
        item = self.object
        return super().get_context_data(
            item=item,
            interests=list(item.interests.all()),
            point=item.point,
            **kwargs,
        )

    def form_valid(self, form):
        decision, message = form.cleaned_data["decision"], form.cleaned_data["message"]
        try:
            if decision == DecisionForm.APPROVE:
                page = approval.approve(self.object, user=self.request.user, message=message)
            else:
                approval.decline(self.object, user=self.request.user, message=message)
        except approval.AlreadyDecided:
            messages.warning(
                self.request, gettext("This request has already been decided; nothing was changed.")
            )
            return redirect(reverse(self.decide_url_name, args=[self.object.pk]))
        except ValidationError as error:
            form.add_error(None, error.messages)
            self.object.refresh_from_db()
            return self.form_invalid(form)
        if decision == DecisionForm.APPROVE:
            messages.success(
                self.request,
                gettext(
                    "%(provider)s is now a provider: its page, staff group, collection and "
                    "badge issuer are ready, and %(email)s is invited to join its staff."
                )
                % {"provider": page.title, "email": self.object.email},
                buttons=[
                    messages.button(
                        reverse("wagtailadmin_pages:edit", args=[page.pk]), gettext("Edit page")
                    )
                ],
            )
        else:
            messages.success(
                self.request,
                gettext("Declined. %(email)s will get an email with your message.")
                % {"email": self.object.email},
            )
        return redirect(reverse(self.decide_url_name, args=[self.object.pk]))


class ProviderRequestViewSet(ViewSet):
    name = REQUESTS
    url_prefix = "providers/requests"
    icon = "mail"
    menu_label = _("Provider requests")
    menu_item_class = CityEditorMenuItem

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "decide_url_name": self.get_url_name("decide"),
        }
        decide = {key: names[key] for key in ("index_url_name", "decide_url_name")}
        return [
            path("", self.construct_view(ProviderRequestIndexView, **names), name="index"),
            path(
                "results/",
                self.construct_view(ProviderRequestIndexView, results_only=True, **names),
                name="index_results",
            ),
            path("<int:pk>/", self.construct_view(DecideView, **decide), name="decide"),
        ]


# -- staff of a provider ----------------------------------------------------------------------


class StaffProviderIndexView(generic.IndexView):
    """The providers whose staff the user manages."""

    model = ProviderPage
    permission_policy = None  # the queryset holds only the user's providers
    any_permission_required = None
    page_title = _("Provider staff")
    header_icon = "user"
    default_ordering = "title"
    staff_url_name = None

    def get_base_queryset(self):
        return staff_providers(self.request.user)

    @cached_property
    def locale(self):
        return None

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Provider"),
                sort_key="title",
                get_url=lambda page: reverse(self.staff_url_name, args=[page.pk]),
            ),
            Column("members", label=_("Members"), accessor="member_count"),
        ]

    def get_table(self, object_list):
        for page in object_list:
            page.member_count = invitations.staff_members(page).count()
        return super().get_table(object_list)

    @cached_property
    def no_results_message(self):
        return _("You do not manage the staff of any provider.")


class ProviderStaffMixin:
    staff_url_name = None
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.provider = get_object_or_404(staff_providers(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def staff_url(self):
        return reverse(self.staff_url_name, args=[self.provider.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Provider staff")},
            {"url": self.staff_url(), "label": self.provider.title},
        ]


class StaffView(ProviderStaffMixin, WagtailAdminTemplateMixin, TemplateView):
    """Members and pending invitations of one provider; invite, resend, cancel."""

    template_name = f"{TEMPLATES}/staff.html"
    header_icon = "user"
    model = ProviderPage
    remove_url_name = None

    def get_page_title(self):
        return _("Staff")

    def get_page_subtitle(self):
        return self.provider.title

    def get_context_data(self, form=None, **kwargs):
        members = list(invitations.staff_members(self.provider))
        pending = Invitation.objects.filter(provider=self.provider, accepted_at__isnull=True)
        return super().get_context_data(
            provider=self.provider,
            members=members,
            invitations=pending.select_related("invited_by").order_by("-created"),
            form=form or InviteForm(),
            remove_url_name=self.remove_url_name,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in {"resend", "cancel"}:
            return self.change_invitation(action, request.POST.get("invitation", ""))
        form = InviteForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"]
            if invitations.staff_members(self.provider).filter(email__iexact=email).exists():
                form.add_error("email", _("This person is already on the staff."))
            else:
                invitations.invite(email, self.provider, invited_by=request.user)
                messages.success(
                    request,
                    gettext("%(email)s is invited. The link works for %(days)d days.")
                    % {"email": email, "days": invitations.invitation_days()},
                )
                return redirect(self.staff_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def change_invitation(self, action, pk):
        invitation = (
            Invitation.objects.filter(provider=self.provider, accepted_at__isnull=True)
            .filter(pk=int(pk) if pk.isdigit() else None)
            .first()
        )
        if invitation is None:
            messages.warning(self.request, gettext("This invitation is no longer pending."))
        elif action == "resend":
            invitations.resend(invitation)
            messages.success(
                self.request,
                gettext("The invitation was sent again to %(email)s, with a new link.")
                % {"email": invitation.email},
            )
        else:
            invitation.delete()
            messages.success(
                self.request,
                gettext("The invitation of %(email)s is cancelled: its link no longer works.")
                % {"email": invitation.email},
            )
        return redirect(self.staff_url())


class RemoveMemberView(ProviderStaffMixin, WagtailAdminTemplateMixin, TemplateView):
    """Ask before taking someone off the staff; removing oneself is confirmed twice."""

    template_name = f"{TEMPLATES}/remove_member.html"
    header_icon = "user"

    def get_member(self):
        member = invitations.staff_members(self.provider).filter(pk=self.kwargs["user_id"]).first()
        if member is None:
            raise Http404
        return member

    def get_page_title(self):
        return _("Remove from the staff")

    def get_page_subtitle(self):
        return self.provider.title

    def get_context_data(self, **kwargs):
        member = self.get_member()
        count = invitations.staff_members(self.provider).count()
        return super().get_context_data(
            provider=self.provider,
            member=member,
            is_self=member.pk == self.request.user.pk,
            is_last=count == 1,
            staff_url=self.staff_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        member = self.get_member()
        if member.pk == request.user.pk and not request.POST.get("confirm_self"):
            context = self.get_context_data(self_error=True)
            return self.render_to_response(context, status=400)
        invitations.remove_member(self.provider, member)
        remaining = invitations.staff_members(self.provider).count()
        name = member.get_full_name() or member.email or member.get_username()
        messages.success(
            request,
            gettext("%(name)s is no longer on the staff of %(provider)s.")
            % {"name": name, "provider": self.provider.title},
        )
        if not remaining:
            messages.warning(
                request,
                gettext(
                    "%(provider)s has no staff now: only the city's editors can edit its page "
                    "until someone is invited."
                )
                % {"provider": self.provider.title},
            )
        # Asked with a fresh user: Wagtail keeps the permissions it read on the user object.
        if member.pk == request.user.pk and not staff_providers(
            type(member)._default_manager.get(pk=member.pk)
        ).filter(pk=self.provider.pk):
            return redirect("wagtailadmin_home")
        return redirect(self.staff_url())


class ProviderStaffViewSet(ViewSet):
    name = STAFF
    url_prefix = "providers/staff"
    icon = "user"
    menu_label = _("Provider staff")
    menu_item_class = StaffMenuItem

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "staff_url_name": self.get_url_name("staff"),
        }
        index = {**names, "index_results_url_name": self.get_url_name("index_results")}
        return [
            path("", self.construct_view(StaffProviderIndexView, **index), name="index"),
            path(
                "results/",
                self.construct_view(StaffProviderIndexView, results_only=True, **index),
                name="index_results",
            ),
            path(
                "<int:pk>/",
                self.construct_view(
                    StaffView, remove_url_name=self.get_url_name("remove_member"), **names
                ),
                name="staff",
            ),
            path(
                "<int:pk>/remove/<int:user_id>/",
                self.construct_view(RemoveMemberView, **names),
                name="remove_member",
            ),
        ]


class ProvidersViewSetGroup(ViewSetGroup):
    items = (ProviderRequestViewSet, ProviderStaffViewSet)
    menu_label = _("Providers")
    menu_icon = "group"
    menu_order = 290


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ProvidersViewSetGroup()


# -- the staff of a provider, from its page ---------------------------------------------------


def staff_button(page, user, priority):
    if isinstance(page.specific_deferred, AbstractProviderPage) and access.may_edit_page(
        user, page
    ):
        url = reverse(f"{STAFF}:staff", args=[page.pk])
        yield ActionMenuItem(_("Staff"), url, icon_name="user", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_staff_button(page, user, view_name=None, next_url=None, **kwargs):
    yield from staff_button(page, user, priority=36)


@hooks.register("register_page_listing_more_buttons")
def page_listing_staff_button(page, user, next_url=None, **kwargs):
    yield from staff_button(page, user, priority=46)


# -- the public pages' stylesheets ---------------------------------------------------------------

PUBLIC_STYLESHEETS = [
    "wagtail_cityoflearning/css/accounts.css",
    *LEAFLET_STYLESHEETS,
    "wagtail_cityoflearning_providers/onboarding/onboarding.css",
]
PUBLIC_URL_NAMES = {"provider_request", "provider_request_sent", "invitation"}


@hooks.register("cityoflearning_head_stylesheets")
def public_stylesheets(request, page):
    match = getattr(request, "resolver_match", None)
    if page is not None or match is None:
        return []
    if match.namespace == "wagtail_cityoflearning_providers" and (
        match.url_name in PUBLIC_URL_NAMES
    ):
        return PUBLIC_STYLESHEETS
    return []
