"""Distance and bounding-box queries on the float ``latitude``/``longitude`` columns.

Plain arithmetic, so SQLite and PostgreSQL both run them without PostGIS. Distances use the
equirectangular approximation, accurate to well under 1% over a city's distances.
"""

import math

from django.db.models import ExpressionWrapper, F, FloatField, Value
from django.db.models.functions import Sqrt

KM_PER_DEGREE = 111.32


def bbox_around(lat: float, lng: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lng, min_lat, max_lng, max_lat) of a box that holds the circle."""
    dlat = radius_km / KM_PER_DEGREE
    dlng = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
    return (lng - dlng, lat - dlat, lng + dlng, lat + dlat)


def within_bbox(queryset, bbox):
    min_lng, min_lat, max_lng, max_lat = bbox
    return queryset.filter(
        latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lng, longitude__lte=max_lng
    )


def squared_degrees(lat: float, lng: float):
    """An expression for the squared distance in (latitude) degrees from a point."""
    scale = math.cos(math.radians(lat))
    return ExpressionWrapper(
        (F("latitude") - Value(lat)) * (F("latitude") - Value(lat))
        + (F("longitude") - Value(lng))
        * Value(scale)
        * (F("longitude") - Value(lng))
        * Value(scale),
        output_field=FloatField(),
    )


def within_radius(queryset, lat: float, lng: float, radius_km: float):
    """Rows within ``radius_km`` of the point, annotated with ``distance_km``."""
    queryset = within_bbox(queryset, bbox_around(lat, lng, radius_km))
    limit = (radius_km / KM_PER_DEGREE) ** 2
    return (
        queryset.annotate(_distance2=squared_degrees(lat, lng))
        .filter(_distance2__lte=limit)
        .annotate(
            distance_km=ExpressionWrapper(
                Sqrt(F("_distance2")) * Value(KM_PER_DEGREE), output_field=FloatField()
            )
        )
    )


def with_distance(queryset, lat: float, lng: float):
    """Annotate ``distance_km`` from the point (rows without a location get NULL)."""
    return queryset.annotate(
        distance_km=ExpressionWrapper(
            Sqrt(squared_degrees(lat, lng)) * Value(KM_PER_DEGREE), output_field=FloatField()
        )
    )
