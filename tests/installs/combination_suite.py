"""What a site with only some of the package's apps sees: run by ``test_app_combinations.py``
with ``tests.settings_core`` (the core alone) and ``tests.settings_badges`` (core and badges),
each in its own process, on a database migrated with just those apps."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_opportunity
from wagtail_cityoflearning.models.map_page import OpportunityMapPage
from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.models.providers import ProviderPage

BADGES = apps.is_installed("wagtail_cityoflearning.badges")

pytestmark = pytest.mark.django_db


def test_the_site_checks_and_its_migrations_are_complete():
    assert not apps.is_installed("wagtail_cityoflearning.learners")
    call_command("check", fail_level="ERROR")
    # --check exits with an error when a model has changes no migration holds
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_public_pages_and_the_map_answer(client, city, provider, opportunity):
    map_page = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=map_page)
    map_page.save_revision().publish()
    for url in (opportunity.url, provider.url, map_page.url):
        response = client.get(url)
        assert response.status_code == 200, url
    html = client.get(opportunity.url).content.decode()
    assert opportunity.title in html and "badge-heading" not in html
    feed = client.get(map_page.url + "geojson/")
    assert feed.status_code == 200
    assert [f["properties"]["title"] for f in feed.json()["features"]] == [opportunity.title]


def test_editors_create_opportunities_and_providers_offer_only_what_is_installed(
    client, city, provider
):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    add = reverse(
        "wagtailadmin_pages:add", args=("wagtail_cityoflearning", "opportunitypage", provider.pk)
    )
    response = client.get(add)
    assert response.status_code == 200
    assert ("earned_badges" in response.content.decode()) is BADGES
    allowed = {m._meta.label for m in ProviderPage.clean_subpage_models()}
    assert allowed == {"wagtail_cityoflearning.OpportunityPage"}
    choose = client.get(reverse("wagtailadmin_pages:add_subpage", args=(provider.pk,)))
    assert choose.status_code in (200, 302)


def test_the_roles_grant_only_what_the_site_has(city, provider):
    call_command("cityoflearning_roles", verbosity=0)
    from django.contrib.auth.models import Group

    labels = set(
        Group.objects.filter(permissions__isnull=False).values_list(
            "permissions__content_type__app_label", flat=True
        )
    )
    assert ("wagtail_cityoflearning_badges" in labels) is BADGES
    assert "wagtail_cityoflearning_learners" not in labels


@pytest.mark.skipif(not BADGES, reason="the badge an opportunity awards needs the badges' app")
def test_an_opportunity_names_the_badge_it_awards(client, city, provider):
    from tests.badges.conftest import make_badge_class
    from wagtail_cityoflearning.badges.models import Issuer, OpportunityBadge

    issuer = Issuer.objects.create(
        name="Mladinski center",
        url="https://example.org",
        email="info@example.org",
        site=city["site"],
    )
    badge = make_badge_class(issuer)
    page = make_opportunity(provider, [city["interests"]["arts"]])
    OpportunityBadge.objects.create(page=page, badge_class=badge)
    html = client.get(page.url).content.decode()
    assert "badge-heading" in html and f"/badges/classes/{badge.uuid}/" in html


def test_removing_the_content_leaves_no_page_of_the_package(city, provider, opportunity):
    call_command("cityoflearning_remove_content", interactive=False, verbosity=0)
    assert not OpportunityPage.objects.exists() and not ProviderPage.objects.exists()
