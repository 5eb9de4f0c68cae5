"""The learner's own overview ("My learning"), its sections' pages and the badge backpack.

The dashboard shows the most recent playlists of each section (in progress, saved for later,
completed; ``DASHBOARD_PLAYLISTS_SHOWN`` each, the rest a click away on the section's own
page), so its work does not grow with the number of playlists a learner has joined. It reads
them in a fixed number of queries: the profile (with the number of playlists the learner made)
and its interests, the enrolments, the step progress of those shown, the reviewed evidence
shown, the playlists (the fields progress needs only), the learner's awards (their addresses
read in a subquery) and attendance, each once. The steps' pages and badges are not resolved:
the learner's progress needs only their ids. The suggestions, the city's map (see
:mod:`.recommendations`) and the playlists' cards (see :mod:`.cards`) are kept in the page
cache; the learner's own data is read afresh on every visit, so what they just did shows at
once.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts.consent import (
    consent_status_with,
    learner_site,
    site_of,
)
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.home.backpack import (
    BackpackBadge,
    backpack_awards,
    backpack_badges,
    sorted_badges,
    write_backpack_zip,
)
from wagtail_cityoflearning.learners.home.cards import attach_cards, attach_dashboard_cards
from wagtail_cityoflearning.learners.home.recommendations import (
    city_map_url,
    recommendations_for,
)
from wagtail_cityoflearning.learners.learner_playlists.models import LearnerPlaylist
from wagtail_cityoflearning.learners.playlists.prefetch import load_playlists
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import (
    LearnerFacts,
    PlaylistProgress,
    playlist_progress,
)
from wagtail_cityoflearning.learners.steps.blocks import StepKind

TEMPLATES = "wagtail_cityoflearning/learners/"
# How many review outcomes and badges the dashboard shows; the rest are a click away.
REVIEWS_SHOWN = 10
BADGES_SHOWN = 4
# The dashboard's sections of playlists, each with a page of all of its playlists.
SECTIONS = ("in-progress", "saved", "completed")
# Playlists a page of a section lists.
SECTION_PAGE_SIZE = 24
# Each section's page: its title, and what it says when it has no playlist.
SECTION_TEXTS = {
    "in-progress": (_("Playlists in progress"), _("You have no playlist in progress.")),
    "saved": (_("Saved for later"), _("You have not saved a playlist for later.")),
    "completed": (_("Completed playlists"), _("You have not completed a playlist yet.")),
}


@dataclass
class DashboardPlaylist:
    """A playlist on the dashboard with the learner's progress in it."""

    enrolment: PlaylistEnrolment
    playlist: Page
    progress: PlaylistProgress | None = None
    url: str = ""
    next_url: str = ""
    # The card as the dashboard shows it, progress included (see ``cards``).
    card: str = ""
    # The learner's step progress in the playlist (StepProgress records).
    records: list = field(default_factory=list)

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


def learner_enrolments(user) -> dict[str, list[PlaylistEnrolment]]:
    """The learner's playlists by section (``SECTIONS``), most recent activity first: one
    query, of the enrolments only (a learner has dozens at most)."""
    sections: dict[str, list[PlaylistEnrolment]] = {slug: [] for slug in SECTIONS}
    enrolments = PlaylistEnrolment.objects.filter(user=user).order_by("-last_activity_at", "-pk")
    for enrolment in enrolments:
        if enrolment.is_completed:
            sections["completed"].append(enrolment)
        elif enrolment.is_started:
            sections["in-progress"].append(enrolment)
        elif enrolment.saved_at:
            sections["saved"].append(enrolment)
    return sections


def attach_completion_awards(enrolments: list[PlaylistEnrolment], awards=None) -> None:
    """Give the completed ones of ``enrolments`` their completion badge with its badge class
    and issuer: from ``awards`` (the learner's, as the backpack reads them) when it is among
    them, else in one query for all."""
    found = {award.pk: award for award in awards or ()}
    missing = []
    for enrolment in enrolments:
        award_id = enrolment.completion_award_id
        if award_id is None:
            continue
        if award_id in found:
            enrolment.completion_award = found[award_id]
        else:
            missing.append(enrolment)
    if missing:
        prefetch_related_objects(missing, "completion_award__badge_class__issuer")


def learner_playlists(
    user,
    enrolments: list[PlaylistEnrolment],
    request,
    facts: LearnerFacts | None = None,
    named: list[PlaylistEnrolment] = (),
) -> list[DashboardPlaylist]:
    """The playlists of ``enrolments`` with the learner's progress in each, in that order,
    then those of ``named`` with their address only (what a review of evidence in them says).

    ``facts``: what the learner did outside their playlists, when the caller has read it;
    read here otherwise. The playlists' steps are known by id only (``steps_by_id``)."""
    # The step progress of all of them in one query, given to each as a plain list.
    records = defaultdict(list)
    if enrolments:
        shown = StepProgress.objects.filter(enrolment__in=[e.pk for e in enrolments])
        for record in shown.order_by("pk"):
            records[record.enrolment_id].append(record)
    playlists = load_playlists(
        [e.playlist_id for e in (*enrolments, *named)], resolve_steps=False, for_cards=False
    )
    if facts is None and enrolments:
        facts = LearnerFacts.for_user(user)
    items = []
    for enrolment in enrolments:
        playlist = playlists.get(enrolment.playlist_id)
        if playlist is None:
            continue
        item = DashboardPlaylist(
            enrolment=enrolment, playlist=playlist, records=records[enrolment.pk]
        )
        if enrolment.is_started:
            item.progress = playlist_progress(playlist, enrolment, facts, records=item.records)
        items.append(item)
    attach_dashboard_cards(items, request)  # and each playlist's address
    for item in items:
        next_state = item.progress.next_state if item.progress else None
        if next_state is not None and not item.enrolment.is_completed:
            item.next_url = _step_url(item, next_state.step.id)
    for enrolment in named:
        playlist = playlists.get(enrolment.playlist_id)
        if playlist is not None:
            url = (playlist.get_url(request) or "") if playlist.live else ""
            items.append(DashboardPlaylist(enrolment=enrolment, playlist=playlist, url=url))
    return items


def reviewed_records(user) -> list[StepProgress]:
    """The learner's reviewed evidence the dashboard shows: changes asked for first, then the
    newest approvals (``REVIEWS_SHOWN`` at most)."""
    changes = StepProgress.Status.CHANGES_REQUESTED
    return list(
        StepProgress.objects.filter(
            enrolment__user=user,
            reviewed_at__isnull=False,
            status__in=(StepProgress.Status.APPROVED, changes),
        ).order_by(
            Case(When(status=changes, then=Value(0)), default=Value(1)), "-reviewed_at", "-pk"
        )[:REVIEWS_SHOWN]
    )


def review_outcomes(records: list[StepProgress], items: list[DashboardPlaylist]):
    """What reviewers said (``reviewed_records``), each with its playlist and step."""
    by_enrolment = {item.enrolment.pk: item for item in items}
    outcomes = []
    for record in records:
        item = by_enrolment.get(record.enrolment_id)
        if item is None:  # the playlist is no longer published
            continue
        outcomes.append(
            ReviewOutcome(
                record=record,
                playlist=item.playlist,
                step=_reviewed_step(item.playlist, record.step_id),
                url=_step_url(item, record.step_id),
            )
        )
    return outcomes


def _step_url(item: DashboardPlaylist, step_id: str) -> str:
    """:func:`~..progress.links.step_url` from the playlist's address, found once."""
    if not item.url:
        return ""
    try:
        return item.url + item.playlist.reverse_subpage("step", kwargs={"step_id": step_id})
    except (AttributeError, NoReverseMatch):
        return item.url


def _reviewed_step(playlist, step_id):
    """The step whose evidence was reviewed: an online activity, whose title is stored with
    it (None: the step was removed since, or is of a kind named only by what it chooses)."""
    step = playlist.get_step(step_id)
    return step if step is not None and step.kind == StepKind.ACTIVITY else None


def _profile(user) -> LearnerProfile | None:
    """The learner's profile with its city and the number of playlists they made, in one
    query (None: the account has none)."""
    made = (
        LearnerPlaylist.objects.filter(owner=OuterRef("user"))
        .order_by()
        .values("owner")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        LearnerProfile.objects.select_related("site")
        .annotate(own_playlist_count=Coalesce(Subquery(made, output_field=IntegerField()), 0))
        .filter(user=user)
        .first()
    )


@login_required
@require_safe
def dashboard(request):
    """My learning: playlists in progress, completed and saved, reviews, badges, suggestions."""
    user = request.user
    profile = _profile(user)
    status = consent_status_with(user, site_of(request), profile)
    if profile is not None:
        own_playlist_count = profile.own_playlist_count
        interest_ids = list(profile.interests.values_list("pk", flat=True))
    else:
        own_playlist_count = LearnerPlaylist.objects.filter(owner=user).count()
        interest_ids = []
    awards = backpack_awards(user)
    attended = set(Attendance.objects.filter(user=user).values_list("opportunity_id", flat=True))
    facts = LearnerFacts.from_awards(awards, attended)
    sections = learner_enrolments(user)
    shown = cityoflearning_settings.DASHBOARD_PLAYLISTS_SHOWN
    records = reviewed_records(user)
    # The playlists shown in each section and those the reviews are about, read together.
    wanted = {e.pk: e for slug in SECTIONS for e in sections[slug][:shown]}
    enrolments = {e.pk: e for slug in SECTIONS for e in sections[slug]}
    named = {
        record.enrolment_id: enrolments[record.enrolment_id]
        for record in records
        if record.enrolment_id in enrolments and record.enrolment_id not in wanted
    }
    attach_completion_awards(list(wanted.values()), awards)
    items = learner_playlists(
        user, list(wanted.values()), request, facts, named=list(named.values())
    )
    by_enrolment = {item.enrolment.pk: item for item in items}
    badges = sorted_badges([BackpackBadge(award) for award in awards])
    valid_badges = [b for b in badges if b.is_valid]
    recommendations = recommendations_for(
        user,
        request,
        profile,
        interest_ids=interest_ids,
        on_dashboard_ids=[e.playlist_id for e in enrolments.values()],
        attended_ids=attended,
    )
    attach_cards(recommendations.playlists, request)
    listed = _for_template(
        {
            slug: [by_enrolment[e.pk] for e in sections[slug][:shown] if e.pk in by_enrolment]
            for slug in SECTIONS
        }
    )
    context = {
        "profile": profile,
        "learner_consent": status,
        "consent_pending": status.asks_guardian,
        **listed,
        # How many each section holds, for the link to all of them.
        "section_counts": _counts(sections),
        "reviews": review_outcomes(records, items),
        "badges": valid_badges[:BADGES_SHOWN],
        "badge_count": len(valid_badges),
        "own_playlist_count": own_playlist_count,
        "recommendations": recommendations,
        # Where to look for more when there is nothing to suggest.
        "map_url": city_map_url(learner_site(profile, request), request),
        "extra_sections": dashboard_sections(request),
    }
    return render_page(request, TEMPLATES + "dashboard.html", context)


def _for_template(by_section: dict) -> dict:
    """``by_section`` under names templates can use (``in_progress`` for ``in-progress``)."""
    return {slug.replace("-", "_"): value for slug, value in by_section.items()}


def _counts(sections: dict) -> dict:
    """How many playlists each section holds, by the sections' names in templates."""
    return _for_template({slug: len(sections[slug]) for slug in SECTIONS})


@login_required
@require_safe
def section(request, section: str):
    """All the playlists of one of the dashboard's sections, a page at a time."""
    if section not in SECTIONS:
        raise Http404
    user = request.user
    sections = learner_enrolments(user)
    page = Paginator(sections[section], SECTION_PAGE_SIZE).get_page(request.GET.get("page"))
    attach_completion_awards(list(page.object_list))
    title, empty_text = SECTION_TEXTS[section]
    context = {
        "section": section,
        "title": title,
        "empty_text": empty_text,
        "items": learner_playlists(user, list(page.object_list), request),
        "page_obj": page,
        "section_counts": _counts(sections),
    }
    return render_page(request, TEMPLATES + "section.html", context)


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
