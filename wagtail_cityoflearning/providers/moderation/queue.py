"""The "City review" queue: the pages of a city editor's cities that wait for their review.

Wagtail's dashboard ("Awaiting your review") and workflow reports show every workflow; this
listing shows only the City review tasks the user may approve, in the cities they edit
(:func:`wagtail_cityoflearning.access.city_sites`), with the provider each page belongs to.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.models import GroupApprovalTask, Page, WorkflowState

from wagtail_cityoflearning.access import city_sites
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    NamedDateColumn,
    OwnWordsIndexMixin,
    counted_paginator,
)
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.providers import AbstractProviderPage


def city_review_tasks(user):
    """The City review tasks ``user`` approves: each is named after its one group, the city's
    editors (superusers approve every one)."""
    tasks = GroupApprovalTask.objects.filter(active=True, groups__name=F("name"))
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all())
    return tasks


def waiting_for_city_review(user):
    """Pages of ``user``'s cities waiting in a City review task ``user`` may approve, oldest
    first."""
    roots = list(city_sites(user).values_list("root_page__path", flat=True))
    if not roots:
        return WorkflowState.objects.none()
    in_cities = Q()
    for path in roots:
        in_cities |= Q(path__startswith=path)
    pages = Page.objects.filter(in_cities).annotate(key=Cast("pk", CharField())).values("key")
    return (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages,
        )
        .filter(current_task_state__task__in=city_review_tasks(user).values("pk"))
        .select_related("requested_by", "current_task_state")
        .distinct()
        .order_by("current_task_state__started_at", "pk")
    )


def describe(states):
    """Attach to each waiting state its ``waiting_page`` and ``provider`` (two queries in all)."""
    states = list(states)
    pages = Page.objects.filter(pk__in=[int(state.object_id) for state in states]).only(
        "title", "path", "depth", "live", "draft_title"
    )
    pages = {page.pk: page for page in pages}
    steplen = Page.steplen
    ancestor_paths = {
        page.path[:length]
        for page in pages.values()
        for length in range(steplen, len(page.path) + 1, steplen)
    }
    providers = {
        provider.path: provider
        for provider in BasePage.objects.type(AbstractProviderPage)
        .filter(path__in=ancestor_paths)
        .only("title", "path")
    }
    for state in states:
        state.waiting_page = pages.get(int(state.object_id))
        state.provider = None
        if state.waiting_page is not None:
            for length in range(len(state.waiting_page.path), 0, -steplen):
                state.provider = providers.get(state.waiting_page.path[:length])
                if state.provider is not None:
                    break
        state.page_title = state.waiting_page.draft_title if state.waiting_page else ""
        state.provider_title = state.provider.title if state.provider else ""
        state.submitted_by = get_user_display_name(state.requested_by) if state.requested_by else ""
        state.submitted_at = state.current_task_state.started_at
        state.links = review_links(state)
    return states


def review_links(state):
    page = state.waiting_page
    if page is None:
        return ""
    links = [(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Review"))]
    revision_id = state.current_task_state.revision_id
    if page.live:
        links.append(
            (
                reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[page.pk, "live", revision_id],
                ),
                _("Compare with the live page"),
            )
        )
    links.append((reverse("wagtailadmin_pages:history", args=[page.pk]), _("History and comments")))
    return format_html(
        '<ul class="cityoflearning-review-links">{}</ul>',
        format_html_join("", '<li><a href="{}">{}</a></li>', links),
    )


class CityReviewQueueView(OwnWordsIndexMixin, generic.IndexView):
    """Pages of the user's cities waiting for their review, oldest first."""

    model = WorkflowState
    permission_policy = None  # the queryset holds only what the user may review
    any_permission_required = None
    page_title = _("City review")
    header_icon = "tasks"
    results_template_name = INDEX_RESULTS_TEMPLATE
    empty_message = _("No page is waiting for your review.")
    paginator_class = counted_paginator(
        lambda count: (
            ngettext("%(count)s page waiting", "%(count)s pages waiting", count) % {"count": count}
        )
    )

    def get_base_queryset(self):
        return waiting_for_city_review(self.request.user)

    def order_queryset(self, queryset):
        return queryset

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "page",
                label=_("Page"),
                accessor="page_title",
                get_url=lambda state: (
                    reverse("wagtailadmin_pages:edit", args=[state.waiting_page.pk])
                    if state.waiting_page
                    else None
                ),
            ),
            Column(
                "provider",
                label=_("Provider"),
                accessor="provider_title",
                classname="col-wide-only",
            ),
            Column(
                "submitted_by",
                label=_("Submitted by"),
                accessor="submitted_by",
                classname="col-wide-only",
            ),
            NamedDateColumn(
                "submitted_at",
                label=_("Submitted"),
                date_format="short_datetime",
                width="15%",
            ),
            Column("links", label=_("Actions"), accessor="links"),
        ]

    def get_table(self, object_list):
        return super().get_table(describe(object_list))
