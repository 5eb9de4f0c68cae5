"""The map page's routes: the list with the map, the GeoJSON feeds, the compact points the
map draws and the iCal feed."""

import hashlib
import re

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Site

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.ical import build_calendar, calendar_response
from wagtail_cityoflearning.map import cache
from wagtail_cityoflearning.map.feeds import (
    compress,
    cycle_collection_paused,
    etag_for,
    feature_collection,
    opportunity_geojson,
    opportunity_points,
    points_body,
    provider_features,
)
from wagtail_cityoflearning.map.labels import control_labels
from wagtail_cityoflearning.map.searches import send_search
from wagtail_cityoflearning.page_cache import pages

FEED_KINDS = {"opportunities", "providers", "points"}
CONTENT_TYPES = {
    "opportunities": "application/geo+json",
    "providers": "application/geo+json",
    "points": "application/json",
}
GZIP = re.compile(r"(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*(?P<q>[0-9.]+))?\s*(?:,|$)", re.IGNORECASE)
# Counts whose plural forms stand for every count: the script picks the one of the same
# plural category (Intl.PluralRules) as a cluster's count. Enough for every CLDR language.
PLURAL_SAMPLES = (0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 21, 22, 25, 100, 101, 102, 103, 105, 1000000)


def cluster_names() -> list:
    """[count, name] pairs: a cluster's accessible name for each sample count, with
    ``{count}`` where the script puts the cluster's own number."""
    return [
        [
            count,
            ngettext(
                "%(count)s opportunity here, zoom in",
                "%(count)s opportunities here, zoom in",
                count,
            )
            % {"count": "{count}"},
        ]
        for count in PLURAL_SAMPLES
    ]


def map_labels(attribution: str) -> dict:
    """The words the map script shows, translated: rendered into the page as JSON."""
    return {
        **control_labels(attribution),
        "clusters": cluster_names(),
        "nearPlace": _("Showing opportunities near the place you chose."),
        "providers": _("Learning providers"),
        "free": _("Free"),
        "ongoing": _("Ongoing, join any time"),
        "locating": _("Finding your location…"),
        "locationUsed": _("Using your location."),
        "locationDenied": _("Your location could not be used. You can still filter by area."),
    }


def _error_response(filterset) -> JsonResponse:
    fields = {name: [str(e) for e in errors] for name, errors in filterset.form.errors.items()}
    return JsonResponse({"error": _("Some filters are not valid."), "fields": fields}, status=400)


# A list's page of results is kept at most this long (whatever MAP_CACHE_SECONDS says): its
# order and its "upcoming" filter move on with the time.
LIST_SECONDS = 300


def _cache_key(data, page_id: int, kind: str, version: float) -> str:
    """The key of what ``kind`` keeps for the query ``data`` (a QueryDict) on a page."""
    query = "&".join(f"{k}={v}" for k, v in sorted(data.lists()))
    digest = hashlib.sha1(query.encode(), usedforsecurity=False).hexdigest()
    return f"wagtail_cityoflearning:map:{version}:{page_id}:{kind}:{digest}"


def accepts_gzip(request) -> bool:
    """Whether the client takes a gzip-compressed answer (``Accept-Encoding``, q above 0)."""
    match = GZIP.search(request.headers.get("Accept-Encoding", ""))
    if not match:
        return False
    try:
        return match["q"] is None or float(match["q"]) > 0
    except ValueError:
        return False


def _conditional(request, feed: dict, version: float, content_type: str):
    """The feed, gzip-compressed when the client takes it (each form with its own ETag), or
    ``304 Not Modified`` when the client has it."""
    last_modified = int(version)
    gzipped = feed.get("gzip") if accepts_gzip(request) else None
    etag = feed["etag"][:-1] + '-gzip"' if gzipped is not None else feed["etag"]
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(gzipped or feed["body"], content_type=content_type)
        if gzipped is not None:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_vary_headers(response, ("Accept-Encoding",))
    patch_cache_control(response, public=True, max_age=60)
    return response


def _build(request, page, kind: str):
    """The feed's body (bytes), or the JSON error answer when the filters are not valid."""
    root = page.get_listing_root()
    if kind == "providers":
        return feature_collection(provider_features(page.get_providers(), root.url_path))
    filterset = page.get_filterset(request, use_defaults=False)
    if not filterset.is_valid():
        return _error_response(filterset)
    if kind == "points":
        return points_body(opportunity_points(filterset.qs, root.url_path))
    return opportunity_geojson(filterset.qs, root.url_path)


def geojson(request, page, kind: str = "opportunities"):
    """A feed of the filtered opportunities (GeoJSON or the compact ``points``) or of the
    providers, cached with its compressed form: a warm request compresses nothing."""
    version = cache.current_version()
    key = _cache_key(request.GET, page.pk, kind, version)
    feed = cache.cached_feed(key)
    if not isinstance(feed, dict):
        with cycle_collection_paused():
            body = _build(request, page, kind)
        if isinstance(body, HttpResponse):
            return body
        feed = {"body": body, "etag": etag_for(body), "gzip": None}
        if accepts_gzip(request):
            feed["gzip"] = compress(body)
        cache.store_feed(key, feed)
    elif feed.get("gzip") is None and accepts_gzip(request):
        feed = {**feed, "gzip": compress(feed["body"])}
        cache.store_feed(key, feed)
    remember_address(request, page, kind)
    return _conditional(request, feed, version, CONTENT_TYPES[kind])


def points(request, page):
    """The compact feed the map draws: the filtered opportunities as columns."""
    return geojson(request, page, "points")


# -- a kept feed answered before routing -------------------------------------------------
#
# A kept feed costs a few cache reads, but finding the map page behind its address costs
# Wagtail's routing and serve hooks: the page read, its view restrictions checked. So the
# address of a feed served by Wagtail is remembered (per Site, language and path, in the
# page cache, which any change of a page, a Site or a view restriction makes stale), and
# ``answer_kept_feed`` (called by the language middleware before Wagtail routes) answers a
# kept feed at a remembered address at once. Only where nothing else would run on the way:
# a public page (no view restriction on it or above it), the package's own feed routes and
# ``serve``, and no serve hook but Wagtail's own (a site's hook, such as one that logs or
# checks every page request, turns this off: each request is then routed).

# How long an address is remembered: as long as a browser or a proxy may keep the feed's
# answer (its ``max-age``), so a change made behind the signals' back (a raw SQL update) is
# seen here no later than there.
ADDRESS_SECONDS = 60
ROUTED_ALWAYS = ()  # kept for an address that must be routed each time
# Each feed's route: its method (of ``OpportunityMapRoutes``) and the last part of its address.
ROUTES = {
    "opportunities": ("geojson_route", "geojson"),
    "providers": ("providers_route", "providers"),
    "points": ("points_route", "points"),
}
ADDRESS_ENDINGS = {ending for _method, ending in ROUTES.values()}
WAGTAIL_SERVE_HOOKS = {
    "before_serve_page": {"wagtail.wagtail_hooks.check_request_method"},
    "on_serve_page": {"wagtail.wagtail_hooks.check_view_restrictions"},
}


def _only_wagtails_serve_hooks() -> bool:
    return all(
        {f"{fn.__module__}.{fn.__qualname__}" for fn in hooks.get_hooks(name)} <= own
        for name, own in WAGTAIL_SERVE_HOOKS.items()
    )


def _served_by_the_package(page, kind: str) -> bool:
    """Whether the page's class answers ``kind`` with the package's own route and ``serve``
    (a subclass that overrides either may add to the answer: it is always routed)."""
    page_class = type(page)
    method = ROUTES[kind][0]
    route = getattr(page_class, method, None)
    return (
        page_class.serve is RoutablePageMixin.serve
        and getattr(route, "__qualname__", "") == f"OpportunityMapRoutes.{method}"
    )


def _address_key(request, path: str) -> str | None:
    """The page cache's key for the feed address ``path`` (as Wagtail's serve view is given
    it) on the request's Site in the active language, or None off every Site."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return pages.key("feed-address", site.pk, translation.get_language(), path.strip("/"))


def _routed_path(request) -> str | None:
    """The path Wagtail's serve view routed, or None when the feed was reached another way."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return None
    return match.kwargs.get("path", match.args[0] if match.args else "")


def _ending(path: str) -> str:
    return path.strip("/").rpartition("/")[2]


def remember_address(request, page, kind: str) -> None:
    """Remember that the address of this request (routed by Wagtail) leads to ``page``'s
    ``kind`` feed, or that it may not be answered before routing (so that a restricted page's
    restrictions are read once, not on each of its feed's requests)."""
    path = _routed_path(request)
    if path is None or request.method not in ("GET", "HEAD") or _ending(path) != ROUTES[kind][1]:
        return
    key = _address_key(request, path)
    if key is None or pages.get(key) is not None:
        return
    if not _served_by_the_package(page, kind) or page.get_view_restrictions().exists():
        pages.set(key, ROUTED_ALWAYS, seconds=ADDRESS_SECONDS)
        return
    methods = tuple(m for m in ("GET", "HEAD") if m in page.allowed_http_method_names())
    pages.set(key, (page.pk, kind, methods), seconds=ADDRESS_SECONDS)


def answer_kept_feed(request, path: str) -> HttpResponse | None:
    """The kept feed at the remembered address ``path``, answered as its route would, or
    None (then Wagtail routes the request as usual). Any other page's address is told apart
    by its last part, without reading the cache."""
    if request.method not in ("GET", "HEAD") or _ending(path) not in ADDRESS_ENDINGS:
        return None
    if not _only_wagtails_serve_hooks():
        return None
    key = _address_key(request, path)
    remembered = pages.get(key) if key is not None else None
    if not remembered:  # not seen yet, or routed always
        return None
    page_id, kind, methods = remembered
    if request.method not in methods:
        return None  # the page does not take it: Wagtail answers 405
    version = cache.current_version()
    feed = cache.cached_feed(_cache_key(request.GET, page_id, kind, version))
    if not isinstance(feed, dict) or (feed.get("gzip") is None and accepts_gzip(request)):
        return None  # built (or compressed) by the route, which keeps it
    return _conditional(request, feed, version, CONTENT_TYPES[kind])


def ics(request, page):
    """An iCalendar feed of the filtered opportunities' sessions (for subscribing)."""
    filterset = page.get_filterset(request, use_defaults=False)
    if not filterset.is_valid():
        return _error_response(filterset)
    opportunities = filterset.qs.prefetch_related("sessions")[:500]
    calendar = build_calendar(opportunities, request, page.title)
    return calendar_response(calendar, "opportunities.ics")


def _for_cards(queryset):
    return (
        queryset.select_related("cover_image")
        .prefetch_related("interests")
        .prefetch_upcoming()  # a repeating session's words on its card
        .with_provider_title()
    )


def _kept_results(filterset, entry: dict) -> Page:
    """The page of results kept in ``entry``: its opportunities read fresh by id, in the kept
    order (one that is no longer live is left out), with their kept distances."""
    found = _for_cards(filterset.queryset.filter(pk__in=entry["ids"])).in_bulk()
    rows = []
    for pk, distance in zip(entry["ids"], entry["distances"], strict=True):
        if pk in found:
            if distance is not None:
                found[pk].distance_km = distance
            rows.append(found[pk])
    paginator = Paginator([], cityoflearning_settings.MAP_PAGE_SIZE)
    paginator.count = entry["count"]  # read once, when the entry was kept
    return Page(rows, entry["number"], paginator)


def results_page(request, page, filterset) -> Page:
    """The page of results asked for (``?page=``; the first or the last when it is not a
    number or beyond the end). Each page's ids, order and distances and the number of results
    are kept with the map's feeds, and the cards are read fresh: a large map sorts and counts
    its opportunities once, not on each visit."""
    # Built, not run: the filters check the form and note what the page says about them
    # (the place chosen, its radius) whether or not the list is kept.
    queryset = _for_cards(filterset.qs)
    version = cache.current_version()
    data = filterset.data.copy()
    data.setlist("page", [request.GET.get("page", "1")])
    data.setlist("page_size", [str(cityoflearning_settings.MAP_PAGE_SIZE)])
    key = _cache_key(data, page.pk, "list", version)
    entry = cache.cached_feed(key)
    if isinstance(entry, dict):
        return _kept_results(filterset, entry)
    paginator = Paginator(queryset, cityoflearning_settings.MAP_PAGE_SIZE)
    try:
        results = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results = paginator.page(1)
    except EmptyPage:
        results = paginator.page(paginator.num_pages)
    entry = {
        "count": paginator.count,
        "number": results.number,
        "ids": [row.pk for row in results.object_list],
        "distances": [getattr(row, "distance_km", None) for row in results.object_list],
    }
    cache.store_feed(key, entry, seconds=LIST_SECONDS)
    return results


def index(request, page):
    """The server-rendered list (and the map beside it)."""
    filterset = page.get_filterset(request)
    results = results_page(request, page, filterset)
    send_search(request, page, filterset, results.paginator.count)  # see map/searches.py
    query = request.GET.copy()
    query.pop("page", None)
    context = page.get_context(request)
    context.update(
        {
            "filterset": filterset,
            "form": filterset.form,
            "results": results,
            "result_count": results.paginator.count,
            "query_string": query.urlencode(),
            "using_defaults": page.uses_defaults(request),
            "map_labels": map_labels(context["map_options"].get("attribution", "")),
        }
    )
    template = page.get_template(request)
    if request.headers.get("X-Requested-With") == "cityoflearning-map":
        template = "wagtail_cityoflearning/map/results.html"
    return TemplateResponse(request, template, context)
