"""schema.org JSON-LD for opportunity pages: ``Event`` when dated, ``Course`` otherwise."""

import json
import re

from django.utils.safestring import mark_safe

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.models.taxonomy import Mode
from wagtail_cityoflearning.recurrence import RecurrenceError, parse_exception_dates, parse_rule

_ATTENDANCE = {
    Mode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Mode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
_COURSE_MODE = {Mode.IN_PERSON: "onsite", Mode.ONLINE: "online", Mode.HYBRID: "blended"}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d{1,2})?)")
# What Django's json_script escapes (its own table is private): with <, > and & written as JSON
# escapes, no "</script>" or "<!--" in a title or summary can end or bend the script element,
# and the JSON still parses to the same text.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _offer(page) -> dict:
    offer = {"@type": "Offer", "priceCurrency": cityoflearning_settings.CURRENCY}
    if page.is_free:
        offer["price"] = "0"
    else:
        match = _AMOUNT.search(page.price)
        if match:
            offer["price"] = match.group(1).replace(",", ".")
        offer["description"] = page.price
    if page.registration_url:
        offer["url"] = page.registration_url
    return offer


_FREQUENCY = {"WEEKLY": "P1W", "MONTHLY": "P1M", "DAILY": "P1D", "YEARLY": "P1Y"}
_BY_DAY = {
    0: "https://schema.org/Monday",
    1: "https://schema.org/Tuesday",
    2: "https://schema.org/Wednesday",
    3: "https://schema.org/Thursday",
    4: "https://schema.org/Friday",
    5: "https://schema.org/Saturday",
    6: "https://schema.org/Sunday",
}


def event_schedule(session, tz) -> dict | None:
    """schema.org's ``Schedule`` of a repeating session (dates and times in the city's time
    zone), or None when it does not repeat."""
    if not session.repeat:
        return None
    try:
        rule = parse_rule(session.repeat, session.start, tz)
        skipped = parse_exception_dates(session.repeat_except)
    except RecurrenceError:
        return None
    occurrences = session.get_occurrences(tz)
    if not occurrences:
        return None
    first = occurrences[0].start.astimezone(tz)
    last = occurrences[-1].start.astimezone(tz)
    frequency = {0: "YEARLY", 1: "MONTHLY", 2: "WEEKLY", 3: "DAILY"}.get(rule._freq)  # noqa: SLF001
    interval = rule._interval  # noqa: SLF001
    schedule = {
        "@type": "Schedule",
        "startDate": first.date().isoformat(),
        "endDate": last.date().isoformat(),
        "startTime": first.strftime("%H:%M:%S"),
        "scheduleTimezone": str(tz),
    }
    if session.end:
        schedule["endTime"] = (first + (session.end - session.start)).strftime("%H:%M:%S")
    if frequency in _FREQUENCY:
        schedule["repeatFrequency"] = (
            _FREQUENCY[frequency]
            if interval == 1
            else _FREQUENCY[frequency].replace("1", str(interval))
        )
    if frequency == "WEEKLY" and rule._byweekday:  # noqa: SLF001
        schedule["byDay"] = [_BY_DAY[d] for d in sorted(rule._byweekday)]  # noqa: SLF001
    if skipped:
        schedule["exceptDate"] = [d.isoformat() for d in skipped]
    return schedule


def _location(page) -> list[dict]:
    places = []
    if page.is_in_person and (page.address or page.has_location):
        place = {"@type": "Place", "name": page.address}
        if page.address:
            place["address"] = {"@type": "PostalAddress", "streetAddress": page.address}
        if page.has_location:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": page.latitude,
                "longitude": page.longitude,
            }
        places.append(place)
    if page.is_online and page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places


def _age_range(page) -> str | None:
    if page.age_min is None and page.age_max is None:
        return None
    if page.age_max is None:
        return f"{page.age_min}-"
    return f"{page.age_min or 0}-{page.age_max}"


def opportunity_data(request, page) -> dict | list:
    """The schema.org description of an opportunity as Python data."""
    provider = page.provider
    organizer = None
    if provider is not None:
        organizer = {"@type": "Organization", "name": provider.title}
        provider_url = provider.get_full_url(request)
        if provider_url:
            organizer["url"] = provider_url
    common = {
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": list(page.languages or []),
        "keywords": ", ".join(i.name for i in page.interest_list),
    }
    age_range = _age_range(page)
    if age_range:
        common["typicalAgeRange"] = age_range
    if page.cover_image_id:
        rendition = page.cover_image.get_rendition("fill-1200x675")
        common["image"] = request.build_absolute_uri(rendition.url) if request else rendition.url
    location = _location(page)

    if page.is_dated:
        events = []
        sessions = (
            page.get_next_sessions() or sorted(page.sessions.all(), key=lambda s: s.start)[-1:]
        )
        tz = page.get_city_time_zone()
        described = set()
        for session in sessions:
            repeating = getattr(session, "session", session)
            schedule = event_schedule(repeating, tz) if repeating.repeat else None
            if schedule is not None:
                if repeating.pk in described:
                    continue
                described.add(repeating.pk)
            event = {
                "@context": "https://schema.org",
                "@type": "Event",
                **common,
                "startDate": session.start.isoformat(),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": _ATTENDANCE.get(page.mode),
                "location": location[0] if len(location) == 1 else location,
                "offers": _offer(page),
            }
            if session.end:
                event["endDate"] = session.end.isoformat()
            if schedule is not None:
                event["eventSchedule"] = schedule
            if organizer:
                event["organizer"] = organizer
            if page.capacity:
                event["maximumAttendeeCapacity"] = page.capacity
            events.append(event)
        return events[0] if len(events) == 1 else events

    course = {
        "@context": "https://schema.org",
        "@type": "Course",
        **common,
        "offers": _offer(page),
        "hasCourseInstance": {
            "@type": "CourseInstance",
            "courseMode": _COURSE_MODE.get(page.mode),
        },
    }
    if location:
        course["hasCourseInstance"]["location"] = location[0] if len(location) == 1 else location
    if organizer:
        course["provider"] = organizer
    return course


def opportunity_json_ld(request, page) -> str:
    """The JSON-LD, escaped for a ``<script type="application/ld+json">`` element."""
    text = json.dumps(opportunity_data(request, page), ensure_ascii=False, indent=None)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 (escaped above)
