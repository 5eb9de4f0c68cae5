"""What a badge says of itself: its names, dates and issuer as it states them, whether its
dates hold today, and whether the email a visitor gives is its recipient (also when hashed).

Nothing here is confirmed: a report filled from these is "claimed only" until a signature or
the issuer's own copy confirms it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from datetime import time as day_start
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges.verifier.report import (
    FAILED,
    MATCH,
    NO_EMAIL,
    NO_MATCH,
    NOT_CHECKED,
    NOT_GIVEN,
    OK,
    Report,
)
from wagtail_cityoflearning.dates import format_date

# Dates outside these years are not read: no badge was issued before 1970, and far dates
# cannot be shown in every time zone.
FIRST_YEAR, LAST_YEAR = 1970, 9000


def one(value):
    """A value a badge gives once: a list of one is that value (JSON-LD reads it the same)."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def when(value) -> datetime | None:
    """A date of a badge, in UTC: ISO 8601 (a date alone is its midnight, UTC) or a Unix
    time. None when it cannot be read or lies outside the years FIRST_YEAR to LAST_YEAR."""
    value = one(value)
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            moment = datetime.fromtimestamp(value, tz=UTC)
        elif isinstance(value, str):
            text = value.strip()
            moment = parse_datetime(text)
            if moment is None and (day := parse_date(text)) is not None:
                moment = datetime.combine(day, day_start())
            if moment is None:
                return None
            if timezone.is_naive(moment):
                moment = moment.replace(tzinfo=UTC)
            moment = moment.astimezone(UTC)
        else:
            return None
    except (OverflowError, OSError, ValueError):
        return None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        return None
    return moment


def read_date(report: Report, value, kind: str) -> datetime | None:
    """``when(value)``; a value given that cannot be read is noted on the report as ``kind``
    ("issued" or "expires")."""
    if value is None or value == "" or value == []:
        return None
    moment = when(value)
    if moment is None:
        report.unreadable_dates.add(kind)
    return moment


def text_of(value) -> str:
    """A name or description: a string, or the first string of a language map."""
    value = one(value)
    if isinstance(value, str):
        return value.strip()[:500]
    if isinstance(value, dict):
        return next((text_of(v) for v in value.values() if isinstance(v, str)), "")
    return ""


def claims_ob2(report: Report, doc: dict) -> None:
    report.issued_on = read_date(report, doc.get("issuedOn"), "issued")
    report.expires = read_date(report, doc.get("expires"), "expires")
    badge = doc.get("badge")
    if isinstance(badge, dict):
        report.badge_name = text_of(badge.get("name"))
        report.badge_description = text_of(badge.get("description"))
        issuer = badge.get("issuer")
        if isinstance(issuer, dict):
            report.issuer_name = text_of(issuer.get("name"))
            report.issuer_id = str(issuer.get("id") or "")
        elif isinstance(issuer, str):
            report.issuer_id = issuer
    if doc.get("revoked") is True:
        report.revocation_reason = text_of(doc.get("revocationReason"))


def subject_of(credential: dict) -> dict:
    subject = credential.get("credentialSubject") if isinstance(credential, dict) else None
    if isinstance(subject, list):
        subject = subject[0] if subject else {}
    return subject if isinstance(subject, dict) else {}


def issuer_of(credential: dict) -> str:
    issuer = one(credential.get("issuer")) if isinstance(credential, dict) else None
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else ""


def claims_ob3(report: Report, credential: dict, token_claims: dict | None = None) -> None:
    """What a credential says; ``token_claims``, the payload of its VC-JWT, gives the dates
    (``nbf``, ``exp``) the credential itself does not."""
    issuer = one(credential.get("issuer"))
    report.issuer_id = issuer_of(credential)
    if isinstance(issuer, dict):
        report.issuer_name = text_of(issuer.get("name"))
    achievement = one(subject_of(credential).get("achievement"))
    if isinstance(achievement, dict):
        report.badge_name = text_of(achievement.get("name"))
        report.badge_description = text_of(achievement.get("description"))
    if not report.badge_name:
        report.badge_name = text_of(credential.get("name"))
    token_claims = token_claims if isinstance(token_claims, dict) else {}
    report.issued_on = read_date(
        report,
        credential.get("validFrom")
        or credential.get("issuanceDate")
        or credential.get("awardedDate")
        or token_claims.get("nbf"),
        "issued",
    )
    report.expires = read_date(
        report,
        credential.get("validUntil") or credential.get("expirationDate") or token_claims.get("exp"),
        "expires",
    )


def claimed_expiry(report: Report) -> None:
    now = timezone.now()
    if "issued" in report.unreadable_dates:
        report.add("dates", NOT_CHECKED, _("The date it was issued on could not be read."))
    elif report.issued_on is not None and report.issued_on > now + timedelta(minutes=5):
        report.add("dates", FAILED, _("It says it is not valid before %(date)s.") % {
            "date": format_date(report.issued_on)
        })  # fmt: skip
    if "expires" in report.unreadable_dates:
        report.add(
            "expiry",
            NOT_CHECKED,
            _("Its expiry date could not be read, so whether it has expired is not known."),
        )
    elif report.expires is None:
        report.add("expiry", OK, _("It does not expire."))
    elif report.expires <= now:
        report.add("expiry", FAILED, expired_on(report.expires))
    else:
        report.add("expiry", OK, valid_until(report.expires))


def expired_on(moment) -> str:
    return _("It expired on %(date)s.") % {"date": format_date(moment)}


def valid_until(moment) -> str:
    return _("It is valid until %(date)s.") % {"date": format_date(moment)}


def badge_host(doc: dict) -> str:
    badge = doc.get("badge")
    if isinstance(badge, dict):
        badge = badge.get("id")
    return urlsplit(badge).hostname or "" if isinstance(badge, str) else ""


# -- the recipient -------------------------------------------------------------------------


def hashed_match(identity: str, salt: str, email: str) -> bool:
    algorithm, _dollar, digest = identity.partition("$")
    if algorithm.lower() not in ("sha256", "md5") or not digest:
        return False
    hasher = hashlib.new(algorithm.lower(), usedforsecurity=False)
    hasher.update((email + (salt or "")).encode())
    return hasher.hexdigest() == digest.lower()


def ob2_recipient(recipient, email: str) -> str:
    if not isinstance(recipient, dict) or recipient.get("type", "email") != "email":
        return NO_EMAIL
    if not email:
        return NOT_GIVEN
    identity, salt = str(recipient.get("identity") or ""), str(recipient.get("salt") or "")
    if recipient.get("hashed"):
        return MATCH if hashed_match(identity, salt, email) else NO_MATCH
    return MATCH if identity.strip().lower() == email else NO_MATCH


def ob3_recipient(credential: dict, email: str) -> str:
    identifiers = one(subject_of(credential).get("identifier"))
    identifiers = identifiers if isinstance(identifiers, list) else [identifiers]
    emails = [
        i for i in identifiers if isinstance(i, dict) and i.get("identityType") == "emailAddress"
    ]
    if not emails:
        return NO_EMAIL
    if not email:
        return NOT_GIVEN
    for identity in emails:
        value, salt = str(identity.get("identityHash") or ""), str(identity.get("salt") or "")
        if identity.get("hashed") and hashed_match(value, salt, email):
            return MATCH
        if not identity.get("hashed") and value.strip().lower() == email:
            return MATCH
    return NO_MATCH
