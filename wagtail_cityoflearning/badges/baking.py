"""Baking: the assertion (its URL, or its JWS when signed) embedded in the badge image."""

import io

from openbadges_bakery import bake, unbake

from wagtail_cityoflearning.badges.validators import image_type
from wagtail_cityoflearning.uploads import sanitise_svg


def bake_image(source: bytes, content: str) -> tuple[bytes, str]:
    """Return (baked bytes, "png" or "svg"). Any assertion already in the image is replaced.

    An SVG source is sanitised again first (as on upload), whatever its history: only its
    drawing is baked. That also drops any ``openbadges:assertion`` it carried. Raises
    ``ValueError`` for an image that is neither PNG nor a sanitisable SVG.
    """
    kind = image_type(source[:2048])
    if kind == "svg":
        source = sanitise_svg(source)
    elif kind != "png":
        raise ValueError("Badge images must be PNG or SVG")
    output = io.BytesIO()
    baked = bake(io.BytesIO(source), content, output)
    baked.seek(0)
    return baked.read(), kind


def read_baked(data: bytes) -> str | None:
    """The assertion URL or JWS baked into an image, or None."""
    return unbake(io.BytesIO(data))
