"""Background work for learners: the badges that playlists and their steps award.

Both tasks are idempotent: they lock the row, award only when no award is recorded yet, and
record the award in the same transaction, so a duplicated or retried job awards nothing twice.
A playlist completed while the queue was down is finished by ``cityoflearning_retry_pending``.
"""

import logging

from django.db import transaction
from django_tasks import task

from ..badges.awarding import award
from ..badges.models import Award
from .models import PlaylistEnrolment, StepProgress

logger = logging.getLogger(__name__)


def _evidence_for(playlist):
    url = playlist.full_url or ""
    return [{"url": url, "narrative": playlist.title}] if url else []


@task()
def award_playlist_completion(enrolment_id: int) -> str | None:
    """Award a completed playlist's badge to the learner, exactly once."""
    with transaction.atomic():
        enrolment = (
            PlaylistEnrolment.objects.select_for_update()
            .select_related("user")
            .filter(pk=enrolment_id)
            .first()
        )
        if enrolment is None or enrolment.completed_at is None:
            return None
        if enrolment.completion_award_id is not None:
            return str(enrolment.completion_award.uuid)
        playlist = enrolment.playlist.specific
        badge = playlist.completion_badge
        if badge is None or not badge.live or not enrolment.user.email:
            return None
        instance = award(
            badge,
            enrolment.user.email,
            evidence=_evidence_for(playlist),
            narrative=playlist.title,
            source=Award.Source.PLAYLIST,
        )
        enrolment.completion_award = instance
        enrolment.save(update_fields=["completion_award"])
    return str(instance.uuid)


@task()
def award_step_badge(progress_id: int) -> str | None:
    """Award a completed step's own badge to the learner, exactly once."""
    with transaction.atomic():
        record = (
            StepProgress.objects.select_for_update()
            .select_related("enrolment__user")
            .filter(pk=progress_id)
            .first()
        )
        if record is None or not record.is_complete:
            return None
        if record.award_id is not None:
            return str(record.award.uuid)
        playlist = record.enrolment.playlist.specific
        step = playlist.get_step(record.step_id)
        badge = step.earns_step_badge if step else None
        user = record.enrolment.user
        if badge is None or not badge.live or not user.email:
            return None
        instance = award(
            badge,
            user.email,
            evidence=_evidence_for(playlist),
            narrative=step.title,
            source=Award.Source.PLAYLIST,
        )
        record.award = instance
        record.save(update_fields=["award"])
    return str(instance.uuid)


def pending_completions():
    """Completed playlists and steps whose badge has not been awarded yet."""
    enrolments = PlaylistEnrolment.objects.filter(
        completed_at__isnull=False, completion_award__isnull=True
    )
    steps = StepProgress.objects.filter(completed_at__isnull=False, award__isnull=True)
    return enrolments, steps
