"""Claim codes: a young person claims a badge with a code and their email."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .awarding import award, normalise_email
from .models import Award, ClaimCode

MAX_FAILURES = 10
WINDOW_SECONDS = 600


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


@transaction.atomic
def claim(code: str, email: str) -> Award:
    """Award the code's badge to ``email``; the same email claiming again gets the same award.

    Raises ``ValidationError`` with a message for a young person when the code cannot be used.
    """
    email = normalise_email(email)
    claim_code = (
        ClaimCode.objects.select_for_update()
        .select_related("badge_class")
        .filter(code=normalise_code(code))
        .first()
    )
    if claim_code is None:
        raise ValidationError(_("This code does not exist. Check it and try again."))
    existing = Award.objects.filter(
        badge_class=claim_code.badge_class,
        recipient_email__iexact=email,
        source=Award.Source.CLAIM_CODE,
        revoked=False,
    ).first()
    if existing is not None:
        return existing
    if not claim_code.is_usable:
        raise ValidationError(_("This code can no longer be used."))
    instance = award(claim_code.badge_class, email, source=Award.Source.CLAIM_CODE)
    ClaimCode.objects.filter(pk=claim_code.pk).update(uses=claim_code.uses + 1)
    return instance


def _key(client: str) -> str:
    return f"wagtail_cityoflearning:claim-failures:{client}"


def is_blocked(client: str) -> bool:
    """True when this client (an IP address) has failed too often recently."""
    return (cache.get(_key(client)) or 0) >= MAX_FAILURES


def record_failure(client: str) -> None:
    key = _key(client)
    if cache.add(key, 1, timeout=WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=WINDOW_SECONDS)
