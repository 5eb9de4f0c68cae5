"""The public "Become a learning provider" form: what it stores, its errors, its limits."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import make_city
from tests.providers.language import slovenian_html
from tests.providers.onboarding_world import CAGLIARI, HOST
from wagtail_cityoflearning.providers.onboarding.models import ProviderRequest
from wagtail_cityoflearning.providers.settings import ProviderSettings

URL = reverse("wagtail_cityoflearning_providers:provider_request")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def data(city, **changes):
    values = {
        "organisation": "Mladinski center Vič",
        "contact_name": "Ana Kovač",
        "email": "ana@mc-vic.example.org",
        "phone": "",
        "website": "mc-vic.example.org",
        "address": "Tržaška cesta 2, Ljubljana",
        "location": "46.0469, 14.4892",
        "offer": "Robotics and film workshops every week.",
        "interests": [city["interests"]["science-technology"].pk],
        "homepage": "",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def test_the_form_shows_the_city_s_interests_in_its_language(client, city):
    response = client.get(URL, **HOST)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="provider-request-form"' in body
    assert city["interests"]["science-technology"].name in body
    assert 'name="homepage"' in body  # the honeypot
    assert "point-picker.js" in body and "leaflet.css" in body


def test_a_request_is_stored_for_the_city_with_its_point(client, city):
    response = client.post(URL, data(city), **HOST)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtail_cityoflearning_providers:provider_request_sent")
    stored = ProviderRequest.objects.get()
    assert stored.site == city["site"]
    assert stored.organisation == "Mladinski center Vič"
    assert stored.website == "https://mc-vic.example.org"
    assert stored.location == "SRID=4326;POINT(14.489200 46.046900)"
    assert list(stored.interests.all()) == [city["interests"]["science-technology"]]
    assert stored.status == ProviderRequest.Status.PENDING
    sent = client.get(response["Location"], **HOST)
    assert slovenian_html("Thank you, your request is on its way") in sent.content.decode()


def test_the_address_is_enough_without_the_map(client, city):
    response = client.post(URL, data(city, location=None, interests=None), **HOST)
    assert response.status_code == 302
    assert ProviderRequest.objects.get().location == ""


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"organisation": ""}, "organisation", "This field is required."),
        ({"address": "   "}, "address", "This field is required."),
        ({"location": "somewhere near the river"}, "location", "could not be read"),
        ({"location": "123, 456"}, "location", "could not be read"),
        ({"website": "javascript:alert(1)"}, "website", "Enter a valid URL."),
        ({"interests": ["999999"]}, "interests", "Select a valid choice."),
        ({"offer": "x" * 3001}, "offer", "at most 3000 characters"),
    ],
)
def test_bad_input_gets_form_errors_and_nothing_is_stored(client, city, changes, field, message):
    response = client.post(URL, data(city, **changes), **HOST)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert 'id="provider-request-errors"' in response.content.decode()
    assert not ProviderRequest.objects.exists()


def test_an_interest_of_another_city_cannot_be_chosen(client, city):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    other = cagliari["interests"]["science-technology"]
    response = client.post(URL, data(city, interests=[other.pk]), **HOST)
    assert response.status_code == 400
    assert not ProviderRequest.objects.exists()


def test_robots_that_fill_the_hidden_field_are_thanked_but_nothing_is_stored(client, city):
    response = client.post(URL, data(city, homepage="https://spam.example.com"), **HOST)
    assert response.status_code == 302
    assert not ProviderRequest.objects.exists()


def test_requests_from_one_address_are_limited(client, city, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"PROVIDER_REQUEST_MAX_PER_ADDRESS": 2}
    for number in range(2):
        assert (
            client.post(URL, data(city, organisation=f"Club {number}"), **HOST).status_code == 302
        )
    response = client.post(URL, data(city, organisation="One too many"), **HOST)
    assert response.status_code == 429
    throttled = slovenian_html(
        "Many requests have been sent from your connection. Wait an hour and try again, "
        "or write to the city."
    )
    assert throttled in response.content.decode()
    assert ProviderRequest.objects.count() == 2
    # Another address is not held up.
    other = client.post(
        URL, data(city, organisation="Elsewhere"), REMOTE_ADDR="203.0.113.9", **HOST
    )
    assert other.status_code == 302


def test_forms_sent_back_with_errors_do_not_count_against_the_limit(client, city, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"PROVIDER_REQUEST_MAX_PER_ADDRESS": 1}
    for _attempt in range(3):
        assert client.post(URL, data(city, email="wrong"), **HOST).status_code == 400
    assert client.post(URL, data(city), **HOST).status_code == 302


def test_a_city_that_takes_no_requests_says_so(client, city):
    provider_settings = ProviderSettings.for_site(city["site"])
    provider_settings.accepts_provider_requests = False
    provider_settings.save()
    closed = slovenian_html(
        "This city is not taking requests from new learning providers at the moment."
    )
    for response in (client.get(URL, **HOST), client.post(URL, data(city), **HOST)):
        assert response.status_code == 404
        assert closed in response.content.decode()
    assert not ProviderRequest.objects.exists()


def test_each_city_gets_its_own_requests_in_its_language(client, city):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    page = client.get(URL, **CAGLIARI)
    assert cagliari["interests"]["science-technology"].name in page.content.decode()
    response = client.post(
        URL,
        data(cagliari, interests=[cagliari["interests"]["science-technology"].pk]),
        **CAGLIARI,
    )
    assert response.status_code == 302
    assert ProviderRequest.objects.get().site == cagliari["site"]


def test_the_providers_page_and_the_footer_lead_to_the_form_while_it_is_open(client, city):
    page = client.get(city["index"].url, **HOST).content.decode()
    assert page.count(f'href="{URL}"') == 2  # below the providers, and in the footer
    provider_settings = ProviderSettings.for_site(city["site"])
    provider_settings.accepts_provider_requests = False
    provider_settings.save()
    page = client.get(city["index"].url, **HOST).content.decode()
    assert f'href="{URL}"' not in page
