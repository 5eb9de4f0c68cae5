"""Pages in a dozen queries, whatever their size: an opportunity, a provider, a playlist and a
hosted badge assertion each answer in at most ``PAGE_QUERIES`` SQL queries once the site has
been visited, with the same count for a small and a large page (more sessions, interests,
opportunities, steps or evidence never add a query). And the page cache behind it never
serves a page that moved, was unpublished or belongs to another Site."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from tests.badges import conftest as badge_fixtures
from tests.badges.conftest import make_badge_class
from tests.factories import make_city, make_opportunity, make_provider, session
from tests.learners.conftest import make_playlist, make_playlist_index
from wagtail_cityoflearning.badges import awarding
from wagtail_cityoflearning.models import OpportunitySession
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

# The target for a page of the package once the site has been visited (the route from the
# address to the page, the Site's languages and settings are kept between requests).
PAGE_QUERIES = 12

issuer = badge_fixtures.issuer  # the badges' tests' fixture: Ljubljana's issuer


def queries_of(client, url: str, **headers) -> tuple[int, list[str]]:
    """The number of queries of a third request for ``url`` (the first ones warm the page
    cache, as earlier visitors do: the very first also creates the Site's settings, which
    makes what it kept stale) and their SQL, for the failure message."""
    for _visit in range(2):
        assert client.get(url, **headers).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(captured), "\n".join(query["sql"][:150] for query in captured)


def interests_of(city, count):
    return list(city["interests"].values())[:count]


@pytest.fixture
def small_and_large(city):
    """A provider with one opportunity of one session and one interest, and a provider with
    twelve opportunities, one of which has nine sessions, six interests and skills."""
    small_provider = make_provider(city, title="Small club")
    small = make_opportunity(small_provider, interests_of(city, 1), sessions=[session(3)])
    large_provider = make_provider(city, title="Large centre")
    large = make_opportunity(
        large_provider,
        interests_of(city, 6),
        sessions=[session(day) for day in range(2, 20, 2)],
    )
    large.skills.add("soldering", "python", "teamwork")
    large.save_revision().publish()
    for number in range(11):
        make_opportunity(large_provider, interests_of(city, 2), title=f"Workshop {number}")
    return {"small": (small_provider, small), "large": (large_provider, large)}


@pytest.mark.parametrize("kind", ["opportunity", "provider"])
def test_an_opportunity_and_a_provider_page_in_a_dozen_queries_at_any_size(
    client, small_and_large, kind
):
    counts = {}
    for size, (provider, opportunity) in small_and_large.items():
        page = opportunity if kind == "opportunity" else provider
        counts[size] = queries_of(client, page.url)
    assert counts["small"][0] <= PAGE_QUERIES, counts["small"][1]
    assert counts["large"][0] == counts["small"][0], counts["large"][1]


def activity(number, badge=None):
    return (
        "activity",
        {
            "title": f"Step {number}",
            "instructions": "<p>Show what you made.</p>",
            "evidence": "text",
            "required": True,
            "badge": badge,
        },
    )


def test_a_playlist_page_in_a_dozen_queries_at_any_size(client, city, issuer):
    index = make_playlist_index(city["home"])
    badges = [make_badge_class(issuer, slug=f"step-{n}", name=f"Step {n}") for n in range(6)]
    small = make_playlist(
        index, [activity(0, badges[0])], title="Short path", completion_badge=badges[0]
    )
    large = make_playlist(
        index,
        [activity(number, badge) for number, badge in enumerate(badges)],
        title="Long path",
        completion_badge=badges[1],
    )
    small_count, _ = queries_of(client, small.url)
    large_count, sql = queries_of(client, large.url)
    assert small_count <= PAGE_QUERIES
    assert large_count == small_count, sql


def test_a_hosted_assertion_in_a_few_queries_with_or_without_evidence(client, city, issuer):
    badge = make_badge_class(issuer)
    plain = awarding.award(badge, "maja@example.org")
    rich = awarding.award(
        badge,
        "luka@example.org",
        narrative="Built a weather station.",
        evidence=[
            {"url": f"https://example.org/evidence/{n}", "narrative": f"Photo {n}"}
            for n in range(8)
        ],
    )
    plain_count, _ = queries_of(client, f"/badges/assertions/{plain.uuid}/")
    rich_count, sql = queries_of(client, f"/badges/assertions/{rich.uuid}/")
    assert plain_count <= 3, sql  # the Site, the award with its badge and issuer, evidence
    assert rich_count == plain_count, sql


# -- the page cache never serves the wrong page --------------------------------------------


def test_a_moved_page_answers_at_its_new_address_only(client, city, opportunity):
    old = opportunity.url
    assert client.get(old).status_code == 200  # remembered
    other = make_provider(city, title="Another provider")
    opportunity.move(other, pos="last-child")
    opportunity.refresh_from_db()
    response = client.get(old)  # Wagtail's redirect to the new address, not the page
    assert response.status_code == 301 and response["Location"] == opportunity.url
    assert client.get(opportunity.url).status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, opportunity):
    url = opportunity.url
    assert client.get(url).status_code == 200
    opportunity.unpublish()
    assert client.get(url).status_code == 404


def test_a_renamed_page_is_found_at_its_new_slug(client, opportunity):
    old = opportunity.url
    assert client.get(old).status_code == 200
    opportunity.slug = "robot-workshop"
    opportunity.save_revision().publish()
    opportunity.refresh_from_db()
    assert client.get(old).status_code == 404
    response = client.get(opportunity.url)
    assert response.status_code == 200 and opportunity.url.endswith("/robot-workshop/")


def test_a_route_remembered_without_a_signal_is_checked_before_use(client, opportunity):
    """A change made behind the signals' back (a raw update) costs a walk of the tree, never a
    wrong page: the remembered page is read with its URL path and must still be live."""
    url = opportunity.url
    assert client.get(url).status_code == 200
    Page.objects.filter(pk=opportunity.pk).update(live=False)
    assert client.get(url).status_code == 404


def test_the_same_address_on_two_sites_leads_to_each_sites_own_page(client, city):
    ljubljana = make_opportunity(make_provider(city, slug="club"), [], slug="robots")
    cagliari = make_city(hostname="cagliari.localhost", language="it", is_default=False)
    other = make_opportunity(make_provider(cagliari, slug="club"), [], slug="robots")
    path = ljubljana.get_url(None, current_site=city["site"])
    assert path == other.get_url(None, current_site=cagliari["site"])  # the same address
    for host, page in (("localhost", ljubljana), ("cagliari.localhost", other)):
        for _visit in range(2):
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200
            assert response.context["page"].pk == page.pk


def test_a_sub_route_of_a_remembered_page_still_answers(client, opportunity):
    assert client.get(opportunity.url).status_code == 200
    response = client.get(opportunity.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


def test_a_new_translation_reaches_the_language_switcher_at_once(client, city, opportunity):
    def languages():
        html = client.get(opportunity.url).content.decode()
        return {code for code in ("sl", "en") if f'data-language="{code}"' in html}

    assert languages() == set()  # one language: no switcher
    english, _created = Locale.objects.get_or_create(language_code="en")
    for page in (city["home"], city["index"], opportunity.get_parent(), opportunity):
        translation = page.specific.copy_for_translation(english, copy_parents=True)
        translation.save_revision().publish()
    assert languages() == {"sl", "en"}


def test_a_change_of_the_citys_time_zone_shows_at_once(client, city):
    """The page's settings come from the request's Site and are kept between requests: a city
    that changes its time zone sees its sessions in the new one at once."""
    start = dt.datetime(2031, 3, 4, 17, 0, tzinfo=dt.UTC)
    page = make_opportunity(
        make_provider(city),
        [],
        sessions=[OpportunitySession(start=start, end=start + dt.timedelta(hours=2))],
    )
    assert "18:00" in client.get(page.url).content.decode()  # Ljubljana: UTC+1 in March
    settings = CityOfLearningSettings.for_site(city["site"])
    settings.timezone = "Europe/London"
    settings.save()
    assert "17:00" in client.get(page.url).content.decode()
