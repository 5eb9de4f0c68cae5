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


# -- illustrations for cards -------------------------------------------------------------------

ILLUSTRATION_SIZE = (800, 450)
KINDS = ("opportunity", "provider", "playlist")


def _mix(rgb, other, amount: float) -> tuple[int, int, int]:
    return tuple(round(a + (b - a) * amount) for a, b in zip(rgb, other, strict=True))


def _gradient(size, start, end) -> Image.Image:
    """A diagonal gradient from ``start`` (top left) to ``end`` (bottom right)."""
    width, height = size
    ramp = Image.linear_gradient("L").rotate(45, resample=Image.BILINEAR, expand=True)
    ramp = ramp.crop((ramp.width // 4, ramp.height // 4, ramp.width * 3 // 4, ramp.height * 3 // 4))
    mask = ramp.resize(size, Image.BILINEAR)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _overlay(image: Image.Image, draw_shapes) -> Image.Image:
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw_shapes(ImageDraw.Draw(layer))
    return Image.alpha_composite(image.convert("RGBA"), layer)


def _circles(draw, width, height, seed):
    """Overlapping discs, as for people gathering."""
    for index in range(6):
        radius = height * (0.18 + 0.07 * ((seed + index) % 4))
        x = width * ((index * 0.19 + seed * 0.07) % 1.0)
        y = height * (0.25 + 0.5 * ((index * 0.37 + seed * 0.11) % 1.0))
        alpha = 70 if index % 2 else 45
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255, alpha))


def _blocks(draw, width, height, seed):
    """Rectangles of different heights with rows of windows, as for a street of buildings."""
    x = width * 0.06
    index = 0
    while x < width * 0.94:
        block_width = width * (0.1 + 0.03 * ((seed + index) % 3))
        block_height = height * (0.35 + 0.12 * ((seed * 3 + index) % 4))
        top = height - block_height
        draw.rectangle(
            [x, top, x + block_width, height], fill=(255, 255, 255, 60 + 15 * (index % 3))
        )
        for row in range(int(block_height // 60)):
            y = top + 22 + row * 60
            draw.rectangle(
                [x + block_width * 0.25, y, x + block_width * 0.75, y + 22],
                fill=(255, 255, 255, 110),
            )
        x += block_width + width * 0.025
        index += 1


def _path(draw, width, height, seed):
    """Stepping stones rising from left to right, with a star at the end: a way to a goal."""
    steps = 6
    for index in range(steps):
        x = width * (0.1 + index * 0.14)
        y = height * (0.8 - index * 0.11) + (12 if (index + seed) % 2 else -12)
        radius = height * 0.06
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255, 150))
    points = _polygon(0, height * 0.13, 5, inner=height * 0.06)
    x, y = width * 0.9, height * 0.18
    draw.polygon([(x + px, y + py) for px, py in points], fill=(255, 255, 255, 220))


DRAWERS = {"opportunity": _circles, "provider": _blocks, "playlist": _path}


@lru_cache(maxsize=64)
def illustration_jpeg(colour: str, kind: str = "opportunity", seed: int = 0) -> bytes:
    """An abstract 800x450 JPEG illustration in ``colour``: a gradient with shapes that differ
    by ``kind`` (``opportunity``: discs, ``provider``: buildings, ``playlist``: a path)."""
    width, height = ILLUSTRATION_SIZE
    rgb = _hex_to_rgb(colour)
    white, black = (255, 255, 255), (0, 0, 0)
    image = _gradient(ILLUSTRATION_SIZE, _mix(rgb, white, 0.25), _mix(rgb, black, 0.35))
    image = _overlay(image, lambda draw: DRAWERS[kind](draw, width, height, seed))
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
