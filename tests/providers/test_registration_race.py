"""Learners taking the last places at the same moment: each request in its own thread with
its own database connection, on committed data. Exactly as many get a place as there are
places; the others go on the waiting list, each in a place of their own. Run on SQLite and
on PostgreSQL (``DATABASE_URL=postgres://…``)."""

import pytest
from django.core import mail
from django.test import Client

from tests.factories import make_city
from tests.providers.registration_helpers import adult, make_registrable, register_url
from tests.security.test_concurrent_posts import assert_all_answered, post_at_once
from wagtail_cityoflearning.providers.models import Registration
from wagtail_cityoflearning.providers.registration import places

pytestmark = pytest.mark.django_db(transaction=True)

R = Registration.Status


def signed_in(users):
    made = []
    for user in users:
        client = Client()
        client.force_login(user)
        made.append(client)
    return made


def test_two_learners_taking_the_last_place_at_once_one_gets_it():
    city = make_city()
    page = make_registrable(city, capacity=2)
    places.register(page, adult("first@example.org", city))
    racers = [adult("maja@example.org", city), adult("luka@example.org", city)]
    mail.outbox.clear()

    results = post_at_once(signed_in(racers), register_url(page))

    assert_all_answered(results, allowed=(302,))
    statuses = sorted(Registration.objects.filter(user__in=racers).values_list("status", flat=True))
    assert statuses == [R.REGISTERED, R.WAITING]
    assert Registration.objects.filter(opportunity=page, status=R.REGISTERED).count() == 2
    waiting = Registration.objects.get(user__in=racers, status=R.WAITING)
    assert waiting.place_in_line == 1
    assert len(mail.outbox) == 2  # a confirmation each: one place, one waiting


def test_eight_learners_for_three_places_at_once():
    city = make_city()
    page = make_registrable(city, capacity=3)
    racers = [adult(f"racer{n}@example.org", city) for n in range(8)]

    results = post_at_once(signed_in(racers), register_url(page))

    assert_all_answered(results, allowed=(302,))
    rows = Registration.objects.filter(opportunity=page)
    assert rows.filter(status=R.REGISTERED).count() == 3
    positions = sorted(rows.filter(status=R.WAITING).values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5]
