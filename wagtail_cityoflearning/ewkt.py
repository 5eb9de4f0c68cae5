"""Points as geowidget stores them: EWKT strings ``SRID=4326;POINT(lng lat)``."""

import re

_EWKT = re.compile(
    r"^\s*(?:SRID=(?P<srid>\d+);)?\s*POINT\s*\(\s*(?P<lng>[-+]?\d+(?:\.\d+)?)\s+"
    r"(?P<lat>[-+]?\d+(?:\.\d+)?)\s*\)\s*$",
    re.IGNORECASE,
)


def parse_point(value: str | None) -> tuple[float, float] | None:
    """Return ``(lat, lng)`` of an EWKT/WKT point, or None for an empty value.

    Raises ``ValueError`` for text that is not a point or lies outside the globe,
    or for a spatial reference other than WGS 84 (SRID 4326).
    """
    if value is None or not str(value).strip():
        return None
    match = _EWKT.match(str(value))
    if not match:
        raise ValueError(f"Not a point: {value!r}")
    if match["srid"] and match["srid"] != "4326":
        raise ValueError(f"Unsupported SRID {match['srid']}; use 4326")
    lat, lng = float(match["lat"]), float(match["lng"])
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise ValueError(f"Point outside the globe: {value!r}")
    return lat, lng


def format_point(lat: float, lng: float) -> str:
    """The EWKT string for a (lat, lng) pair."""
    return f"SRID=4326;POINT({lng:.6f} {lat:.6f})"
