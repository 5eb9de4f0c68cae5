"""Making uploaded images safe to keep and to serve.

* SVG is rewritten by an allow-list sanitiser (svg-hush): only drawing elements and
  presentation attributes stay; scripts, event handlers, links, ``foreignObject``, external
  references, DOCTYPEs and entity declarations, processing instructions and anything the
  sanitiser does not know are dropped.
* Raster images are measured from their header, before anything is decoded, and decoding is
  bounded: at most :data:`MAX_CONCURRENT_DECODES` run at once in a process.
* Every response that sends an uploaded image back gets headers that keep a browser from
  running anything in it (:func:`protect_image_response`).
"""

import html
import io
import re
import struct
import threading
from xml.etree.ElementTree import ParseError

import py_svg_hush
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext_lazy as _
from PIL import Image

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

# Raster pictures an SVG may embed as ``data:`` URLs: none of them can hold a script.
SVG_DATA_IMAGES = {"image": ["png", "jpeg", "gif", "webp"]}

# The sanitiser keeps local references as paths ("http://host/x" becomes "/x"); a badge
# needs none: only references inside the file (#id) and embedded raster pictures stay.
OUTSIDE_URL = re.compile(rb"url\((?!\s*(?:'|\"|&apos;|&quot;)?\s*#)[^)]*\)")
OUTSIDE_HREF = re.compile(
    rb'\s(?:xlink:)?href="(?!#|data:image/(?:png|jpeg|gif|webp);base64,)[^"]*"'
)

# An animation the sanitiser left without a target can still hold a script URL as its value;
# harmless without a target, but a badge has no use for it either.
ANIMATION_VALUE = re.compile(rb'\s(?:to|from|by|values)="([^"]*)"')


def _drop_script_values(match) -> bytes:
    value = html.unescape(match.group(1).decode("utf-8", "replace"))
    squashed = re.sub(r"[\x00-\x20]", "", value).lower()
    return b"" if "script:" in squashed else match.group(0)


# What has to be left after sanitising for the SVG still to show something.
SVG_DRAWING = {
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "image", "use",
}  # fmt: skip

# Sent with every uploaded image. ``sandbox`` gives the image an opaque origin where no script
# runs; ``default-src 'none'`` lets it load nothing. Inline styles stay allowed: SVG exported
# by drawing programs colours its shapes with a <style> element or style attributes, CSS runs
# no script, and with every source 'none' a style cannot fetch anything either.
IMAGE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'"

# Decoding a 40-megapixel picture takes 160 MB; a process decodes this many at once.
MAX_CONCURRENT_DECODES = 2
# How long an upload waits for a free decoding slot before it is refused as "busy".
DECODE_WAIT_SECONDS = 30

decode_slots = threading.BoundedSemaphore(MAX_CONCURRENT_DECODES)


class UnsafeImage(ValueError):
    """An upload that cannot be made safe; ``message`` says why in the user's words."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


def sanitise_svg(data: bytes) -> bytes:
    """The SVG with everything but drawing removed; :class:`UnsafeImage` if nothing is left
    that a browser would show, or the file is not an SVG document."""
    try:
        clean = py_svg_hush.filter_svg(data, SVG_DATA_IMAGES)
        clean = OUTSIDE_HREF.sub(b"", OUTSIDE_URL.sub(b"none", clean))
        clean = ANIMATION_VALUE.sub(_drop_script_values, clean)
        root = fromstring(clean)
    except (ValueError, ParseError):  # defusedxml's refusals are ValueErrors
        raise UnsafeImage(
            _("This SVG file cannot be read: save it again as a plain SVG and upload it."),
            "svg_unreadable",
        ) from None
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise UnsafeImage(
            _("This file is not an SVG image (its root element must be an SVG <svg>)."),
            "svg_not_svg",
        )
    drawn = any(
        element.tag.startswith(f"{{{SVG_NAMESPACE}}}")
        and element.tag.split("}", 1)[1] in SVG_DRAWING
        for element in root.iter()
    )
    if not drawn:
        raise UnsafeImage(
            _(
                "Nothing would be left of this SVG once scripts, links and other unsafe "
                "parts are removed. Upload a drawing."
            ),
            "svg_empty",
        )
    return clean


def image_header(file, formats: list[str]) -> tuple[str, tuple[int, int]]:
    """(format, (width, height)) read from the header only: nothing is decoded.

    Only the given Pillow formats are tried, so no other parser sees the file. Raises what
    Pillow raises for a file it cannot identify.
    """
    file.seek(0)
    try:
        with Image.open(file, formats=formats) as image:
            return image.format, image.size
    finally:
        file.seek(0)


# Deflate compresses at most 1032:1; the image data of a PNG cannot be shorter than this.
DEFLATE_MAX_RATIO = 1032
PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # by colour type


def png_data_too_short(file) -> bool:
    """True when a PNG's image data is too short to hold the pixels its header declares.

    Such a file is cut short (or lying about its size): decoding it would set aside the
    memory for every declared pixel only to fail. Only chunk headers are read.
    """
    file.seek(0)
    try:
        head = file.read(33)
        if len(head) < 33 or head[12:16] != b"IHDR":
            return False  # not a PNG Pillow would read as one either
        width, height, depth, colour = struct.unpack(">IIBB", head[16:26])
        row = (width * PNG_CHANNELS.get(colour, 4) * depth + 7) // 8
        smallest_data = height * (1 + row) // DEFLATE_MAX_RATIO
        data = 0
        file.seek(8)
        while data <= smallest_data:
            chunk = file.read(8)
            if len(chunk) < 8:
                break
            length, kind = struct.unpack(">I4s", chunk)
            if kind == b"IDAT":
                data += length
            elif kind == b"IEND":
                break
            file.seek(length + 4, io.SEEK_CUR)
        return data <= smallest_data and smallest_data > 0
    finally:
        file.seek(0)


class decoding_slot:
    """Hold one of the process's decoding slots; :class:`UnsafeImage` if none frees up."""

    def __enter__(self):
        if not decode_slots.acquire(timeout=DECODE_WAIT_SECONDS):
            raise UnsafeImage(
                _("We are busy processing other pictures. Please try again in a minute."),
                "busy",
            )
        return self

    def __exit__(self, *exc_info):
        decode_slots.release()
        return False


def protect_image_response(response, *, svg: bool):
    """Headers for an uploaded image: no sniffing it as something else, and for SVG (and
    anything a browser might open as a document) a sandbox in which nothing runs or loads."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = IMAGE_CSP if svg else "sandbox; default-src 'none'"
    return response
