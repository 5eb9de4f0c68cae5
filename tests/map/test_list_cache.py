"""The map's list keeps each page of results (ids, order, distances) and the number of results
with the feeds: a second visit neither sorts nor counts, and a change shows at once."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import make_opportunity, session
from tests.map.test_places import PRESERNOV, add_place
from wagtail_cityoflearning.map.views import LIST_SECONDS


def visit(client, map_page, query="sort=soonest"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{map_page.url}?{query}")
    assert response.status_code == 200
    return response, [q["sql"] for q in queries]


def titles(response):
    return [o.title for o in response.context["results"].object_list]


def counted(queries):
    return [sql for sql in queries if "COUNT(" in sql.upper()]


def test_a_second_visit_shows_the_same_list_without_sorting_or_counting(
    client, map_page, catalogue
):
    first, first_queries = visit(client, map_page)
    again, queries = visit(client, map_page)
    assert titles(again) == titles(first)
    assert titles(first)[0] == "Guitar circle"  # the soonest
    assert again.context["result_count"] == first.context["result_count"] == 5
    assert counted(first_queries) and not counted(queries)
    assert len(queries) < len(first_queries)
    # The cards are whole: provider, interests and the next session are read fresh.
    html = again.text
    assert "Guitar circle" in html and catalogue["music"].get_parent().title in html


def test_a_published_opportunity_is_listed_and_counted_at_once(
    client, map_page, catalogue, provider, city
):
    visit(client, map_page)
    make_opportunity(
        provider, [city["interests"]["arts"]], title="Pottery now", sessions=[session(0.5)]
    )
    response, _ = visit(client, map_page)
    assert titles(response)[0] == "Pottery now"
    assert response.context["result_count"] == 6


def test_an_unpublished_opportunity_leaves_the_list_at_once(client, map_page, catalogue):
    visit(client, map_page)
    catalogue["music"].unpublish()
    response, _ = visit(client, map_page)
    assert "Guitar circle" not in titles(response)
    assert response.context["result_count"] == 4


def test_each_page_of_results_is_kept_apart(client, map_page, catalogue, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"MAP_PAGE_SIZE": 2}
    pages = {
        number: titles(visit(client, map_page, f"sort=soonest&page={number}")[0])
        for number in "123"
    }
    assert pages == {
        "1": ["Guitar circle", "Web design online"],
        "2": ["Choir in the hills", "Climbing wall"],
        "3": ["Food bank helpers"],
    }
    for number, expected in pages.items():
        assert titles(visit(client, map_page, f"sort=soonest&page={number}")[0]) == expected
    beyond = [visit(client, map_page, "sort=soonest&page=99")[0] for _ in range(2)]
    assert [r.context["results"].number for r in beyond] == [3, 3]
    assert titles(beyond[1]) == ["Food bank helpers"]
    # A different page size is a different list.
    settings.WAGTAIL_CITYOFLEARNING = {"MAP_PAGE_SIZE": 3}
    assert titles(visit(client, map_page, "sort=soonest&page=1")[0]) == [
        "Guitar circle", "Web design online", "Choir in the hills"
    ]  # fmt: skip


def test_a_kept_list_near_a_place_keeps_its_distances_and_says_where(
    client, map_page, catalogue, city
):
    add_place(city["site"], "Prešernov trg", PRESERNOV)
    query = "near=Prešernov trg&sort=nearest"
    first, _ = visit(client, map_page, query)
    again, queries = visit(client, map_page, query)
    assert not counted(queries)
    assert titles(again) == titles(first)
    assert [o.distance_km for o in again.context["results"].object_list] == [
        o.distance_km for o in first.context["results"].object_list
    ]
    assert all(o.distance_km <= 5 for o in again.context["results"].object_list)
    assert again.context["filterset"].near_radius == 5
    assert again.context["filterset"].near_place.name == "Prešernov trg"


def test_the_defaults_of_the_map_page_are_part_of_the_kept_list(client, map_page, catalogue, city):
    assert "Climbing wall" in titles(visit(client, map_page, "")[0])
    map_page.default_interests = [city["interests"]["music"]]
    map_page.save_revision().publish()
    assert "Climbing wall" not in titles(visit(client, map_page, "")[0])


def test_a_session_that_has_ended_leaves_the_list_within_minutes(
    client, map_page, catalogue, provider, city
):
    # Began an hour ago and ends in a minute: the kept list must not show it for an hour.
    make_opportunity(
        provider,
        [city["interests"]["arts"]],
        title="Short talk",
        sessions=[session(-1 / 24, hours=1 + 1 / 60)],
    )
    now = timezone.now()
    with freeze_time(now):
        assert "Short talk" in titles(visit(client, map_page)[0])
    with freeze_time(now + dt.timedelta(seconds=LIST_SECONDS + 1)):
        assert "Short talk" not in titles(visit(client, map_page)[0])
