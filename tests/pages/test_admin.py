"""Editors create providers and opportunities in the Wagtail admin and get clear errors."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from example_site.home.models import HomePage
from tests.factories import ProviderPageFactory, make_city
from wagtail_cityoflearning.models import (
    OpportunityPage,
    ProviderIndexPage,
    ProviderPage,
)


def provider_form_data(**overrides):
    data = {
        "title": "Kino Šiška",
        "slug": "kino-siska",
        "short_description": "Centre for urban culture.",
        "body": streamfield([("paragraph", rich_text("<p>Concerts and workshops.</p>"))]),
        "address": "Trg prekomorskih brigad 3, 1000 Ljubljana",
        "location": "SRID=4326;POINT(14.4896 46.0689)",
        "website": "https://www.kinosiska.si/",
        "social_links": inline_formset(
            [{"platform": "instagram", "url": "https://example.org/ks"}]
        ),
        "accessibility": "Step-free entrance.",
    }
    data.update(overrides)
    return nested_form_data(data)


def opportunity_form_data(interest_pages, **overrides):
    data = {
        "title": "Beatmaking for beginners",
        "slug": "beatmaking",
        "opportunity_type": "course",
        "summary": "Make your first beat on a laptop.",
        "body": streamfield(
            [
                (
                    "learning_outcomes",
                    {
                        "heading": "",
                        "items": streamfield([("item", "Rhythm"), ("item", "Sampling")]),
                    },
                )
            ]
        ),
        "interests": [i.pk for i in interest_pages],
        "skills": "music production, teamwork",
        "sessions": inline_formset([{"start": "2031-03-02 17:00", "end": "2031-03-02 19:00"}]),
        "earned_badges": inline_formset([]),  # the badges' app's panel on the page
        "mode": "in_person",
        "address": "Trg prekomorskih brigad 3, 1000 Ljubljana",
        "location": "SRID=4326;POINT(14.4896 46.0689)",
        "age_min": "15",
        "age_max": "19",
        "is_free": "on",
        "languages": ["sl", "en"],
        "capacity": "12",
        "registration_questions": streamfield([]),
    }
    data.update(overrides)
    if data.get("is_free") is None:
        del data["is_free"]
    # Multiple-choice fields post a list under one name (nested_form_data would number them).
    lists = {name: data.pop(name) for name in ("interests", "languages")}
    return {**nested_form_data(data), **lists}


class TestPageTree(WagtailPageTestCase):
    def test_provider_index_holds_only_providers(self):
        self.assertAllowedSubpageTypes(ProviderIndexPage, {ProviderPage})

    def test_providers_live_only_under_a_provider_index(self):
        self.assertAllowedParentPageTypes(ProviderPage, {ProviderIndexPage})

    def test_opportunities_live_only_under_a_provider(self):
        self.assertAllowedParentPageTypes(OpportunityPage, {ProviderPage})
        self.assertAllowedSubpageTypes(OpportunityPage, set())

    def test_provider_index_can_go_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, ProviderIndexPage)
        self.assertCanNotCreateAt(HomePage, OpportunityPage)


class TestCreateInAdmin(WagtailPageTestCase):
    def setUp(self):
        self.city = make_city()
        self.login()

    def test_editor_creates_a_provider_with_a_location(self):
        self.assertCanCreate(self.city["index"], ProviderPage, provider_form_data())
        page = ProviderPage.objects.get(slug="kino-siska")
        assert (page.latitude, page.longitude) == (46.0689, 14.4896)
        assert page.social_links.get().platform == "instagram"

    def test_editor_creates_an_opportunity_with_sessions_and_a_location(self):
        provider = ProviderPageFactory(parent=self.city["index"])
        interests = [self.city["interests"]["music"]]
        self.assertCanCreate(provider, OpportunityPage, opportunity_form_data(interests))
        page = OpportunityPage.objects.get(slug="beatmaking")
        assert page.latitude == 46.0689
        assert page.sessions.count() == 1
        assert page.starts_at.isoformat() == "2031-03-02T16:00:00+00:00"  # 17:00 in Ljubljana
        assert sorted(page.skills.names()) == ["music production", "teamwork"]
        assert list(page.interests.all()) == interests
        assert page.languages == ["sl", "en"]

    def test_interest_choices_are_in_the_pages_language(self):
        italian = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
        provider = ProviderPageFactory(parent=self.city["index"])
        url = reverse(
            "wagtailadmin_pages:add",
            args=("wagtail_cityoflearning", "opportunitypage", provider.pk),
        )
        html = self.client.get(url).content.decode()
        assert "Glasba" in html
        assert "Musica" not in html
        assert italian["interests"]["music"].name == "Musica"


def post_opportunity(client, parent, data):
    url = reverse(
        "wagtailadmin_pages:add", args=("wagtail_cityoflearning", "opportunitypage", parent.pk)
    )
    return client.post(url, data)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"age_min": "19", "age_max": "15"}, "age_max", "must not be below the minimum age"),
        ({"is_free": None, "price": ""}, "price", "Give the price"),
        ({"location": "", "address": "Somewhere 1"}, "location", "needs a location on the map"),
        ({"address": ""}, "address", "needs the venue’s address"),
        ({"mode": "online", "online_url": ""}, "online_url", "needs the link where people join"),
        ({"mode": "hybrid", "online_url": ""}, "online_url", "needs the link where people join"),
        ({"location": "somewhere nice"}, "location", "could not be read"),
        ({"interests": []}, "interests", "This field is required"),
        ({"sessions": inline_formset([])}, "is_ongoing", "Add at least one session"),
        (
            {"registration_deadline": "2031-03-05 10:00"},
            "registration_deadline",
            "after the last session starts",
        ),
    ],
)
def test_invalid_opportunity_gets_a_clear_field_error_and_nothing_is_saved(
    editor_client, city, overrides, field, message
):
    provider = ProviderPageFactory(parent=city["index"])
    data = opportunity_form_data([city["interests"]["music"]], **overrides)
    data["action-publish"] = "action-publish"
    response = post_opportunity(editor_client, provider, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    assert not OpportunityPage.objects.exists()


def test_session_ending_before_it_starts_is_refused(editor_client, city):
    provider = ProviderPageFactory(parent=city["index"])
    sessions = inline_formset([{"start": "2031-03-02 17:00", "end": "2031-03-02 16:00"}])
    data = opportunity_form_data([city["interests"]["music"]], sessions=sessions)
    response = post_opportunity(editor_client, provider, data)
    assert response.status_code == 200
    formset = response.context["form"].formsets["sessions"]
    assert "A session must end after it starts." in str(formset.errors)
    assert not OpportunityPage.objects.exists()


def test_online_opportunity_needs_no_address(editor_client, city):
    provider = ProviderPageFactory(parent=city["index"])
    data = opportunity_form_data(
        [city["interests"]["music"]],
        mode="online",
        address="",
        location="",
        online_url="https://meet.example.org/beats",
    )
    response = post_opportunity(editor_client, provider, data)
    assert response.status_code == 302
    page = OpportunityPage.objects.get()
    assert page.latitude is None and page.is_online


def test_ongoing_opportunity_needs_no_sessions(editor_client, city):
    provider = ProviderPageFactory(parent=city["index"])
    data = opportunity_form_data(
        [city["interests"]["music"]], sessions=inline_formset([]), is_ongoing="on"
    )
    assert post_opportunity(editor_client, provider, data).status_code == 302
    assert OpportunityPage.objects.get().is_ongoing


def test_admin_edit_page_loads_leaflet_from_the_package_not_a_cdn(editor_client, city):
    provider = ProviderPageFactory(parent=city["index"])
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(provider.pk,))).content
    html = html.decode()
    assert "wagtail_cityoflearning/vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html
    assert "leaflet-field" in html


def test_interests_snippet_is_listed_in_the_admin(editor_client, city):
    response = editor_client.get(reverse("wagtailsnippets_wagtail_cityoflearning_interest:list"))
    assert response.status_code == 200
    assert "Glasba" in response.content.decode()


def test_root_page_cannot_hold_a_provider_directly(db):
    assert not ProviderPage.can_create_at(Page())
