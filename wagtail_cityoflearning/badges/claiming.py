"""Claim codes: a young person claims a badge with a code and their email."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges.awarding import award, normalise_email
from wagtail_cityoflearning.badges.models import Award, ClaimCode
from wagtail_cityoflearning.conf import DEFAULTS, cityoflearning_settings
from wagtail_cityoflearning.recipients import recipient_may_receive

# The default limits (the settings CLAIM_CLIENT_MAX_FAILURES and CLAIM_WINDOW_SECONDS).
MAX_FAILURES = DEFAULTS["CLAIM_CLIENT_MAX_FAILURES"]
WINDOW_SECONDS = DEFAULTS["CLAIM_WINDOW_SECONDS"]


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


class ConsentRefused(ValidationError):
    """The address belongs to a learner who may not have anything stored on this site."""


@transaction.atomic
def claim(code: str, email: str, site=None) -> Award:
    """Award the code's badge to ``email``; the same email claiming again gets the same award.

    Raises ``ValidationError`` with a message for a young person when the code cannot be used,
    and :class:`ConsentRefused` when ``email`` is a learner's who may not have anything stored
    on ``site`` (the claim page's Site); nothing is stored then.
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
    if not recipient_may_receive(email, site):
        raise ConsentRefused(
            _(
                "This badge cannot be given to this address yet. If it is the address of your "
                "account, log in to see why."
            )
        )
    instance = award(claim_code.badge_class, email, source=Award.Source.CLAIM_CODE)
    ClaimCode.objects.filter(pk=claim_code.pk).update(uses=claim_code.uses + 1)
    return instance


# -- limits on guessing ------------------------------------------------------------------------
# Codes are the secret, so what an attacker guesses is a code. Wrong codes count against the
# client that tried them: a browser, known by a signed random id in a cookie the claim page
# sets, together with its address. Another browser behind the same address (a school, a
# library, a mobile network) is not held up by one that guesses. A client that drops the cookie
# gets a new id with every request, so every address also has a much higher ceiling. Claims
# on one existing code are limited too, so a code that leaked cannot be used to flood the
# issuer with awards faster than max_uses would notice. Counts live in the default cache
# (shared by all processes in production) for CLAIM_WINDOW_SECONDS from the first count.

CLIENT_COOKIE = "col_claim_client"
CLIENT_SALT = "wagtail_cityoflearning.badges.claim-client"
CLIENT_COOKIE_MAX_AGE = 365 * 24 * 3600


def client_max_failures() -> int:
    return cityoflearning_settings.CLAIM_CLIENT_MAX_FAILURES


def address_max_failures() -> int:
    return cityoflearning_settings.CLAIM_ADDRESS_MAX_FAILURES


def code_max_attempts() -> int:
    return cityoflearning_settings.CLAIM_CODE_MAX_ATTEMPTS


def window_seconds() -> int:
    return cityoflearning_settings.CLAIM_WINDOW_SECONDS


@dataclass
class Claimant:
    """Who is claiming: a browser's id (from its cookie, or new) and the address it uses."""

    client_id: str
    address: str
    is_new: bool = False

    @classmethod
    def for_request(cls, request) -> Claimant:
        address = request.META.get("REMOTE_ADDR") or "unknown"
        try:
            client_id = request.get_signed_cookie(CLIENT_COOKIE, salt=CLIENT_SALT)
        except (KeyError, signing.BadSignature):
            client_id = ""
        if not client_id or len(client_id) > 64:
            return cls(secrets.token_urlsafe(16), address, is_new=True)
        return cls(client_id, address)

    def remember(self, request, response) -> None:
        """Give a new browser its id, so its own mistakes count against it alone."""
        if self.is_new:
            response.set_signed_cookie(
                CLIENT_COOKIE,
                self.client_id,
                salt=CLIENT_SALT,
                max_age=CLIENT_COOKIE_MAX_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )

    @property
    def client_key(self) -> str:
        return _key("client", f"{self.client_id}|{self.address}")

    @property
    def address_key(self) -> str:
        return _key("address", self.address)


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"wagtail_cityoflearning:claim:{kind}:{digest}"


def _count(key: str) -> int:
    return cache.get(key) or 0


def _add(key: str) -> None:
    if cache.add(key, 1, timeout=window_seconds()):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds())


def is_blocked(claimant: Claimant) -> bool:
    """True when this browser, or its whole address, has tried too many wrong codes."""
    return (
        _count(claimant.client_key) >= client_max_failures()
        or _count(claimant.address_key) >= address_max_failures()
    )


def record_failure(claimant: Claimant) -> None:
    """A wrong code (or a code that cannot be used): counts for the browser and the address."""
    _add(claimant.client_key)
    _add(claimant.address_key)


def code_is_busy(code: str) -> bool:
    """True when the code has taken :func:`code_max_attempts` claims in the window."""
    return _count(_key("code", normalise_code(code))) >= code_max_attempts()


def record_attempt(code: str) -> None:
    _add(_key("code", normalise_code(code)))
