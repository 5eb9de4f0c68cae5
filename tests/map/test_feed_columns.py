"""The colour and the next session the map's feeds give each opportunity: read for all of
them in one query each, by id for a few and by the range of ids for many; the same answer
either way."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_opportunity, session
from wagtail_cityoflearning.map import feeds
from wagtail_cityoflearning.models import OpportunitySession


def features(client, map_page, query=""):
    response = client.get(map_page.url + "geojson/" + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return {f["properties"]["title"]: f["properties"] for f in response.json()["features"]}


def points(client, map_page, query=""):
    data = client.get(map_page.url + "points/" + (f"?{query}" if query else "")).json()
    # The next session comes as seconds since 1970 (UTC): as the GeoJSON's text, to compare.
    return {
        title: (
            data["colour_table"][colour],
            nxt if nxt is None else iso(dt.datetime.fromtimestamp(nxt, dt.UTC)),
        )
        for title, colour, nxt in zip(data["titles"], data["colours"], data["next"], strict=True)
    }


def iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(params=["by id", "by range"])
def scope(request, monkeypatch):
    """Both ways of reading the rows of the opportunities shown."""
    if request.param == "by range":
        monkeypatch.setattr(feeds, "SCOPE_BY_ID", 0)
    return request.param


@pytest.fixture
def three(city, provider):
    """A mixed opportunity between two music ones, so that a filter on music leaves a gap in
    the ids that the range still covers."""
    interests = city["interests"]
    music, sport = interests["music"], interests["sports"]
    now = timezone.now().replace(microsecond=0)
    past = OpportunitySession(start=now - dt.timedelta(days=3), end=now - dt.timedelta(days=2))
    running = OpportunitySession(start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=1))
    return {
        "first": make_opportunity(provider, [music], title="Band", sessions=[past, session(5)]),
        "mixed": make_opportunity(
            provider,
            [sport, music],
            title="Dance and drums",
            sessions=[session(9), running],
            is_free=False,
            price="5 EUR",
        ),
        "last": make_opportunity(
            provider, [music], title="Choir", sessions=[past], is_ongoing=True
        ),
    }


def test_the_colour_is_the_first_interest_in_the_interests_order(
    client, map_page, city, three, scope
):
    music, sports = city["interests"]["music"], city["interests"]["sports"]
    # Sports first, though music has the lower id and is linked first.
    assert music.pk < sports.pk
    music.sort_order, sports.sort_order = 20, 1
    music.save()
    sports.save()
    assert features(client, map_page)["Dance and drums"]["colour"] == sports.colour
    assert points(client, map_page)["Dance and drums"][0] == sports.colour

    # The city puts music first again: the markers change colour at once.
    music.sort_order = 0
    music.save()
    assert features(client, map_page)["Dance and drums"]["colour"] == music.colour
    assert points(client, map_page)["Dance and drums"][0] == music.colour
    # A tie goes to the interest made first.
    sports.sort_order = 0
    sports.save()
    assert features(client, map_page)["Dance and drums"]["colour"] == music.colour


def test_a_new_interest_colour_reaches_the_map_at_once(client, map_page, city, three, scope):
    music = city["interests"]["music"]
    assert features(client, map_page)["Band"]["colour"] == music.colour
    music.colour = "#0b6e4f"
    music.save()
    assert features(client, map_page)["Band"]["colour"] == "#0b6e4f"
    assert points(client, map_page)["Choir"][0] == "#0b6e4f"


def test_next_is_the_soonest_session_not_yet_over(client, map_page, three, scope):
    shown = features(client, map_page)
    compact = points(client, map_page)
    band = three["first"].get_next_sessions()[0].start
    running = three["mixed"].get_next_sessions()[0].start
    assert running < timezone.now()  # started an hour ago, still on
    assert shown["Band"]["next"] == compact["Band"][1] == iso(band)
    assert shown["Dance and drums"]["next"] == compact["Dance and drums"][1] == iso(running)
    # Every session over (it stays on the map as ongoing): no next one.
    assert shown["Choir"]["next"] is None and compact["Choir"][1] is None


def test_a_filtered_feed_gives_the_right_columns_around_a_gap(client, map_page, city, three, scope):
    # The paid opportunity's id lies between the two free ones': read by range, its rows
    # come back from the database too, and must not end up in the feed.
    assert three["first"].pk < three["mixed"].pk < three["last"].pk
    music = city["interests"]["music"]
    shown = features(client, map_page, "free=on")
    assert set(shown) == {"Band", "Choir"}
    assert shown["Band"]["colour"] == shown["Choir"]["colour"] == music.colour
    assert shown["Band"]["next"] == iso(three["first"].get_next_sessions()[0].start)
    compact = points(client, map_page, "free=on")
    assert set(compact) == {"Band", "Choir"}
    assert compact["Band"] == (music.colour, shown["Band"]["next"])
