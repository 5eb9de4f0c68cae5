"""Requests of organisations to become a city's learning provider, and invitations of staff."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.ewkt import parse_point


class ProviderRequest(models.Model):
    """What an organisation told the city in the "Become a learning provider" form."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("city site"),
        on_delete=models.CASCADE,
        related_name="provider_requests",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255)
    location = models.CharField(_("point on the map"), max_length=250, blank=True)
    website = models.URLField(_("website"), blank=True)
    offer = models.TextField(_("what the organisation offers"), max_length=3000)
    interests = models.ManyToManyField(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interests"),
        blank=True,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_message = models.TextField(_("message to the contact"), blank=True)
    provider = models.ForeignKey(
        "wagtail_cityoflearning.ProviderPage",
        verbose_name=_("provider page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("provider request")
        verbose_name_plural = _("provider requests")
        ordering = ["-created_at"]

    def __str__(self):
        return self.organisation

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def point(self):
        """``(lat, lng)`` of the point the organisation placed, None without one."""
        try:
            return parse_point(self.location) if self.location else None
        except ValueError:
            return None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires__gt=timezone.now())


class Invitation(models.Model):
    """An invitation to join a provider's staff: a link, sent by email, that works once and
    until it expires. Only a digest of the link's token is stored."""

    email = models.EmailField(_("email"))
    provider = models.ForeignKey(
        "wagtail_cityoflearning.ProviderPage",
        verbose_name=_("provider page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    expires = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")
        ordering = ["-created"]

    def __str__(self):
        return self.email

    def new_token(self) -> str:
        """Give the invitation a new secret (the old link stops working) and return it."""
        token = secrets.token_urlsafe(32)
        self.token_hash = token_digest(token)
        return token

    @property
    def is_expired(self) -> bool:
        return self.expires <= timezone.now()

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None
