"""Baking: the assertion (its URL, or its JWS when signed) embedded in the badge image."""

import io
import re

from openbadges_bakery import bake, unbake

from .validators import image_type

_SVG_ASSERTION = re.compile(rb"<openbadges:assertion\b.*?(?:/>|</openbadges:assertion>)", re.S)


def bake_image(source: bytes, content: str) -> tuple[bytes, str]:
    """Return (baked bytes, "png" or "svg"). Any assertion already in the image is replaced."""
    kind = image_type(source[:2048])
    if kind == "svg":
        source = _SVG_ASSERTION.sub(b"", source)
    elif kind != "png":
        raise ValueError("Badge images must be PNG or SVG")
    output = io.BytesIO()
    baked = bake(io.BytesIO(source), content, output)
    baked.seek(0)
    return baked.read(), kind


def read_baked(data: bytes) -> str | None:
    """The assertion URL or JWS baked into an image, or None."""
    return unbake(io.BytesIO(data))
