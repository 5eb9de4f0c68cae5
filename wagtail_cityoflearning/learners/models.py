"""Young people's side of the platform: their profile and consent, their progress through
playlists, the evidence they submit, attendance confirmed by providers, and the playlists
they compose themselves. Learners are plain Django users (accounts through django-allauth)."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from ..models.base import BASE_PAGE_MODEL
from .storage import evidence_storage


def current_year() -> int:
    return timezone.localdate().year


def site_languages():
    """The host site's LANGUAGES, read when needed (not frozen into migrations)."""
    return settings.LANGUAGES


def validate_year_of_birth(value):
    from django.core.exceptions import ValidationError

    year = current_year()
    if value > year - 10 or value < year - 100:
        raise ValidationError(
            _("Enter the year you were born, e.g. %(year)d.") % {"year": year - 16}
        )


class LearnerProfile(models.Model):
    """What a young person tells us about themselves, and their consent state."""

    class Consent(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Old enough to consent")
        PENDING = "pending", _("Waiting for a parent or guardian")
        GIVEN = "given", _("Given by a parent or guardian")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("How we greet you. It need not be your real name."),
    )
    year_of_birth = models.PositiveSmallIntegerField(
        _("year of birth"), validators=[validate_year_of_birth]
    )
    interests = models.ManyToManyField(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interests"),
        blank=True,
        related_name="+",
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True, choices=site_languages
    )
    consent = models.CharField(
        _("consent"), max_length=20, choices=Consent.choices, default=Consent.NOT_NEEDED
    )
    guardian_email = models.EmailField(_("parent's or guardian's email"), blank=True)
    consent_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    consent_given_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.display_name

    @property
    def age(self) -> int:
        """The age this year (the lower bound when the birthday is still to come)."""
        return current_year() - self.year_of_birth - 1

    @property
    def may_store_learning(self) -> bool:
        """False while a parent's consent is awaited: nothing beyond the account is stored."""
        return self.consent != self.Consent.PENDING


class SiteConsent(models.Model):
    """A guardian's consent for a learner on a city's site other than their profile's own.

    One install can serve cities with different ages of digital consent, so a guardian's
    agreement counts only for the city it was asked for: a learner who acts on another
    city's site, below that city's age, asks their guardian again for that city.
    ``given_at`` is empty while the guardian's answer is awaited.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="site_consents"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("city"), on_delete=models.CASCADE, related_name="+"
    )
    guardian_email = models.EmailField(_("parent's or guardian's email"))
    requested_at = models.DateTimeField(_("asked for"), default=timezone.now)
    given_at = models.DateTimeField(_("given"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent for a city")
        verbose_name_plural = _("consents for cities")
        constraints = [
            models.UniqueConstraint(fields=["user", "site"], name="col_site_consent_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.site}"

    @property
    def is_given(self) -> bool:
        return self.given_at is not None


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
        "wagtail_cityoflearning.Award",
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
        "wagtail_cityoflearning.Award",
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


class LearnerPlaylist(ClusterableModel):
    """A playlist a young person composes: private unless shared by its link; it can be
    submitted for publishing, which makes a PlaylistPage draft for the city's editors."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_playlists"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("what it is about"), blank=True, max_length=2000)
    share_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    shared = models.BooleanField(
        _("anyone with the link can see it"),
        default=False,
        help_text=_("Private by default: only you see it until you tick this."),
    )
    submitted_page = models.ForeignKey(
        BASE_PAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learner playlist")
        verbose_name_plural = _("learner playlists")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title


class LearnerPlaylistStep(Orderable):
    """An opportunity, or a step the learner describes in their own words."""

    playlist = ParentalKey(LearnerPlaylist, on_delete=models.CASCADE, related_name="steps")
    opportunity = models.ForeignKey(
        BASE_PAGE_MODEL,
        verbose_name=_("opportunity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("step"), max_length=120, blank=True)
    description = models.TextField(_("what to do"), blank=True, max_length=2000)

    class Meta(Orderable.Meta):
        verbose_name = _("learner playlist step")
        verbose_name_plural = _("learner playlist steps")


__all__ = [
    "Attendance",
    "LearnerPlaylist",
    "LearnerPlaylistStep",
    "LearnerProfile",
    "PlaylistEnrolment",
    "SiteConsent",
    "StepProgress",
]
