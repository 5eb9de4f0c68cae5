"""Where learners stand in playlists: enrolments, each step's progress with its evidence, and
attendance confirmed by providers."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.learners.progress.storage import evidence_storage
from wagtail_cityoflearning.models.base import BASE_PAGE_MODEL


class PlaylistEnrolment(models.Model):
    """A learner's relation to one playlist: saved for later, started, completed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="playlist_enrolments"
    )
    playlist = models.ForeignKey(
        BASE_PAGE_MODEL,
        verbose_name=_("playlist"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved for later"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    completion_award = models.ForeignKey(
        "wagtail_cityoflearning_badges.Award",
        verbose_name=_("completion badge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the completion badge is queued, cleared when its task has run: what
    # ``cityoflearning_retry_pending`` finishes after the queue was down.
    award_due = models.BooleanField(default=False, editable=False, db_index=True)

    class Meta:
        verbose_name = _("playlist enrolment")
        verbose_name_plural = _("playlist enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "playlist"], name="col_enrolment_unique")
        ]
        indexes = [models.Index(fields=["user", "last_activity_at"])]

    def __str__(self):
        return f"{self.user} · {self.playlist}"

    @property
    def is_started(self) -> bool:
        return self.started_at is not None

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


def evidence_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"{instance.enrolment.user_id}/{uuid.uuid4().hex}{extension}"


class StepProgress(models.Model):
    """A learner's progress on one step: evidence submitted and reviewed, or done."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        DONE = "done", _("Done")

    enrolment = models.ForeignKey(
        PlaylistEnrolment, on_delete=models.CASCADE, related_name="step_progress"
    )
    step_id = models.CharField(_("step"), max_length=64)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    text = models.TextField(_("your answer"), blank=True, max_length=10000)
    link = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(
        _("file"),
        storage=evidence_storage,
        upload_to=evidence_upload_to,
        blank=True,
        max_length=200,
    )
    original_filename = models.CharField(max_length=255, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback = models.TextField(_("feedback"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    award = models.ForeignKey(
        "wagtail_cityoflearning_badges.Award",
        verbose_name=_("step badge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    award_due = models.BooleanField(default=False, editable=False, db_index=True)

    class Meta:
        verbose_name = _("step progress")
        verbose_name_plural = _("step progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "step_id"], name="col_step_progress_unique"
            )
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.enrolment} · {self.step_id}"

    @property
    def is_complete(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.DONE)

    @property
    def is_editable(self) -> bool:
        """Learners may change their evidence until it has been reviewed."""
        return self.status in (self.Status.SUBMITTED, self.Status.CHANGES_REQUESTED)


class Attendance(models.Model):
    """A provider's confirmation that a learner took part in an opportunity."""

    opportunity = models.ForeignKey(
        BASE_PAGE_MODEL,
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "user"], name="col_attendance_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.opportunity}"
