"""The provider's home in the admin, and the list of providers to choose one from.

Provider staff land on their provider's home; city editors choose one of their city's
providers, superusers any (:func:`wagtail_cityoflearning.access.provider_pages`).

Other apps add panels with the ``cityoflearning_provider_home_panels`` hook: a function
``(request, provider)`` returning a Wagtail ``Component``, HTML (a safe string; anything
else is escaped) or ``None`` for nothing.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_cityoflearning.access import provider_pages
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    OwnWordsIndexMixin,
    counted_paginator,
)
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.providers import ProviderPage
from wagtail_cityoflearning.providers.home.summary import summarise

PANELS_HOOK = "cityoflearning_provider_home_panels"


def hooked_panels(request, provider, parent_context):
    """The HTML of each panel other apps add to ``provider``'s home."""
    rendered = []
    for make_panel in hooks.get_hooks(PANELS_HOOK):
        panel = make_panel(request, provider)
        if panel is None:
            continue
        if isinstance(panel, Component):
            html = panel.render_html(parent_context)
        else:
            html = conditional_escape(panel)
        if html:
            rendered.append(html)
    return rendered


class ProviderChooseView(OwnWordsIndexMixin, generic.IndexView):
    """The providers the user may edit, A to Z: one goes straight to its home."""

    model = BasePage
    permission_policy = None  # the queryset holds only the user's providers
    any_permission_required = None
    page_title = _("Provider home")
    header_icon = "home"
    results_template_name = INDEX_RESULTS_TEMPLATE
    empty_message = _("You do not edit any provider's pages.")
    no_match_message = _("No provider matches your search.")
    search_fields = ["title"]
    home_url_name = None
    paginator_class = counted_paginator(
        lambda count: (
            ngettext("%(count)s provider", "%(count)s providers", count) % {"count": count}
        )
    )

    def get(self, request, *args, **kwargs):
        if not request.GET and not self.results_only:
            only = list(provider_pages(request.user).values_list("pk", flat=True)[:2])
            if len(only) == 1:
                return redirect(self.home_url_name, only[0])
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        return provider_pages(self.request.user).order_by("title")

    @property
    def is_searchable(self):
        return True

    def search_queryset(self, queryset):
        if not self.search_query:
            return queryset
        return queryset.filter(title__icontains=self.search_query)

    def order_queryset(self, queryset):
        return queryset

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Provider"),
                get_url=lambda page: reverse(self.home_url_name, args=[page.pk]),
            ),
        ]


class ProviderHomeView(WagtailAdminTemplateMixin, TemplateView):
    """One provider's opportunities, sessions, evidence and badges, with links to act on them."""

    model = ProviderPage  # the screens of the admin show the first provider's home
    template_name = "wagtail_cityoflearning_providers/home/home.html"
    header_icon = "home"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        found = provider_pages(request.user).filter(pk=kwargs["pk"]).first()
        if found is None:
            raise Http404
        self.provider = found.specific
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.provider.get_admin_display_title()

    def get_page_subtitle(self):
        return _("Provider home")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Provider home")},
            {"url": "", "label": self.provider.get_admin_display_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = summarise(self.provider, self.request.user)
        context.update(
            provider=self.provider,
            summary=summary,
            evidence_queue_url=reverse("cityoflearning_evidence_review:index"),
            awards_url=reverse("cityoflearning_awards:index"),
        )
        context["hooked_panels"] = hooked_panels(self.request, self.provider, context)
        return context
