"""Searches on the map, counted per day without anything about who searched."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_opportunity, session
from wagtail_cityoflearning.insight.demand import recording
from wagtail_cityoflearning.insight.demand.models import Area, SearchDemand
from wagtail_cityoflearning.models import OpportunityMapPage

pytestmark = pytest.mark.django_db
MAP_HEADER = {"HTTP_X_REQUESTED_WITH": "cityoflearning-map"}
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0"


@pytest.fixture(autouse=True)
def a_young_person_s_phone(client):
    """Searches come from a browser, and the address's allowance starts afresh."""
    cache.clear()
    client.defaults["HTTP_USER_AGENT"] = PHONE
    yield
    cache.clear()


@pytest.fixture
def map_page(city):
    page = OpportunityMapPage(title="Map", slug="map")
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def guitar(city, provider):
    return make_opportunity(
        provider,
        [city["interests"]["music"]],
        title="Guitar circle",
        age_min=13,
        age_max=15,
        sessions=[session(1)],
    )


def today(city):
    return timezone.localdate()


def test_a_search_with_filters_is_counted_once(client, city, map_page, guitar):
    response = client.get(map_page.url + "?interest=music&age=14", **MAP_HEADER)
    assert response.status_code == 200

    row = SearchDemand.objects.get()
    assert row.site == city["site"]
    assert row.day == timezone.localdate()
    assert row.interest == city["interests"]["music"]
    assert row.age_band == "13-15"
    assert (row.searches, row.zero_results) == (1, 0)
    assert row.interests_chosen == 1


def test_the_same_search_again_adds_to_the_same_row(client, map_page, guitar):
    for _ in range(3):
        client.get(map_page.url + "?interest=music&age=14", **MAP_HEADER)
    client.get(map_page.url + "?interest=music&age=14")  # the page itself, without the script
    assert SearchDemand.objects.count() == 1
    assert SearchDemand.objects.get().searches == 4


def test_the_default_view_pages_history_and_feeds_are_not_searches(client, map_page, guitar):
    client.get(map_page.url)
    client.get(map_page.url, **MAP_HEADER)
    client.get(map_page.url + "?interest=music&page=2")
    client.get(map_page.url + "?interest=music&page=1", **MAP_HEADER)
    client.get(map_page.url + "?sort=title")  # an order is not a filter
    client.get(
        map_page.url + "?interest=music", HTTP_X_CITYOFLEARNING_MAP_HISTORY="1", **MAP_HEADER
    )
    client.get(map_page.url + "geojson/?interest=music")
    client.get(map_page.url + "ics/?interest=music")
    client.get(map_page.url + "providers/?interest=music")
    assert not SearchDemand.objects.exists()


def test_a_search_that_found_nothing_counts_as_zero_results(client, city, map_page, guitar):
    client.get(map_page.url + "?interest=music&age=27&when=weekend", **MAP_HEADER)
    client.get(map_page.url + "?q=robotika+za+vse&interest=performing-arts", **MAP_HEADER)

    music = SearchDemand.objects.get(interest=city["interests"]["music"])
    assert (music.searches, music.zero_results) == (1, 1)
    assert music.age_band == "25-29" and music.when == "weekend"
    words = SearchDemand.objects.get(interest=city["interests"]["performing-arts"])
    assert words.query == "robotika za vse"
    assert words.zero_results == 1


def test_several_interests_give_one_row_each(client, city, map_page, guitar):
    client.get(map_page.url + "?interest=music&interest=sports", **MAP_HEADER)
    rows = SearchDemand.objects.order_by("interest__slug")
    assert [r.interest.slug for r in rows] == ["music", "sports"]
    assert [r.interests_chosen for r in rows] == [2, 2]
    assert [r.searches for r in rows] == [1, 1]


def test_how_the_place_was_chosen_is_kept_never_the_point(client, map_page, guitar):
    client.get(map_page.url + "?lat=46.05&lng=14.5&radius=3", **MAP_HEADER)
    client.get(map_page.url + "?bbox=14.4,46.0,14.6,46.1", **MAP_HEADER)
    assert set(SearchDemand.objects.values_list("area", "place")) == {
        (Area.LOCATION, ""),
        (Area.MAP_AREA, ""),
    }
    stored = " ".join(str(v) for row in SearchDemand.objects.values() for v in row.values())
    assert "46.05" not in stored and "14.5" not in stored


def test_nothing_identifying_is_stored():
    names = {field.name for field in SearchDemand._meta.get_fields()}
    assert names == {
        "id", "site", "day", "interest", "interests_chosen", "age_band", "area", "place", "when",
        "free", "mode", "language", "types", "query", "searches", "zero_results",
    }  # fmt: skip
    assert SearchDemand._meta.get_field("day").get_internal_type() == "DateField"


@pytest.mark.parametrize(
    "text, stored",
    [
        ("  Robotika   ZA  Mlade ", "robotika za mlade"),
        ("maja@example.org", ""),
        ("pokliči 041 234 567", ""),
        ("+386 (1) 234-5678", ""),
        ("kitara 2026", "kitara 2026"),
        ("x" * 150, "x" * 100),
    ],
)
def test_search_words_are_normalised_and_contact_details_dropped(text, stored):
    assert recording.normalise_query(text) == stored


def test_a_row_made_in_between_is_counted_not_lost(city):
    """Two searches at the same moment: the other one created the row first. This one's
    insert does nothing and its count is added to that row."""
    day = dt.date(2026, 3, 14)
    music = city["interests"]["music"]
    filters = {"interest": [music], "q": "Kitara"}
    fields = recording.combination(filters, None)
    SearchDemand.objects.create(
        site=city["site"], day=day, interest=music, interests_chosen=1, searches=1, **fields
    )
    recording.record_search(city["site"], day, filters, None, result_count=0)
    recording.record_search(city["site"], day, {"q": "kitara"}, None, result_count=3)
    recording.record_search(city["site"], day, {"q": "kitara "}, None, result_count=3)

    with_interest = SearchDemand.objects.get(interest=music)
    assert (with_interest.searches, with_interest.zero_results) == (2, 1)
    without = SearchDemand.objects.get(interest__isnull=True)
    assert (without.searches, without.zero_results) == (2, 0)
    assert SearchDemand.objects.count() == 2


def test_counting_a_search_takes_two_queries(city):
    interests = list(city["interests"].values())[:3]
    with CaptureQueriesContext(connection) as queries:
        recording.record_search(
            city["site"], dt.date(2026, 3, 14), {"interest": interests}, None, 0
        )
    writes = [q for q in queries.captured_queries if "SAVEPOINT" not in q["sql"].upper()]
    assert len(writes) == 2
    assert SearchDemand.objects.filter(searches=1, zero_results=1).count() == 3


def test_a_failure_to_count_never_breaks_the_map(client, map_page, guitar, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("the database is away")

    monkeypatch.setattr(recording, "record_search", broken)
    response = client.get(map_page.url + "?interest=music", **MAP_HEADER)
    assert response.status_code == 200
    assert b"Guitar circle" in response.content
    assert "could not be counted" in caplog.text


def test_head_requests_and_robots_are_not_counted(client, map_page, guitar):
    client.head(map_page.url + "?interest=music")
    for agent in (
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "facebookexternalhit/1.1",
        "Sogou web spider/4.0",
        "curl/8.5.0",
    ):
        response = client.get(map_page.url + "?interest=music", HTTP_USER_AGENT=agent)
        assert response.status_code == 200  # the map answers them all
    assert not SearchDemand.objects.exists()
    # a headless browser, as the project's own browser tests use, is a person's search
    client.get(map_page.url + "?interest=music", HTTP_USER_AGENT="Mozilla/5.0 HeadlessChrome/131")
    assert SearchDemand.objects.get().searches == 1


def test_one_address_counts_at_most_its_allowance(client, map_page, guitar, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"SEARCH_LOG_MAX_PER_ADDRESS": 3}
    for n in range(10):
        response = client.get(map_page.url + f"?q=random{n}", **MAP_HEADER)
        assert response.status_code == 200
    assert sum(SearchDemand.objects.values_list("searches", flat=True)) == 3
    other = client.get(
        map_page.url + "?q=another", REMOTE_ADDR="192.0.2.7", **MAP_HEADER
    )  # another address has its own allowance
    assert other.status_code == 200
    assert SearchDemand.objects.filter(query="another").exists()
    assert not any("127.0.0.1" in str(key) for key in cache._cache)  # only a keyed hash
