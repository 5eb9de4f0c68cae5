"""The reminder the day before a session, sent by ``manage.py cityoflearning_send_reminders``.

Run it once a day or more often (by cron): it reminds everyone registered for an opportunity
whose next session starts tomorrow in the city's timezone, once per session. Each
registration remembers the session it was reminded of (``reminded_for``), and the command
claims it before sending, so running again, or twice at the same moment, sends nothing more.
"""

from dataclasses import dataclass
from datetime import UTC, timedelta

from django.db.models import Q
from django.utils import timezone

from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.providers.registration.emails import send_reminder
from wagtail_cityoflearning.providers.registration.models import Registration

SESSIONS_LOOKED_AT = 10


@dataclass
class Due:
    registration: Registration
    page: object
    session_start: object


def session_tomorrow(page, now):
    """The start of ``page``'s first session starting tomorrow in its city's timezone, or None."""
    site = page.get_site()
    tz = CityOfLearningSettings.for_site(site).tzinfo if site is not None else UTC
    tomorrow = (now.astimezone(tz) + timedelta(days=1)).date()
    for session in page.get_next_sessions(at=now, limit=SESSIONS_LOOKED_AT):
        if session.start.astimezone(tz).date() == tomorrow:
            return session.start
    return None


def due_reminders(now=None) -> list[Due]:
    """Who is to be reminded now: registered learners of a live opportunity whose session
    starts tomorrow, not yet reminded of that session."""
    now = now or timezone.now()
    due = []
    registrations = (
        Registration.objects.registered()
        .filter(opportunity__live=True)
        .select_related("user", "opportunity")
        .order_by("opportunity_id", "pk")
    )
    starts = {}
    for registration in registrations:
        page_id = registration.opportunity_id
        if page_id not in starts:
            page = registration.opportunity.specific
            takes = isinstance(page, AbstractOpportunityPage) and page.takes_registrations
            starts[page_id] = (page, session_tomorrow(page, now) if takes else None)
        page, start = starts[page_id]
        if start is not None and registration.reminded_for != start:
            due.append(Due(registration, page, start))
    return due


def send_reminders(now=None, dry_run=False) -> list[Due]:
    """Send the reminders :func:`due_reminders` finds; each is claimed first (so it goes out
    once), and released again if it could not be sent. Returns those sent (or, with
    ``dry_run``, those that would be)."""
    now = now or timezone.now()
    due = due_reminders(now)
    if dry_run:
        return due
    sent = []
    for item in due:
        registration = item.registration
        claimed = (
            Registration.objects.filter(pk=registration.pk, status=Registration.Status.REGISTERED)
            .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=item.session_start))
            .update(reminded_at=now, reminded_for=item.session_start)
        )
        if not claimed:
            continue
        try:
            delivered = send_reminder(registration, item.session_start)
        except Exception:
            Registration.objects.filter(pk=registration.pk).update(
                reminded_at=registration.reminded_at, reminded_for=registration.reminded_for
            )
            raise
        if delivered:
            sent.append(item)
    return sent
