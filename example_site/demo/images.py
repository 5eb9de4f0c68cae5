"""Simple badge images for the demo, drawn with Pillow: a coloured disc with a white ring and
a white symbol. Generated rather than shipped, so the demo needs no image files."""

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw

SIZE = 256
# Drawn larger and scaled down, which smooths the edges.
SCALE = 4
SHAPES = ("star", "hexagon", "diamond", "triangle", "circle", "chevron")


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _polygon(centre: float, radius: float, corners: int, rotation: float = -90, inner=None):
    """The points of a regular polygon, or of a star when ``inner`` (a radius) is given."""
    points = []
    steps = corners * 2 if inner else corners
    for index in range(steps):
        angle = math.radians(rotation + index * 360 / steps)
        r = inner if inner and index % 2 else radius
        points.append((centre + r * math.cos(angle), centre + r * math.sin(angle)))
    return points


def _symbol(draw: ImageDraw.ImageDraw, shape: str, centre: float, radius: float, fill):
    if shape == "star":
        draw.polygon(_polygon(centre, radius, 5, inner=radius * 0.45), fill=fill)
    elif shape == "hexagon":
        draw.polygon(_polygon(centre, radius, 6, rotation=0), fill=fill)
    elif shape == "diamond":
        draw.polygon(_polygon(centre, radius, 4), fill=fill)
    elif shape == "triangle":
        draw.polygon(_polygon(centre, radius, 3), fill=fill)
    elif shape == "chevron":
        width = radius * 0.45
        for offset in (-radius * 0.45, radius * 0.35):
            top = centre + offset
            draw.line(
                [
                    (centre - radius, top + radius * 0.6),
                    (centre, top),
                    (centre + radius, top + radius * 0.6),
                ],
                fill=fill,
                width=int(width),
                joint="curve",
            )
    else:
        draw.ellipse(
            [
                centre - radius * 0.7,
                centre - radius * 0.7,
                centre + radius * 0.7,
                centre + radius * 0.7,
            ],
            fill=fill,
        )


@lru_cache(maxsize=32)
def badge_png(colour: str, shape: str = "star") -> bytes:
    """A square PNG badge image in ``colour`` (``#rrggbb``) with a white ``shape``."""
    size = SIZE * SCALE
    centre = size / 2
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    rgb = _hex_to_rgb(colour)
    white = (255, 255, 255, 255)
    draw.ellipse([0, 0, size - 1, size - 1], fill=(*rgb, 255))
    ring = size * 0.07
    draw.ellipse([ring, ring, size - ring, size - ring], outline=white, width=int(size * 0.025))
    _symbol(draw, shape, centre, size * 0.26, white)
    image = image.resize((SIZE, SIZE), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
