"""Taking places: registering, the waiting list and cancelling, one at a time per opportunity.

Every change runs in a transaction that first locks the opportunity's page row
(``select_for_update``), so two learners taking the last place at the same moment queue one
behind the other: exactly one gets it, the other goes on the waiting list. On SQLite, where
rows are not locked, the transaction takes the database's write lock when it begins
(``transaction_mode: IMMEDIATE``, as the example site's settings set it), which serialises
them the same way.

The emails (confirmation, moved up from the waiting list) are sent once the transaction has
committed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from functools import partial

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.providers.registration.emails import (
    send_confirmation,
    send_moved_up,
)
from wagtail_cityoflearning.providers.registration.models import Registration


class Closed(enum.Enum):
    """Why an opportunity takes no registration now (``None`` when it does)."""

    NOT_TAKING = _("This opportunity does not take registrations on this site.")
    PAST = _("This opportunity is over: registration is closed.")
    DEADLINE = _("The registration deadline has passed.")
    FULL = _("All places are taken.")

    @property
    def message(self) -> str:
        return str(self.value)


class RegistrationClosed(Exception):
    def __init__(self, reason: Closed):
        super().__init__(reason.message)
        self.reason = reason


def takes_registrations(page) -> bool:
    return isinstance(page, AbstractOpportunityPage) and bool(page.takes_registrations)


def is_over(page, now=None) -> bool:
    """An opportunity with dates none of which is still to come (one without dates, or
    ongoing, is never over)."""
    if page.is_ongoing or page.starts_at is None:
        return False
    return not page.get_next_sessions(at=now or timezone.now(), limit=1)


def closed_reason(page, now=None) -> Closed | None:
    """Why ``page`` takes no new registration now, or None when it does (full or not: a
    full one with a waiting list still takes them)."""
    now = now or timezone.now()
    if not takes_registrations(page) or not page.live:
        return Closed.NOT_TAKING
    if is_over(page, now):
        return Closed.PAST
    if page.registration_deadline is not None and now > page.registration_deadline:
        return Closed.DEADLINE
    return None


@dataclass
class Places:
    """The places of an opportunity: how many, how many taken, how many waiting."""

    capacity: int | None
    taken: int
    waiting: int
    has_waiting_list: bool

    @property
    def left(self) -> int | None:
        """Free places (None: no limit)."""
        return None if self.capacity is None else max(self.capacity - self.taken, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.taken >= self.capacity


def places(page) -> Places:
    counts = {
        row["status"]: row["count"]
        for row in Registration.objects.filter(opportunity_id=page.pk)
        .active()
        .values("status")
        .annotate(count=Count("pk"))
    }
    return Places(
        capacity=page.capacity,
        taken=counts.get(Registration.Status.REGISTERED, 0),
        waiting=counts.get(Registration.Status.WAITING, 0),
        has_waiting_list=page.has_waiting_list,
    )


def _lock(page) -> None:
    """Lock the opportunity's page row until the transaction ends."""
    list(BasePage.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True))


@dataclass
class Outcome:
    registration: Registration
    # "registered", "waiting", or "unchanged" (already registered or waiting).
    result: str
    moved_up: list = field(default_factory=list)


def register(page, user, answers=None, now=None) -> Outcome:
    """Give ``user`` a place on ``page``, else a place on its waiting list.

    Raises :class:`RegistrationClosed` when registration is closed, or when it is full and
    has no waiting list. Registering again while registered or waiting changes nothing but
    the answers."""
    reason = closed_reason(page, now)
    if reason is not None:
        raise RegistrationClosed(reason)
    with transaction.atomic():
        _lock(page)
        registration = (
            Registration.objects.select_for_update()
            .filter(opportunity_id=page.pk, user=user)
            .first()
        )
        if registration is not None and not registration.is_cancelled:
            if answers is not None:
                registration.answers = answers
                registration.save(update_fields=["answers", "updated_at"])
            return Outcome(registration, "unchanged")
        current = places(page)
        if not current.is_full:
            status, position = Registration.Status.REGISTERED, None
        elif page.has_waiting_list:
            last = Registration.objects.filter(
                opportunity_id=page.pk, status=Registration.Status.WAITING
            ).aggregate(last=Max("position"))["last"]
            status, position = Registration.Status.WAITING, (last or 0) + 1
        else:
            raise RegistrationClosed(Closed.FULL)
        if registration is None:
            registration = Registration(opportunity_id=page.pk, user=user)
        registration.status = status
        registration.position = position
        registration.answers = answers or []
        registration.cancelled_at = None
        registration.reminded_at = registration.reminded_for = None
        registration.save()
        transaction.on_commit(partial(send_confirmation, registration.pk))
    return Outcome(registration, status)


def fill_places(page) -> list[Registration]:
    """Move the first in line on the waiting list up into the free places; call it inside a
    transaction holding :func:`_lock`. Returns those moved up (their emails are sent once the
    transaction has committed)."""
    current = places(page)
    free = current.left
    if free == 0 or not current.waiting:
        return []
    waiting = Registration.objects.filter(opportunity_id=page.pk).waiting().select_for_update()
    moved = list(waiting if free is None else waiting[:free])
    for registration in moved:
        registration.status = Registration.Status.REGISTERED
        registration.position = None
        registration.save(update_fields=["status", "position", "updated_at"])
        transaction.on_commit(partial(send_moved_up, registration.pk))
    return moved


def move_up(page) -> list[Registration]:
    """:func:`fill_places` in a transaction of its own, e.g. after an editor adds places."""
    if not takes_registrations(page):
        return []
    with transaction.atomic():
        _lock(page)
        return fill_places(page)


def cancel(registration: Registration, page, now=None) -> list[Registration]:
    """Cancel ``registration``; when it held a place, the first in line moves up into it.
    Returns those moved up. Cancelling twice changes nothing."""
    with transaction.atomic():
        _lock(page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_cancelled:
            return []
        registration.status = Registration.Status.CANCELLED
        registration.position = None
        registration.cancelled_at = now or timezone.now()
        registration.save(update_fields=["status", "position", "cancelled_at", "updated_at"])
        return fill_places(page)
