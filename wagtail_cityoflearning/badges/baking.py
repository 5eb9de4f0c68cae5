"""Baking: the badge image carries the award. Open Badges 2.0: the assertion (its URL, or its
JWS when signed) in the ``openbadges`` iTXt chunk of a PNG or ``<openbadges:assertion>`` of an
SVG. Open Badges 3.0: the credential (its VC-JWT) in the ``openbadgecredential`` iTXt chunk or
``<openbadges:credential>`` (namespace ``https://purl.imsglobal.org/ob/v3p0``). One image
carries both, so a 2.0 backpack and a 3.0 wallet each find theirs."""

import io
import struct
import zlib

import png
from defusedxml import minidom
from django.core.files.base import ContentFile
from openbadges_bakery import bake, unbake

from wagtail_cityoflearning.badges.validators import image_type
from wagtail_cityoflearning.uploads import sanitise_svg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CREDENTIAL_KEYWORD = b"openbadgecredential"
OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
CREDENTIAL_ELEMENT = "openbadges:credential"
# A baked credential is a few kilobytes; a chunk or element much larger is not one of ours
# and is not inflated or read further.
MAX_CREDENTIAL_BYTES = 1024 * 1024


def bake_image(source: bytes, content: str, credential: str | None = None) -> tuple[bytes, str]:
    """Return (baked bytes, "png" or "svg"). Anything already baked into the image is replaced.

    ``content`` is the Open Badges 2.0 assertion (URL, JSON or JWS); ``credential`` the Open
    Badges 3.0 credential (VC-JWT or JSON). An SVG source is sanitised again first (as on
    upload), whatever its history: only its drawing is baked. Raises ``ValueError`` for an
    image that is neither PNG nor a sanitisable SVG.
    """
    kind, source = _prepared(source)
    return _bake(kind, source, content, credential)


def _bake(kind: str, source: bytes, content: str, credential: str | None) -> tuple[bytes, str]:
    output = io.BytesIO()
    baked = bake(io.BytesIO(source), content, output)
    baked.seek(0)
    data = baked.read()
    if credential is not None:
        data = (
            bake_png_credential(data, credential)
            if kind == "png"
            else bake_svg_credential(data, credential)
        )
    return data, kind


def _prepared(source: bytes) -> tuple[str, bytes]:
    kind = image_type(source[:2048])
    if kind == "svg":
        return kind, sanitise_svg(source)
    if kind != "png":
        raise ValueError("Badge images must be PNG or SVG")
    return kind, source


ASSERTION_HEADER = b"openbadges\0\0\0\0\0"


class Baker:
    """Bakes many awards into one badge image, read and decoded once: :meth:`bake` gives the
    same bytes as :func:`bake_image` on the same source, without parsing it again."""

    def __init__(self, source: bytes):
        self.kind, self.source = _prepared(source)
        if self.kind != "png":
            return
        try:
            chunks = list(png.Reader(bytes=self.source).chunks())
        except png.Error as error:
            raise ValueError(f"Not a readable PNG: {error}") from error
        first, *rest = chunks
        # As openbadges-bakery: its chunk right after the first, earlier ones left out; and
        # (with a credential) the credential's chunk just before IEND, earlier ones left out.
        rest = [(kind, body) for kind, body in rest if not body.startswith(b"openbadges\0")]
        self.head = PNG_SIGNATURE + _chunk(*first)
        self.middle = b"".join(_chunk(kind, body) for kind, body in rest if kind != b"IEND")
        self.middle_without_credential = b"".join(
            _chunk(kind, body)
            for kind, body in rest
            if kind != b"IEND" and not _is_credential_chunk(kind, body)
        )
        self.end = b"".join(_chunk(kind, body) for kind, body in rest if kind == b"IEND")

    def bake(self, content: str, credential: str | None = None) -> tuple[bytes, str]:
        if self.kind != "png":
            return _bake(self.kind, self.source, content, credential)
        parts = [self.head, _chunk(b"iTXt", ASSERTION_HEADER + content.encode("utf-8"))]
        if credential is None:
            parts.append(self.middle)
        else:
            body = CREDENTIAL_KEYWORD + b"\0\0\0\0\0" + credential.encode("utf-8")
            parts += [self.middle_without_credential, _chunk(b"iTXt", body)]
        parts.append(self.end)
        return b"".join(parts), "png"


def read_baked(data: bytes) -> str | None:
    """The Open Badges 2.0 assertion URL or JWS baked into an image, or None."""
    return unbake(io.BytesIO(data))


def _chunks(data: bytes):
    """(type, body) of each chunk of a PNG (ValueError if it is not a well-formed PNG)."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("Not a PNG")
    position = len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            raise ValueError("A PNG chunk is cut short")
        yield kind, body
        position += 12 + length
        if kind == b"IEND":
            return
    raise ValueError("The PNG has no end")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _credential_text(kind: bytes, body: bytes) -> str | None:
    if not _is_credential_chunk(kind, body):
        return None
    rest = body[len(CREDENTIAL_KEYWORD) + 1 :]
    if len(rest) < 2:
        raise ValueError("A malformed iTXt chunk")
    compressed, rest = rest[0], rest[2:]
    _language, _, rest = rest.partition(b"\0")
    _translated, _, text = rest.partition(b"\0")
    try:
        if compressed:
            inflater = zlib.decompressobj()
            text = inflater.decompress(text, MAX_CREDENTIAL_BYTES + 1)
            if len(text) > MAX_CREDENTIAL_BYTES:
                raise ValueError("The baked credential is too large")
        return text.decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as error:
        raise ValueError("A baked credential that cannot be read") from error


def _is_credential_chunk(kind: bytes, body: bytes) -> bool:
    return kind == b"iTXt" and body.startswith(CREDENTIAL_KEYWORD + b"\0")


def bake_png_credential(data: bytes, credential: str) -> bytes:
    """The PNG with ``credential`` in its one ``openbadgecredential`` iTXt chunk."""
    body = CREDENTIAL_KEYWORD + b"\0\0\0\0\0" + credential.encode("utf-8")
    parts = [PNG_SIGNATURE]
    for kind, chunk_body in _chunks(data):
        if _is_credential_chunk(kind, chunk_body):
            continue  # replaced, unread: whatever it held

        if kind == b"IEND":
            parts.append(_chunk(b"iTXt", body))
        parts.append(_chunk(kind, chunk_body))
    return b"".join(parts)


def bake_svg_credential(data: bytes, credential: str) -> bytes:
    """The SVG with ``credential`` as the text of its one ``<openbadges:credential>``."""
    document = minidom.parseString(data)
    root = document.documentElement
    for node in list(root.getElementsByTagName(CREDENTIAL_ELEMENT)):
        node.parentNode.removeChild(node)
    element = document.createElementNS(OB3_NAMESPACE, CREDENTIAL_ELEMENT)
    element.setAttribute("xmlns:openbadges", OB3_NAMESPACE)
    element.appendChild(document.createCDATASection(credential))
    root.appendChild(element)
    return document.toxml(encoding="utf-8")


def read_baked_credential(data: bytes) -> str | None:
    """The Open Badges 3.0 credential (VC-JWT or JSON) baked into a PNG or SVG, or None.

    Raises ``ValueError`` for an image that cannot be read."""
    kind = image_type(data[:2048])
    if kind == "png":
        for chunk_kind, body in _chunks(data):
            text = _credential_text(chunk_kind, body)
            if text is not None:
                return text.strip()
        return None
    if kind == "svg":
        try:
            document = minidom.parseString(data)
        except Exception as error:  # defusedxml's and expat's errors alike
            raise ValueError("Not a readable SVG") from error
        for node in document.getElementsByTagName(CREDENTIAL_ELEMENT):
            text = "".join(
                child.data
                for child in node.childNodes
                if child.nodeType in (child.TEXT_NODE, child.CDATA_SECTION_NODE)
            ).strip()
            if len(text) > MAX_CREDENTIAL_BYTES:
                raise ValueError("The baked credential is too large")
            return text or None
        return None
    raise ValueError("Not a PNG or SVG")


# The fields of an award its baking writes (signatures, credentials and the image).
BAKED_FIELDS = [
    "signature",
    "credential",
    "credential_jwt",
    "status_index",
    "baked_image",
    "baking_state",
]


def store_image(instance, baked: bytes, kind: str) -> None:
    """Put the baked image in storage as the award's, ``instance`` (the caller saves it)."""
    if instance.baked_image:
        instance.baked_image.delete(save=False)
    # A run that failed after writing the file left it behind: overwrite it, never add a
    # second image with a suffixed name.
    field = instance.baked_image.field
    name = field.generate_filename(instance, f"{instance.uuid}.{kind}")
    if field.storage.exists(name):
        field.storage.delete(name)
    instance.baked_image.save(f"{instance.uuid}.{kind}", ContentFile(baked), save=False)
