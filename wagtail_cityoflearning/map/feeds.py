"""The map's feeds: GeoJSON, and the compact points the map itself draws; a fixed number of
SQL queries whatever the number of opportunities."""

import gc
import gzip
import hashlib
import json
from contextlib import contextmanager
from json.encoder import encode_basestring

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BigIntegerField, CharField, Func, Min
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page

from wagtail_cityoflearning.models.opportunities import OpportunityOccurrence, OpportunityPage
from wagtail_cityoflearning.models.providers import ProviderPage
from wagtail_cityoflearning.models.taxonomy import Interest

# Up to this many pages, rows of theirs are asked for by id; beyond, by the range of ids.
SCOPE_BY_ID = 1000


@contextmanager
def cycle_collection_paused():
    """Python's cycle collector paused while a feed is built (and resumed after, if it ran
    before). A feed of 100,000 points makes hundreds of thousands of rows and lists, none in
    a reference cycle, and their number sets off full collections that go through every
    object of the process: about a fifth of a cold feed's time at that size."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


def parent_pages(paths) -> dict:
    """The title and URL path of the parent pages (an opportunity's provider) of the pages at
    ``paths``, by the parent's path: one query for up to 500 parents."""
    step = Page.steplen
    parents = sorted({path[:-step] for path in paths})
    found = {}
    for start in range(0, len(parents), 500):
        chunk = parents[start : start + 500]
        found.update(
            (path, (title, url_path))
            for path, title, url_path in Page.objects.filter(path__in=chunk)
            .values_list("path", "title", "url_path")
            .order_by()
        )
    return found


def _all_rows(queryset) -> list[tuple]:
    """The rows of a ``values_list`` queryset of plain columns (numbers, text, booleans),
    fetched at once: Django fetches 100 rows at a time and converts each, which costs more
    than the query with a hundred thousand rows. On SQLite a boolean comes as 0 or 1."""
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _scoped(field: str, ids: list) -> dict:
    """A filter on ``field`` for rows of the pages ``ids`` (sorted), as one query at any size:
    the ids themselves when few, else their range (rows of other pages in it are skipped by
    the caller), which an index answers without a parameter per page."""
    if len(ids) <= SCOPE_BY_ID:
        return {f"{field}__in": ids}
    return {f"{field}__gte": ids[0], f"{field}__lte": ids[-1]}


def first_interest_colours(model, ids: list) -> dict:
    """The colour of each page's first interest (by the interests' order), by page id; pages
    without an interest are left out. Two queries whatever the number of pages: thousands
    of correlated subqueries (one sort each) cost several times more than reading the
    pages' interest links and picking the first in Python."""
    if not ids:
        return {}
    ranks = {
        pk: (sort_order, pk, colour)
        for pk, sort_order, colour in Interest.objects.values_list("pk", "sort_order", "colour")
    }
    through = model.interests.through
    field = f"{model._meta.model_name}_id"
    first: dict = {}
    links = through.objects.filter(**_scoped(field, ids)).values_list(field, "interest_id")
    for page, interest in _all_rows(links.order_by()):
        rank = ranks.get(interest)
        if rank is not None and (page not in first or rank < first[page]):
            first[page] = rank
    return {page: rank[2] for page, rank in first.items()}


class EpochSeconds(Func):
    """A timestamp as whole seconds since 1970-01-01 UTC (a fraction of a second dropped, as
    the feeds' text drops it), computed by the database."""

    output_field = BigIntegerField()
    arity = 1
    template = "CAST(FLOOR(EXTRACT(EPOCH FROM %(expressions)s)) AS BIGINT)"

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite keeps Django's timestamps as UTC text. The doubled percent signs become one
        # when Django hands the query to SQLite with its parameters.
        return self.as_sql(
            compiler,
            connection,
            template="CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)",
            **extra_context,
        )


def next_starts(ids: list, now, epoch: bool = False) -> dict:
    """The start of each page's next session (the soonest of those not over at ``now``) by
    page id, as database text (or, with ``epoch``, seconds since 1970 UTC); pages with none
    are left out. One query, grouped by page: see above."""
    if not ids:
        return {}
    first = Min("start")
    starts = (
        OpportunityOccurrence.objects.filter(finish__gte=now, **_scoped("page_id", ids))
        .order_by()
        .values("page_id")
        .annotate(
            first_start=EpochSeconds(first) if epoch else Cast(first, output_field=CharField())
        )
        .values_list("page_id", "first_start")
    )
    return dict(_all_rows(starts))


def _opportunity_rows(queryset, epoch: bool = False):
    """The (filtered) opportunities that have a place on the map: ``(rows, parents, colours,
    nexts)``, the rows as tuples of ``pk``, ``title``, ``slug``, ``latitude``, ``longitude``,
    ``is_free``, ``is_ongoing`` and ``path``; the parents' (providers') titles and URL paths
    by their path (a row's path without its last step: a provider is an opportunity's
    parent page, and a page's URL path is its parent's and its slug); the first interest's
    colour and the next session as text (converting thousands of timestamps to datetimes and
    back costs more than the query itself), or with ``epoch`` as seconds, by the row's pk.

    Five queries at any size: the pages, then by their ids their interests' links (with the
    interests' order and colours) and their next sessions, and by tree path their parents
    (one query for up to 500 providers). Subqueries for each row cost more with many rows
    (and, on PostgreSQL, push the query's estimated cost past the threshold where compiling
    it takes longer than running it)."""
    rows = _all_rows(
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by()  # the map needs no order; sorting thousands of rows is not free
        .values_list(
            "pk", "title", "slug", "latitude", "longitude", "is_free", "is_ongoing", "path"
        )
    )
    ids = sorted(row[0] for row in rows)
    colours = first_interest_colours(OpportunityPage, ids)
    nexts = next_starts(ids, timezone.now(), epoch)
    return rows, parent_pages(row[7] for row in rows), colours, nexts


def _parent_urls(parents: dict, root_url_path: str) -> dict:
    """Each parent's URL (relative to the site's root), by its path."""
    return {path: _url(url_path, root_url_path) for path, (_title, url_path) in parents.items()}


def opportunity_features(queryset, root_url_path: str) -> list[dict]:
    """Compact features of the (filtered) opportunities that have a place on the map."""
    rows, parents, colours, nexts = _opportunity_rows(queryset)
    urls = _parent_urls(parents, root_url_path)
    step = Page.steplen
    return [
        _feature(
            pk,
            lat,
            lng,
            {
                "title": title,
                "url": urls[path[:-step]] + slug + "/",
                "colour": colours.get(pk),
                "next": _utc_iso(nexts.get(pk)),
                "ongoing": bool(ongoing),
                "provider": parents[path[:-step]][0],
                "free": bool(free),
            },
        )
        for pk, title, slug, lat, lng, free, ongoing, path in rows
    ]


# One feature of the opportunities' GeoJSON, as text: the same document as
# ``feature_collection(opportunity_features(...))`` (coordinates written with six decimals,
# as RFC 7946 advises), without a dict per feature.
_FEATURE = (
    '{"type":"Feature","geometry":{"type":"Point","coordinates":[%.6f,%.6f]},'
    '"properties":{"id":%d,"title":%s,"url":%s,"colour":%s,"next":%s,"ongoing":%s,'
    '"provider":%s,"free":%s}}'
)


def opportunity_geojson(queryset, root_url_path: str) -> bytes:
    """The GeoJSON FeatureCollection of the (filtered) opportunities that have a place on
    the map (UTF-8): the document ``feature_collection(opportunity_features(...))`` is,
    written from the rows directly, which is several times quicker for thousands of
    features. A city has few providers and colours: each is encoded once."""
    rows, parents, colours, nexts = _opportunity_rows(queryset)
    encode = encode_basestring
    step = Page.steplen
    # Each provider's JSON text, and the start of its opportunities' URLs (the JSON text of
    # the provider's URL without its closing quote), by its path; each colour's JSON text.
    providers = {path: encode(title) for path, (title, _url_path) in parents.items()}
    prefixes = {
        path: encode(url)[:-1] for path, url in _parent_urls(parents, root_url_path).items()
    }
    colour_texts: dict = {None: "null"}
    features = []
    append = features.append
    for pk, title, slug, lat, lng, free, ongoing, path in rows:
        parent = path[:-step]
        colour = colours.get(pk)
        colour_text = colour_texts.get(colour)
        if colour_text is None:
            colour_text = colour_texts[colour] = encode(colour)
        next_text = nexts.get(pk)
        append(
            _FEATURE
            % (
                lng,
                lat,
                pk,
                encode(title),
                prefixes[parent] + encode(slug + "/")[1:],
                colour_text,
                '"' + _utc_iso(next_text) + '"' if next_text else "null",
                "true" if ongoing else "false",
                providers[parent],
                "true" if free else "false",
            )
        )
    return ('{"type":"FeatureCollection","features":[' + ",".join(features) + "]}").encode()


def provider_features(queryset, root_url_path: str) -> list[dict]:
    rows = list(
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .values("pk", "title", "url_path", "latitude", "longitude", "address")
        .order_by("title")
    )
    colours = first_interest_colours(ProviderPage, sorted(row["pk"] for row in rows))
    return [
        _feature(
            row["pk"],
            row["latitude"],
            row["longitude"],
            {
                "title": row["title"],
                "url": _url(row["url_path"], root_url_path),
                "colour": colours.get(row["pk"]),
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
POINTS_FORMAT = 2
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
    latitude, flat), ``titles``, ``slugs``, ``providers`` (indices into ``provider_titles``
    and ``provider_urls``: an opportunity's URL is its provider's and its slug, and a city
    has few providers), ``colours`` (indices into ``colour_table``), ``next`` (the start of
    the next session in seconds since 1970 UTC, or null) and ``flags`` (1 free, 2 ongoing).
    The queries are those of ``_opportunity_rows``.
    """
    rows, parents, colour_of, next_of = _opportunity_rows(queryset, epoch=True)
    if not rows:
        ids = titles = slugs = lats = lngs = free = ongoing = paths = ()
    else:
        ids, titles, slugs, lats, lngs, free, ongoing, paths = zip(*rows, strict=True)
    step = Page.steplen
    provider_paths, providers = _indexed([path[:-step] for path in paths])
    urls = _parent_urls(parents, root_url_path)
    colour_table, colour_indices = _indexed(map(colour_of.get, ids))
    # Six decimals (about 10 cm): the nearest number to the whole millionths, which JSON
    # writes as those decimals, quicker than round(value, 6).
    coordinates = [
        round(value * 1e6) / 1e6 for pair in zip(lngs, lats, strict=True) for value in pair
    ]
    return {
        "format": POINTS_FORMAT,
        "ids": ids,
        "coordinates": coordinates,
        "titles": titles,
        "slugs": slugs,
        "providers": providers,
        "provider_titles": [parents[path][0] for path in provider_paths],
        "provider_urls": [urls[path] for path in provider_paths],
        "colours": colour_indices,
        "colour_table": colour_table,
        "next": list(map(next_of.get, ids)),
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
