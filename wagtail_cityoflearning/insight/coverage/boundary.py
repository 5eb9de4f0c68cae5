"""The city's area: the boundary a city uploads (GeoJSON), read and checked, or the convex
hull of its points when it has none.

A boundary is a GeoJSON ``Polygon`` or ``MultiPolygon``, a ``Feature`` holding one, or a
``FeatureCollection`` of such features; whatever its form, it is read into one list of
polygons (a MultiPolygon's coordinates), each a list of rings of ``[longitude, latitude]``
positions. Anything else is refused with a message an editor can act on.
"""

import json
import math

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

MAX_BOUNDARY_BYTES = 1_000_000
MAX_VERTICES = 20_000
# A city, not a region: the area's longest side in degrees (about 165 km north to south).
MAX_SPAN_DEGREES = 1.5
# How far the hull of a city's points reaches beyond them, in metres.
HULL_BUFFER_METRES = 500

POLYGON_TYPES = ("Polygon", "MultiPolygon")


def _error(message, code, **params):
    return ValidationError(message, code=code, params=params or None)


def _load(text: str):
    if len(text.encode("utf-8")) > MAX_BOUNDARY_BYTES:
        raise _error(
            _(
                "The boundary is larger than %(limit)s MB. Simplify it (fewer points) and "
                "try again."
            ),
            "too_large",
            limit=MAX_BOUNDARY_BYTES // 1_000_000,
        )

    def no_constant(name):
        raise ValueError(name)

    try:
        return json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        raise _error(
            _(
                "The boundary is not valid GeoJSON: the text cannot be read at line "
                "%(line)s, column %(column)s."
            ),
            "invalid_json",
            line=error.lineno,
            column=error.colno,
        ) from None
    except (ValueError, RecursionError):
        raise _error(
            _("The boundary is not valid GeoJSON: the text cannot be read."), "invalid_json"
        ) from None


def _type_of(value) -> str:
    if isinstance(value, dict):
        return str(value.get("type") or _("an object without a type"))[:40]
    if isinstance(value, list):
        return str(_("a list"))
    return str(_("a single value"))


def _not_an_area(value):
    return _error(
        _(
            "The boundary must be a GeoJSON Polygon or MultiPolygon, or a Feature or "
            "FeatureCollection holding them; this is %(type)s."
        ),
        "not_an_area",
        type=_type_of(value),
    )


def _geometries(data) -> list:
    """The Polygon and MultiPolygon geometries ``data`` holds, or a ValidationError."""
    if not isinstance(data, dict):
        raise _not_an_area(data)
    kind = data.get("type")
    if kind in POLYGON_TYPES:
        return [data]
    if kind == "Feature":
        geometry = data.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
            raise _not_an_area(geometry)
        return [geometry]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list) or not features:
            raise _error(_("The boundary's FeatureCollection has no features."), "no_features")
        geometries = []
        for number, feature in enumerate(features, start=1):
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            if (
                not isinstance(feature, dict)
                or feature.get("type") != "Feature"
                or not isinstance(geometry, dict)
                or geometry.get("type") not in POLYGON_TYPES
            ):
                raise _error(
                    _(
                        "Feature %(number)s of the boundary is not a polygon (it is "
                        "%(type)s): only polygons make an area."
                    ),
                    "feature_not_an_area",
                    number=number,
                    type=_type_of(geometry if isinstance(feature, dict) else feature),
                )
            geometries.append(geometry)
        return geometries
    raise _not_an_area(data)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _position(value) -> list[float]:
    if (
        not isinstance(value, list)
        or len(value) not in (2, 3)
        or not all(_is_number(number) for number in value)
    ):
        raise _error(
            _(
                "A position of the boundary is not a longitude and a latitude: %(position)s. "
                "GeoJSON writes each point as [longitude, latitude]."
            ),
            "invalid_position",
            position=json.dumps(value)[:60],
        )
    lng, lat = value[0], value[1]
    if not (-180 <= lng <= 180 and -90 <= lat <= 90):
        raise _error(
            _(
                "The point %(position)s is outside the globe: GeoJSON gives the longitude "
                "first (−180 to 180), then the latitude (−90 to 90)."
            ),
            "outside_globe",
            position=json.dumps(value)[:60],
        )
    return [float(lng), float(lat)]


def _ring(value) -> list[list[float]]:
    if not isinstance(value, list):
        raise _error(_("A ring of the boundary is not a list of positions."), "invalid_ring")
    ring = [_position(position) for position in value]
    if len(ring) < 4:
        raise _error(
            _(
                "A ring of the boundary has %(count)s positions; it needs at least 4 (three "
                "corners and the first repeated at the end)."
            ),
            "short_ring",
            count=len(ring),
        )
    if ring[0] != ring[-1]:
        raise _error(
            _("A ring of the boundary is not closed: its last position must repeat its first."),
            "open_ring",
        )
    return ring


def _polygon(value) -> list:
    if not isinstance(value, list) or not value:
        raise _error(_("A polygon of the boundary has no rings of positions."), "invalid_polygon")
    return [_ring(ring) for ring in value]


def parse_boundary(text: str | None) -> list:
    """The polygons of the boundary ``text`` (a MultiPolygon's coordinates: polygons of
    rings of ``[lng, lat]``); ``[]`` for an empty text. Raises ``ValidationError`` with a
    message for the editor when the text is not an area this package can use."""
    text = (text or "").strip()
    if not text:
        return []
    data = _load(text)
    polygons = []
    for geometry in _geometries(data):
        coordinates = geometry.get("coordinates")
        if geometry["type"] == "Polygon":
            polygons.append(_polygon(coordinates))
        elif not isinstance(coordinates, list) or not coordinates:
            raise _error(_("The boundary's MultiPolygon has no polygons."), "invalid_polygon")
        else:
            polygons.extend(_polygon(polygon) for polygon in coordinates)
        vertices = sum(len(ring) for polygon in polygons for ring in polygon)
        if vertices > MAX_VERTICES:
            raise _error(
                _(
                    "The boundary has more than %(limit)s points. Simplify it (fewer "
                    "points) and try again."
                ),
                "too_many_vertices",
                limit=MAX_VERTICES,
            )
    west, south, east, north = bounds(polygons)
    if east - west > MAX_SPAN_DEGREES or north - south > MAX_SPAN_DEGREES:
        raise _error(
            _(
                "The boundary spans more than %(limit)s degrees: it must be the area of one "
                "city. Are the longitude and latitude swapped?"
            ),
            "too_wide",
            limit=number_format(MAX_SPAN_DEGREES),
        )
    return polygons


def validate_boundary(text: str | None) -> None:
    """A field validator: raises ``ValidationError`` unless ``text`` is empty or an area."""
    parse_boundary(text)


def bounds(polygons: list) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the polygons' outer rings."""
    lngs = [lng for polygon in polygons for lng, _lat in polygon[0]]
    lats = [lat for polygon in polygons for _lng, lat in polygon[0]]
    return min(lngs), min(lats), max(lngs), max(lats)


def as_geojson(polygons: list) -> dict:
    return {"type": "MultiPolygon", "coordinates": polygons}


# -- the hull of a city's points -----------------------------------------------------------------


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points) -> list[tuple[float, float]]:
    """The convex hull of ``(x, y)`` points, counter-clockwise, without repeating the first
    point (Andrew's monotone chain). Fewer than three distinct points give them back."""
    unique = sorted(set(points))
    if len(unique) < 3:
        return unique
    lower, upper = [], []
    for point in unique:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(unique):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def hull_polygons(points, buffer_metres: float = HULL_BUFFER_METRES) -> list:
    """The area around ``(lat, lng)`` points: their convex hull grown by ``buffer_metres``
    (the hull of an octagon around each point), as polygons like :func:`parse_boundary`'s;
    ``[]`` without points."""
    points = [(lat, lng) for lat, lng in points if lat is not None and lng is not None]
    if not points:
        return []
    mean_lat = sum(lat for lat, _lng in points) / len(points)
    d_lat = buffer_metres / 111_320
    d_lng = d_lat / max(math.cos(math.radians(mean_lat)), 0.01)
    octagon = [
        (math.cos(math.pi * k / 4 + math.pi / 8), math.sin(math.pi * k / 4 + math.pi / 8))
        for k in range(8)
    ]
    grown = [
        (round(lng + dx * d_lng, 6), round(lat + dy * d_lat, 6))
        for lat, lng in points
        for dx, dy in octagon
    ]
    ring = [list(point) for point in convex_hull(grown)]
    return [[ring + [ring[0]]]]
