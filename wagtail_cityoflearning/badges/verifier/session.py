"""One visitor's check: what came in (an image, a text, an address) is read and each badge in
it handed to the Open Badges 2.0 or 3.0 checks, with the visitor's email and one budget of
requests to other sites."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.validators import image_type
from wagtail_cityoflearning.badges.verifier.fetching import (
    ACCEPT_ANY,
    Fetcher,
    FetchError,
    http_failure,
)
from wagtail_cityoflearning.badges.verifier.ob2 import OB2Checks
from wagtail_cityoflearning.badges.verifier.ob3 import OB3Checks
from wagtail_cityoflearning.badges.verifier.own import OwnRef, own_ref
from wagtail_cityoflearning.badges.verifier.reading import (
    JWS_SHAPE,
    MAX_INPUT_BYTES,
    is_assertion,
    is_credential,
    read_png,
    read_svg,
    read_token,
    too_large_message,
)
from wagtail_cityoflearning.badges.verifier.report import (
    FAILED,
    NOT_CHECKED,
    Report,
    Unreadable,
    not_fetched,
    problem,
)
from wagtail_cityoflearning.conf import cityoflearning_settings


def active_content() -> str:
    return _(
        "This SVG image contains a script or other active content. This page never shows or "
        "runs the image it is given, so the script was not run or checked; it does not change "
        "whether the badge is valid. Do not open the file in a browser if you do not trust it."
    )


class Session(OB2Checks, OB3Checks):
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
        if kind == "svg" and active:
            # Only noted: the image is never shown or run here, and the badge in it stands
            # or falls by its own checks.
            for report in reports:
                report.add("image", NOT_CHECKED, active_content())
                report.finish()
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
        version = (
            "2.0"
            if header.get("alg") == "RS256" and not (isinstance(payload, dict) and "vc" in payload)
            else "3.0"
        )
        if not isinstance(payload, dict):
            report = Report(version=version, format=fmt or ("jws" if version == "2.0" else "jwt"))
            report.add(
                "signature",
                FAILED,
                _("The signed content is damaged: it was changed after it was signed."),
            )
            return report.finish()
        if isinstance(payload.get("vc"), dict):
            return self.ob3(
                payload["vc"], fmt or "jwt", token=token, header=header, payload=payload
            )
        if is_credential(payload):
            return self.ob3(payload, fmt or "jwt", token=token, header=header, payload=payload)
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
