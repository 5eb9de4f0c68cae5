"""Counting a search on the map: the receiver of the core's ``map_searched`` signal.

A search becomes a combination (the interest, the age band, how the place was chosen, the
date choice, free only, in person or online, language, types and the search words) and adds
one to that combination's row for the city and the day, and one to its "found nothing" when
it found nothing. Two queries whatever happens: an insert that does nothing when the row is
there (so two searches at the same moment cannot both create it), then an update that adds
in the database (so none of their counts is lost).

Nothing else is kept: no user, address, session, cookie, time of day or coordinates. The
search words are normalised (lower case, single spaces, at most 100 characters) and dropped
when they look like an email address or a phone number.
"""

import logging
import re

from django.db import transaction
from django.db.models import F, Value
from django.utils import timezone

from wagtail_cityoflearning.insight.bands import band_for_age
from wagtail_cityoflearning.insight.demand.models import (
    QUERY_MAX_LENGTH,
    Area,
    SearchDemand,
    When,
)

logger = logging.getLogger(__name__)

EMAIL = re.compile(r"\S+@\S+")
# Seven or more digits, whatever separates them: a phone number (or another number about a
# person); opening hours or a year have fewer.
PHONE = re.compile(r"(?:\d[\s().+/-]*){7,}")


def normalise_query(text) -> str:
    """The search words as stored: lower case, trimmed, single spaces, at most 100
    characters; empty when they look like an email address or a phone number."""
    words = " ".join(str(text or "").lower().split())
    if EMAIL.search(words) or PHONE.search(words):
        return ""
    return words[:QUERY_MAX_LENGTH].strip()


def area_of(filters: dict, near_place) -> tuple[str, str]:
    """(how the place was chosen, the place's name when chosen by name)."""
    if near_place is not None:
        return Area.PLACE, near_place.name[:255]
    if filters.get("lat") is not None and filters.get("lng") is not None:
        return Area.LOCATION, ""
    if filters.get("bbox"):
        return Area.MAP_AREA, ""
    return "", ""


def when_of(filters: dict) -> str:
    when = filters.get("when")
    if when in When.values:
        return when
    if filters.get("date_from") or filters.get("date_to"):
        return When.DATES
    return ""


def combination(filters: dict, near_place) -> dict:
    """The combination's fields (but the interest) from the map's cleaned filters."""
    area, place = area_of(filters, near_place)
    age = filters.get("age")
    types = filters.get("type") or []
    return {
        "age_band": band_for_age(int(age)) if age is not None else "",
        "area": area,
        "place": place,
        "when": when_of(filters),
        "free": bool(filters.get("free")),
        "mode": str(filters.get("mode") or "")[:20],
        "language": str(filters.get("language") or "")[:20],
        "types": ",".join(sorted(str(t) for t in types))[:150],
        "query": normalise_query(filters.get("q")),
    }


def record_search(site, day, filters: dict, near_place, result_count: int) -> None:
    """Add one search (and one "found nothing" when ``result_count`` is 0) to the day's
    rows: one per interest chosen, or one without an interest."""
    interests = list(filters.get("interest") or [])
    fields = combination(filters, near_place)
    fields["interests_chosen"] = len(interests)
    interest_ids = [interest.pk for interest in interests] or [None]
    rows = [
        SearchDemand(site=site, day=day, interest_id=interest_id, **fields)
        for interest_id in interest_ids
    ]
    lookup = {"site": site, "day": day, **fields}
    if interests:
        lookup["interest_id__in"] = interest_ids
    else:
        lookup["interest__isnull"] = True
    zero = 1 if result_count == 0 else 0
    with transaction.atomic():
        # A row already there (made by an earlier search, or one at the same moment) is left
        # as it is; then every row of the search is counted in the database.
        SearchDemand.objects.bulk_create(rows, ignore_conflicts=True)
        SearchDemand.objects.filter(**lookup).update(
            searches=F("searches") + 1, zero_results=F("zero_results") + Value(zero)
        )


def on_map_searched(sender, page, site, filters, near_place=None, result_count=0, **kwargs):
    """Count a search; a failure is logged and the map answers as if nothing happened."""
    if site is None:
        return
    try:
        tz = page.get_city_settings().tzinfo
        day = timezone.localtime(timezone.now(), tz).date()
        record_search(site, day, filters, near_place, result_count)
    except Exception:
        logger.exception("A search on the map could not be counted.")
