"""Endorsements: one issuer (a city, a provider) vouches for another issuer's badge.

An endorsement is of a badge, not of one translation of it: it points at one row of the badge
class but is matched by the badge's ``uuid``, which its translations share (and which is the
badge's Open Badges ``id``). Each endorsement is published twice: as an Open Badges 2.0
``Endorsement`` at its own URL and, signed once when it is made, as an Open Badges 3.0
``EndorsementCredential`` (see :mod:`wagtail_cityoflearning.badges.endorsements`).

The foreign keys name their models as strings: ``badges/models.py`` imports this module, so
this module does not import that one.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BADGES = "wagtail_cityoflearning_badges"


class EndorsementQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked=False)

    def of_badge(self, badge_class):
        """The endorsements of ``badge_class`` in any of its translations."""
        return self.filter(badge_uuid=badge_class.uuid)

    def for_badge_class(self, badge_class):
        """The live endorsements of ``badge_class`` (in any of its translations), oldest
        first, as the badge's documents and pages show them. (For modules that cannot import
        :mod:`wagtail_cityoflearning.badges.endorsements`, which imports them.)"""
        return (
            self.live()
            .of_badge(badge_class)
            .select_related("endorser__site", "badge_class__issuer__site")
            .order_by("issued_on", "pk")
        )


class Endorsement(models.Model):
    """An issuer's public word for another issuer's badge, with a comment."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    endorser = models.ForeignKey(
        f"{BADGES}.Issuer",
        verbose_name=_("endorsed by"),
        on_delete=models.CASCADE,
        related_name="endorsements_given",
    )
    badge_class = models.ForeignKey(
        f"{BADGES}.BadgeClass",
        verbose_name=_("badge"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    # The badge's uuid (shared by its translations), kept beside the foreign key so that one
    # live endorsement per endorser and badge is a rule of the database.
    badge_uuid = models.UUIDField(editable=False, db_index=True)
    comment = models.TextField(
        _("comment"),
        help_text=_("What the endorser says about the badge; shown on the badge's page."),
    )
    issued_on = models.DateTimeField(_("endorsed on"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked = models.BooleanField(_("withdrawn"), default=False)
    revoked_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    # The Open Badges 3.0 EndorsementCredential with its Data Integrity proof, signed once.
    credential = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EndorsementQuerySet.as_manager()

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["-issued_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["endorser", "badge_uuid"],
                condition=models.Q(revoked=False),
                name="one_live_endorsement_per_endorser_and_badge",
                violation_error_message=_("This issuer already endorses this badge."),
            )
        ]

    def __str__(self):
        return _("%(badge)s, endorsed by %(endorser)s") % {
            "badge": self.badge_class,
            "endorser": self.endorser,
        }

    def save(self, *args, **kwargs):
        if self.badge_class_id and not self.badge_uuid:
            self.badge_uuid = self.badge_class.uuid
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not (self.endorser_id and self.badge_class_id):
            return
        self.badge_uuid = self.badge_class.uuid
        if self.badge_class.issuer_id == self.endorser_id:
            raise ValidationError(
                {"badge_class": _("An issuer cannot endorse its own badge.")},
                code="own_badge",
            )
        if not self.pk and not self.badge_class.live:
            raise ValidationError(
                {"badge_class": _("Only a published badge can be endorsed.")}, code="draft"
            )
        live = (
            type(self)
            .objects.live()
            .filter(endorser_id=self.endorser_id, badge_uuid=self.badge_class.uuid)
        )
        if self.pk:
            live = live.exclude(pk=self.pk)
        if not self.revoked and live.exists():
            raise ValidationError(
                {
                    "badge_class": _(
                        "%(endorser)s already endorses this badge. Withdraw that endorsement "
                        "first to write a new one."
                    )
                    % {"endorser": self.endorser}
                },
                code="duplicate",
            )
