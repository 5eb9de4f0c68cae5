"""A learner's registration for an opportunity that takes registrations on the site."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.models.base import BASE_PAGE_MODEL


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registered or waiting: not cancelled."""
        return self.exclude(status=Registration.Status.CANCELLED)

    def registered(self):
        return self.filter(status=Registration.Status.REGISTERED)

    def waiting(self):
        """The waiting list, first in line first."""
        return self.filter(status=Registration.Status.WAITING).order_by("position", "pk")


class Registration(models.Model):
    """One learner on one opportunity: a place, a place on the waiting list, or cancelled.

    One row per learner and opportunity: registering again after cancelling reuses it."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

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
        related_name="cityoflearning_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # The answers to the opportunity's questions, as asked when the learner registered:
    # [{"id": block id, "question": label, "answer": text}, ...].
    answers = models.JSONField(_("answers"), default=list, blank=True)
    # Order on the waiting list (the lowest moves up first); None when not waiting.
    position = models.PositiveIntegerField(_("position on the waiting list"), null=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # The reminder the day before a session: when it was sent, and for which session start,
    # so the reminders command sends each one once however often it runs.
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    reminded_for = models.DateTimeField(_("reminded of the session at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "user"], name="col_registration_one_per_learner"
            )
        ]
        indexes = [models.Index(fields=["opportunity", "status", "position"])]

    def __str__(self):
        return f"{self.user} – {self.opportunity_id} ({self.status})"

    @property
    def is_registered(self) -> bool:
        return self.status == self.Status.REGISTERED

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def place_in_line(self) -> int | None:
        """1 for the first in line on the waiting list (None when not waiting): positions
        only grow, so this counts who is ahead now."""
        if not self.is_waiting or self.position is None:
            return None
        ahead = Registration.objects.filter(
            opportunity_id=self.opportunity_id,
            status=self.Status.WAITING,
            position__lt=self.position,
        ).count()
        return ahead + 1
