"""Lists of opportunities (a provider's page, the landing page, a learner's suggestions) put the
soonest first by the *next* session, as the map does: a club that also met last spring is
not listed by its first session."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_city, make_opportunity, make_provider, session
from wagtail_cityoflearning.models.opportunities import OpportunityPage, OpportunitySession

pytestmark = pytest.mark.django_db


def test_an_opportunity_that_also_met_in_the_past_is_listed_by_its_next_session(client):
    city = make_city()
    provider = make_provider(city)
    interests = [city["interests"]["science-technology"]]
    now = timezone.now()
    earlier_in_the_year = OpportunitySession(
        start=now - dt.timedelta(days=120), end=now - dt.timedelta(days=120, hours=-2)
    )
    spring_club = make_opportunity(
        provider, interests, title="Spring club", sessions=[earlier_in_the_year, session(20)]
    )
    next_week = make_opportunity(provider, interests, title="Next week", sessions=[session(7)])

    listed = list(OpportunityPage.objects.live().child_of(provider).for_listing())
    assert [page.title for page in listed] == [next_week.title, spring_club.title]
    html = client.get(provider.url, HTTP_HOST=city["site"].hostname).content.decode()
    assert html.index(next_week.title) < html.index(spring_club.title)
