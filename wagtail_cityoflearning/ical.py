"""iCalendar (RFC 5545) output for opportunities: “add to calendar” and calendar feeds."""

from collections.abc import Iterable

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vGeo, vText

from wagtail_cityoflearning.conf import cityoflearning_settings


def build_calendar(opportunities: Iterable, request, name: str) -> Calendar:
    """A VCALENDAR with one VEVENT per session of each opportunity given.

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
    for page in opportunities:
        url = page.get_full_url(request)
        for session in page.sessions.all():
            event = Event()
            event.add("uid", f"opportunity-{page.pk}-session-{session.pk}@{host}")
            event.add("dtstamp", stamp)
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
