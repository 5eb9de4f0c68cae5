"""Opportunities per hexagon: the city's area cut into H3 cells, and the live in-person
opportunities of a scope counted in each.

The cells of an area (and their outlines) depend only on the area and the resolution: they
are kept in Django's cache under the area's hash. The opportunities' points are fetched in one
query and put in their cells here (``h3`` is fast C code), so a map costs the same few queries
whatever the size of the city.
"""

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass, field

import h3
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, ExpressionWrapper, Q, Value, When
from django.utils import timezone

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.insight.bands import overlapping_q
from wagtail_cityoflearning.insight.coverage.boundary import hull_polygons, parse_boundary
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.models.providers import ProviderPage
from wagtail_cityoflearning.models.taxonomy import Mode

# The most cells a map draws: a larger area gets larger cells (a lower resolution).
MAX_CELLS = 10_000
CACHE_SECONDS = 24 * 3600
CACHE_PREFIX = "col-insight-coverage"
IN_PERSON = (Mode.IN_PERSON, Mode.HYBRID)

# Cells that reach the area (not only those whose centre lies in it), where h3 offers it.
_overlapping_cells = getattr(h3, "h3shape_to_cells_experimental", None)


@dataclass
class Area:
    """The city's area cut into cells."""

    polygons: list  # polygons of rings of [lng, lat] (a MultiPolygon's coordinates)
    from_boundary: bool  # the city's own boundary, or else the hull of its points
    resolution: int
    cells: dict  # H3 cell -> its outline, [[lat, lng], ...]

    @property
    def cell_km2(self) -> float:
        return h3.average_hexagon_area(self.resolution, unit="km^2")


@dataclass
class Coverage:
    area: Area | None
    counts: dict = field(default_factory=dict)  # cell -> opportunities, every cell of the area
    outside: int = 0  # opportunities whose point lies outside the area
    later: int = 0  # of those counted in the cells, those only still to come (after the period)

    @property
    def total(self) -> int:
        return len(self.counts)

    @property
    def empty(self) -> int:
        return sum(1 for count in self.counts.values() if not count)

    @property
    def opportunities(self) -> int:
        return sum(self.counts.values())


def configured_resolution() -> int:
    try:
        resolution = int(cityoflearning_settings.INSIGHT_H3_RESOLUTION)
    except (TypeError, ValueError):
        resolution = 8
    return min(max(resolution, 0), 15)


def area_km2(polygons: list) -> float:
    """The polygons' area in km², near enough to choose a resolution (outer rings, on a plane
    around their latitude)."""
    total = 0.0
    for polygon in polygons:
        ring = polygon[0]
        mean_lat = sum(lat for _lng, lat in ring) / len(ring)
        kx = 111.32 * math.cos(math.radians(mean_lat))
        ky = 110.57
        twice = sum(
            (x1 * kx) * (y2 * ky) - (x2 * kx) * (y1 * ky)
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)
        )
        total += abs(twice) / 2
    return total


def resolution_for(polygons: list) -> int:
    """The configured resolution, lowered until the area fits in :data:`MAX_CELLS` cells."""
    resolution = configured_resolution()
    size = area_km2(polygons)
    while resolution > 0 and size / h3.average_hexagon_area(resolution, unit="km^2") > MAX_CELLS:
        resolution -= 1
    return resolution


def _cells_of(polygons: list, resolution: int) -> list[str]:
    shape = h3.geo_to_h3shape({"type": "MultiPolygon", "coordinates": polygons})
    if _overlapping_cells is not None:
        return list(_overlapping_cells(shape, resolution, "overlap"))
    return list(h3.h3shape_to_cells(shape, resolution))


def cut_into_cells(polygons: list, resolution: int) -> dict:
    """Every cell of the area with its outline, from the cache when it has them."""
    digest = hashlib.sha256(json.dumps(polygons, separators=(",", ":")).encode()).hexdigest()
    key = f"{CACHE_PREFIX}:{resolution}:{digest}"
    cells = cache.get(key)
    if cells is None:
        cells = {
            cell: [[round(lat, 6), round(lng, 6)] for lat, lng in h3.cell_to_boundary(cell)]
            for cell in sorted(_cells_of(polygons, resolution))
        }
        cache.set(key, cells, CACHE_SECONDS)
    return cells


def city_points(site) -> list[tuple[float, float]]:
    """(lat, lng) of the city's live opportunities and providers: two queries."""
    points = []
    for model in (OpportunityPage, ProviderPage):
        points.extend(
            model.objects.live()
            .filter(path__startswith=site.root_page.path, latitude__isnull=False)
            .exclude(longitude__isnull=True)
            .values_list("latitude", "longitude")
        )
    return points


def city_area(site) -> Area | None:
    """The city's boundary, or the hull of its points, cut into cells; None when the city
    has neither."""
    boundary = InsightSettings.for_site(site).boundary
    try:
        polygons = parse_boundary(boundary)
    except ValidationError:
        polygons = []  # saved before the check existed: the hull stands in for it
    from_boundary = bool(polygons)
    if not polygons:
        polygons = hull_polygons(city_points(site))
    if not polygons:
        return None
    resolution = resolution_for(polygons)
    return Area(polygons, from_boundary, resolution, cut_into_cells(polygons, resolution))


def reaches_today(scope) -> bool:
    return scope.end >= timezone.localdate()


def running_q(scope) -> Q:
    """Opportunities held in the scope's period: ongoing ones, and those with sessions in it
    (and, for a period that reaches today, those still to come); only those first published
    before the period's end, so a past period does not count what did not exist yet."""
    sessions = Q(ends_at__gte=scope.start_at)
    if not reaches_today(scope):
        sessions &= Q(starts_at__lt=scope.end_before)
    return Q(first_published_at__lt=scope.end_before) & (Q(is_ongoing=True) | sessions)


def later_q(scope) -> Q:
    """Opportunities counted only because they are still to come: none have sessions in the
    period, all start after it (for a period that reaches today)."""
    return Q(is_ongoing=False, starts_at__gte=scope.end_before)


def opportunity_points(scope, interest: str = "", band: str = "") -> list:
    """(pk, lat, lng, later) of the scope's live opportunities held in person with a point,
    in one query; ``later`` says the opportunity is counted only because it is still to come.
    ``interest`` (a slug) and ``band`` (an age band's key) narrow them. Each opportunity
    counts once: its translations (the same place) are left out."""
    queryset = OpportunityPage.objects.live().filter(
        scope.pages_q(translations=False),
        running_q(scope),
        mode__in=IN_PERSON,
        latitude__isnull=False,
        longitude__isnull=False,
    )
    if interest:
        queryset = queryset.filter(interests__slug=interest)
    if band:
        queryset = queryset.filter(overlapping_q(band))
    later = Value(False)
    if reaches_today(scope):
        later = Case(When(later_q(scope), then=Value(True)), default=Value(False))
    queryset = queryset.annotate(col_later=ExpressionWrapper(later, output_field=BooleanField()))
    return list(queryset.values_list("pk", "latitude", "longitude", "col_later").distinct())


def coverage(scope, interest: str = "", band: str = "") -> Coverage:
    """How many of the scope's opportunities each cell of the city's area offers."""
    area = city_area(scope.site)
    if area is None:
        return Coverage(area=None)
    counts = dict.fromkeys(area.cells, 0)
    found, later_found = Counter(), Counter()
    for _pk, lat, lng, later in opportunity_points(scope, interest, band):
        cell = h3.latlng_to_cell(lat, lng, area.resolution)
        found[cell] += 1
        if later:
            later_found[cell] += 1
    outside = later = 0
    for cell, count in found.items():
        if cell in counts:
            counts[cell] = count
            later += later_found[cell]
        else:
            outside += count
    return Coverage(area=area, counts=counts, outside=outside, later=later)
