"""The "Playlist progress" report: for each playlist the user reviews, how many learners
started and completed it and how much evidence waits for review; exportable as CSV/XLSX."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

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

    def get_base_queryset(self):
        return playlist_progress_counts(self.request.user)

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
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column("started", label=_("Started"), sort_key="started"),
            Column("completed", label=_("Completed"), sort_key="completed"),
            TitleColumn(
                "waiting",
                label=_("Waiting for review"),
                sort_key="waiting",
                get_url=self.waiting_url,
            ),
        ]

    @cached_property
    def no_results_message(self):
        return _("There are no playlists you may review.")
