"""Checks on uploaded badge images: PNG or SVG, small enough, really what they say."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 512 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EVENT_HANDLER = re.compile(rb"\son[a-z]+\s*=")


def image_type(head: bytes) -> str | None:
    """``"png"``, ``"svg"`` or None from the first bytes of a file."""
    if head.startswith(PNG_SIGNATURE):
        return "png"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        return "svg"
    return None


def validate_badge_image(file) -> None:
    if file.size > MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s KB; the most a badge image may be is %(max)s KB.")
            % {"size": file.size // 1024, "max": MAX_BYTES // 1024}
        )
    file.seek(0)
    content = file.read()
    file.seek(0)
    kind = image_type(content[:2048])
    name = (file.name or "").lower()
    if kind is None or not name.endswith("." + kind):
        raise ValidationError(_("Upload a PNG or SVG image; this file is neither."))
    lowered = content.lower()
    if kind == "svg" and (
        b"<script" in lowered or b"javascript:" in lowered or EVENT_HANDLER.search(lowered)
    ):
        raise ValidationError(_("SVG images may not contain scripts."))
