"""This site's own badges: which addresses and DIDs are its own (any of its Sites' hosts), the
award, issuer or key such an address names (only on the host of that issuer's Site, where the
address answers), and the details, revocation, expiry and recipient as its own records have
them. Its own host is never contacted over the network."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.models import Award, Issuer, IssuerKey
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
from wagtail_cityoflearning.badges.views import issuer_site_id


def normal_host(host) -> str:
    """A host name as it is looked up: percent-escapes decoded (in either case), lower case,
    without a trailing dot, international names in their ASCII form."""
    if not isinstance(host, str):
        return ""
    host = unquote(host).strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    host = host.rstrip(".")
    with contextlib.suppress(UnicodeError):  # a name the IDNA rules refuse stays as it is
        host = host.encode("idna").decode("ascii").lower().rstrip(".")
    return host


def own_hosts() -> set[str]:
    hosts = {normal_host(hostname) for hostname in Site.objects.values_list("hostname", flat=True)}
    base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").hostname
    if base:
        hosts.add(normal_host(base))
    hosts.discard("")
    return hosts


def is_own_host(host) -> bool:
    return bool(normal_host(host)) and normal_host(host) in own_hosts()


def issuer_on(issuer: Issuer, host: str, port: int) -> bool:
    """Whether the issuer's documents answer on ``host``: the Site serving that host and port
    is the issuer's (as the document views check it)."""
    site = get_site_for_hostname(host, port)
    return issuer_site_id(issuer) == (site.pk if site is not None else None)


@dataclass
class OwnRef:
    """An address on one of this site's hosts: the badge document it names, if any, and the
    host and port it was given with (a document answers only on its issuer's Site)."""

    name: str | None
    uuid: object
    host: str = ""
    port: int = 443

    def award(self) -> Award | None:
        if self.name not in (
            "assertion", "assertion_image", "credential", "credential_jwt"
        ) or self.uuid is None:  # fmt: skip
            return None
        award = (
            Award.objects.select_related("badge_class__issuer__site").filter(uuid=self.uuid).first()
        )
        if award is None or not issuer_on(award.badge_class.issuer, self.host, self.port):
            return None
        return award

    def issuer(self) -> Issuer | None:
        if self.name not in ("issuer", "issuer_did") or self.uuid is None:
            return None
        issuer = Issuer.objects.select_related("site").filter(uuid=self.uuid).first()
        if issuer is None or not issuer_on(issuer, self.host, self.port):
            return None
        return issuer

    def key(self, algorithm: str) -> IssuerKey | None:
        if self.name != "public_key" or self.uuid is None:
            return None
        key = (
            IssuerKey.objects.select_related("issuer__site")
            .filter(uuid=self.uuid, algorithm=algorithm)
            .first()
        )
        if key is None or not issuer_on(key.issuer, self.host, self.port):
            return None
        return key


def own_ref(url) -> OwnRef | None:
    """The badge document an address of this site names (``OwnRef.name`` None when it names
    none), or None for an address elsewhere. Matched with the site's own URL patterns."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = normal_host(parts.hostname)
    if host not in own_hosts():
        return None
    port = port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        match = resolve(unquote(parts.path) or "/")
    except Resolver404:
        return OwnRef(None, None, host, port)
    if match.namespace != serializers.NS:
        return OwnRef(None, None, host, port)
    return OwnRef(match.url_name, match.kwargs.get("uuid"), host, port)


def did_host(did: str) -> str:
    """The host (with ``:port`` when it names one) of a ``did:web``, normalised."""
    if not isinstance(did, str) or not did.startswith("did:web:"):
        return ""
    authority = unquote(did[len("did:web:") :].split("#")[0].split("?")[0].split(":")[0])
    host, colon, port = authority.rpartition(":") if ":" in authority else (authority, "", "")
    host = normal_host(host)
    return f"{host}:{port}" if colon and host else host


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
    report.unreadable_dates = set()
    # What the badge claimed of its dates is replaced by the records.
    report.checks = [check for check in report.checks if check.kind != "dates"]


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
