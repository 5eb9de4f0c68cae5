"""A search on the map, told to whoever listens: the map page sends :data:`map_searched` when a
visitor chose filters, so another app can count what young people look for without the map
knowing it.

The signal is sent by the list (:func:`wagtail_cityoflearning.map.views.index`), once per
search: only when at least one filter was chosen (not the page's default view), only for the
first page of results (turning pages is not a new search) and not when the map's script
reloads the list for the browser's back and forward buttons. The feeds (GeoJSON, iCal) send
nothing. So that a crawler or one busy client cannot flood the counts, it is sent only for a
GET (not a HEAD), not for an obvious robot (no user agent, or one containing a word of
``SEARCH_LOG_IGNORED_AGENTS``), and at most ``SEARCH_LOG_MAX_PER_ADDRESS`` times per network
address within ``SEARCH_LOG_WINDOW_SECONDS`` (counted in the default cache under a keyed hash
of the address, never the address itself); beyond that the map answers as usual. Receivers
get:

- ``page``: the map page;
- ``site``: its Site;
- ``filters``: the valid filters chosen, as the filter form cleaned them (``q``,
  ``interest`` (a list of interests), ``age``, ``when``, ``date_from``, ``date_to``, ``free``,
  ``mode``, ``language``, ``type``, ``provider``, ``near``, ``lat``, ``lng``, ``radius``,
  ``ongoing``, ``bbox``, ``sort``); empty ones are left out;
- ``near_place``: the place or provider chosen by name (a ``NearOption``), or None;
- ``result_count``: how many opportunities the search found.

No request, user or address is sent. A receiver that fails is logged; the map answers anyway.
"""

import logging

from django.db.models import QuerySet
from django.dispatch import Signal

from wagtail_cityoflearning import throttle
from wagtail_cityoflearning.conf import cityoflearning_settings

logger = logging.getLogger(__name__)

map_searched = Signal()

# The script's header when it reloads the list for the back and forward buttons.
HISTORY_HEADER = "X-Cityoflearning-Map-History"
# Filters that only order or place the list: choosing them alone is not a search.
NOT_A_SEARCH = {"sort"}


def chosen_filters(filterset) -> dict:
    """The filters of ``filterset`` the visitor chose and the form accepted."""
    form = filterset.form
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    chosen = {}
    for name, value in cleaned.items():
        if name in form.errors:
            continue
        if isinstance(value, QuerySet):
            value = list(value)  # the form's own check already fetched them
        if value is None or value is False or value in ("", []):
            continue
        chosen[name] = value
    return chosen


def is_new_search(request, page) -> bool:
    """True for a list the visitor asked for by choosing filters, on its first page."""
    return (
        not page.uses_defaults(request)
        and "page" not in request.GET
        and not request.headers.get(HISTORY_HEADER)
    )


def is_robot(request) -> bool:
    """True for a request without a user agent, or whose user agent names a robot."""
    agent = request.headers.get("User-Agent", "").strip().lower()
    if not agent:
        return True
    return any(word in agent for word in cityoflearning_settings.SEARCH_LOG_IGNORED_AGENTS)


def take_search_allowance(request) -> bool:
    """Count one search for the request's address; False when the address already had
    ``SEARCH_LOG_MAX_PER_ADDRESS`` searches counted in the window."""
    key = throttle.address_key(request, "map-search")
    counted = throttle.add_one(key, cityoflearning_settings.SEARCH_LOG_WINDOW_SECONDS)
    return counted <= cityoflearning_settings.SEARCH_LOG_MAX_PER_ADDRESS


def send_search(request, page, filterset, result_count: int) -> None:
    """Send :data:`map_searched` for this list when it is a new search with filters, asked
    for by a person's browser within the address's allowance."""
    if request.method != "GET" or is_robot(request) or not is_new_search(request, page):
        return
    try:
        filters = chosen_filters(filterset)
        if not set(filters) - NOT_A_SEARCH:
            return
        if not take_search_allowance(request):
            return
        responses = map_searched.send_robust(
            sender=type(page),
            page=page,
            site=page.get_site(),
            filters=filters,
            near_place=filterset.form.near_place,
            result_count=result_count,
        )
    except Exception:
        logger.exception("The map could not tell its listeners about a search.")
        return
    for receiver, response in responses:
        if isinstance(response, Exception):
            logger.error("A receiver of map_searched failed: %r", receiver, exc_info=response)
