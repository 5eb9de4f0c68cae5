"""What the verifier answers: one :class:`Report` per badge, its :class:`Check` items, the
verdicts and the reasons several checks share. The lowest room of the verifier: it knows nothing
of how a badge is read or checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_cityoflearning.badges.models import Award

# Verdicts, worst first (the order decides a report's verdict).
INVALID, REVOKED, SUSPENDED, EXPIRED, UNVERIFIABLE, VALID = (
    "invalid", "revoked", "suspended", "expired", "unverifiable", "valid",
)  # fmt: skip
VERDICTS = (INVALID, REVOKED, SUSPENDED, EXPIRED, UNVERIFIABLE, VALID)
# What became of each check.
OK, FAILED, NOT_CHECKED = "ok", "failed", "not_checked"
# The recipient: the email given matches, does not, none was given, or the badge names no email.
MATCH, NO_MATCH, NOT_GIVEN, NO_EMAIL = "match", "no_match", "not_given", "no_email"

CHECK_LABELS = {
    "signature": gettext_lazy("Signature"),
    "hosted": gettext_lazy("Copy kept by the issuer"),
    "issuer": gettext_lazy("Issuer"),
    "revocation": gettext_lazy("Revocation"),
    "expiry": gettext_lazy("Expiry"),
    "image": gettext_lazy("Image"),
    "dates": gettext_lazy("Dates"),
}
# A failure of these makes a badge invalid; of these, not checking it makes it unverifiable
# ("image" is never decisive: an uploaded image is never shown or run here).
DECISIVE = ("signature", "hosted", "issuer", "dates")
CONFIRMING = ("signature", "hosted", "issuer", "revocation", "expiry", "dates")

FORMAT_LABELS = {
    "png": gettext_lazy("baked PNG image"),
    "svg": gettext_lazy("baked SVG image"),
    "json": gettext_lazy("JSON"),
    "jws": gettext_lazy("signed assertion (JWS)"),
    "jwt": gettext_lazy("VC-JWT"),
    "url": gettext_lazy("web address"),
}


@dataclass
class Check:
    kind: str  # a key of CHECK_LABELS
    status: str  # OK, FAILED or NOT_CHECKED
    reason: str

    @property
    def label(self) -> str:
        return str(CHECK_LABELS.get(self.kind, self.kind))


@dataclass
class Report:
    """What was found out about one badge."""

    verdict: str = UNVERIFIABLE
    version: str = ""  # "2.0" or "3.0"
    format: str = ""  # a key of FORMAT_LABELS
    issuer_name: str = ""
    issuer_id: str = ""
    badge_name: str = ""
    badge_description: str = ""
    issued_on: datetime | None = None
    expires: datetime | None = None
    recipient: str = NOT_GIVEN
    checks: list[Check] = field(default_factory=list)
    # Issued here: the details come from this site's own records.
    ours: bool = False
    award: Award | None = None
    revocation_reason: str = ""
    # The issuer's status list marks it as suspended (for a while), not revoked.
    suspended: bool = False
    # The dates the badge gives but that cannot be read: "issued", "expires".
    unreadable_dates: set[str] = field(default_factory=set)
    # Input that holds no badge that can be read: what is wrong, in plain words.
    problem: str = ""

    @property
    def format_label(self) -> str:
        return str(FORMAT_LABELS.get(self.format, self.format))

    @property
    def has_details(self) -> bool:
        return bool(
            self.badge_name
            or self.issuer_name
            or self.issuer_id
            or self.issued_on
            or self.unreadable_dates
        )

    @property
    def claimed_only(self) -> bool:
        """The details are what the badge says of itself: nothing confirmed them."""
        return not self.ours and not any(
            check.status == OK for check in self.checks if check.kind in ("signature", "hosted")
        )

    def add(self, kind: str, status: str, reason: str) -> None:
        self.checks = [check for check in self.checks if check.kind != kind]
        self.checks.append(Check(kind, status, reason))

    def check(self, kind: str) -> Check | None:
        return next((check for check in self.checks if check.kind == kind), None)

    def finish(self) -> Report:
        order = ["signature", "hosted", "issuer", "revocation", "expiry", "dates", "image"]
        self.checks.sort(key=lambda check: order.index(check.kind) if check.kind in order else 99)
        if self.problem or any(c.status == FAILED for c in self.checks if c.kind in DECISIVE):
            self.verdict = INVALID
        elif (check := self.check("revocation")) and check.status == FAILED:
            self.verdict = SUSPENDED if self.suspended else REVOKED
        elif (check := self.check("expiry")) and check.status == FAILED:
            self.verdict = EXPIRED
        elif any(c.status == NOT_CHECKED for c in self.checks if c.kind in CONFIRMING) or not any(
            c.kind in ("signature", "hosted") for c in self.checks
        ):
            self.verdict = UNVERIFIABLE
        else:
            self.verdict = VALID
        return self


def problem(message: str, *, format: str = "", version: str = "") -> Report:
    return Report(problem=str(message), format=format, version=version).finish()


class Unreadable(ValueError):
    """Input that is not a badge this page can read; the message says why."""


# -- reasons several checks give -----------------------------------------------------------


def signed_by(name: str) -> str:
    return _("The signature holds: it was made with a key of %(issuer)s.") % {"issuer": name}


def signature_broken() -> str:
    return _("The signature does not match: the badge was changed after it was signed.")


def unsupported_signature() -> str:
    return _(
        "It is signed with a kind of signature this site cannot check, so its signature was "
        "not checked."
    )


def refused_form() -> str:
    return _(
        "It is written in a form this page does not accept: its signature cannot show that "
        "what is read here is what was signed."
    )


def too_complex() -> str:
    return _("It is too complex to check its signature here.")


def not_fetched(host) -> str:
    if host:
        return _(
            "The issuer is at %(host)s, another site. This site does not contact other "
            "sites, so this could not be checked."
        ) % {"host": host}
    return _("This site does not contact other sites, so this could not be checked.")
