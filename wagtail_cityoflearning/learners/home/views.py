"""The learner's own overview ("My learning") and their badge backpack.

The dashboard lists every playlist a learner has touched, so it reads them in a fixed number
of queries however many there are: enrolments with their step progress, the playlists, and the
pages and badges their steps point to, each fetched once for all playlists together.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page

from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts.consent import (
    consent_status,
    learner_site,
    site_of,
)
from wagtail_cityoflearning.learners.home.backpack import backpack_badges, write_backpack_zip
from wagtail_cityoflearning.learners.home.recommendations import (
    city_map_url,
    recommendations_for,
)
from wagtail_cityoflearning.learners.learner_playlists.models import LearnerPlaylist
from wagtail_cityoflearning.learners.playlists.prefetch import load_playlists
from wagtail_cityoflearning.learners.progress.links import step_url
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.learners.progress.state import (
    LearnerFacts,
    PlaylistProgress,
    playlist_progress,
)

TEMPLATES = "wagtail_cityoflearning/learners/"
# How many review outcomes and badges the dashboard shows; the rest are a click away.
REVIEWS_SHOWN = 10
BADGES_SHOWN = 4


@dataclass
class DashboardPlaylist:
    """A playlist on the dashboard with the learner's progress in it."""

    enrolment: PlaylistEnrolment
    playlist: Page
    progress: PlaylistProgress | None = None
    url: str = ""
    next_url: str = ""

    @property
    def is_in_progress(self) -> bool:
        return self.enrolment.is_started and not self.enrolment.is_completed

    @property
    def percent(self) -> int:
        if self.enrolment.is_completed:
            return 100
        return self.progress.percent if self.progress else 0


@dataclass
class ReviewOutcome:
    """What a reviewer said about evidence the learner submitted."""

    record: StepProgress
    playlist: Page
    step: object  # models.playlists.Step, or None when the step was removed since
    url: str = ""

    @property
    def changes_requested(self) -> bool:
        return self.record.status == StepProgress.Status.CHANGES_REQUESTED


# -- the dashboard ----------------------------------------------------------------------------


def dashboard_sections(request) -> str:
    """The sections other apps add to the dashboard (the providers' app: the learner's
    registrations): each function registered for the ``cityoflearning_dashboard_sections``
    hook is called with the request and returns HTML, or an empty string."""
    parts = (fn(request) for fn in hooks.get_hooks("cityoflearning_dashboard_sections"))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


def learner_playlists(user, request) -> list[DashboardPlaylist]:
    """Every playlist the learner started, completed or saved, most recent activity first."""
    enrolments = list(
        PlaylistEnrolment.objects.filter(user=user)
        .select_related("completion_award__badge_class__issuer")
        .prefetch_related("step_progress")
        .order_by("-last_activity_at", "-pk")
    )
    playlists = load_playlists(e.playlist_id for e in enrolments)
    facts = LearnerFacts.for_user(user) if enrolments else None
    items = []
    for enrolment in enrolments:
        playlist = playlists.get(enrolment.playlist_id)
        if playlist is None:
            continue
        item = DashboardPlaylist(
            enrolment=enrolment,
            playlist=playlist,
            url=(playlist.get_url(request) or "") if playlist.live else "",
        )
        if enrolment.is_started:
            item.progress = playlist_progress(playlist, enrolment, facts)
            next_state = item.progress.next_state
            if next_state is not None and not enrolment.is_completed:
                item.next_url = step_url(playlist, next_state.step.id, request)
        items.append(item)
    return items


def review_outcomes(items: list[DashboardPlaylist], request) -> list[ReviewOutcome]:
    """Reviewed evidence, changes asked for first, then the newest approvals."""
    reviewed = (StepProgress.Status.APPROVED, StepProgress.Status.CHANGES_REQUESTED)
    outcomes = [
        ReviewOutcome(
            record=record,
            playlist=item.playlist,
            step=item.playlist.get_step(record.step_id),
            url=step_url(item.playlist, record.step_id, request),
        )
        for item in items
        for record in item.enrolment.step_progress.all()
        if record.reviewed_at is not None and record.status in reviewed
    ]
    outcomes.sort(key=lambda o: o.record.reviewed_at, reverse=True)
    outcomes.sort(key=lambda o: not o.changes_requested)
    return outcomes[:REVIEWS_SHOWN]


@login_required
@require_safe
def dashboard(request):
    """My learning: playlists in progress, completed and saved, reviews, badges, suggestions."""
    user = request.user
    status = consent_status(user, site_of(request))
    profile = status.profile
    items = learner_playlists(user, request)
    badges = backpack_badges(user)
    valid_badges = [b for b in badges if b.is_valid]
    context = {
        "profile": profile,
        "learner_consent": status,
        "consent_pending": status.asks_guardian,
        "in_progress": [i for i in items if i.is_in_progress],
        "completed": [i for i in items if i.enrolment.is_completed],
        "saved": [i for i in items if not i.enrolment.is_started and i.enrolment.saved_at],
        "reviews": review_outcomes(items, request),
        "badges": valid_badges[:BADGES_SHOWN],
        "badge_count": len(valid_badges),
        "own_playlist_count": LearnerPlaylist.objects.filter(owner=user).count(),
        "recommendations": recommendations_for(user, request, profile),
        # Where to look for more when there is nothing to suggest.
        "map_url": city_map_url(learner_site(profile, request), request),
        "extra_sections": dashboard_sections(request),
    }
    return render_page(request, TEMPLATES + "dashboard.html", context)


# -- the backpack -----------------------------------------------------------------------------


@login_required
@require_safe
def backpack(request):
    """Every badge the learner holds, with its image, share page and LinkedIn link."""
    return render_page(
        request, TEMPLATES + "backpack.html", {"badges": backpack_badges(request.user)}
    )


@login_required
@require_safe
def backpack_download(request):
    """A zip of the learner's baked badge images and their assertions."""
    badges = backpack_badges(request.user, with_evidence=True)
    # FileResponse closes the file once it is sent.
    archive = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115
    write_backpack_zip(badges, archive)
    archive.seek(0)
    return FileResponse(
        archive, as_attachment=True, filename="open-badges.zip", content_type="application/zip"
    )


__all__ = ["backpack", "backpack_download", "dashboard"]
