"""The demo: two cities on one install, in their own languages, loaded idempotently."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from wagtail_cityoflearning.models import (
    CityOfLearningSettings,
    Interest,
    OpportunityPage,
    ProviderPage,
)

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module (it builds ~170 pages)."""
    with django_db_blocker.unblock():
        from django.db import transaction

        # Loaded inside an outer transaction that is rolled back when the module ends.
        atomic = transaction.atomic()
        atomic.__enter__()
        call_command("cityoflearning_demo", "--home-model", "home.HomePage", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def city_site(hostname):
    return Site.objects.get(hostname=hostname, port=8000)


@pytest.mark.parametrize(
    ("hostname", "language"), [("localhost", "sl"), ("cagliari.localhost", "it")]
)
def test_each_city_has_providers_and_upcoming_opportunities_in_its_language(
    demo, hostname, language
):
    site = city_site(hostname)
    home = site.root_page
    assert home.locale.language_code == language
    providers = ProviderPage.objects.descendant_of(home).live()
    opportunities = OpportunityPage.objects.descendant_of(home).live().upcoming()
    assert providers.count() >= 15
    assert opportunities.count() >= 60
    assert {p.locale.language_code for p in providers} == {language}
    assert all(p.latitude is not None for p in providers)
    assert Interest.objects.filter(locale=home.locale).count() >= 10


def test_ljubljana_is_the_default_site(demo):
    assert city_site("localhost").is_default_site
    assert not city_site("cagliari.localhost").is_default_site


def test_each_site_has_its_own_settings(demo):
    ljubljana = CityOfLearningSettings.for_site(city_site("localhost"))
    cagliari = CityOfLearningSettings.for_site(city_site("cagliari.localhost"))
    assert (ljubljana.city_name, ljubljana.timezone) == ("Ljubljana", "Europe/Ljubljana")
    assert (cagliari.city_name, cagliari.timezone) == ("Cagliari", "Europe/Rome")
    assert 45.9 < ljubljana.map_centre[0] < 46.2
    assert 39.1 < cagliari.map_centre[0] < 39.4


def test_opportunities_are_varied(demo):
    opportunities = OpportunityPage.objects.live()
    assert opportunities.filter(is_free=True).exists()
    assert opportunities.filter(is_free=False).exists()
    assert opportunities.filter(is_ongoing=True).exists()
    assert opportunities.filter(mode="online").exists()
    assert len(set(opportunities.values_list("opportunity_type", flat=True))) == 8


def content_snapshot():
    return (
        ProviderPage.objects.count(),
        OpportunityPage.objects.count(),
        Interest.objects.count(),
        Site.objects.count(),
        sorted(OpportunityPage.objects.values_list("pk", "starts_at", "latest_revision_id")),
    )


def test_running_the_demo_again_changes_nothing(demo):
    before = content_snapshot()
    call_command("cityoflearning_demo", "--home-model", "home.HomePage", stdout=io.StringIO())
    assert content_snapshot() == before


def test_cities_are_served_on_their_own_hosts_and_never_mix(demo, client):
    ljubljana = client.get("/providers/", HTTP_HOST="localhost:8000").content.decode()
    cagliari = client.get("/providers/", HTTP_HOST="cagliari.localhost:8000").content.decode()
    ljubljana_titles = set(
        ProviderPage.objects.descendant_of(city_site("localhost").root_page).values_list(
            "title", flat=True
        )
    )
    cagliari_titles = set(
        ProviderPage.objects.descendant_of(city_site("cagliari.localhost").root_page).values_list(
            "title", flat=True
        )
    )
    from django.utils.html import escape

    assert all(escape(t) in ljubljana for t in ljubljana_titles)
    assert not any(escape(t) in ljubljana for t in cagliari_titles)
    assert all(escape(t) in cagliari for t in cagliari_titles)
    assert '<html lang="sl"' in ljubljana
    assert '<html lang="it"' in cagliari


def test_every_demo_opportunity_page_renders(demo, client):
    site = city_site("cagliari.localhost")
    for page in OpportunityPage.objects.descendant_of(site.root_page).live()[:80]:
        response = client.get(page.url, HTTP_HOST="cagliari.localhost:8000")
        assert response.status_code == 200, page.url
