"""The public "Suggest an opportunity" form: what it stores (and what it never stores), its
errors, its honeypot, its limit per address, and a city that takes no suggestions."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time

from tests.factories import make_city
from tests.insight.voice_world import CAGLIARI, HOST
from tests.learners.conftest import make_learner
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.voice.forms import SuggestionForm
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

URL = reverse("wagtail_cityoflearning_insight:suggest")
SENT = reverse("wagtail_cityoflearning_insight:suggestion_sent")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def city(db):
    city = make_city()
    settings = InsightSettings.for_site(city["site"])
    settings.neighbourhoods = "Šiška\nFužine\nMoste"
    settings.save()
    return city


def data(**changes):
    values = {
        "kind": "learn",
        "text": "Tečaj snemanja videov po šoli.",
        "interest": "media-communication",
        "where": "area:Fužine",
        "when": "weekdays",
        "age_band": "13-15",
        "place_name": "",
        "place_address": "",
        "place_website": "",
        "homepage": "",
    }
    values.update(changes)
    return values


def test_the_form_offers_the_city_s_interests_and_neighbourhoods_and_says_it_is_anonymous(
    client, city
):
    response = client.get(URL, **HOST)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="suggestion-form"' in body
    assert city["interests"]["music"].name in body
    assert '<option value="area:Fužine">Fužine</option>' in body
    assert 'id="suggestion-anonymous"' in body
    assert 'name="homepage"' in body  # the honeypot
    for field in ("email", "name", "phone"):
        assert f'name="{field}"' not in body
    assert "wagtail_cityoflearning_insight/voice/voice.css" in body


def test_the_map_s_search_fills_in_the_interest_and_the_age_band(client, city):
    response = client.get(URL + "?interest=music&age=17", **HOST)
    form = response.context["form"]
    assert form["interest"].value() == "music"
    assert form["age_band"].value() == "16-18"


def test_odd_query_values_are_ignored(client, city):
    response = client.get(URL + "?interest=x" + "y" * 300 + "&age=99999999999999999999", **HOST)
    assert response.status_code == 200
    assert "age_band" not in response.context["form"].initial


def test_a_suggestion_is_stored_for_the_city_and_thanks(client, city):
    response = client.post(URL, data(), **HOST)
    assert response.status_code == 302
    assert response["Location"] == SENT
    stored = Suggestion.objects.get()
    assert stored.site == city["site"]
    assert stored.text == "Tečaj snemanja videov po šoli."
    assert stored.interest == city["interests"]["media-communication"]
    assert (stored.where, stored.neighbourhood) == ("neighbourhood", "Fužine")
    assert (stored.when, stored.age_band) == ("weekdays", "13-15")
    assert stored.status == Suggestion.Status.NEW
    thanks = client.get(SENT, **HOST)
    assert 'id="suggestion-sent"' in thanks.content.decode()


def test_a_missing_place_keeps_its_name_address_and_website(client, city):
    client.post(
        URL,
        data(
            kind="place",
            text="Boksarski klub na Rudniku manjka.",
            where="anywhere",
            place_name="BK Rudnik",
            place_address="Jurčkova cesta 1",
            place_website="bk-rudnik.example.org",
        ),
        **HOST,
    )
    stored = Suggestion.objects.get()
    assert stored.kind == Suggestion.Kind.PLACE
    assert (stored.where, stored.neighbourhood) == ("anywhere", "")
    assert stored.place_name == "BK Rudnik"
    assert stored.place_website == "https://bk-rudnik.example.org"


def test_only_the_text_and_the_kind_are_needed(client, city):
    response = client.post(URL, {"kind": "learn", "text": "Šah zvečer."}, **HOST)
    assert response.status_code == 302
    stored = Suggestion.objects.get()
    assert (stored.interest, stored.where, stored.when, stored.age_band) == (None, "", "", "")


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, city):
    response = client.post(
        URL, data(text="   ", where="area:Atlantis", place_website="not a site"), **HOST
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="suggestion-errors"' in body
    form = response.context["form"]
    assert set(form.errors) == {"text", "where", "place_website"}
    assert form["interest"].value() == "media-communication"
    assert form["when"].value() == "weekdays"
    assert not Suggestion.objects.exists()


def test_a_text_longer_than_500_characters_is_refused(client, city):
    response = client.post(URL, data(text="a" * 501), **HOST)
    assert response.status_code == 400
    assert "text" in response.context["form"].errors
    assert not Suggestion.objects.exists()


def test_each_city_offers_its_own_interests_and_neighbourhoods(client, city):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    refused = client.post(URL, data(), **CAGLIARI)
    assert refused.status_code == 400
    assert "where" in refused.context["form"].errors  # Cagliari has no Fužine
    assert client.post(URL, data(where="online"), **CAGLIARI).status_code == 302
    stored = Suggestion.objects.get()
    assert stored.site == cagliari["site"]
    assert stored.interest == cagliari["interests"]["media-communication"]


def test_the_honeypot_thanks_robots_and_stores_nothing(client, city):
    response = client.post(URL, data(homepage="https://spam.example.com"), **HOST)
    assert response.status_code == 302
    assert response["Location"] == SENT
    assert not Suggestion.objects.exists()


def test_an_address_is_limited_and_only_a_keyed_hash_of_it_reaches_the_cache(
    client, city, settings
):
    settings.WAGTAIL_CITYOFLEARNING = {"SUGGESTION_MAX_PER_ADDRESS": 2}
    address = {"REMOTE_ADDR": "203.0.113.7"}
    for _ in range(2):
        assert client.post(URL, data(), **HOST, **address).status_code == 302
    response = client.post(URL, data(text="Še ena."), **HOST, **address)
    assert response.status_code == 429
    assert 'id="suggestion-throttled"' in response.content.decode()
    assert Suggestion.objects.count() == 2
    # Another address may still send.
    other = client.post(URL, data(), **HOST, REMOTE_ADDR="203.0.113.8")
    assert other.status_code == 302
    keys = list(cache._cache.keys()) if hasattr(cache, "_cache") else []
    assert keys and not any("203.0.113" in key for key in keys)


def test_errors_do_not_count_towards_the_limit(client, city, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"SUGGESTION_MAX_PER_ADDRESS": 1}
    for _ in range(3):
        assert client.post(URL, data(text=""), **HOST).status_code == 400
    assert client.post(URL, data(), **HOST).status_code == 302


def test_a_city_that_takes_no_suggestions_answers_404_with_a_message(client, city):
    settings = InsightSettings.for_site(city["site"])
    settings.accepts_suggestions = False
    settings.save()
    for response in (client.get(URL, **HOST), client.post(URL, data(), **HOST)):
        assert response.status_code == 404
        assert 'id="suggestions-closed"' in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_signed_in_learner_s_suggestion_stays_anonymous(client, city):
    learner = make_learner("maja@example.org", site=city["site"])
    client.force_login(learner)
    assert client.post(URL, data(), **HOST).status_code == 302
    stored = Suggestion.objects.get()
    values = [str(getattr(stored, field.attname)) for field in Suggestion._meta.concrete_fields]
    assert not any("maja" in value for value in values)
    assert stored.decided_by is None


def test_the_model_has_no_field_for_who_sent_a_suggestion():
    names = {field.name for field in Suggestion._meta.get_fields()}
    for personal in ("user", "email", "name", "ip", "ip_address", "session", "user_agent"):
        assert personal not in names
    # The day, not the moment: nothing to match against a server's logs.
    assert Suggestion._meta.get_field("created_on").get_internal_type() == "DateField"
    # Only the editor who handled it points at a user.
    user_fields = [
        field.name
        for field in Suggestion._meta.concrete_fields
        if field.is_relation and field.related_model._meta.label == "auth.User"
    ]
    assert user_fields == ["decided_by"]


def test_a_class_on_one_school_network_can_send_twenty(client, city):
    for n in range(20):
        response = client.post(URL, data(text=f"Ideja {n}."), **HOST, REMOTE_ADDR="198.51.100.4")
        assert response.status_code == 302
    assert Suggestion.objects.count() == 20
    response = client.post(URL, data(text="Ena preveč."), **HOST, REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 429


def test_a_suggestion_is_dated_by_the_city_s_day(client, city, settings):
    settings.TIME_ZONE = "UTC"
    city_settings = CityOfLearningSettings.for_site(city["site"])
    city_settings.timezone = "Pacific/Kiritimati"  # fourteen hours ahead of UTC
    city_settings.save()
    with freeze_time("2026-03-01 20:00:00+00:00"):  # 2 March, 10:00 in the city
        assert client.post(URL, data(), **HOST).status_code == 302
    assert Suggestion.objects.get().created_on == dt.date(2026, 3, 2)


# The help text of the suggestion, as each catalogue has it (the .po files' msgstr).
TEXT_HELP = {
    "sl": "Česa se želiš naučiti ali kaj želiš početi? Ali kateri kraj ali krožek manjka na "
    "zemljevidu? Največ 500 znakov.",
    "it": "Cosa ti piacerebbe imparare o fare? Oppure quale luogo o club manca sulla mappa? "
    "Fino a 500 caratteri.",
    "en": "What would you like to learn or do? Or which place or club is missing from the map? "
    "Up to 500 characters.",
}


def test_the_help_of_the_suggestion_speaks_the_city_s_language(client, city):
    make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    ljubljana = client.get(URL, **HOST).content.decode()
    assert TEXT_HELP["sl"] in ljubljana
    assert TEXT_HELP["en"] not in ljubljana
    cagliari = client.get(URL, **CAGLIARI).content.decode()
    assert TEXT_HELP["it"] in cagliari
    for language, expected in TEXT_HELP.items():
        with translation.override(language):
            form = SuggestionForm(site=city["site"])
            assert form["text"].help_text == expected
            assert expected in form.as_div()
