"""Awarding and revoking badges. An award is saved first; baking, signing and the email
follow in a background task, and an award whose task could not be queued stays pending
until ``cityoflearning_retry_pending`` finishes it."""

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from wagtail_cityoflearning.badges import tasks
from wagtail_cityoflearning.badges.models import Award, AwardEvidence

logger = logging.getLogger(__name__)


def normalise_email(email: str) -> str:
    email = (email or "").strip()
    validate_email(email)
    return email


@transaction.atomic
def award(
    badge_class,
    email: str,
    *,
    evidence: Iterable[dict] = (),
    narrative: str = "",
    awarded_by=None,
    source: str = Award.Source.ADMIN,
    issued_on=None,
) -> Award:
    """Award ``badge_class`` to ``email``. Evidence items are dicts with ``url``/``narrative``.

    Raises ``ValidationError`` for bad input; nothing is saved then.
    """
    if not badge_class.live:
        raise ValidationError({"badge_class": "Only a published badge can be awarded."})
    issued_on = issued_on or timezone.now()
    instance = Award(
        badge_class=badge_class,
        recipient_email=normalise_email(email),
        issued_on=issued_on,
        expires=badge_class.expires_for(issued_on),
        narrative=narrative,
        awarded_by=awarded_by,
        source=source,
        status_index=badge_class.issuer.allocate_status_index(),
    )
    instance.full_clean(exclude=["badge_class", "awarded_by"])
    instance.save()
    for order, item in enumerate(evidence):
        item = AwardEvidence(
            award=instance,
            url=(item.get("url") or "").strip(),
            narrative=(item.get("narrative") or "").strip(),
            sort_order=order,
        )
        item.full_clean(exclude=["award"])
        item.save()
    transaction.on_commit(lambda: enqueue(instance))
    return instance


def enqueue(instance: Award) -> bool:
    """Queue the award's background work; False (and the award stays pending) on failure."""
    try:
        tasks.process_award.enqueue(str(instance.pk))
    except Exception:
        logger.warning("Could not queue award %s; it stays pending", instance.uuid, exc_info=True)
        return False
    return True


@transaction.atomic
def revoke(instance: Award, reason: str) -> Award:
    """Revoke an award. Its hosted assertion then answers 410 Gone with the reason, and its
    bit in the issuer's Open Badges 3.0 status list is set (the list is built from the awards)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"revocation_reason": "Give a reason for revoking the badge."})
    instance.revoked = True
    instance.revocation_reason = reason[:255]
    instance.revoked_at = timezone.now()
    instance.save(update_fields=["revoked", "revocation_reason", "revoked_at"])
    return instance
