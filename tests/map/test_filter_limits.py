"""Values at and beyond the edges of what the map's filters accept: a clear answer, never an
error page; and search text that is full-text search syntax is searched for as words."""

import pytest
from django.utils import translation
from wagtail.search.backends import get_search_backend

from wagtail_cityoflearning.models import OpportunityPage
from wagtail_cityoflearning.search import sanitise_query

FEEDS = ["geojson/", "ics/"]


def titles(client, map_page, query):
    response = client.get(map_page.url + "geojson/?" + query)
    assert response.status_code == 200, response.content
    return {f["properties"]["title"] for f in response.json()["features"]}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("date_from=9999-12-31", "date_from"),
        ("date_to=9999-12-31", "date_to"),
        ("date_from=9999-12-30&date_to=9999-12-31", "date_from"),
        ("date_from=0001-01-01", "date_from"),
        ("date_from=1999-12-31", "date_from"),
        ("date_to=3000-01-01", "date_to"),
        ("provider=9223372036854775808", "provider"),
        ("provider=99999999999999999999999", "provider"),
        ("provider=-1", "provider"),
        ("provider=²", "provider"),
    ],
)
def test_dates_and_ids_out_of_range_are_form_errors(client, map_page, catalogue, query, field):
    page = client.get(map_page.url + "?" + query)
    assert page.status_code == 200
    assert field in page.context["form"].errors
    assert 'role="alert"' in page.content.decode()
    for feed in FEEDS:
        response = client.get(map_page.url + feed + "?" + query)
        assert response.status_code == 400
        assert field in response.json()["fields"]


def test_the_last_date_allowed_still_filters(client, map_page, catalogue):
    assert titles(client, map_page, "date_from=2999-12-01&date_to=2999-12-31") == {
        "Food bank helpers"  # ongoing: open on any date
    }
    response = client.get(map_page.url + "?date_from=2999-12-31")
    assert response.status_code == 200 and not response.context["form"].errors


@pytest.mark.parametrize(
    "text", ['"', 'a"b', '"robots', "robots\"'", "*", "(", "NEAR(robots", "robots OR", "^", " "]
)
def test_search_syntax_is_searched_as_words(client, map_page, catalogue, text):
    for path in ["", *FEEDS]:
        assert client.get(map_page.url + path, {"q": text}).status_code == 200


def test_quotes_around_a_word_still_find_it(client, map_page, catalogue):
    assert titles(client, map_page, 'q="guitar') == {"Guitar circle"}
    everything = titles(client, map_page, "")
    assert titles(client, map_page, 'q=""') == everything  # no words: no text filter


def test_sanitise_query_keeps_the_words():
    assert sanitise_query('"Robotics" (club) OR *kids* <b>') == "Robotics club OR kids b"
    assert sanitise_query("šola-in-igra, 日本語!") == "šola in igra 日本語"
    assert sanitise_query("\"'\x00 ") == ""
    assert sanitise_query(None) == ""


def test_the_package_search_backend_searches_hostile_text_as_words(settings, catalogue):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_cityoflearning.search"}}
    backend = get_search_backend()
    pages = OpportunityPage.objects.live()
    found = [page.title for page in backend.search('"guitar', pages)]
    assert found == ["Guitar circle"]
    assert list(backend.search(" ", pages)) == []
    assert [p.title for p in backend.search("guitar", pages, operator="nonsense")] == [
        "Guitar circle"
    ]


def test_the_api_search_answers_hostile_text(client, settings, catalogue):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_cityoflearning.search"}}
    for params in [{"search": '"'}, {"search": " "}, {"search": "guitar", "search_operator": "x"}]:
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200, (params, response.content)
    response = client.get("/api/v2/pages/", {"search": '"guitar'})
    assert [item["title"] for item in response.json()["items"]] == ["Guitar circle"]


def test_a_date_out_of_range_says_which_dates_are_allowed(client, map_page, catalogue):
    response = client.get(map_page.url + "geojson/?date_from=9999-12-31&date_to=1999-01-01")
    fields = response.json()["fields"]
    with translation.override("sl"):  # the site's language
        latest = translation.gettext("Choose a date on or before %(limit_value)s.")
        earliest = translation.gettext("Choose a date on or after %(limit_value)s.")
    assert fields["date_from"] == [latest % {"limit_value": "2999-12-31"}]
    assert fields["date_to"] == [earliest % {"limit_value": "2000-01-01"}]
