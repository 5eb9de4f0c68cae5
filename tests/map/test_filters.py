"""The map's filters, as a young person uses them through GET parameters."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_opportunity, session
from wagtail_cityoflearning.map import filters


def titles(client, map_page, query=""):
    response = client.get(map_page.url + "geojson/" + (f"?{query}" if query else ""))
    assert response.status_code == 200, response.content
    return {f["properties"]["title"] for f in response.json()["features"]}


def listed(client, map_page, query=""):
    response = client.get(map_page.url + (f"?{query}" if query else "?sort=soonest"))
    assert response.status_code == 200
    return [o.title for o in response.context["results"].object_list]


def test_without_filters_the_map_shows_upcoming_and_ongoing_in_person_opportunities(
    client, map_page, catalogue
):
    assert titles(client, map_page) == {
        "Guitar circle", "Climbing wall", "Food bank helpers", "Choir in the hills",
    }  # fmt: skip
    assert "Web design online" in listed(client, map_page)  # online ones are listed, not mapped
    assert "Last year's concert" not in listed(client, map_page)


def test_interest_filter_takes_several_interests(client, map_page, catalogue):
    assert titles(client, map_page, "interest=music") == {"Guitar circle", "Choir in the hills"}
    assert titles(client, map_page, "interest=music&interest=sports") == {
        "Guitar circle", "Climbing wall", "Choir in the hills",
    }  # fmt: skip


def test_age_filter_keeps_opportunities_open_to_that_age(client, map_page, catalogue):
    at_14 = titles(client, map_page, "age=14")
    assert "Guitar circle" in at_14 and "Climbing wall" not in at_14
    assert "Climbing wall" in titles(client, map_page, "age=20")


def test_free_only(client, map_page, catalogue):
    assert "Climbing wall" not in titles(client, map_page, "free=on")
    assert "Guitar circle" in titles(client, map_page, "free=on")


def test_mode_online_lists_online_opportunities(client, map_page, catalogue):
    assert listed(client, map_page, "mode=online") == ["Web design online"]


def test_language_filter(client, map_page, catalogue):
    in_slovenian = listed(client, map_page, "language=sl")
    assert "Guitar circle" in in_slovenian and "Web design online" not in in_slovenian
    assert "Web design online" in listed(client, map_page, "language=en")
    assert listed(client, map_page, "language=it") == []


def test_type_filter(client, map_page, catalogue):
    assert titles(client, map_page, "type=volunteering") == {"Food bank helpers"}


def test_provider_filter(client, map_page, catalogue, provider):
    result = titles(client, map_page, f"provider={provider.pk}")
    assert "Choir in the hills" not in result and "Guitar circle" in result


def test_dates_keep_sessions_in_the_window_and_ongoing_unless_left_out(client, map_page, catalogue):
    today = timezone.localdate()
    start = today + dt.timedelta(days=15)
    end = today + dt.timedelta(days=25)
    window = f"date_from={start:%Y-%m-%d}&date_to={end:%Y-%m-%d}"
    assert titles(client, map_page, window) == {"Climbing wall", "Food bank helpers"}
    assert titles(client, map_page, window + "&ongoing=exclude") == {"Climbing wall"}


def test_next_7_days_preset(client, map_page, catalogue):
    assert titles(client, map_page, "when=week&ongoing=exclude") == {
        "Guitar circle", "Choir in the hills",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2031-05-07T09:00", ("2031-05-10", "2031-05-12")),  # a Wednesday: the coming weekend
        ("2031-05-10T09:00", ("2031-05-10", "2031-05-12")),  # Saturday: the rest of it
        ("2031-05-11T20:00", ("2031-05-11", "2031-05-12")),  # Sunday evening: what is left
    ],
)
def test_weekend_preset_is_saturday_and_sunday_in_the_sites_timezone(now, expected):
    from zoneinfo import ZoneInfo

    from wagtail_cityoflearning.map.filters import OpportunityFilter

    tz = ZoneInfo("Europe/Ljubljana")
    moment = dt.datetime.fromisoformat(now).replace(tzinfo=tz)
    begin, finish = OpportunityFilter(tz=tz, now=moment).date_window({"when": "weekend"})
    assert begin == max(moment, dt.datetime.fromisoformat(expected[0]).replace(tzinfo=tz))
    assert finish == dt.datetime.fromisoformat(expected[1]).replace(tzinfo=tz)


def test_near_a_point_filters_by_radius_and_sorts_by_distance(client, map_page, catalogue):
    here = "lat=46.0513&lng=14.5058"
    assert "Choir in the hills" not in titles(client, map_page, here + "&radius=3")
    assert "Choir in the hills" in titles(client, map_page, here + "&radius=20")
    order = listed(client, map_page, here + "&sort=nearest&ongoing=exclude&mode=in_person")
    assert order[-1] == "Choir in the hills"
    response = client.get(map_page.url + "?" + here + "&sort=nearest")
    results = list(response.context["results"].object_list)
    # Nearest first, ties by title, and the online one (no distance) last.
    assert [o.title for o in results] == [
        "Climbing wall", "Food bank helpers", "Guitar circle",  # at the provider: 0 km
        "Choir in the hills",  # about 10 km away
        "Web design online",  # online: no distance
    ]  # fmt: skip
    distances = [o.distance_km for o in results]
    assert distances[:3] == [0, 0, 0]
    assert 9 < distances[3] < 12
    assert distances[4] is None


def test_bbox_limits_the_feed_to_the_visible_area(client, map_page, catalogue):
    assert titles(client, map_page, "bbox=14.55,46.07,14.65,46.15") == {"Choir in the hills"}


def test_text_search(client, map_page, catalogue):
    assert titles(client, map_page, "q=guitar") == {"Guitar circle"}


def test_every_match_of_a_text_search_is_on_the_map(
    client, map_page, catalogue, provider, city, monkeypatch
):
    # The database's search is a subquery: no cap on the matches (a search engine's answer
    # is cut at MAX_TEXT_MATCHES ids).
    monkeypatch.setattr(filters, "MAX_TEXT_MATCHES", 1)
    for name in ("Chess for beginners", "Chess club", "Chess in the park"):
        make_opportunity(provider, [city["interests"]["music"]], title=name, sessions=[session(2)])
    assert titles(client, map_page, "q=chess") == {
        "Chess for beginners",
        "Chess club",
        "Chess in the park",
    }


def test_sort_a_to_z(client, map_page, catalogue):
    # Every upcoming, ongoing and online opportunity of the catalogue; not last year's concert.
    assert listed(client, map_page, "sort=title") == [
        "Choir in the hills",
        "Climbing wall",
        "Food bank helpers",
        "Guitar circle",
        "Web design online",
    ]


def test_soonest_puts_the_next_session_first_and_ongoing_last(client, map_page, catalogue):
    names = listed(client, map_page, "sort=soonest")
    assert names[0] == "Guitar circle"
    assert names[-1] == "Food bank helpers"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("age=abc", "age"),
        ("age=500", "age"),
        ("radius=1000&lat=46&lng=14", "radius"),
        ("radius=3", "radius"),
        ("lat=46", "lat"),
        ("lat=95&lng=14", "lat"),
        ("bbox=1,2", "bbox"),
        ("bbox=0,0,50,50", "bbox"),
        ("bbox=14,46,13,45", "bbox"),
        ("date_from=2031-05-10&date_to=2031-05-01", "date_to"),
        ("date_from=yesterday", "date_from"),
        ("sort=nearest", "sort"),
        ("when=someday", "when"),
        ("interest=no-such-interest", "interest"),
        ("provider=999999", "provider"),
        ("q=" + "x" * 200, "q"),
    ],
)
def test_bad_parameters_get_a_clear_answer(client, map_page, catalogue, query, field):
    page = client.get(map_page.url + "?" + query)
    assert page.status_code == 200
    assert field in page.context["form"].errors
    assert 'role="alert"' in page.content.decode()
    feed = client.get(map_page.url + "geojson/?" + query)
    assert feed.status_code == 400
    assert field in feed.json()["fields"]


def test_an_invalid_filter_does_not_stop_the_valid_ones_on_the_page(client, map_page, catalogue):
    assert listed(client, map_page, "age=abc&interest=sports") == ["Climbing wall"]


def test_default_filters_apply_only_when_no_filter_is_chosen(client, map_page, catalogue, city):
    map_page.default_interests = [city["interests"]["sports"]]
    map_page.save_revision().publish()
    response = client.get(map_page.url)
    assert [o.title for o in response.context["results"].object_list] == ["Climbing wall"]
    response = client.get(map_page.url + "?interest=music")
    assert "Guitar circle" in [o.title for o in response.context["results"].object_list]


def test_list_is_paginated(client, map_page, city, provider, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"MAP_PAGE_SIZE": 2}
    for number in range(5):
        make_opportunity(
            provider,
            [city["interests"]["arts"]],
            title=f"Drawing {number}",
            sessions=[session(number + 1)],
        )
    first = client.get(map_page.url + "?sort=soonest")
    assert [o.title for o in first.context["results"].object_list] == ["Drawing 0", "Drawing 1"]
    # The links to the other pages keep the filters.
    assert 'href="?sort=soonest&amp;page=2" rel="next"' in first.content.decode()
    assert 'rel="prev"' not in first.content.decode()
    third = client.get(map_page.url + "?sort=soonest&page=3")
    assert [o.title for o in third.context["results"].object_list] == ["Drawing 4"]
    assert 'href="?sort=soonest&amp;page=2" rel="prev"' in third.content.decode()
    assert client.get(map_page.url + "?sort=soonest&page=abc").status_code == 200


def test_partial_request_returns_only_the_results(client, map_page, catalogue):
    response = client.get(
        map_page.url + "?sort=soonest", HTTP_X_REQUESTED_WITH="cityoflearning-map"
    )
    html = response.content.decode()
    assert 'id="results-heading"' in html and "<html" not in html
