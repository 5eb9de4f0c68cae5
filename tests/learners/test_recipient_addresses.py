"""The other addresses of a badge's recipient, asked one at a time (the single award) and for
a whole batch at once (the bulk award): the same answers, the batch in three queries."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.learners.conftest import make_learner
from wagtail_cityoflearning.badges.awarding import same_person_addresses_many
from wagtail_cityoflearning.learners.admin.recipients import (
    recipient_addresses,
    recipient_addresses_many,
)


@pytest.fixture
def people(city):
    maja = make_learner("maja@example.org", site=city["site"])
    EmailAddress.objects.create(user=maja, email="Maja.School@example.org", verified=True)
    EmailAddress.objects.create(user=maja, email="maja.old@example.org", verified=False)
    luka = make_learner("luka@example.org", site=city["site"])
    gone = make_learner("gone@example.org", site=city["site"])
    gone.is_active = False
    gone.save()
    # An account whose main address was never verified: it has no verified address.
    get_user_model().objects.create_user("nina", email="nina@example.org", password="x")
    return {"maja": maja, "luka": luka}


ASKED = [
    "maja@example.org",
    "MAJA.SCHOOL@example.org",  # another verified address, in another case
    "maja.old@example.org",  # an address not verified still leads to its account
    " luka@example.org ",
    "gone@example.org",  # an account no longer active
    "nina@example.org",
    "nobody@example.org",
    "",
]


def test_a_batch_is_answered_as_each_address_alone(people):
    alone = {email: recipient_addresses(email) for email in ASKED if email.strip()}
    assert alone["MAJA.SCHOOL@example.org"] == {"maja@example.org", "maja.school@example.org"}
    assert alone[" luka@example.org "] == {"luka@example.org"}
    assert alone["gone@example.org"] == alone["nina@example.org"] == set()
    assert recipient_addresses_many(ASKED) == alone


@pytest.mark.parametrize("count", [2, 30])
def test_a_batch_costs_three_queries_whatever_its_size(people, count):
    asked = ASKED + [f"learner-{n}@example.org" for n in range(count)]
    with CaptureQueriesContext(connection) as queries:
        answers = recipient_addresses_many(asked)
    assert len(queries) == 3
    assert answers["maja.old@example.org"] == {"maja@example.org", "maja.school@example.org"}


def test_the_bulk_award_asks_the_learners_app_once_a_batch(people):
    with CaptureQueriesContext(connection) as queries:
        found = same_person_addresses_many(
            ["maja@example.org", "luka@example.org", "x@example.org"]
        )
    assert len(queries) == 3
    assert found == {
        "maja@example.org": {"maja@example.org", "maja.school@example.org"},
        "luka@example.org": {"luka@example.org"},
        "x@example.org": {"x@example.org"},
    }
