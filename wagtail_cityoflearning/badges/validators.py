"""Checks on uploaded badge images: PNG or SVG, small enough, really what they say.

An SVG is run through an allow-list sanitiser (:func:`~wagtail_cityoflearning.uploads.
sanitise_svg`): the check here refuses one that does not survive it, and
:func:`sanitise_new_badge_image` (connected to ``pre_save`` of :class:`BadgeClass`) stores the
sanitised bytes in place of the uploaded ones. A PNG's dimensions are read from its header
and a PNG claiming more than :data:`MAX_PNG_SIDE` pixels a side is refused undecoded.
"""

import struct

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from wagtail_cityoflearning.uploads import UnsafeImage, image_header, sanitise_svg

MAX_BYTES = 512 * 1024
MAX_PNG_SIDE = 4096
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_type(head: bytes) -> str | None:
    """``"png"``, ``"svg"`` or None from the first bytes of a file."""
    if head.startswith(PNG_SIGNATURE):
        return "png"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<?xml", b"<svg", b"<!--", b"<!DOCTYPE", b"<!doctype")) and (
        b"<svg" in head or b":svg" in head
    ):
        return "svg"
    return None


def png_unreadable() -> ValidationError:
    return ValidationError(
        _("This PNG image cannot be read: save it again and upload it."), code="png_unreadable"
    )


def check_png_header(content: bytes, file) -> None:
    """Refuse a PNG whose header claims too many pixels (read from the IHDR chunk itself, so
    nothing is decoded), or that Pillow cannot identify."""
    if content[12:16] != b"IHDR" or len(content) < 24:
        raise png_unreadable()
    width, height = struct.unpack(">II", content[16:24])
    if max(width, height) > MAX_PNG_SIDE:
        raise ValidationError(
            _(
                "The image is %(width)s×%(height)s pixels; a badge image may be at most "
                "%(max)s pixels wide and high."
            )
            % {"width": width, "height": height, "max": MAX_PNG_SIDE},
            code="png_too_large",
        )
    try:
        image_header(file, ["PNG"])
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise png_unreadable() from None


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
    if kind == "png":
        check_png_header(content, file)
    else:
        try:
            sanitise_svg(content)
        except UnsafeImage as error:
            raise ValidationError(error.message, code=error.code) from None


def sanitise_new_badge_image(sender, instance, raw=False, **kwargs):
    """Store a newly uploaded SVG badge image as its sanitised bytes.

    Runs before the file field writes a new upload to storage (files already stored are
    left alone); an SVG that cannot be sanitised is refused here too, for saves that skipped
    validation.
    """
    field_file = instance.image
    if raw or not field_file or getattr(field_file, "_committed", True):
        return
    if not (field_file.name or "").lower().endswith(".svg"):
        return
    upload = field_file.file
    upload.seek(0)
    content = upload.read()
    try:
        clean = sanitise_svg(content)
    except UnsafeImage as error:
        raise ValidationError({"image": ValidationError(error.message, code=error.code)}) from None
    field_file.file = ContentFile(clean, name=field_file.name)


pre_save.connect(
    sanitise_new_badge_image,
    sender="wagtail_cityoflearning_badges.BadgeClass",
    dispatch_uid="wagtail_cityoflearning.badges.sanitise_new_badge_image",
)
