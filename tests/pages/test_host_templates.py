"""The package's pages in a host site's own base template: the contract, its check and the result."""

from pathlib import Path

import pytest
from django.core.checks import Warning as CheckWarning

from wagtail_cityoflearning.badges.checks import check_issuing_sites
from wagtail_cityoflearning.checks import check_base_template

HOST_TEMPLATES = Path(__file__).with_name("host_templates")


@pytest.fixture
def host_base(settings):
    """Use one of ``host_templates/`` as the site's ``base.html``."""

    def use(name):
        settings.TEMPLATES = [
            {
                **settings.TEMPLATES[0],
                "DIRS": [HOST_TEMPLATES],
            }
        ]
        settings.WAGTAIL_CITYOFLEARNING = {
            **getattr(settings, "WAGTAIL_CITYOFLEARNING", {}),
            "BASE_TEMPLATE": name,
        }

    return use


def ids(messages):
    return sorted(message.id for message in messages)


def test_the_package_base_template_meets_the_contract():
    assert check_base_template() == []


def test_a_stock_base_template_is_reported_with_what_to_add(host_base):
    host_base("stock_base.html")
    messages = check_base_template()
    assert ids(messages) == [
        "wagtail_cityoflearning.W001",
        "wagtail_cityoflearning.W002",
        "wagtail_cityoflearning.W003",
    ]
    assert all(isinstance(message, CheckWarning) for message in messages)
    missing_blocks = next(m for m in messages if m.id.endswith("W002")).msg
    assert "extra_head" in missing_blocks and "breadcrumbs" in missing_blocks
    assert "content (" not in missing_blocks  # the stock template has it
    assert "{% cityoflearning_head %}" in messages[0].hint


def test_a_stock_base_template_with_the_documented_lines_passes(host_base):
    host_base("host_base.html")
    assert check_base_template() == []


def test_a_base_template_that_cannot_load_is_an_error(host_base):
    host_base("no-such-base.html")
    assert ids(check_base_template()) == ["wagtail_cityoflearning.E003"]


def head_of(response) -> str:
    html = response.content.decode()
    return html[: html.index("</head>")]


@pytest.mark.django_db
def test_an_opportunity_in_the_host_template_has_its_styles_map_and_json_ld(
    host_base, client, opportunity
):
    host_base("host_base.html")
    response = client.get(opportunity.url)
    assert response.status_code == 200
    head = head_of(response)
    for path in (
        "wagtail_cityoflearning/css/cityoflearning.css",
        "wagtail_cityoflearning/vendor/leaflet/leaflet.css",
        "css/mysite.css",  # the host's own stylesheet stays
    ):
        assert path in head
    assert '<script type="application/ld+json">' in head
    body = response.content.decode()[len(head) :]
    assert '<main id="main"' in body and 'class="col-breadcrumbs' in body.split("</main>")[0]
    assert "data-col-location-map" in body and "vendor/leaflet/leaflet.js" in body


@pytest.mark.django_db
def test_the_map_page_head_carries_the_cluster_styles_once(client, city, opportunity):
    from wagtail_cityoflearning.models import OpportunityMapPage

    map_page = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=map_page)
    head = head_of(client.get(map_page.url))
    assert head.count("MarkerCluster.Default.css") == 1
    assert head.count("leaflet/leaflet.css") == 1
    assert head.count("css/cityoflearning.css") == 1


@pytest.mark.django_db
def test_a_provider_without_a_place_loads_no_map_styles(client, provider):
    provider.location = ""
    provider.save_revision().publish()
    head = head_of(client.get(provider.url))
    assert "leaflet.css" not in head
    assert "css/cityoflearning.css" in head


@pytest.mark.django_db
def test_an_issuing_site_on_a_development_address_is_reported(city):
    from wagtail_cityoflearning.badges.models import Issuer

    Issuer.objects.create(
        name="Mesto učenja", url="https://ljubljana.example.org/", site=city["site"]
    )
    assert check_issuing_sites(databases=None) == []  # plain `check` reads no database
    messages = check_issuing_sites(databases=["default"])
    assert ids(messages) == ["wagtail_cityoflearning.W004"]
    assert "localhost:80" in messages[0].msg

    site = city["site"]
    site.hostname, site.port = "ucenje.ljubljana.si", 443
    site.save()
    assert check_issuing_sites(databases=["default"]) == []
    site.port = 8000
    site.save()
    assert ids(check_issuing_sites(databases=["default"])) == ["wagtail_cityoflearning.W004"]


@pytest.mark.django_db
def test_sites_that_issue_no_badges_are_not_reported(city):
    assert check_issuing_sites(databases=["default"]) == []


def test_a_map_cache_local_to_each_process_is_reported_for_deployment(settings):
    from wagtail_cityoflearning.checks import check_shared_map_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert ids(check_shared_map_cache()) == ["wagtail_cityoflearning.W005"]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache"},
    }
    settings.WAGTAIL_CITYOFLEARNING = {
        **getattr(settings, "WAGTAIL_CITYOFLEARNING", {}),
        "MAP_CACHE": "shared",
    }
    assert check_shared_map_cache() == []
