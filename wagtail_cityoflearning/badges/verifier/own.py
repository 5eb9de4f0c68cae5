"""This site's own badges: which addresses and DIDs are its own (any of its Sites' hosts), the
award or key such an address names, and the details, revocation, expiry and recipient as its
own records have them. Its own host is never contacted over the network."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.models import Award, IssuerKey
from wagtail_cityoflearning.badges.ob3 import did
from wagtail_cityoflearning.badges.verifier.claims import expired_on, valid_until
from wagtail_cityoflearning.badges.verifier.report import (
    FAILED,
    MATCH,
    NO_MATCH,
    NOT_GIVEN,
    OK,
    Report,
)


def own_hosts() -> set[str]:
    hosts = {hostname.lower() for hostname in Site.objects.values_list("hostname", flat=True)}
    base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").hostname
    if base:
        hosts.add(base.lower())
    return hosts


@dataclass
class OwnRef:
    """An address on one of this site's hosts: the badge document it names, if any."""

    name: str | None
    uuid: object

    def award(self) -> Award | None:
        if self.name not in (
            "assertion", "assertion_image", "credential", "credential_jwt"
        ) or self.uuid is None:  # fmt: skip
            return None
        return (
            Award.objects.select_related("badge_class__issuer__site").filter(uuid=self.uuid).first()
        )

    def key(self, algorithm: str) -> IssuerKey | None:
        if self.name != "public_key" or self.uuid is None:
            return None
        return (
            IssuerKey.objects.select_related("issuer")
            .filter(uuid=self.uuid, algorithm=algorithm)
            .first()
        )


def own_ref(url) -> OwnRef | None:
    """The badge document an address of this site names (``OwnRef.name`` None when it names
    none), or None for an address elsewhere. Matched with the site's own URL patterns."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.hostname.lower() not in own_hosts():
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return OwnRef(None, None)
    if match.namespace != serializers.NS:
        return OwnRef(None, None)
    return OwnRef(match.url_name, match.kwargs.get("uuid"))


def did_host(did: str) -> str:
    if not isinstance(did, str) or not did.startswith("did:web:"):
        return ""
    return did[len("did:web:") :].split("#")[0].split(":")[0].replace("%3A", ":").lower()


def is_own_did(did) -> bool:
    host = did_host(did or "")
    return bool(host) and host.split(":")[0] in own_hosts()


# -- what this site's records say ----------------------------------------------------------


def from_records(report: Report, award: Award) -> None:
    """The details as this site's records have them."""
    badge_class, issuer = award.badge_class, award.badge_class.issuer
    report.award = award
    report.badge_name = badge_class.name
    report.badge_description = badge_class.description
    report.issuer_name = issuer.name
    report.issuer_id = (
        ob3_issuer_id(issuer) if report.version == "3.0" else serializers.issuer_id(issuer)
    )
    report.issued_on = award.issued_on
    report.expires = award.expires


def ob3_issuer_id(issuer) -> str:
    return did.issuer_did(issuer)


def record_status(report: Report, award: Award) -> None:
    if award.revoked:
        report.revocation_reason = award.revocation_reason
        report.add("revocation", FAILED, _("The issuer revoked it."))
    else:
        report.add("revocation", OK, _("Not revoked: checked in the issuer's own records."))
    if award.expires is None:
        report.add("expiry", OK, _("It does not expire."))
    elif award.is_expired:
        report.add("expiry", FAILED, expired_on(award.expires))
    else:
        report.add("expiry", OK, valid_until(award.expires))


def issued_here(issuer) -> str:
    return _("Issued by %(issuer)s on this site (%(host)s).") % {
        "issuer": issuer.name,
        "host": urlsplit(issuer.base_url).netloc,
    }


def award_recipient(award: Award, email: str) -> str:
    if not email:
        return NOT_GIVEN
    return MATCH if award.is_for(email) else NO_MATCH
