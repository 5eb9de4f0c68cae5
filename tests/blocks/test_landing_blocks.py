"""The landing page's blocks on a city's home page: the hero with its search and its ways to
the map and the playlists, featured playlists, this week's opportunities, interest tiles."""

import io
from html.parser import HTMLParser

import pytest
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.factories import make_city, make_opportunity, make_provider, session
from tests.learners.conftest import make_playlist, make_playlist_index
from wagtail_cityoflearning.models import OpportunityMapPage

pytestmark = pytest.mark.django_db

BODY = [
    ("hero", {"heading": "", "intro": "Learn all over town.", "show_search": True}),
    ("featured_playlists", {"heading": "", "count": 3}),
    ("upcoming", {"heading": "", "count": 6}),
    ("interests", {"heading": ""}),
]


class Outline(HTMLParser):
    """The headings, links and form fields of a page, as a visitor's tools list them."""

    def __init__(self):
        super().__init__()
        self.headings, self.links, self.forms, self.inputs = [], [], [], []
        self._heading = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = [int(tag[1]), ""]
        elif tag == "a":
            self._link = [attrs.get("href"), ""]
        elif tag == "form":
            self.forms.append(attrs)
        elif tag == "input":
            self.inputs.append(attrs)

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4") and self._heading:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        elif tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data
        if self._link:
            self._link[1] += data


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def publish_body(home, body=BODY):
    home.body = body
    home.save_revision().publish()
    home.refresh_from_db()
    return home


@pytest.fixture
def map_page(city):
    page = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def landing(city, map_page):
    index = make_playlist_index(city["home"], title="Učne poti", slug="ucne-poti")
    publish_body(city["home"])
    return {**city, "map": map_page, "playlist_index": index}


def in_slovenian(text):
    with translation.override("sl"):
        return translation.gettext(text)


def steps_for(opportunity):
    return [("opportunity", {"opportunity": opportunity, "note": "", "required": True})]


def test_the_hero_searches_the_map_and_links_to_the_map_and_the_playlists(client, landing):
    html = client.get(landing["home"].url).content.decode()
    page = outline(html)
    assert page.headings[0] == (1, landing["home"].title)
    assert [h for h in page.headings if h[0] == 1] == [page.headings[0]]
    search = [form for form in page.forms if form.get("role") == "search"]
    assert search and search[0]["action"] == landing["map"].url
    assert search[0]["method"] == "get"
    assert any(i.get("name") == "q" and i.get("type") == "search" for i in page.inputs)
    assert (landing["map"].url, in_slovenian("Find on the map")) in page.links
    assert (landing["playlist_index"].url, in_slovenian("Browse playlists")) in page.links
    assert "Learn all over town." in html


def test_the_hero_search_opens_the_map_filtered_by_the_words(client, landing, provider):
    wanted = make_opportunity(provider, [landing["interests"]["music"]], title="Guitar circle")
    make_opportunity(provider, [landing["interests"]["sports"]], title="Basketball")
    response = client.get(landing["map"].url, {"q": "guitar"})
    assert response.status_code == 200
    titles = [h for _, h in outline(response.content.decode()).headings]
    assert wanted.title in titles and "Basketball" not in titles


def test_headings_run_in_order_without_skipping_a_level(client, landing, opportunity):
    make_playlist(landing["playlist_index"], steps_for(opportunity), title="Coding")
    levels = [
        level for level, _ in outline(client.get(landing["home"].url).content.decode()).headings
    ]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_featured_playlists_are_the_newest_live_ones_of_this_site(client, landing, opportunity):
    index = landing["playlist_index"]
    older = make_playlist(index, steps_for(opportunity), title="Older")
    newer = make_playlist(index, steps_for(opportunity), title="Newer")
    make_playlist(index, steps_for(opportunity), title="Draft", publish=False, live=False)
    Page.objects.filter(pk=older.pk).update(
        first_published_at=newer.first_published_at.replace(year=2020)
    )
    page = outline(client.get(landing["home"].url).content.decode())
    cards = [
        title
        for level, title in page.headings
        if level == 3 and title in ("Older", "Newer", "Draft")
    ]
    assert cards == ["Newer", "Older"]
    assert (index.url, in_slovenian("All playlists")) in page.links


def test_featured_playlists_show_the_chosen_ones_in_their_order(client, landing, opportunity):
    index = landing["playlist_index"]
    first = make_playlist(index, steps_for(opportunity), title="First")
    second = make_playlist(index, steps_for(opportunity), title="Second")
    make_playlist(index, steps_for(opportunity), title="Not chosen")
    publish_body(
        landing["home"],
        [
            (
                "featured_playlists",
                {"heading": "Start here", "playlists": [second, first], "count": 3},
            )
        ],
    )
    page = outline(client.get(landing["home"].url).content.decode())
    assert (2, "Start here") in page.headings
    cards = [t for level, t in page.headings if level == 3]
    assert cards == ["Second", "First"]


def test_upcoming_shows_this_weeks_opportunities_soonest_first(client, landing, provider):
    interest = [landing["interests"]["arts"]]
    later = make_opportunity(provider, interest, sessions=[session(5)], title="Friday drawing")
    sooner = make_opportunity(provider, interest, sessions=[session(1)], title="Monday drawing")
    make_opportunity(provider, interest, sessions=[session(20)], title="Next month drawing")
    page = outline(client.get(landing["home"].url).content.decode())
    cards = [t for level, t in page.headings if level == 3]
    assert cards == [sooner.title, later.title]
    assert (2, in_slovenian("This week")) in page.headings
    assert (landing["map"].url + "?when=week", in_slovenian("Everything this week on the map")) in (
        page.links
    )


def test_upcoming_falls_back_to_the_next_ones_when_the_week_is_empty(client, landing, provider):
    interest = [landing["interests"]["arts"]]
    make_opportunity(provider, interest, sessions=[session(30)], title="Later drawing")
    make_opportunity(provider, interest, sessions=[session(12)], title="Soon drawing")
    html = client.get(landing["home"].url).content.decode()
    page = outline(html)
    assert [t for level, t in page.headings if level == 3] == ["Soon drawing", "Later drawing"]
    assert (
        in_slovenian(
            "Nothing is planned for the next seven days. These are coming up after that."
        ).replace("'", "&#x27;")
        in html
    )
    assert (landing["map"].url, in_slovenian("Everything on the map")) in page.links


def test_upcoming_says_so_when_nothing_is_planned(client, landing):
    html = client.get(landing["home"].url).content.decode()
    assert in_slovenian("Nothing is planned yet.").replace("'", "&#x27;") in html


def test_upcoming_lists_only_this_sites_opportunities(client, landing, provider):

    other = make_city(
        hostname="cagliari.localhost", language="it", is_default=False, name="Cagliari"
    )
    elsewhere = make_provider(other)
    make_opportunity(
        elsewhere, [other["interests"]["arts"]], sessions=[session(1)], title="Altrove"
    )
    here = make_opportunity(
        provider, [landing["interests"]["arts"]], sessions=[session(2)], title="Here"
    )
    titles = [t for _, t in outline(client.get(landing["home"].url).content.decode()).headings]
    assert here.title in titles and "Altrove" not in titles


def test_interest_tiles_link_to_the_map_filtered_by_each_interest(client, landing):
    html = client.get(landing["home"].url).content.decode()
    links = {name: href for href, name in outline(html).links}
    for interest in landing["interests"].values():
        assert links[interest.name] == f"{landing['map'].url}?interest={interest.slug}"
    music = landing["interests"]["music"]
    assert f'fill="{music.colour}"' in html and f"#{music.icon}" in html


def test_the_hero_has_no_map_links_when_the_site_has_no_map(client, city):
    publish_body(city["home"], [BODY[0]])
    page = outline(client.get(city["home"].url).content.decode())
    assert not [f for f in page.forms if f.get("role") == "search"]
    assert in_slovenian("Find on the map") not in [name for _, name in page.links]


def test_the_landing_blocks_are_in_the_pages_language(client, landing, settings):
    """A Slovenian home speaks Slovenian: the hero's buttons and search, not the English source."""
    response = client.get(landing["home"].url)
    assert response.headers["Content-Language"] == "sl"
    names = [name for _, name in outline(response.content.decode()).links]
    assert "Poišči na zemljevidu" in names
    assert "Prebrskaj učne poti" in names
    assert "Find on the map" not in names
    assert "What would you like to learn?" not in response.content.decode()


def make_image(title="Lagoon", description="A drawing of a lagoon at sunset"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), "#1d4ed8").save(buffer, format="JPEG")
    return get_image_model().objects.create(
        title=title, description=description, file=ImageFile(buffer, name=f"{title}.jpg")
    )


def landing_queries(django_assert_max_num_queries, client, url):
    with django_assert_max_num_queries(60) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_items(landing, provider, opportunity, number, offset):
    interests = list(landing["interests"].values())
    for n in range(number):
        image = make_image(title=f"Picture {offset + n}")
        make_opportunity(
            provider,
            interests[n % 3 : n % 3 + 2],
            sessions=[session(1 + n % 5)],
            title=f"Workshop {offset + n}",
            cover_image=image,
        )
        playlist = make_playlist(
            landing["playlist_index"], steps_for(opportunity), title=f"Playlist {offset + n}"
        )
        playlist.cover_image = make_image(title=f"Cover {offset + n}")
        playlist.interests = interests[:2]
        playlist.save_revision().publish()


def test_the_number_of_queries_does_not_grow_with_the_number_of_cards(
    client, landing, provider, opportunity, django_assert_max_num_queries
):
    add_items(landing, provider, opportunity, 2, 0)
    url = landing["home"].url
    client.get(url)  # renditions are made on the first view
    client.get(url)  # and the Site's settings, which makes the page cache settle again
    few = landing_queries(django_assert_max_num_queries, client, url)
    add_items(landing, provider, opportunity, 4, 2)
    client.get(url)
    many = landing_queries(django_assert_max_num_queries, client, url)
    html = client.get(url).content.decode()
    assert html.count('alt="A drawing of a lagoon at sunset"') >= 6
    assert many == few
