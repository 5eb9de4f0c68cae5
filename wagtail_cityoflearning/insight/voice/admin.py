"""The city editors' triage of suggestions in the admin: a list with filters, newest first,
and each suggestion with what can be done with it (forward it to a provider, turn it into an
opportunity draft, decline it, or delete it for good when it holds personal details or
spam). Provider staff see, read-only, what was forwarded to their provider.

Scopes come from :mod:`.access`; the viewset limits every view to them
(:class:`~wagtail_cityoflearning.access.ScopedViewSetMixin`).
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Site

from wagtail_cityoflearning import access as core_access
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    NamedDateColumn,
    OwnWordsIndexMixin,
    counted_paginator,
)
from wagtail_cityoflearning.insight.voice import access, triage
from wagtail_cityoflearning.insight.voice.emails import ADMIN_NAMESPACE
from wagtail_cityoflearning.insight.voice.forms import DeclineForm, DraftForm, ForwardForm
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.models import Interest

TEMPLATES = "wagtail_cityoflearning_insight/voice/admin"


class SuggestionsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return core_access.city_sites(user).exists() or access.suggestions(user).exists()


class SuggestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Suggestion.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=Suggestion.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    interest = django_filters.ModelChoiceFilter(
        label=_("Interest"), queryset=Interest.objects.none(), empty_label=_("All")
    )
    neighbourhood = django_filters.ChoiceFilter(label=_("Neighbourhood"), empty_label=_("All"))
    site = django_filters.ModelChoiceFilter(
        label=_("City"), queryset=Site.objects.none(), empty_label=_("All")
    )

    class Meta:
        model = Suggestion
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        reachable = access.suggestions(request.user if request else None)
        self.filters["interest"].queryset = Interest.objects.filter(
            pk__in=reachable.values("interest")
        ).order_by("name")
        neighbourhoods = (
            reachable.exclude(neighbourhood="")
            .order_by("neighbourhood")
            .values_list("neighbourhood", flat=True)
            .distinct()
        )
        self.filters["neighbourhood"].extra["choices"] = [(n, n) for n in neighbourhoods]
        sites = Site.objects.filter(pk__in=reachable.values("site")).order_by("site_name")
        if sites.count() > 1:
            self.filters["site"].queryset = sites
        else:
            del self.filters["site"]


class SuggestionIndexView(OwnWordsIndexMixin, generic.IndexView):
    model = Suggestion
    permission_policy = None  # the queryset holds only the user's suggestions
    any_permission_required = None
    filterset_class = SuggestionFilterSet
    page_title = _("Suggestions")
    header_icon = "comment"
    default_ordering = "-created_on"
    search_fields = ["text", "place_name"]
    search_backend_name = None
    triage_url_name = None
    empty_message = _("No young person has sent a suggestion yet.")
    no_match_message = _("No suggestions match these filters.")
    paginator_class = counted_paginator(
        lambda count: (
            ngettext("%(count)s suggestion", "%(count)s suggestions", count) % {"count": count}
        )
    )

    def get_base_queryset(self):
        return access.suggestions(self.request.user).select_related("interest", "provider", "site")

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering or "-created_on", "-pk")

    def city_columns(self):
        """The city, for those who see more than one."""
        sites = access.suggestions(self.request.user).values("site").distinct()
        if sites[:2].count() < 2:
            return []
        return [
            Column(
                "site",
                label=_("City"),
                accessor=lambda item: item.site.site_name or item.site.hostname,
                classname="col-wide-only",
            )
        ]

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "text",
                label=_("Suggestion"),
                accessor=lambda item: Truncator(item.text).chars(90),
                get_url=lambda item: reverse(self.triage_url_name, args=[item.pk]),
            ),
            Column("kind", label=_("Kind"), accessor="get_kind_display", classname="col-wide-only"),
            *self.city_columns(),
            Column(
                "interest",
                label=_("Interest"),
                accessor=lambda item: item.interest.name if item.interest else "",
                classname="col-wide-only",
            ),
            Column("where", label=_("Where"), accessor="where_display", classname="col-wide-only"),
            NamedDateColumn(
                "created_on",
                label=_("Sent"),
                sort_key="created_on",
                date_format="date",
                width="12%",
            ),
            Column("status", label=_("Status"), accessor="get_status_display"),
        ]


class TriageView(WagtailAdminTemplateMixin, TemplateView):
    """A suggestion in full, what happened to it, and what a city editor can do with it."""

    template_name = f"{TEMPLATES}/triage.html"
    header_icon = "comment"
    index_url_name = None
    triage_url_name = None
    ACTIONS = {"forward": ForwardForm, "draft": DraftForm, "decline": DeclineForm}

    def dispatch(self, request, *args, **kwargs):
        queryset = access.suggestions(request.user).select_related(
            "site", "interest", "provider", "opportunity", "decided_by"
        )
        self.object = get_object_or_404(queryset, pk=kwargs["pk"])
        self.may_handle = (
            access.handled_suggestions(request.user).filter(pk=self.object.pk).exists()
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Suggestion")

    def get_page_subtitle(self):
        return Truncator(self.object.text).chars(60)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Suggestions")},
            {"url": "", "label": Truncator(self.object.text).chars(40)},
        ]

    def make_forms(self, data=None, action=None):
        return {
            name: form_class(data if name == action else None, suggestion=self.object, prefix=name)
            if form_class is not DeclineForm
            else form_class(data if name == action else None, prefix=name)
            for name, form_class in self.ACTIONS.items()
        }

    def get_context_data(self, forms=None, **kwargs):
        return super().get_context_data(
            item=self.object,
            may_handle=self.may_handle,
            forms=forms or self.make_forms(),
            **kwargs,
        )

    def triage_url(self):
        return reverse(self.triage_url_name, args=[self.object.pk])

    def post(self, request, *args, **kwargs):
        if not self.may_handle:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action == "delete":
            return self.delete()
        if action not in self.ACTIONS:
            messages.error(request, gettext("Choose what to do with the suggestion."))
            return redirect(self.triage_url())
        forms_ = self.make_forms(request.POST, action)
        form = forms_[action]
        if form.is_valid():
            try:
                return getattr(self, action)(form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error.messages)
        return self.render_to_response(self.get_context_data(forms=forms_), status=400)

    def forward(self, data):
        provider = data["provider"]
        recipients = triage.forward(
            self.object, provider, user=self.request.user, message=data["message"].strip()
        )
        if recipients:
            messages.success(
                self.request,
                ngettext(
                    "Forwarded to %(provider)s: %(count)s person of its staff gets an email.",
                    "Forwarded to %(provider)s: %(count)s people of its staff get an email.",
                    len(recipients),
                )
                % {"provider": provider.title, "count": len(recipients)},
            )
        else:
            messages.warning(
                self.request,
                gettext(
                    "Forwarded to %(provider)s, but it has no staff with an email address yet: "
                    "tell them yourself."
                )
                % {"provider": provider.title},
            )
        return redirect(self.triage_url())

    def draft(self, data):
        page = triage.make_draft(self.object, data["provider"], user=self.request.user)
        messages.success(
            self.request,
            gettext(
                "The draft “%(title)s” is ready under %(provider)s. Complete it and publish it."
            )
            % {"title": page.title, "provider": data["provider"].title},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    def decline(self, data):
        triage.decline(self.object, user=self.request.user, note=data["note"].strip())
        messages.success(self.request, gettext("The suggestion is declined."))
        return redirect(self.triage_url())

    def delete(self):
        if not self.request.POST.get("confirm"):
            messages.error(
                self.request, gettext("Tick the box to confirm that the suggestion goes for good.")
            )
            return redirect(self.triage_url())
        self.object.delete()
        messages.success(self.request, gettext("The suggestion is deleted."))
        return redirect(reverse(self.index_url_name))


class SuggestionViewSet(core_access.ScopedViewSetMixin, ViewSet):
    name = ADMIN_NAMESPACE
    url_prefix = "suggestions"
    icon = "comment"
    menu_label = _("Suggestions")
    menu_item_class = SuggestionsMenuItem
    menu_order = 292
    add_to_admin_menu = True
    access_scope = staticmethod(access.suggestions)

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "triage_url_name": self.get_url_name("triage"),
        }
        index = {
            **names,
            "index_results_url_name": self.get_url_name("index_results"),
            "results_template_name": INDEX_RESULTS_TEMPLATE,
        }
        return [
            path("", self.construct_view(SuggestionIndexView, **index), name="index"),
            path(
                "results/",
                self.construct_view(SuggestionIndexView, results_only=True, **index),
                name="index_results",
            ),
            path("<int:pk>/", self.construct_view(TriageView, **names), name="triage"),
        ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return SuggestionViewSet()
