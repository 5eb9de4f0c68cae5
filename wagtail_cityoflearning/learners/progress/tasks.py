"""Background work for learners: the badges that playlists and their steps award.

Both tasks are idempotent: they lock the row, award only when no award is recorded yet, and
record the award in the same transaction, so a duplicated or retried job awards nothing twice.
A playlist completed while the queue was down is finished by ``cityoflearning_retry_pending``.
"""

import logging

from django.db import transaction
from django_tasks import task

from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.accounts.addresses import learner_emails
from wagtail_cityoflearning.learners.accounts.consent import may_store, page_site
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

logger = logging.getLogger(__name__)


def recipient_for(user) -> str:
    """The address a learner's badges go to: the account's, once verified."""
    verified = learner_emails(user)
    email = (user.email or "").strip()
    if email.lower() in verified:
        return email
    return min(verified) if verified else ""


def _settled(record) -> None:
    """Nothing (more) to award: the retry command can forget this row."""
    if record.award_due:
        type(record).objects.filter(pk=record.pk).update(award_due=False)


def _evidence_for(playlist):
    url = playlist.full_url or ""
    return [{"url": url, "narrative": playlist.title}] if url else []


def _award_once(record, award_field: str, user, playlist, badge, narrative: str) -> str | None:
    """Award ``badge`` for ``record`` (locked by the caller) unless it holds an award already;
    record it in ``award_field`` and clear ``award_due`` in the same transaction."""
    existing = getattr(record, award_field)
    if existing is not None:
        _settled(record)
        return str(existing.uuid)
    if not may_store(user, page_site(playlist)):
        # No consent valid for the playlist's city (any more): nothing is awarded, and the
        # row stays due, so ``cityoflearning_retry_pending`` awards it once consent is given.
        return None
    email = recipient_for(user)
    if badge is None or not badge.live or not email:
        _settled(record)
        return None
    instance = award(
        badge,
        email,
        evidence=_evidence_for(playlist),
        narrative=narrative,
        source=Award.Source.PLAYLIST,
    )
    setattr(record, award_field, instance)
    record.award_due = False
    record.save(update_fields=[award_field, "award_due"])
    return str(instance.uuid)


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
        playlist = enrolment.playlist.specific
        return _award_once(
            enrolment,
            "completion_award",
            enrolment.user,
            playlist,
            playlist.completion_badge,
            playlist.title,
        )


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
        playlist = record.enrolment.playlist.specific
        step = playlist.get_step(record.step_id)
        return _award_once(
            record,
            "award",
            record.enrolment.user,
            playlist,
            step.earns_step_badge if step else None,
            step.title if step else "",
        )


def pending_completions():
    """Completed playlists and steps whose badge was queued but not awarded yet."""
    return (
        PlaylistEnrolment.objects.filter(award_due=True),
        StepProgress.objects.filter(award_due=True),
    )


def retry_pending(stdout, stderr) -> None:
    """Award the badges of playlists and steps completed while the queue was down (the
    ``cityoflearning_retry_pending`` hook of ``manage.py cityoflearning_retry_pending``)."""
    enrolments, steps = pending_completions()
    awarded = 0
    for award_task, pks in (
        (award_playlist_completion, enrolments.values_list("pk", flat=True)),
        (award_step_badge, steps.values_list("pk", flat=True)),
    ):
        for pk in list(pks):
            try:
                if award_task.call(pk):
                    awarded += 1
            except Exception as error:  # one award must not stop the others
                stderr.write(f"{award_task.name} {pk}: {error}")
    if awarded:
        stdout.write(f"{awarded} playlist and step badges awarded.")
