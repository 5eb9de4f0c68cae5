"""Where "Suggest an opportunity" is offered: under the map, under a map's empty list (filled
in with the search), on the learner's dashboard; and nowhere when the city takes none."""

import pytest
from django.urls import reverse

from tests.factories import make_city, make_opportunity, make_provider
from tests.learners.conftest import make_learner
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.models import OpportunityMapPage

HOST = {"HTTP_HOST": "localhost"}
SUGGEST = reverse("wagtail_cityoflearning_insight:suggest")
DASHBOARD = reverse("wagtail_cityoflearning_learners:dashboard")


@pytest.fixture
def map_page(db):
    city = make_city()
    provider = make_provider(city)
    make_opportunity(provider, [city["interests"]["science-technology"]], age_min=12, age_max=16)
    page = OpportunityMapPage(title="Zemljevid", slug="map")
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    page.city = city
    return page


def close_suggestions(site):
    settings = InsightSettings.for_site(site)
    settings.accepts_suggestions = False
    settings.save()


def test_the_map_offers_the_form_under_its_results(client, map_page):
    body = client.get(map_page.url, **HOST).content.decode()
    assert 'id="suggest-panel"' in body
    assert f'href="{SUGGEST}"' in body
    assert 'id="suggest-from-empty"' not in body  # the list is not empty


def test_an_empty_list_links_to_the_form_with_the_search_s_interest_and_age(client, map_page):
    url = f"{map_page.url}?interest=music&interest=sports&age=22"
    response = client.get(url, **HOST)
    assert response.context["result_count"] == 0
    body = response.content.decode()
    assert 'id="suggest-from-empty"' in body
    assert f"{SUGGEST}?interest=music&amp;age_band=19-24" in body


def test_the_list_the_map_s_script_fetches_has_the_link_too(client, map_page):
    response = client.get(
        f"{map_page.url}?age=40", HTTP_X_REQUESTED_WITH="cityoflearning-map", **HOST
    )
    body = response.content.decode()
    assert "<html" not in body
    assert f"{SUGGEST}?age_band=30-plus" in body


def test_invalid_filters_fill_in_nothing(client, map_page):
    response = client.get(f"{map_page.url}?age=abc&interest=nope&free=maybe", **HOST)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "age_band=" not in response.content.decode()


def test_the_learner_s_dashboard_offers_the_form(client, map_page):
    client.force_login(make_learner("maja@example.org", site=map_page.city["site"]))
    body = client.get(DASHBOARD, **HOST).content.decode()
    assert 'id="dashboard-suggest"' in body
    assert "wagtail_cityoflearning_insight/voice/voice.css" in body


def test_a_city_that_takes_no_suggestions_offers_none(client, map_page):
    close_suggestions(map_page.city["site"])
    for url in (map_page.url, f"{map_page.url}?age=40"):
        body = client.get(url, **HOST).content.decode()
        assert SUGGEST not in body
    client.force_login(make_learner("maja@example.org", site=map_page.city["site"]))
    assert SUGGEST not in client.get(DASHBOARD, **HOST).content.decode()
