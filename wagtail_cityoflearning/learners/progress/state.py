"""Where a learner stands in a playlist, and what happens when that changes.

:func:`update_progress` is the one place that decides whether steps and playlists are
complete. It is called after every event that can complete something (evidence approved, an
activity marked done, attendance confirmed, a badge awarded). Completing a playlist is a conditional
UPDATE, so however often and however concurrently it runs, the completion badge is queued
exactly once; the task itself checks again before awarding.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from wagtail_cityoflearning.badges.models import Award, OpportunityBadge
from wagtail_cityoflearning.learners.accounts.addresses import learner_emails
from wagtail_cityoflearning.learners.accounts.consent import (
    consent_status,
    may_store,
    page_site,
    site_of,
)
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.tasks import (
    award_playlist_completion,
    award_step_badge,
)
from wagtail_cityoflearning.learners.steps.blocks import StepKind
from wagtail_cityoflearning.page_cache import remembered

logger = logging.getLogger(__name__)


# -- what the learner has done outside the playlist ---------------------------------------


def held_badges(user) -> tuple[set[int], set[int]]:
    """The badge classes the learner holds (awarded to one of their addresses, not revoked),
    and the opportunities that award one of them, in one query."""
    rows = (
        awards_to(learner_emails(user))
        .filter(revoked=False)
        .values_list("badge_class_id", "badge_class__opportunity_links__page_id")
    )
    badge_ids, opportunity_ids = set(), set()
    for badge_id, opportunity_id in rows:
        badge_ids.add(badge_id)
        if opportunity_id is not None:
            opportunity_ids.add(opportunity_id)
    return badge_ids, opportunity_ids


def held_badge_ids(user) -> set[int]:
    """Badge classes the learner holds: awarded to one of their addresses, not revoked."""
    return held_badges(user)[0]


def awards_to(emails):
    """Awards to any of ``emails``, whatever the case of the address they were awarded to."""
    query = Q()
    for email in emails:
        query |= Q(recipient_email__iexact=email)
    return Award.objects.filter(query) if emails else Award.objects.none()


def awards_to_user(user):
    """Awards to any of the learner's verified addresses, whatever their case, in one query
    (:func:`awards_to` of :func:`learner_emails`, with the addresses read in a subquery)."""
    addresses = (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(address=Lower("email"))
        .values("address")
    )
    return Award.objects.annotate(recipient=Lower("recipient_email")).filter(
        recipient__in=addresses
    )


def badge_opportunity_ids(badge_ids) -> set[int]:
    """The opportunities that award any of these badge classes. Which badge an opportunity
    awards is part of its page, so the answer is kept in the page cache: publishing any page
    makes it stale."""
    badge_ids = sorted(set(badge_ids))
    if not badge_ids:
        return set()
    return remembered(
        ("badge-opportunities", badge_ids),
        lambda: set(
            OpportunityBadge.objects.filter(badge_class_id__in=badge_ids).values_list(
                "page_id", flat=True
            )
        ),
    )


def attended_opportunity_ids(user) -> set[int]:
    return set(Attendance.objects.filter(user=user).values_list("opportunity_id", flat=True))


@dataclass
class LearnerFacts:
    """Everything outside a playlist that can complete its steps, read once per request."""

    badge_ids: set[int]
    attended_ids: set[int]
    # Opportunities whose badge the learner holds: their steps are complete too.
    badge_opportunity_ids: set[int] = field(default_factory=set)

    @classmethod
    def for_user(cls, user) -> LearnerFacts:
        badge_ids, badge_opportunity_ids = held_badges(user)
        return cls(
            badge_ids=badge_ids,
            attended_ids=attended_opportunity_ids(user),
            badge_opportunity_ids=badge_opportunity_ids,
        )

    @classmethod
    def from_awards(cls, awards, attended_ids) -> LearnerFacts:
        """The facts from the learner's awards (:func:`awards_to_user`, revoked ones too),
        already read, and the opportunities they attended: the dashboard reads both anyway."""
        badge_ids = {award.badge_class_id for award in awards if not award.revoked}
        return cls(
            badge_ids=badge_ids,
            attended_ids=set(attended_ids),
            badge_opportunity_ids=badge_opportunity_ids(badge_ids),
        )


# -- the state of each step ------------------------------------------------------------------


@dataclass
class StepStanding:
    """Where one learner stands on one step, worked out afresh each time and never stored:
    complete, locked, and the status of the stored :class:`StepProgress` record, if any."""

    step: object  # models.playlists.Step
    progress: StepProgress | None
    complete: bool
    locked: bool = False
    status: str = ""  # a StepProgress.Status value, or "" when nothing happened yet

    @property
    def needs_review(self) -> bool:
        return self.status == StepProgress.Status.SUBMITTED

    @property
    def changes_requested(self) -> bool:
        return self.status == StepProgress.Status.CHANGES_REQUESTED

    @property
    def can_submit(self) -> bool:
        """Evidence can be (re)submitted: not locked, and not yet reviewed."""
        if self.locked or self.step.kind != StepKind.ACTIVITY:
            return False
        return self.progress is None or self.progress.is_editable


@dataclass
class PlaylistProgress:
    """Where one learner stands on a whole playlist (worked out, not stored): one
    :class:`StepStanding` per step."""

    enrolment: PlaylistEnrolment | None
    states: list[StepStanding] = field(default_factory=list)
    needed: int = 0

    @property
    def counted(self) -> int:
        """Completed steps that count towards the requirement."""
        required = sum(1 for s in self.states if s.complete and s.step.required)
        optional = sum(1 for s in self.states if s.complete and not s.step.required)
        needed_optional = self.needed - sum(1 for s in self.states if s.step.required)
        return required + min(optional, max(needed_optional, 0))

    @property
    def waiting_for_review(self) -> int:
        """Steps whose evidence was sent and waits for a reviewer (not yet counted)."""
        return sum(1 for s in self.states if s.needs_review and not s.complete)

    @property
    def percent(self) -> int:
        if not self.needed:
            return 100 if self.states else 0
        return min(100, round(100 * self.counted / self.needed))

    @property
    def requirements_met(self) -> bool:
        required_done = all(s.complete for s in self.states if s.step.required)
        return bool(self.states) and required_done and self.counted >= self.needed

    @property
    def next_state(self) -> StepStanding | None:
        """Where to continue: the first step that is neither complete nor locked."""
        return next((s for s in self.states if not s.complete and not s.locked), None)


def step_is_complete(step, progress: StepProgress | None, facts: LearnerFacts) -> bool:
    if progress is not None and progress.is_complete:
        return True
    if step.kind == StepKind.OPPORTUNITY:
        opportunity = step.opportunity
        if opportunity is None:
            return False
        return opportunity.pk in facts.attended_ids or opportunity.pk in facts.badge_opportunity_ids
    if step.kind == StepKind.BADGE:
        badge = step.badge
        return badge is not None and badge.pk in facts.badge_ids
    return False


def playlist_progress(
    playlist,
    enrolment: PlaylistEnrolment | None,
    facts: LearnerFacts | None = None,
    *,
    records=None,
) -> PlaylistProgress:
    """The state of every step for one learner (``enrolment`` None: nobody's progress).

    ``records``: the enrolment's step progress, when the caller has read it (else it is
    ``enrolment.step_progress.all()``)."""
    if enrolment is not None:
        if records is None:
            records = enrolment.step_progress.all()
        records = {p.step_id: p for p in records}
        if facts is None:
            facts = LearnerFacts.for_user(enrolment.user)
    else:
        records = {}
    facts = facts or LearnerFacts(set(), set())
    result = PlaylistProgress(enrolment=enrolment, needed=playlist.steps_needed)
    blocked = False
    for step in playlist.step_list:
        progress = records.get(step.id)
        complete = enrolment is not None and step_is_complete(step, progress, facts)
        state = StepStanding(
            step=step,
            progress=progress,
            complete=complete,
            locked=playlist.in_order and blocked,
            status=progress.status if progress else "",
        )
        if step.required and not complete:
            blocked = True
        result.states.append(state)
    return result


# -- reacting to change ----------------------------------------------------------------------


def update_progress(
    enrolment: PlaylistEnrolment, facts: LearnerFacts | None = None, *, consent_checked=False
) -> PlaylistProgress:
    """Record newly completed steps, queue their badges, and complete the playlist once."""
    playlist = enrolment.playlist.specific
    progress = playlist_progress(playlist, enrolment, facts)
    if not enrolment.is_started:
        return progress
    if not consent_checked and not may_store(enrolment.user, page_site(playlist)):
        return progress  # nothing is recorded without consent valid for the playlist's city
    now = timezone.now()
    for state in progress.states:
        if not state.complete:
            continue
        record = state.progress
        if record is None:
            record, _ = StepProgress.objects.get_or_create(
                enrolment=enrolment,
                step_id=state.step.id,
                defaults={"status": StepProgress.Status.DONE, "completed_at": now},
            )
            state.progress = record
        if record.completed_at is None:
            StepProgress.objects.filter(pk=record.pk, completed_at__isnull=True).update(
                completed_at=now
            )
        if state.step.earns_step_badge is not None and record.award_id is None:
            StepProgress.objects.filter(pk=record.pk).update(award_due=True)
            _on_commit(award_step_badge, record.pk)
    if progress.requirements_met and enrolment.completed_at is None:
        changed = PlaylistEnrolment.objects.filter(
            pk=enrolment.pk, completed_at__isnull=True
        ).update(
            completed_at=now,
            last_activity_at=now,
            award_due=playlist.completion_badge_id is not None,
        )
        if changed:
            enrolment.completed_at = now
            if playlist.completion_badge_id:
                _on_commit(award_playlist_completion, enrolment.pk)
    return progress


def _on_commit(task, pk):
    def enqueue():
        try:
            task.enqueue(pk)
        except Exception:
            logger.warning("Could not queue %s(%s); retry_pending will", task, pk, exc_info=True)

    transaction.on_commit(enqueue)


def update_progress_for_user(user, *, playlist_ids=None) -> None:
    """Update the progress of a learner's started playlists (after a badge or an attendance)."""
    enrolments = PlaylistEnrolment.objects.filter(
        user=user, started_at__isnull=False, completed_at__isnull=True
    ).select_related("playlist", "user")
    if playlist_ids is not None:
        enrolments = enrolments.filter(playlist_id__in=playlist_ids)
    enrolments = list(enrolments)
    if not enrolments:
        return
    facts = None  # read once for all of the learner's playlists, if any may be evaluated
    for enrolment in enrolments:
        if not may_store(user, page_site(enrolment.playlist)):
            continue  # nothing is recorded without consent valid for the playlist's city
        facts = facts or LearnerFacts.for_user(user)
        update_progress(enrolment, facts, consent_checked=True)


# -- the playlist page -------------------------------------------------------------------------


def enrolled_playlist(page):
    """The page a learner's enrolment in ``page`` belongs to: the first of its translations,
    so that progress made on one language's copy shows on every other (step ids are kept
    when a page is translated)."""
    if not getattr(page, "translation_key", None):
        return page
    first = (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .only("pk")
        .first()
    )
    return page if first is None or first.pk == page.pk else first


def playlist_context(request, playlist) -> dict:
    """What the playlist page shows: the steps and, for a signed-in learner, their progress."""
    user = getattr(request, "user", None)
    enrolment = None
    if user is not None and user.is_authenticated:
        enrolment = (
            PlaylistEnrolment.objects.filter(user=user, playlist=enrolled_playlist(playlist))
            .prefetch_related("step_progress")
            .first()
        )
    progress = playlist_progress(
        playlist, enrolment if enrolment and enrolment.is_started else None
    )
    if enrolment is not None and not enrolment.is_started:
        progress.enrolment = enrolment
    status = consent_status(user, site_of(request))
    return {
        "enrolment": enrolment,
        "progress": progress,
        "step_states": progress.states,
        "learner_consent": status,
        # A learner who may not store learning on this city's site sees why, not the buttons
        # (an account without a profile is asked to complete it when it presses one).
        "consent_pending": status.asks_guardian,
    }
