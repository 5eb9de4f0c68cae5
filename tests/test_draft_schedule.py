"""A draft's sessions stay in the draft: the live opportunity keeps its dates, and so its place
in the listings and on the map, until the draft is published."""

import datetime as dt

from tests.factories import make_opportunity, session
from wagtail_cityoflearning.models import OpportunityPage


def test_a_draft_does_not_move_the_live_dates(city, provider):
    page = make_opportunity(provider, [city["interests"]["music"]], sessions=[session(3)])
    live_starts, live_ends = page.starts_at, page.ends_at
    assert live_starts is not None

    draft = OpportunityPage.objects.get(pk=page.pk)
    moved = session(-30)  # the editor moves the session a month back, and saves a draft
    draft.sessions = [moved]
    draft.save_revision()

    row = OpportunityPage.objects.get(pk=page.pk)
    assert (row.starts_at, row.ends_at) == (live_starts, live_ends)
    assert OpportunityPage.objects.upcoming().filter(pk=page.pk).exists()

    row.get_latest_revision().publish()
    row = OpportunityPage.objects.get(pk=page.pk)
    assert row.starts_at == moved.start
    assert row.ends_at == moved.end
    assert row.starts_at < live_starts - dt.timedelta(days=20)
    assert not OpportunityPage.objects.upcoming().filter(pk=page.pk).exists()
