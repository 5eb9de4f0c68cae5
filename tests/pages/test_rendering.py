"""What young people see on provider and opportunity pages."""

import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories import make_opportunity


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_opportunity_page_shows_what_young_people_decide_by(client, opportunity, provider):
    html = get(client, opportunity)
    assert f'<h1 id="page-title">{opportunity.title}</h1>' in html
    assert opportunity.summary in html
    assert opportunity.address in html
    assert "13–19" in html  # the age range
    assert provider.title in html and provider.url in html
    assert 'href="' + opportunity.url + 'ics/"' in html
    assert "data-col-location-map" in html  # the small map


def test_opportunity_page_shows_session_times_in_the_sites_timezone(client, city, provider):
    from datetime import UTC, datetime

    from wagtail_cityoflearning.models import OpportunitySession

    start = datetime(2031, 7, 1, 15, 30, tzinfo=UTC)  # 17:30 in Ljubljana (summer time)
    page = make_opportunity(
        provider, [city["interests"]["music"]], sessions=[OpportunitySession(start=start)]
    )
    html = get(client, page)
    assert 'datetime="2031-07-01T17:30:00+02:00"' in html
    assert "17:30" in html


def test_free_and_paid_opportunities_say_what_they_cost(client, city, provider):
    free = make_opportunity(provider, [city["interests"]["music"]])
    paid = make_opportunity(provider, [city["interests"]["music"]], is_free=False, price="20 EUR")
    assert "20 EUR" in get(client, paid)
    assert "20 EUR" not in get(client, free)


def test_registration_button_links_to_the_registration_page(client, city, provider):
    page = make_opportunity(
        provider, [city["interests"]["music"]], registration_url="https://register.example.org/x"
    )
    html = get(client, page)
    assert re.search(
        r'<a class="col-button col-button--primary" href="https://register\.example\.org/x"', html
    )


def test_ongoing_opportunity_has_no_calendar_download(client, city, provider):
    page = make_opportunity(provider, [city["interests"]["music"]], sessions=[], is_ongoing=True)
    html = get(client, page)
    assert 'href="' + page.url + 'ics/"' not in html
    assert client.get(page.url + "ics/").status_code == 404


def test_provider_page_lists_its_upcoming_opportunities_only(client, city, provider):
    from tests.factories import session

    upcoming = make_opportunity(provider, [city["interests"]["music"]], sessions=[session(5)])
    past = make_opportunity(provider, [city["interests"]["music"]], sessions=[session(-5)])
    draft = make_opportunity(provider, [city["interests"]["music"]], publish=False)
    html = get(client, provider)
    assert upcoming.title in html
    assert past.title not in html
    assert draft.title not in html
    assert provider.address in html


def test_provider_index_lists_live_providers(client, city, provider):
    html = get(client, city["index"])
    assert provider.title in html
    assert provider.short_description in html


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attrs.get("src"):
            self.urls.append(attrs["src"])
        # A page's canonical address and its translations' are named, not loaded.
        if (
            tag == "link"
            and attrs.get("href")
            and attrs.get("rel") not in ("canonical", "alternate")
        ):
            self.urls.append(attrs["href"])


@pytest.mark.parametrize("which", ["opportunity", "provider", "index"])
def test_public_pages_load_nothing_from_outside_hosts(client, city, provider, opportunity, which):
    page = {"opportunity": opportunity, "provider": provider, "index": city["index"]}[which]
    parser = _Assets()
    parser.feed(get(client, page))
    assert parser.urls, "the page loads its stylesheet"
    outside = [url for url in parser.urls if re.match(r"^(https?:)?//", url)]
    assert outside == []


def test_pages_have_landmarks_and_a_skip_link(client, opportunity):
    html = get(client, opportunity)
    assert '<a class="col-skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert re.search(r'<html lang="sl"', html)


def test_json_ld_is_valid_json_in_the_page(client, opportunity):
    html = get(client, opportunity)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    events = data if isinstance(data, list) else [data]
    assert {e["@type"] for e in events} == {"Event"}
