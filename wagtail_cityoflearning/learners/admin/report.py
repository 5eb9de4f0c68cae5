"""The "Playlist progress" report: for each playlist the user reviews, how many learners
started and completed it and how much evidence waits for review; exportable as CSV/XLSX.

Each row names its city; a user with several cities (the superuser) chooses one with a filter.
A playlist's title opens its progress: each learner's steps.
"""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import city_name, counted_paginator
from wagtail_cityoflearning.learners.admin.attendance import learner_name
from wagtail_cityoflearning.learners.playlists.permissions import reviewable_playlists
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress


def _count(queryset, group_by):
    """A correlated COUNT subquery (0 when nothing matches), one per listed playlist."""
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def playlist_progress_counts(user):
    """The playlists ``user`` may review, each with started, completed and waiting counts."""
    enrolments = PlaylistEnrolment.objects.filter(playlist_id=OuterRef("pk"))
    waiting = StepProgress.objects.filter(
        enrolment__playlist_id=OuterRef("pk"), status=StepProgress.Status.SUBMITTED
    )
    return reviewable_playlists(user).annotate(
        started=_count(enrolments.filter(started_at__isnull=False), "playlist_id"),
        completed=_count(enrolments.filter(completed_at__isnull=False), "playlist_id"),
        waiting=_count(waiting, "enrolment__playlist_id"),
    )


def city_roots(sites):
    """(root page's path, Site) for each of ``sites``: its root page, and each translation of
    that root which is no Site's root itself (a site's pages in another language live under
    the translation of its root, beside the original)."""
    roots = [(site.root_page.path, site) for site in sites]
    by_key = {site.root_page.translation_key: site for site in sites}
    translations = (
        Page.objects.filter(translation_key__in=list(by_key))
        .exclude(pk__in=[site.root_page_id for site in sites])
        .exclude(sites_rooted_here__isnull=False)
        .only("path", "translation_key")
    )
    roots.extend((page.path, by_key[page.translation_key]) for page in translations)
    return roots


def site_of(page, roots):
    """The Site whose root (or a translation of it) is ``page`` or its deepest ancestor;
    ``roots`` as :func:`city_roots` gives them."""
    found, depth = None, -1
    for path, site in roots:
        if page.path.startswith(path) and len(path) > depth:
            found, depth = site, len(path)
    return found


class PlaylistProgressFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("City"),
        queryset=lambda request: (
            access.city_sites(request.user).order_by("site_name", "hostname")
            if request
            else Site.objects.none()
        ),
        method="filter_site",
        empty_label=_("All cities"),
    )

    class Meta:
        model = PlaylistEnrolment  # any model: the field filters pages by their place
        fields = []

    def filter_site(self, queryset, name, value):
        """The city's pages in every language: below its root and its root's translations."""
        if not value:
            return queryset
        paths = [path for path, site in city_roots([value])]
        return queryset.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))


class PlaylistProgressReportView(ReportView):
    page_title = _("Playlist progress")
    header_icon = "table"
    index_url_name = None
    index_results_url_name = None
    queue_url_name = None
    default_ordering = "title"
    list_export = ["title", "started", "completed", "waiting"]
    export_headings = {
        "title": _("Playlist"),
        "started": _("Started"),
        "completed": _("Completed"),
        "waiting": _("Waiting for review"),
    }
    export_filename = "playlist-progress"
    playlist_url_name = None
    paginator_class = counted_paginator(
        lambda count: (
            ngettext("%(count)s playlist", "%(count)s playlists", count) % {"count": count}
        )
    )

    @cached_property
    def roots(self):
        return city_roots(list(Site.objects.select_related("root_page")))

    @property
    def filterset_class(self):
        """The city filter, for those who see more than one city."""
        if access.city_sites(self.request.user).count() > 1:
            return PlaylistProgressFilterSet
        return None

    def get_base_queryset(self):
        return playlist_progress_counts(self.request.user)

    def get_table(self, object_list):
        rows = list(object_list)
        names = {}
        for page in rows:
            site = site_of(page, self.roots)
            if site is not None and site.pk not in names:
                names[site.pk] = city_name(site)
            page.city = names[site.pk] if site is not None else ""
        return super().get_table(rows)

    def playlist_url(self, page):
        return reverse(self.playlist_url_name, args=[page.pk])

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering or "title", "pk")

    def waiting_url(self, page):
        return reverse(self.queue_url_name) + "?" + urlencode({"playlist": page.pk})

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Playlist"),
                sort_key="title",
                get_url=self.playlist_url,
            ),
            # What waits for the user first: on a phone the listing shows what fits.
            TitleColumn(
                "waiting",
                label=_("Waiting for review"),
                sort_key="waiting",
                get_url=self.waiting_url,
            ),
            Column("started", label=_("Started"), sort_key="started"),
            Column("completed", label=_("Completed"), sort_key="completed"),
            Column("city", label=_("City"), accessor="city", classname="col-wide-only"),
        ]

    @cached_property
    def no_results_message(self):
        return _("There are no playlists you may review.")


class PlaylistProgressView(WagtailAdminTemplateMixin, TemplateView):
    """One playlist's progress: each learner who started it, how many steps they have done,
    what waits for review and whether they completed it."""

    template_name = "wagtail_cityoflearning/learners/admin/playlist_progress.html"
    header_icon = "table"
    index_url_name = None
    queue_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.playlist = get_object_or_404(
            reviewable_playlists(request.user).specific(), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.playlist.get_admin_display_title()

    def get_page_subtitle(self):
        return _("Playlist progress")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Playlist progress")},
            {"url": "", "label": self.playlist.get_admin_display_title()},
        ]

    def get_context_data(self, **kwargs):
        done = [StepProgress.Status.DONE, StepProgress.Status.APPROVED]
        enrolments = (
            PlaylistEnrolment.objects.filter(playlist_id=self.playlist.pk, started_at__isnull=False)
            .select_related("user__learner_profile")
            .annotate(
                steps_done=Count("step_progress", filter=Q(step_progress__status__in=done)),
                waiting=Count(
                    "step_progress",
                    filter=Q(step_progress__status=StepProgress.Status.SUBMITTED),
                ),
            )
            .order_by("started_at", "pk")
        )
        rows = [
            {"enrolment": enrolment, "name": learner_name(enrolment.user)}
            for enrolment in enrolments
        ]
        steps = getattr(self.playlist, "steps", None)
        return super().get_context_data(
            playlist=self.playlist,
            rows=rows,
            step_count=len(steps) if steps is not None else None,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.playlist.pk]),
            queue_url=reverse(self.queue_url_name)
            + "?"
            + urlencode({"playlist": self.playlist.pk}),
            **kwargs,
        )
