"""The map's feeds: GeoJSON, and the compact points the map itself draws; a fixed number of
SQL queries whatever the number of opportunities."""

import gzip
import hashlib
import json
from json.encoder import encode_basestring

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page

from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.models.providers import ProviderPage


def _first_interest_colour(model):
    through = model.interests.through
    field = f"{model._meta.model_name}_id"
    colours = (
        through.objects.filter(**{field: OuterRef("pk")})
        .order_by("interest__sort_order", "interest_id")
        .values("interest__colour")[:1]
    )
    return Subquery(colours)


def _url(url_path: str, root_url_path: str) -> str:
    return "/" + url_path[len(root_url_path) :] if url_path.startswith(root_url_path) else url_path


def _feature(pk, lat, lng, properties):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lng, 6), round(lat, 6)]},
        "properties": {"id": pk, **properties},
    }


def _utc_iso(text: str | None) -> str | None:
    """A database timestamp as text (SQLite ``2026-12-12 16:00:00[.ffffff]``, PostgreSQL
    ``2026-12-12 16:00:00+00``; Django keeps both in UTC) -> ``2026-12-12T16:00:00Z``."""
    if not text:
        return None
    return text[:10] + "T" + text[11:19] + "Z"


def parent_titles(paths) -> dict:
    """The titles of the parent pages (an opportunity's provider) of the pages at ``paths``,
    by the parent's path: one query for up to 500 parents."""
    step = Page.steplen
    parents = sorted({path[:-step] for path in paths})
    titles = {}
    for start in range(0, len(parents), 500):
        chunk = parents[start : start + 500]
        titles.update(Page.objects.filter(path__in=chunk).values_list("path", "title").order_by())
    return titles


def _opportunity_rows(queryset):
    """The (filtered) opportunities that have a place on the map, as tuples with the next
    session as text (converting thousands of timestamps to datetimes and back costs more
    than the query itself) and the provider's title. The providers' titles come from a
    second query by tree path: a subquery for each row costs more with many rows."""
    rows = list(
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(
            colour=_first_interest_colour(OpportunityPage),
            next_text=Cast("next_start", output_field=CharField()),
        )
        .order_by()  # the map needs no order; sorting thousands of rows is not free
        .values_list(
            "pk",
            "title",
            "url_path",
            "latitude",
            "longitude",
            "is_free",
            "is_ongoing",
            "path",
            "colour",
            "next_text",
        )
    )
    titles = parent_titles(row[7] for row in rows)
    step = Page.steplen
    return [(*row[:7], titles.get(row[7][:-step]), *row[8:]) for row in rows]


def opportunity_features(queryset, root_url_path: str) -> list[dict]:
    """Compact features of the (filtered) opportunities that have a place on the map."""
    return [
        _feature(
            pk,
            lat,
            lng,
            {
                "title": title,
                "url": _url(url_path, root_url_path),
                "colour": colour,
                "next": _utc_iso(next_text),
                "ongoing": ongoing,
                "provider": provider,
                "free": free,
            },
        )
        for pk, title, url_path, lat, lng, free, ongoing, provider, colour, next_text in (
            _opportunity_rows(queryset)
        )
    ]


# One feature of the opportunities' GeoJSON, as text: the same document as
# ``feature_collection(opportunity_features(...))``, written without a dict per feature.
_FEATURE = (
    '{"type":"Feature","geometry":{"type":"Point","coordinates":[%r,%r]},'
    '"properties":{"id":%d,"title":%s,"url":%s,"colour":%s,"next":%s,"ongoing":%s,'
    '"provider":%s,"free":%s}}'
)


def _text(value) -> str:
    return "null" if value is None else encode_basestring(value)


def opportunity_geojson(queryset, root_url_path: str) -> bytes:
    """The GeoJSON FeatureCollection of the (filtered) opportunities that have a place on
    the map (UTF-8): the text of ``feature_collection(opportunity_features(...))``, built
    from the rows directly, which is several times quicker for thousands of features."""
    features = ",".join(
        [
            _FEATURE
            % (
                round(lng, 6),
                round(lat, 6),
                pk,
                encode_basestring(title),
                encode_basestring(_url(url_path, root_url_path)),
                _text(colour),
                _text(_utc_iso(next_text)),
                "true" if ongoing else "false",
                _text(provider),
                "true" if free else "false",
            )
            for pk, title, url_path, lat, lng, free, ongoing, provider, colour, next_text in (
                _opportunity_rows(queryset)
            )
        ]
    )
    return ('{"type":"FeatureCollection","features":[' + features + "]}").encode()


def provider_features(queryset, root_url_path: str) -> list[dict]:
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(colour=_first_interest_colour(ProviderPage))
        .values("pk", "title", "url_path", "latitude", "longitude", "address", "colour")
        .order_by("title")
    )
    return [
        _feature(
            row["pk"],
            row["latitude"],
            row["longitude"],
            {
                "title": row["title"],
                "url": _url(row["url_path"], root_url_path),
                "colour": row["colour"],
                "address": row["address"],
            },
        )
        for row in rows
    ]


def feature_collection(features: list[dict]) -> bytes:
    """The GeoJSON text of a FeatureCollection (compact, UTF-8)."""
    return json.dumps(
        {"type": "FeatureCollection", "features": features},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha1(body, usedforsecurity=False).hexdigest() + '"'


# The compact feed's format version: a client that knows another one can tell.
POINTS_FORMAT = 1
# The flags of a point, one bit each.
FREE, ONGOING = 1, 2


def _indexed(values) -> tuple[list, list]:
    """(the distinct values in order of first appearance, each value's index among them)."""
    table: dict = {}
    indices = [table.setdefault(value, len(table)) for value in values]
    return list(table), indices


def opportunity_points(queryset, root_url_path: str) -> dict:
    """The (filtered) opportunities that have a place on the map, as columns.

    One list per property, each in the same order: ``ids``, ``coordinates`` (longitude and
    latitude, flat), ``titles``, ``urls``, ``colours`` and ``providers`` (indices into the
    ``colour_table`` and ``provider_table``: a city has few of each), ``next`` (the next
    session in UTC, ISO 8601, or null) and ``flags`` (1 free, 2 ongoing). Two queries: the
    points, then their providers' titles by tree path (a provider is a point's parent page).
    """
    rows = list(
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(
            colour=_first_interest_colour(OpportunityPage),
            next_text=Cast("next_start", output_field=CharField()),
        )
        .order_by()
        .values_list(
            "pk",
            "longitude",
            "latitude",
            "title",
            "url_path",
            "path",
            "is_free",
            "is_ongoing",
            "colour",
            "next_text",
        )
    )
    if not rows:
        ids = lngs = lats = titles = url_paths = paths = free = ongoing = colours = nexts = ()
    else:
        ids, lngs, lats, titles, url_paths, paths, free, ongoing, colours, nexts = zip(
            *rows, strict=True
        )
    step = Page.steplen
    provider_titles = parent_titles(paths)
    provider_table, providers = _indexed(provider_titles.get(path[:-step]) for path in paths)
    colour_table, colour_indices = _indexed(colours)
    prefix = len(root_url_path)
    coordinates = []
    for lng, lat in zip(lngs, lats, strict=True):
        coordinates.append(round(lng, 6))
        coordinates.append(round(lat, 6))
    return {
        "format": POINTS_FORMAT,
        "ids": ids,
        "coordinates": coordinates,
        "titles": titles,
        "urls": [
            "/" + path[prefix:] if path.startswith(root_url_path) else path for path in url_paths
        ],
        "colours": colour_indices,
        "colour_table": colour_table,
        "providers": providers,
        "provider_table": provider_table,
        "next": [_utc_iso(text) for text in nexts],
        "flags": [
            (FREE if f else 0) | (ONGOING if o else 0) for f, o in zip(free, ongoing, strict=True)
        ],
    }


def points_body(points: dict) -> bytes:
    """The compact feed's JSON text (UTF-8)."""
    return json.dumps(points, ensure_ascii=False, separators=(",", ":")).encode()


def compress(body: bytes) -> bytes:
    """``body`` gzip-compressed, at a level that keeps a cold feed quick to build."""
    return gzip.compress(body, compresslevel=5, mtime=0)
