"""Open Badges 2.0 assertions: this site's own checked against its records and keys, other
issuers' followed (when contacting them is allowed) to their hosted copy, badge class, issuer,
signing key and revocation list."""

from __future__ import annotations

from urllib.parse import urlsplit

import jwt
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges import serializers, signing
from wagtail_cityoflearning.badges.models import IssuerKey
from wagtail_cityoflearning.badges.verifier.claims import (
    badge_host,
    claimed_expiry,
    claims_ob2,
    ob2_recipient,
    text_of,
)
from wagtail_cityoflearning.badges.verifier.fetching import FetchError, http_failure
from wagtail_cityoflearning.badges.verifier.own import (
    award_recipient,
    from_records,
    issued_here,
    normal_host,
    own_ref,
    record_status,
)
from wagtail_cityoflearning.badges.verifier.reading import mapping
from wagtail_cityoflearning.badges.verifier.report import (
    FAILED,
    NOT_CHECKED,
    OK,
    Check,
    Report,
    not_fetched,
    signature_broken,
    signed_by,
)


class OB2Checks:
    """The Open Badges 2.0 checks, mixed into :class:`~.session.Session` (they use its ``email``
    and ``fetcher``)."""

    def ob2(self, doc: dict, fmt: str, token: str | None = None, kept: bool = False) -> Report:
        report = Report(version="2.0", format=fmt)
        claims_ob2(report, doc)
        ref = own_ref(doc.get("id"))
        creator = mapping(doc.get("verification")).get("creator") if token else None
        key_ref = own_ref(creator) if isinstance(creator, str) else None
        if ref is not None or key_ref is not None:
            self.own_ob2(report, doc, ref, token, key_ref, kept)
        else:
            self.foreign_ob2(report, doc, token)
        return report.finish()

    def own_ob2(self, report, doc, ref, token, key_ref, kept) -> None:
        report.ours = True
        award = ref.award() if ref is not None else None
        if award is None:
            report.add("issuer", FAILED, _("This site has issued no badge at this address."))
            return
        from_records(report, award)
        issuer = award.badge_class.issuer
        if doc.get("id") != serializers.assertion_id(award):
            report.add(
                "issuer",
                FAILED,
                _("The badge names an address on this site that is not where this badge is kept."),
            )
        else:
            report.add("issuer", OK, issued_here(issuer))
        if token is None:
            if kept:
                report.add("hosted", OK, _("Read from the issuer's own records on this site."))
            elif doc.get("revoked") is True:
                report.add("hosted", OK, _("This is the issuer's notice that it was revoked."))
            else:
                ours = serializers.assertion_json(award)
                changed = [
                    name for name in ("recipient", "badge", "issuedOn", "expires")
                    if doc.get(name) != ours.get(name)
                ]  # fmt: skip
                if changed:
                    report.add(
                        "hosted",
                        FAILED,
                        _(
                            "This copy differs from the badge the issuer keeps at its address "
                            "(%(fields)s): it was changed."
                        )
                        % {"fields": ", ".join(changed)},
                    )
                else:
                    report.add(
                        "hosted",
                        OK,
                        _("This copy matches the badge the issuer keeps at its address."),
                    )
        else:
            key = key_ref.key(IssuerKey.Algorithm.RS256) if key_ref is not None else None
            if key is None:
                report.add(
                    "signature", FAILED, _("The key that signed it is not one of this site's keys.")
                )
            else:
                try:
                    signing.verify(token, key.public_key_pem)
                except (jwt.InvalidTokenError, ValueError):
                    report.add("signature", FAILED, signature_broken())
                else:
                    if key.issuer_id != issuer.pk:
                        report.add(
                            "issuer", FAILED, _("The key that signed it belongs to another issuer.")
                        )
                    report.add("signature", OK, signed_by(key.issuer.name))
        record_status(report, award)
        report.recipient = award_recipient(award, self.email)

    def foreign_ob2(self, report, doc, token) -> None:
        report.recipient = ob2_recipient(doc.get("recipient"), self.email)
        claimed_expiry(report)
        host = urlsplit(str(doc.get("id") or "")).hostname or badge_host(doc)
        if self.fetcher is None:
            reason = not_fetched(host)
            report.add("signature" if token else "hosted", NOT_CHECKED, reason)
            report.add("revocation", NOT_CHECKED, reason)
            report.add("issuer", NOT_CHECKED, reason)
            return
        try:
            OB2Fetch(self.fetcher, report, doc, token).run()
        except FetchError as error:
            for kind in ("signature" if token else "hosted", "revocation", "issuer"):
                check = report.check(kind)
                if check is None or check.status == NOT_CHECKED:
                    report.add(kind, NOT_CHECKED, error.reason)


# -- other issuers, when contacting them is allowed ----------------------------------------


class OB2Fetch:
    """Follows an assertion to its badge class, issuer, key and revocation list.

    A signed assertion's issuer is always read from the issuer's own address, never from a
    profile the assertion embeds (anyone can write one): the key that signed it must be one the
    profile lists, on the issuer's host. An issuer on one of this site's hosts is judged by
    this site's records instead (its keys are this site's)."""

    def __init__(self, fetcher, report, doc, token):
        self.fetcher, self.report, self.doc, self.token = fetcher, report, doc, token

    def get_json(self, url):
        """(the response, its JSON or None); (None, None) for what is not an address."""
        if not isinstance(url, str):
            return None, None
        response = self.fetcher.get(url, accept="application/ld+json, application/json")
        try:
            return response, response.json()
        except ValueError:
            return response, None

    def run(self) -> None:
        report, doc = self.report, self.doc
        kind = "signature" if self.token else "hosted"
        hosted = doc
        if self.token is None:
            response, hosted = self.get_json(doc.get("id"))
            if response is None:
                report.add(kind, FAILED, _("It names no address where its issuer keeps it."))
                return
            if response.status == 410 or (isinstance(hosted, dict) and hosted.get("revoked")):
                report.add(kind, OK, _("The issuer answers at the badge's address."))
                report.add("revocation", FAILED, _("The issuer says it is revoked."))
                if isinstance(hosted, dict):
                    report.revocation_reason = text_of(hosted.get("revocationReason"))
                report.add("issuer", NOT_CHECKED, _("The issuer's details were not checked."))
                return
            if response.status >= 400 or not isinstance(hosted, dict):
                report.add(kind, FAILED, http_failure(response))
                return
            changed = [
                name for name in ("recipient", "badge", "issuedOn", "expires")
                if doc.get(name) != hosted.get(name)
            ]  # fmt: skip
            if changed:
                report.add(kind, FAILED, _(
                    "This copy differs from the badge the issuer keeps at its address "
                    "(%(fields)s): it was changed."
                ) % {"fields": ", ".join(changed)})  # fmt: skip
                return
            report.add(kind, OK, _("This copy matches the badge the issuer keeps at its address."))
        badge = hosted.get("badge")
        if isinstance(badge, str):
            _response, badge = self.get_json(badge)
        if not isinstance(badge, dict):
            report.add("issuer", FAILED, _("Its badge description cannot be read."))
            return
        report.badge_name = text_of(badge.get("name")) or report.badge_name
        report.badge_description = text_of(badge.get("description")) or report.badge_description
        issuer = badge.get("issuer")
        if self.token is not None:
            issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
            issuer = self.signed_issuer(issuer_id)
            if issuer is None:
                return
        else:
            if isinstance(issuer, str):
                _response, issuer = self.get_json(issuer)
            if not isinstance(issuer, dict):
                report.add("issuer", FAILED, _("Its issuer's profile cannot be read."))
                return
            report.issuer_name = text_of(issuer.get("name")) or report.issuer_name
            report.issuer_id = str(issuer.get("id") or report.issuer_id)
            if host_of(doc.get("id")) != host_of(report.issuer_id):
                report.add("issuer", FAILED, _("It is kept on a site other than its issuer's."))
                return
        if (report.check("issuer") or Check("", "", "")).status != FAILED:
            report.add("issuer", OK, _("Issued by %(issuer)s (%(host)s).") % {
                "issuer": report.issuer_name, "host": urlsplit(report.issuer_id).hostname
            })  # fmt: skip
        if report.check("revocation") is None:
            self.check_revocation_list(issuer)

    def signed_issuer(self, issuer_id) -> dict | None:
        """The profile of a signed assertion's issuer, read from its address, once the key
        that signed it is found to be the issuer's and the signature to hold; None (with the
        reason on the report) otherwise."""
        report = self.report
        if not isinstance(issuer_id, str) or not issuer_id:
            report.add("issuer", FAILED, _("It names no issuer."))
            return None
        if own_ref(issuer_id) is not None:
            # This site's issuers sign with this site's keys, and those are checked against
            # its records: a key elsewhere is not theirs.
            report.add(
                "issuer",
                FAILED,
                _("It names an issuer of this site, but it was not signed with that issuer's key."),
            )
            return None
        response, profile = self.get_json(issuer_id)
        if response is not None and response.status >= 400:
            report.add("issuer", FAILED, http_failure(response))
            return None
        if not isinstance(profile, dict) or profile.get("id") != issuer_id:
            report.add("issuer", FAILED, _("Its issuer's profile cannot be read."))
            return None
        report.issuer_name = text_of(profile.get("name"))
        report.issuer_id = issuer_id
        creator = mapping(self.doc.get("verification")).get("creator")
        if not isinstance(creator, str) or creator not in published_keys(profile):
            report.add(
                "issuer", FAILED, _("The key that signed it is not one its issuer publishes.")
            )
            return None
        if host_of(creator) != host_of(issuer_id):
            report.add(
                "issuer",
                FAILED,
                _("The key that signed it is kept on a site other than its issuer's."),
            )
            return None
        self.check_signature(issuer_id, creator)
        return profile

    def check_signature(self, issuer_id: str, creator: str) -> None:
        report = self.report
        _response, key = self.get_json(creator)
        if not isinstance(key, dict) or not isinstance(key.get("publicKeyPem"), str):
            report.add("signature", FAILED, _("The key that signed it cannot be found."))
            return
        if key.get("owner") != issuer_id:
            report.add("issuer", FAILED, _("The key that signed it belongs to another issuer."))
        try:
            signing.verify(self.token, key["publicKeyPem"])
        except (jwt.InvalidTokenError, ValueError, TypeError, RecursionError):
            report.add("signature", FAILED, signature_broken())
        else:
            report.add("signature", OK, _("The signature holds."))

    def check_revocation_list(self, issuer: dict) -> None:
        report = self.report
        if self.token is None:
            report.add("revocation", OK, _("Not revoked: the issuer still keeps it."))
            return
        listing_url = issuer.get("revocationList")
        if not listing_url:
            report.add(
                "revocation", OK, _("The issuer keeps no revocation list: it cannot be revoked.")
            )
            return
        response, listing = self.get_json(listing_url)
        if not isinstance(listing, dict):
            report.add("revocation", NOT_CHECKED, _("The issuer's revocation list cannot be read."))
            return
        entries = listing.get("revokedAssertions")
        for entry in entries if isinstance(entries, list) else []:
            entry_id = entry.get("id") if isinstance(entry, dict) else entry
            if entry_id == self.doc.get("id"):
                report.add(
                    "revocation", FAILED, _("The issuer's revocation list says it is revoked.")
                )
                if isinstance(entry, dict):
                    report.revocation_reason = text_of(entry.get("revocationReason"))
                return
        report.add("revocation", OK, _("Not revoked: checked in the issuer's revocation list."))


def host_of(url) -> str:
    try:
        return normal_host(urlsplit(url).hostname) if isinstance(url, str) else ""
    except ValueError:
        return ""


def published_keys(profile: dict) -> set[str]:
    """The ids of the keys an Open Badges 2.0 issuer profile lists (``publicKey``)."""
    value = profile.get("publicKey")
    values = value if isinstance(value, list) else [value]
    keys = set()
    for each in values:
        if isinstance(each, dict):
            each = each.get("id")
        if isinstance(each, str) and each:
            keys.add(each)
    return keys
