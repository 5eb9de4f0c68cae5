"""Reading what a visitor brings: the badges baked into a PNG or SVG image, a compact JWS or
JWT, and whether a JSON document is an Open Badges 2.0 assertion or a 3.0 credential.

Nothing here is trusted or checked yet: it only finds the badge. Input that cannot be read
raises :class:`~.report.Unreadable` with a reason in the visitor's language."""

from __future__ import annotations

import base64
import binascii
import json
import re
import struct
import zlib
from xml.etree.ElementTree import ParseError

from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges.validators import MAX_BYTES, PNG_SIGNATURE
from wagtail_cityoflearning.badges.verifier.report import Unreadable
from wagtail_cityoflearning.uploads import SVG_NAMESPACE

# A badge image may be MAX_BYTES; baking adds the assertion and the credential to it.
MAX_INPUT_BYTES = MAX_BYTES + 128 * 1024

OB2_CONTEXT = "w3id.org/openbadges"
VC_CONTEXT = "www.w3.org/2018/credentials"
VC2_CONTEXT = "www.w3.org/ns/credentials"
JWS_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
# Parts of an SVG that can run something. The image is never shown or run here, so they are
# only noted (an SVG's <foreignObject> holds other markup and runs nothing by itself).
SVG_ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed", "handler"}


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
    """The JSON in one part of a compact JWS; None when it is not JSON (or nested beyond
    reason)."""
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        return json.loads(raw)
    except (ValueError, TypeError, RecursionError, binascii.Error):
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
    context = document.get("@context") if isinstance(document, dict) else None
    values = context if isinstance(context, list) else [context]
    return [value for value in values if isinstance(value, str)]


def types(document: dict) -> list[str]:
    value = document.get("type") if isinstance(document, dict) else None
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
