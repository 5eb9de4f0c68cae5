"""Checking a badge anyone brings: a baked image, pasted JSON or a signed token, or an address.

:func:`verify` takes the bytes of an image or a text and answers with one :class:`Report` per
badge it finds (a baked image of ours carries the badge twice: as Open Badges 2.0 and 3.0).
Each report says who issued the badge, for what, to whom (an email checked against the hashed
recipient, never shown), when, and lists its checks (signature, issuer, revocation, expiry),
each passed, failed or not checked, with the reason in the visitor's language.

* Badges of this site (their addresses name one of its Sites, or their key is one of its keys)
  are checked against its own records: the award (revoked, expiry), its keys and the copy it
  keeps. Its own host is never contacted over the network.
* Other issuers' badges are read and shown as what they claim. Their signature and revocation
  are checked only when ``BADGES_VERIFY_FETCH`` allows contacting other sites, and then only
  over https (http too with ``DEBUG``), never on a private, loopback, link-local or reserved
  address (also after a redirect), within ``BADGES_VERIFY_FETCH_TIMEOUT`` and
  ``BADGES_VERIFY_FETCH_MAX_BYTES``. A badge signed with a ``did:key`` is checked without
  contacting anyone.

Nothing raises to the caller: input that is not a badge gives a report with ``problem`` set.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import http.client
import ipaddress
import json
import logging
import re
import socket
import ssl
import struct
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as day_start
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import jwt
from defusedxml.ElementTree import fromstring
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyld.jsonld import JsonLdError

from wagtail_cityoflearning.badges import serializers, signing
from wagtail_cityoflearning.badges.models import Award, IssuerKey
from wagtail_cityoflearning.badges.ob3 import dataintegrity, did, issue, vcjwt
from wagtail_cityoflearning.badges.ob3 import status as status_lists
from wagtail_cityoflearning.badges.validators import MAX_BYTES, PNG_SIGNATURE, image_type
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.uploads import SVG_NAMESPACE

logger = logging.getLogger(__name__)

# A badge image may be MAX_BYTES; baking adds the assertion and the credential to it.
MAX_INPUT_BYTES = MAX_BYTES + 128 * 1024

# Verdicts, worst first (the order decides a report's verdict).
INVALID, REVOKED, EXPIRED, UNVERIFIABLE, VALID = (
    "invalid", "revoked", "expired", "unverifiable", "valid",
)  # fmt: skip
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
# A failure of these makes a badge invalid; of these, not checking it makes it unverifiable.
DECISIVE = ("signature", "hosted", "issuer", "image", "dates")
CONFIRMING = ("signature", "hosted", "issuer", "revocation")

FORMAT_LABELS = {
    "png": gettext_lazy("baked PNG image"),
    "svg": gettext_lazy("baked SVG image"),
    "json": gettext_lazy("JSON"),
    "jws": gettext_lazy("signed assertion (JWS)"),
    "jwt": gettext_lazy("VC-JWT"),
    "url": gettext_lazy("web address"),
}

OB2_CONTEXT = "w3id.org/openbadges"
VC_CONTEXT = "www.w3.org/2018/credentials"
VC2_CONTEXT = "www.w3.org/ns/credentials"
JWS_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
# A credential's signature is checked only when it has at most this many objects without an
# id (blank nodes): canonicalising crafted ones can take very long. A badge has a few dozen.
MAX_BLANK_NODES = 300
# Parts of an SVG that can run something: a badge image never needs them.
SVG_ACTIVE_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "handler"}


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
    # Input that holds no badge that can be read: what is wrong, in plain words.
    problem: str = ""

    @property
    def format_label(self) -> str:
        return str(FORMAT_LABELS.get(self.format, self.format))

    @property
    def has_details(self) -> bool:
        return bool(self.badge_name or self.issuer_name or self.issuer_id or self.issued_on)

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
            self.verdict = REVOKED
        elif (check := self.check("expiry")) and check.status == FAILED:
            self.verdict = EXPIRED
        elif any(c.status == NOT_CHECKED for c in self.checks if c.kind in CONFIRMING) or not any(
            c.kind in ("signature", "hosted") for c in self.checks
        ):
            self.verdict = UNVERIFIABLE
        else:
            self.verdict = VALID
        return self


def overall(reports: list[Report]) -> str:
    """The verdict on what was brought: the worst of its reports'."""
    order = [INVALID, REVOKED, EXPIRED, UNVERIFIABLE, VALID]
    return min((report.verdict for report in reports), key=order.index, default=INVALID)


def problem(message: str, *, format: str = "", version: str = "") -> Report:
    return Report(problem=str(message), format=format, version=version).finish()


class Unreadable(ValueError):
    """Input that is not a badge this page can read; the message says why."""


# -- entry point ---------------------------------------------------------------------------


def verify(*, data: bytes | None = None, text: str = "", email: str = "") -> list[Report]:
    """Reports on the badges in ``data`` (an image's bytes) or ``text`` (JSON, a JWS or JWT,
    or an address). ``email``, when given, is checked against the recipient."""
    session = Session(email=(email or "").strip().lower())
    try:
        if data is not None:
            reports = session.image(data)
        else:
            reports = session.text((text or "").strip(), origin="")
    except Unreadable as error:
        reports = [problem(str(error))]
    except Exception:  # never a server error for what a visitor brought
        logger.exception("Checking a badge failed")
        reports = [problem(_("Something went wrong while checking this badge. Try again later."))]
    return reports


class Session:
    """One visitor's check: their email and the budget of outside requests."""

    def __init__(self, email: str):
        self.email = email
        self.fetcher = Fetcher() if cityoflearning_settings.BADGES_VERIFY_FETCH else None

    # -- what came in --------------------------------------------------------------------

    def image(self, data: bytes) -> list[Report]:
        if len(data) > MAX_INPUT_BYTES:
            raise Unreadable(too_large_message(len(data)))
        kind = image_type(data[:2048])
        if kind == "png":
            found = read_png(data)
        elif kind == "svg":
            found, active = read_svg(data)
            if active:
                report = Report(format="svg")
                report.add(
                    "image",
                    FAILED,
                    _(
                        "This SVG image contains a script or other active content. Badge "
                        "images never need one, so nothing in it was checked or shown. Ask the "
                        "issuer for the original image."
                    ),
                )
                return [report.finish()]
        else:
            raise Unreadable(_("Upload a PNG or SVG image; this file is neither."))
        if not found:
            raise Unreadable(_("No badge was found in this image: it is not a baked badge."))
        reports = []
        for content in found:
            try:
                reports.extend(self.text(content, origin=kind))
            except Unreadable as error:
                reports.append(problem(str(error), format=kind))
        return reports

    def text(self, text: str, *, origin: str) -> list[Report]:
        """The badge in a text: JSON, a JWS or JWT, or an address (which may lead to an
        image with two)."""
        if len(text.encode("utf-8", "replace")) > MAX_INPUT_BYTES:
            raise Unreadable(too_large_message(len(text.encode("utf-8", "replace"))))
        if not text:
            raise Unreadable(_("There is nothing to check."))
        if text.startswith(("{", "[")):
            try:
                document = json.loads(text)
            except (ValueError, RecursionError):
                raise Unreadable(
                    _("This is not valid JSON: it may have been cut short or changed.")
                ) from None
            return [self.document(document, origin or "json")]
        if JWS_SHAPE.match(text):
            return [self.token(text, origin or "")]
        if re.match(r"^https?://", text, re.IGNORECASE):
            # An address given, or the one a baked image holds (Open Badges 2.0, hosted).
            return self.address(text, origin or "url")
        raise Unreadable(
            _(
                "This is not a badge: paste the badge's JSON, its signed form (a JWS or JWT) or "
                "its web address."
            )
        )

    def document(self, document, fmt: str) -> Report:
        if not isinstance(document, dict):
            raise Unreadable(_("This JSON is not an Open Badges assertion or credential."))
        if is_credential(document):
            return self.ob3(document, fmt)
        if is_assertion(document):
            return self.ob2(document, fmt)
        raise Unreadable(_("This JSON is not an Open Badges assertion or credential."))

    def token(self, token: str, fmt: str) -> Report:
        header, payload = read_token(token)
        if header is None:
            raise Unreadable(
                _("This looks like a signed badge, but it is damaged and cannot be read.")
            )
        version = "2.0" if header.get("alg") == "RS256" and "vc" not in (payload or {}) else "3.0"
        if not isinstance(payload, dict):
            report = Report(version=version, format=fmt or ("jws" if version == "2.0" else "jwt"))
            report.add(
                "signature",
                FAILED,
                _("The signed content is damaged: it was changed after it was signed."),
            )
            return report.finish()
        if isinstance(payload.get("vc"), dict):
            return self.ob3(payload["vc"], fmt or "jwt", token=token, header=header)
        if is_credential(payload):
            return self.ob3(payload, fmt or "jwt", token=token, header=header)
        if is_assertion(payload) or version == "2.0":
            return self.ob2(payload, fmt or "jws", token=token)
        raise Unreadable(_("This signed text is not an Open Badges assertion or credential."))

    def address(self, url: str, fmt: str) -> list[Report]:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 (raises for a port that is not a number)
        except ValueError:
            raise Unreadable(_("This web address cannot be read.")) from None
        ref = own_ref(url)
        if ref is not None:
            return [self.own_address(ref, fmt)]
        report = Report(format=fmt)
        if self.fetcher is None:
            reason = not_fetched(parts.hostname)
            for kind in ("hosted", "revocation", "issuer"):
                report.add(kind, NOT_CHECKED, reason)
            return [report.finish()]
        try:
            response = self.fetcher.get(url, accept=ACCEPT_ANY)
        except FetchError as error:
            for kind in ("hosted", "revocation", "issuer"):
                report.add(kind, NOT_CHECKED, error.reason)
            return [report.finish()]
        if response.status >= 400:
            report.add("hosted", FAILED, http_failure(response))
            return [report.finish()]
        if image_type(response.body[:2048]):
            return self.image(response.body)
        text = response.text().strip()
        if not text.startswith(("{", "[")) and not JWS_SHAPE.match(text):
            raise Unreadable(_("This address does not lead to a badge."))
        return self.text(text, origin=fmt)

    def own_address(self, ref: OwnRef, fmt: str) -> Report:
        """An address of this site: its own records answer, nothing is fetched."""
        award = ref.award()
        if award is None:
            report = Report(format=fmt, ours=True)
            report.add("issuer", FAILED, _("This site has issued no badge at this address."))
            return report.finish()
        if ref.name == "credential_jwt" and award.credential_jwt:
            return self.token(award.credential_jwt, fmt)
        if ref.name == "credential" and award.credential:
            return self.ob3(award.credential, fmt)
        return self.ob2(serializers.assertion_json(award), fmt, kept=True)

    # -- Open Badges 2.0 -----------------------------------------------------------------

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
                _("The badge names an address that is not its own on this site."),
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

    # -- Open Badges 3.0 -----------------------------------------------------------------

    def ob3(self, credential: dict, fmt: str, token=None, header=None) -> Report:
        report = Report(version="3.0", format=fmt)
        claims_ob3(report, credential)
        method = verification_method(credential, token, header)
        key = issue.own_key(method) if method else None
        ref = own_ref(credential.get("id"))
        if key is not None or ref is not None or is_own_did(method or issuer_of(credential)):
            self.own_ob3(report, credential, key, ref, token)
        else:
            self.foreign_ob3(report, credential, method, token)
        return report.finish()

    def own_ob3(self, report, credential, key, ref, token) -> None:
        report.ours = True
        if key is None:
            report.add(
                "signature", FAILED, _("The key named in it is not one of this site's keys.")
            )
        else:
            signature_check(report, credential, issue.public_key(key), token, ours=True)
            if report.check("signature").status == OK:
                report.add("signature", OK, signed_by(key.issuer.name))
        award = ref.award() if ref is not None else None
        if award is None:
            report.add("issuer", FAILED, _("This site has issued no badge at this address."))
            return
        from_records(report, award)
        issuer = award.badge_class.issuer
        if key is not None and key.issuer_id != issuer.pk:
            report.add("issuer", FAILED, _("The key that signed it belongs to another issuer."))
        elif issuer_of(credential) != did.issuer_did(issuer):
            report.add("issuer", FAILED, _("It names another issuer than the one who awarded it."))
        else:
            report.add("issuer", OK, issued_here(issuer))
        record_status(report, award)
        report.recipient = award_recipient(award, self.email)

    def foreign_ob3(self, report, credential, method, token) -> None:
        report.recipient = ob3_recipient(credential, self.email)
        claimed_expiry(report)
        issuer = issuer_of(credential)
        host = did_host(method or issuer) or urlsplit(str(credential.get("id") or "")).hostname
        public_key, reason = None, not_fetched(host)
        if method and method.startswith("did:key:"):
            public_key, reason = did_key(method)
        elif self.fetcher is not None and method:
            try:
                public_key, reason = resolve_key(self.fetcher, method)
            except FetchError as error:
                reason = error.reason
        elif not method:
            reason = _("It names no key to check its signature with.")
        if token is None and not credential.get("proof"):
            report.add("signature", FAILED, _("It carries no proof (signature) at all."))
        elif public_key is None:
            report.add("signature", NOT_CHECKED, reason)
        else:
            signature_check(report, credential, public_key, token, ours=False)
        if method and issuer.startswith("did:") and method.split("#")[0] != issuer:
            report.add("issuer", FAILED, _("It was signed with a key that is not its issuer's."))
        elif method and method.split("#")[0] != issuer:
            report.add(
                "issuer",
                NOT_CHECKED,
                _("Whether the key that signed it belongs to its issuer could not be confirmed."),
            )
        elif issuer.startswith("did:key:"):
            report.add(
                "issuer",
                NOT_CHECKED,
                _("The issuer is named by a key only: who holds that key cannot be confirmed."),
            )
        elif public_key is not None:
            report.add("issuer", OK, _("Signed with a key that %(issuer)s publishes.") % {
                "issuer": host or issuer
            })  # fmt: skip
        else:
            report.add("issuer", NOT_CHECKED, reason)
        self.foreign_status(report, credential, host)

    def foreign_status(self, report, credential, host) -> None:
        entries = credential.get("credentialStatus")
        entries = entries if isinstance(entries, list) else [entries] if entries else []
        entry = next(
            (
                e for e in entries
                if isinstance(e, dict) and e.get("statusPurpose", "revocation") == "revocation"
            ),
            None,
        )  # fmt: skip
        if entry is None:
            report.add(
                "revocation",
                OK,
                _("The issuer keeps no revocation list for it: it cannot be revoked."),
            )
            return
        if self.fetcher is None:
            report.add("revocation", NOT_CHECKED, not_fetched(host))
            return
        try:
            revoked = status_list_bit(self.fetcher, entry, issuer_of(credential))
        except FetchError as error:
            report.add("revocation", NOT_CHECKED, error.reason)
            return
        except (ValueError, TypeError, KeyError):
            report.add("revocation", NOT_CHECKED, _("The issuer's revocation list cannot be read."))
            return
        if revoked:
            report.add("revocation", FAILED, _("The issuer's revocation list says it is revoked."))
        else:
            report.add("revocation", OK, _("Not revoked: checked in the issuer's revocation list."))


# -- reading the input ---------------------------------------------------------------------


def too_large_message(size: int) -> str:
    return _("This is %(size)s KB; the most this page checks is %(max)s KB.") % {
        "size": size // 1024,
        "max": MAX_INPUT_BYTES // 1024,
    }


def read_png(data: bytes) -> list[str]:
    """The badges in a PNG's ``openbadgecredential`` (3.0) and ``openbadges`` (2.0) text
    chunks, 3.0 first. Only chunk headers and those chunks are read: no pixel is decoded."""
    if not data.startswith(PNG_SIGNATURE):
        raise Unreadable(_("This PNG image cannot be read."))
    found = {}
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if len(body) < length:
            raise Unreadable(_("This PNG image is damaged: it ends too early."))
        if kind in (b"iTXt", b"tEXt", b"zTXt"):
            keyword, _nul, rest = body.partition(b"\x00")
            if keyword in (b"openbadges", b"openbadgecredential") and keyword not in found:
                found[keyword] = png_text(kind, rest)
        if kind == b"IEND":
            break
        position += 12 + length
    return [found[k] for k in (b"openbadgecredential", b"openbadges") if found.get(k)]


def png_text(kind: bytes, rest: bytes) -> str:
    try:
        if kind == b"tEXt":
            return rest.decode("latin-1").strip()
        if kind == b"zTXt":
            return inflate(rest[1:]).decode("latin-1").strip()
        compressed, text = rest[:1] == b"\x01", rest[2:]
        _language, _nul, text = text.partition(b"\x00")
        _translated, _nul, text = text.partition(b"\x00")
        return (inflate(text) if compressed else text).decode("utf-8").strip()
    except (UnicodeDecodeError, zlib.error):
        raise Unreadable(_("The badge in this image is damaged and cannot be read.")) from None


def inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_INPUT_BYTES)
    if inflater.unconsumed_tail:
        raise Unreadable(too_large_message(MAX_INPUT_BYTES + 1))
    return out


def read_svg(data: bytes) -> tuple[list[str], bool]:
    """(the badges in an SVG, 3.0 first; whether it has active content). Parsed with
    defusedxml: no entities, no outside documents."""
    try:
        root = fromstring(data)
    except (ValueError, ParseError):  # defusedxml's refusals are ValueErrors
        raise Unreadable(
            _("This SVG file cannot be read: save it again as a plain SVG and upload it.")
        ) from None
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise Unreadable(
            _("This file is not an SVG image (its root element must be an SVG <svg>).")
        )
    active = False
    found = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        namespace, _brace, name = element.tag[1:].rpartition("}")
        if name in SVG_ACTIVE_ELEMENTS:
            active = True
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2].lower()
            squashed = re.sub(r"[\x00-\x20]", "", value).lower()
            if local.startswith("on") or "javascript:" in squashed:
                active = True
        if namespace != SVG_NAMESPACE and name in ("assertion", "credential"):
            key = "credential" if name == "credential" else "assertion"
            text = "".join(element.itertext()).strip()
            verify_attribute = (element.get("verify") or "").strip()
            if key not in found:
                found[key] = (
                    text if text.startswith("{") or not verify_attribute else (verify_attribute)
                )
    return [found[k] for k in ("credential", "assertion") if found.get(k)], active


def mapping(value) -> dict:
    """``value`` if it is a JSON object, else an empty one (documents are not trusted to have
    the shape they should)."""
    return value if isinstance(value, dict) else {}


def b64json(part: str):
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        return json.loads(raw)
    except (ValueError, binascii.Error):
        return None


def read_token(token: str) -> tuple[dict | None, object]:
    """(header, payload) of a compact JWS, unverified; header None if it is not one."""
    parts = token.split(".")
    if len(parts) != 3:
        return None, None
    header = b64json(parts[0])
    if not isinstance(header, dict) or "alg" not in header:
        return None, None
    return header, b64json(parts[1])


def contexts(document: dict) -> list[str]:
    context = document.get("@context")
    values = context if isinstance(context, list) else [context]
    return [value for value in values if isinstance(value, str)]


def types(document: dict) -> list[str]:
    value = document.get("type")
    values = value if isinstance(value, list) else [value]
    return [each for each in values if isinstance(each, str)]


def is_credential(document: dict) -> bool:
    return any(VC_CONTEXT in c or VC2_CONTEXT in c for c in contexts(document)) or bool(
        {"VerifiableCredential", "OpenBadgeCredential", "AchievementCredential"}
        & set(types(document))
    )


def is_assertion(document: dict) -> bool:
    return (
        "Assertion" in types(document)
        or any(OB2_CONTEXT in c for c in contexts(document))
        or ("recipient" in document and "badge" in document)
    )


# -- what a badge says of itself -----------------------------------------------------------


def when(value) -> datetime | None:
    """A date of a badge: ISO 8601 (a date alone is its midnight, UTC) or a Unix time."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime.combine(day, day_start())
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return moment


def text_of(value) -> str:
    """A name or description: a string, or the first string of a language map."""
    if isinstance(value, str):
        return value.strip()[:500]
    if isinstance(value, dict):
        return next((text_of(v) for v in value.values() if isinstance(v, str)), "")
    return ""


def claims_ob2(report: Report, doc: dict) -> None:
    report.issued_on = when(doc.get("issuedOn"))
    report.expires = when(doc.get("expires"))
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
    subject = credential.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else {}
    return subject if isinstance(subject, dict) else {}


def issuer_of(credential: dict) -> str:
    issuer = credential.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else ""


def claims_ob3(report: Report, credential: dict) -> None:
    issuer = credential.get("issuer")
    report.issuer_id = issuer_of(credential)
    if isinstance(issuer, dict):
        report.issuer_name = text_of(issuer.get("name"))
    achievement = subject_of(credential).get("achievement")
    if isinstance(achievement, dict):
        report.badge_name = text_of(achievement.get("name"))
        report.badge_description = text_of(achievement.get("description"))
    if not report.badge_name:
        report.badge_name = text_of(credential.get("name"))
    report.issued_on = when(
        credential.get("validFrom")
        or credential.get("issuanceDate")
        or credential.get("awardedDate")
    )
    report.expires = when(credential.get("validUntil") or credential.get("expirationDate"))


def claimed_expiry(report: Report) -> None:
    now = timezone.now()
    if report.issued_on is not None and report.issued_on > now + timedelta(minutes=5):
        report.add("dates", FAILED, _("It says it is not valid before %(date)s.") % {
            "date": format_date(report.issued_on)
        })  # fmt: skip
    if report.expires is None:
        report.add("expiry", OK, _("It does not expire."))
    elif report.expires <= now:
        report.add("expiry", FAILED, expired_on(report.expires))
    else:
        report.add("expiry", OK, valid_until(report.expires))


def expired_on(moment) -> str:
    return _("It expired on %(date)s.") % {"date": format_date(moment)}


def valid_until(moment) -> str:
    return _("It is valid until %(date)s.") % {"date": format_date(moment)}


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


def signed_by(name: str) -> str:
    return _("The signature holds: it was made with a key of %(issuer)s.") % {"issuer": name}


def signature_broken() -> str:
    return _("The signature does not match: the badge was changed after it was signed.")


def not_fetched(host) -> str:
    if host:
        return _(
            "The issuer is at %(host)s, another site. This site does not contact other "
            "sites, so this could not be checked."
        ) % {"host": host}
    return _("This site does not contact other sites, so this could not be checked.")


def badge_host(doc: dict) -> str:
    badge = doc.get("badge")
    if isinstance(badge, dict):
        badge = badge.get("id")
    return urlsplit(badge).hostname or "" if isinstance(badge, str) else ""


# -- the recipient -------------------------------------------------------------------------


def award_recipient(award: Award, email: str) -> str:
    if not email:
        return NOT_GIVEN
    return MATCH if award.is_for(email) else NO_MATCH


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
    identifiers = subject_of(credential).get("identifier")
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


# -- this site's own objects ---------------------------------------------------------------


def own_hosts() -> set[str]:
    from wagtail.models import Site

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


# -- Open Badges 3.0 helpers ---------------------------------------------------------------


def verification_method(credential: dict, token, header) -> str:
    if token is not None:
        kid = mapping(header).get("kid")
        kid = kid if isinstance(kid, str) else ""
        issuer = issuer_of(credential)
        return issuer + kid if kid.startswith("#") and issuer else kid
    proof = credential.get("proof")
    proofs = proof if isinstance(proof, list) else [proof]
    for each in proofs:
        if isinstance(each, dict) and isinstance(each.get("verificationMethod"), str):
            return each["verificationMethod"]
    return ""


def signature_check(report, credential, public_key, token, *, ours: bool) -> None:
    """Whether ``public_key`` signed the credential: its VC-JWT ``token``, or else its Data
    Integrity proof. Dates are left to the expiry check (an expired badge is still genuine)."""
    if token is not None:
        try:
            vcjwt.decode(token, public_key)
        except (jwt.InvalidTokenError, ValueError, TypeError):
            report.add("signature", FAILED, signature_broken())
        else:
            report.add("signature", OK, _("The signature holds."))
        return
    if not credential.get("proof"):
        report.add("signature", FAILED, _("It carries no proof (signature) at all."))
        return
    if blank_nodes(credential) > MAX_BLANK_NODES:
        # Canonicalising many unnamed objects can take very long: such a document is not
        # checked (no badge needs that many).
        report.add(
            "signature",
            FAILED if ours else NOT_CHECKED,
            _("It is too complex to check its signature here."),
        )
        return
    try:
        holds = dataintegrity.verify_proof(credential, public_key)
    except Exception as error:  # ProofError, or what the JSON-LD processor raises on odd input
        if not ours and isinstance(error.__cause__, JsonLdError):
            report.add(
                "signature",
                NOT_CHECKED,
                _("It uses vocabulary (a JSON-LD context) this site does not have."),
            )
        else:
            report.add(
                "signature", FAILED, _("Its proof (signature) is damaged or does not fit it.")
            )
        return
    if holds:
        report.add("signature", OK, _("The signature holds."))
    else:
        report.add("signature", FAILED, signature_broken())


def blank_nodes(value, limit: int = 10_000) -> int:
    """How many JSON objects without an ``id`` the document has (up to about ``limit``)."""
    count, stack = 0, [value]
    while stack and count <= limit:
        item = stack.pop()
        if isinstance(item, dict):
            count += "id" not in item and "@id" not in item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def did_key(method: str):
    """The public key a ``did:key`` method names (no one is contacted)."""
    try:
        key = did.public_key_from_multikey(method[len("did:key:") :].split("#")[0])
    except ValueError:
        return None, _("Its key (did:key) cannot be read.")
    return key, ""


def resolve_key(fetcher, method: str):
    """The public key of a ``did:web`` verification method, from its DID document."""
    identifier = method.split("#")[0]
    if not identifier.startswith("did:web:"):
        return None, _("Its key is of a kind this site cannot look up.")
    try:
        url = did.did_url(identifier)
    except ValueError:
        return None, _("Its key is of a kind this site cannot look up.")
    response = fetcher.get(url, accept="application/did+json, application/json")
    if response.status >= 400:
        return None, http_failure(response)
    document = response.json()
    methods = document.get("verificationMethod") if isinstance(document, dict) else None
    for entry in methods if isinstance(methods, list) else []:
        if not isinstance(entry, dict):
            continue
        entry_id = entry.get("id") if isinstance(entry.get("id"), str) else ""
        if entry_id.startswith("#"):
            entry_id = identifier + entry_id
        if entry_id != method:
            continue
        if entry.get("publicKeyMultibase"):
            try:
                return did.public_key_from_multikey(entry["publicKeyMultibase"]), ""
            except ValueError:
                break
        jwk = entry.get("publicKeyJwk")
        if isinstance(jwk, dict) and jwk.get("crv") == "Ed25519":
            try:
                return jwt.PyJWK(jwk, algorithm="EdDSA").key, ""
            except jwt.PyJWKError:
                break
        break
    return None, _("The issuer does not publish the key named in it.")


def status_list_bit(fetcher, entry: dict, issuer: str) -> bool:
    url = entry.get("statusListCredential")
    index = int(entry.get("statusListIndex"))
    response = fetcher.get(url, accept="application/vc+jwt, application/json")
    if response.status >= 400:
        raise FetchError(http_failure(response))
    body = response.text().strip()
    if JWS_SHAPE.match(body):
        _header, listing = read_token(body)
    else:
        listing = json.loads(body)
    if isinstance(listing, dict) and isinstance(listing.get("vc"), dict):
        listing = listing["vc"]
    if issuer_of(listing) != issuer:
        raise ValueError("another issuer's list")
    bits = status_lists.decode_list(subject_of(listing)["encodedList"])
    return status_lists.is_set(bits, index)


# -- Open Badges 2.0 of other issuers, when contacting them is allowed ----------------------


class OB2Fetch:
    """Follows an assertion to its badge class, issuer, key and revocation list."""

    def __init__(self, fetcher, report, doc, token):
        self.fetcher, self.report, self.doc, self.token = fetcher, report, doc, token

    def get_json(self, url):
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
        if isinstance(issuer, str):
            _response, issuer = self.get_json(issuer)
        if not isinstance(issuer, dict):
            report.add("issuer", FAILED, _("Its issuer's profile cannot be read."))
            return
        report.issuer_name = text_of(issuer.get("name")) or report.issuer_name
        report.issuer_id = str(issuer.get("id") or report.issuer_id)
        if self.token is not None:
            self.check_signature(issuer)
        elif urlsplit(str(doc.get("id"))).hostname != urlsplit(report.issuer_id).hostname:
            report.add("issuer", FAILED, _("It is kept on another site than its issuer's."))
            return
        if (report.check("issuer") or Check("", "", "")).status != FAILED:
            report.add("issuer", OK, _("Issued by %(issuer)s (%(host)s).") % {
                "issuer": report.issuer_name, "host": urlsplit(report.issuer_id).hostname
            })  # fmt: skip
        if report.check("revocation") is None:
            self.check_revocation_list(issuer)

    def check_signature(self, issuer: dict) -> None:
        report = self.report
        creator = mapping(self.doc.get("verification")).get("creator")
        response, key = self.get_json(creator)
        if not isinstance(key, dict) or not key.get("publicKeyPem"):
            report.add("signature", FAILED, _("The key that signed it cannot be found."))
            return
        if key.get("owner") != issuer.get("id"):
            report.add("issuer", FAILED, _("The key that signed it belongs to another issuer."))
        try:
            signing.verify(self.token, key["publicKeyPem"])
        except (jwt.InvalidTokenError, ValueError, TypeError):
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


# -- contacting other sites ----------------------------------------------------------------

ACCEPT_ANY = "application/ld+json, application/json, application/vc+jwt, image/png, image/svg+xml"
MAX_REDIRECTS = 3
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="col-verify-dns")


class FetchError(Exception):
    """An address that could not (or may not) be read; ``reason`` says why, in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes
    location: str = ""

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


def http_failure(response: Fetched) -> str:
    return _("%(host)s answered with an error (HTTP %(status)s).") % {
        "host": urlsplit(response.url).hostname,
        "status": response.status,
    }


def address_allowed(address: str) -> bool:
    """Whether an IP address is one on the public internet."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


class Fetcher:
    """GETs of other sites' addresses for one check, within the settings' limits."""

    def __init__(self):
        self.timeout = float(cityoflearning_settings.BADGES_VERIFY_FETCH_TIMEOUT)
        self.max_bytes = int(cityoflearning_settings.BADGES_VERIFY_FETCH_MAX_BYTES)
        self.left = int(cityoflearning_settings.BADGES_VERIFY_FETCH_MAX_REQUESTS)
        self.cache: dict[tuple[str, str], Fetched] = {}

    def get(self, url: str, *, accept: str) -> Fetched:
        if (url, accept) in self.cache:
            return self.cache[(url, accept)]
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            response = self.once(current, accept)
            if response.location:
                # A redirect: its target is checked like any address before it is contacted.
                current = urljoin(current, response.location)
                continue
            self.cache[(url, accept)] = response
            return response
        raise FetchError(_("%(host)s sends the request on too many times.") % {
            "host": urlsplit(url).hostname
        })  # fmt: skip

    def address_for(self, host: str, port: int) -> str:
        try:
            future = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
            infos = future.result(timeout=self.timeout)
        except FutureTimeout:
            raise FetchError(_("%(host)s did not answer in time.") % {"host": host}) from None
        except (OSError, UnicodeError):
            raise FetchError(_("%(host)s could not be found.") % {"host": host}) from None
        addresses = [info[4][0] for info in infos]
        if not addresses or not all(address_allowed(a) for a in addresses):
            raise FetchError(
                _("%(host)s is a private or local address; it is not contacted.") % {"host": host}
            )
        return addresses[0]

    def once(self, url: str, accept: str) -> Fetched:
        try:
            parts = urlsplit(url)
            port = parts.port
        except (ValueError, TypeError):
            raise FetchError(_("This web address cannot be read.")) from None
        host = parts.hostname
        allowed = ("https", "http") if settings.DEBUG else ("https",)
        if parts.scheme not in allowed or not host:
            raise FetchError(
                _("%(url)s is not a secure (https) address; it is not contacted.") % {"url": url}
            )
        if self.left <= 0:
            raise FetchError(_("Checking it would need too many requests to other sites."))
        self.left -= 1
        port = port or (443 if parts.scheme == "https" else 80)
        address = self.address_for(host, port)
        if parts.scheme == "https":
            connection = CheckedHTTPSConnection(address, host, port, self.timeout)
        else:
            connection = CheckedHTTPConnection(address, host, port, self.timeout)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        started = time.monotonic()
        try:
            connection.request(
                "GET",
                path,
                headers={"Accept": accept, "User-Agent": "wagtail-cityoflearning badge verifier"},
            )
            response = connection.getresponse()
            body = bytearray()
            while chunk := response.read1(16384):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(
                        _("%(host)s sent more than %(size)s KB; it was not read.")
                        % {"host": host, "size": self.max_bytes // 1024}
                    )
                if time.monotonic() - started > self.timeout:
                    raise FetchError(_("%(host)s did not answer in time.") % {"host": host})
        except TimeoutError:
            raise FetchError(_("%(host)s did not answer in time.") % {"host": host}) from None
        except ssl.SSLError:
            raise FetchError(
                _("%(host)s's secure connection could not be trusted.") % {"host": host}
            ) from None
        except (http.client.HTTPException, OSError):
            raise FetchError(_("%(host)s could not be reached.") % {"host": host}) from None
        finally:
            connection.close()
        content_type = response.getheader("Content-Type", "")
        location = response.getheader("Location", "")
        if response.status in (301, 302, 303, 307, 308) and location:
            return Fetched(url, response.status, content_type, b"", location=location)
        return Fetched(url, response.status, content_type, bytes(body))


class CheckedHTTPConnection(http.client.HTTPConnection):
    """A connection to ``address`` (already checked to be public) for ``host``: the socket
    goes to that address, whatever the name would resolve to now."""

    def __init__(self, address: str, host: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    """As :class:`CheckedHTTPConnection`, over TLS: the certificate must be valid for ``host``."""

    def __init__(self, address: str, host: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


__all__ = ["Check", "FetchError", "Fetcher", "MAX_INPUT_BYTES", "Report", "overall", "verify"]
