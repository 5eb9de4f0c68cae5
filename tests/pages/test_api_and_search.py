"""Opportunities and providers through Wagtail's API v2 and search."""

from wagtail_cityoflearning.models import OpportunityPage, ProviderPage


def test_api_lists_opportunities_with_their_fields(client, opportunity):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "wagtail_cityoflearning.OpportunityPage",
            "fields": "summary,latitude,longitude,interests,sessions,is_free,age_min,age_max",
        },
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["title"] == opportunity.title
    assert item["latitude"] == opportunity.latitude
    assert {i["slug"] for i in item["interests"]} == {"science-technology", "digital-skills"}
    assert all(set(i) == {"id", "name", "slug", "colour", "icon"} for i in item["interests"])
    assert len(item["sessions"]) == 2
    assert item["age_min"] == 13


def test_api_shows_provider_contact_and_location(client, provider):
    response = client.get(
        f"/api/v2/pages/{provider.pk}/",
    )
    data = response.json()
    assert data["address"] == provider.address
    assert data["website"] == provider.website
    assert data["latitude"] == provider.latitude


def test_search_finds_opportunities_by_summary_and_filters_by_mode(opportunity):
    results = OpportunityPage.objects.live().search("robots")
    assert opportunity in list(results)
    assert list(OpportunityPage.objects.live().filter(mode="online").search("robots")) == []


def test_search_finds_providers_by_description(provider):
    assert provider in list(ProviderPage.objects.live().search("meet make learn"))


def test_a_nul_character_in_the_api_query_is_a_400_with_a_message(client, opportunity):
    """PostgreSQL cannot compare NUL in text: Wagtail's own endpoint ends such a query in a
    database error there. The package's endpoint refuses it before any query."""
    for path, params in (
        ("/api/v2/pages/find/", {"html_path": "\x00"}),
        ("/api/v2/pages/", {"slug": "robots\x00"}),
        ("/api/v2/pages/", {"search": "\x00"}),
        (f"/api/v2/pages/{opportunity.pk}/", {"fields": "title\x00"}),
    ):
        response = client.get(path, params)
        assert response.status_code == 400, (path, params)
        assert "NUL" in response.json()["message"]
    assert client.get("/api/v2/pages/find/", {"html_path": opportunity.url}).status_code == 302
