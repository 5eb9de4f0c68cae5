"""The map's GeoJSON feeds: one SQL query whatever the number of opportunities."""

import hashlib
import json

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from ..models import OpportunityPage, ProviderPage


def parent_title():
    """The title of a page's parent, from the tree path (no join on the page table)."""
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("title")[:1]
    return Subquery(parent)


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


def _feature(row, url, properties):
    return {
        "type": "Feature",
        "id": row["pk"],
        "geometry": {
            "type": "Point",
            "coordinates": [round(row["longitude"], 6), round(row["latitude"], 6)],
        },
        "properties": {"id": row["pk"], "title": row["title"], "url": url, **properties},
    }


def opportunity_features(queryset, root_url_path: str, tz) -> list[dict]:
    """Compact features of the (filtered) opportunities that have a place on the map."""
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(provider_title=parent_title(), colour=_first_interest_colour(OpportunityPage))
        .values(
            "pk",
            "title",
            "url_path",
            "latitude",
            "longitude",
            "is_free",
            "is_ongoing",
            "provider_title",
            "colour",
            "next_start",
        )
    )
    features = []
    for row in rows:
        next_start = row["next_start"]
        features.append(
            _feature(
                row,
                _url(row["url_path"], root_url_path),
                {
                    "colour": row["colour"],
                    "next": next_start.astimezone(tz).isoformat() if next_start else None,
                    "ongoing": row["is_ongoing"],
                    "provider": row["provider_title"],
                    "free": row["is_free"],
                },
            )
        )
    return features


def provider_features(queryset, root_url_path: str) -> list[dict]:
    rows = (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(colour=_first_interest_colour(ProviderPage))
        .values("pk", "title", "url_path", "latitude", "longitude", "address", "colour")
        .order_by("title")
    )
    return [
        _feature(
            row,
            _url(row["url_path"], root_url_path),
            {"colour": row["colour"], "address": row["address"]},
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
