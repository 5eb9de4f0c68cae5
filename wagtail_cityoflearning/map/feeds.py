"""The map's GeoJSON feeds: one SQL query whatever the number of opportunities."""

import hashlib
import json

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

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


def opportunity_features(queryset, root_url_path: str) -> list[dict]:
    """Compact features of the (filtered) opportunities that have a place on the map.

    Rows come back as tuples with the next session as text: converting thousands of
    timestamps to datetimes and back costs more than the query itself.
    """
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .with_provider_title()
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
            "provider_title",
            "colour",
            "next_text",
        )
    )
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
        for pk, title, url_path, lat, lng, free, ongoing, provider, colour, next_text in rows
    ]


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
