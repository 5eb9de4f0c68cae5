"""iCalendar (RFC 5545) output for opportunities: “add to calendar” and calendar feeds."""

from collections.abc import Iterable

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vGeo, vRecur, vText

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.recurrence import RecurrenceError, parse_exception_dates, parse_rule


def _page_time_zone(page, zones: dict):
    """The city's time zone of ``page`` (its ``get_city_time_zone()``), once per site."""
    getter = getattr(page, "get_city_time_zone", None)
    if getter is None:
        return timezone.get_current_timezone()
    site = page.get_site()
    key = site.pk if site is not None else None
    if key not in zones:
        zones[key] = getter()
    return zones[key]


def add_repeat(event: Event, session, tz) -> bool:
    """Make ``event`` repeat as ``session`` does: DTSTART/DTEND in the city's time zone
    (with its VTIMEZONE, so that 16:00 stays 16:00 across daylight saving time), RRULE and
    EXDATE. False when the session does not repeat or its rule cannot be read."""
    if not session.repeat:
        return False
    try:
        parse_rule(session.repeat, session.start, tz)
        skipped = parse_exception_dates(session.repeat_except)
    except RecurrenceError:
        return False
    start = timezone.localtime(session.start, tz)
    event.add("dtstart", start)
    if session.end:
        event.add("dtend", start + (session.end - session.start))
    text = session.repeat.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    event.add("rrule", vRecur.from_ical(text))
    if skipped:
        event.add("exdate", [start.replace(year=d.year, month=d.month, day=d.day) for d in skipped])
    return True


def build_calendar(opportunities: Iterable, request, name: str) -> Calendar:
    """A VCALENDAR with one VEVENT per session of each opportunity given (a repeating session
    is one VEVENT with its RRULE and EXDATE).

    Ongoing opportunities without sessions have no events. UIDs are stable, so a
    subscribed calendar updates events instead of duplicating them.
    """
    calendar = Calendar()
    calendar.add("prodid", cityoflearning_settings.ICAL_PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    host = request.get_host().split(":")[0] if request is not None else "localhost"
    stamp = timezone.now()
    zones = {}
    for page in opportunities:
        url = page.get_full_url(request)
        for session in page.sessions.all():
            event = Event()
            event.add("uid", f"opportunity-{page.pk}-session-{session.pk}@{host}")
            event.add("dtstamp", stamp)
            tz = _page_time_zone(page, zones) if session.repeat else None
            if tz is None or not add_repeat(event, session, tz):
                event.add("dtstart", session.start)
                if session.end:
                    event.add("dtend", session.end)
            event.add("summary", page.title)
            event.add("description", vText(f"{page.summary}\n\n{url}"))
            if url:
                event.add("url", url)
            if page.is_in_person and page.address:
                event.add("location", page.address)
            elif page.is_online and page.online_url:
                event.add("location", page.online_url)
            if page.is_in_person and page.has_location:
                event.add("geo", vGeo((page.latitude, page.longitude)))
            calendar.add_component(event)
    if zones:
        calendar.add_missing_timezones()
    return calendar


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def opportunity_ics_response(request, page) -> HttpResponse:
    """The ``.ics`` download of one opportunity; 404 when it has no sessions."""
    if page.is_ongoing and not page.sessions.exists():
        raise Http404(_("This opportunity is ongoing and has no dated sessions."))
    calendar = build_calendar([page], request, page.title)
    return calendar_response(calendar, f"{slugify(page.slug) or 'opportunity'}.ics")
