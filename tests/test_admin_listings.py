"""The core's admin listings in their own words: the places list names each place's city, an
empty list says so in a whole sentence, and the badge chooser asks for a badge."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from wagtail_cityoflearning.learners.steps.blocks import BadgeStepBlock, OpportunityStepBlock
from wagtail_cityoflearning.models.places import Place, PlaceKind

PLACES = "wagtailsnippets_wagtail_cityoflearning_place:list"


def in_slovenian(message) -> str:
    """What the Slovenian admin says: ``message`` from the catalogue."""
    with translation.override("sl"):
        return translation.gettext(message)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("urednica", "urednica@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sl"
    profile.save()
    client.force_login(user)
    return user


def add_place(site, name):
    place = Place(site=site, name=name, kind=PlaceKind.SQUARE)
    place.set_location(46.0514, 14.5060)
    place.save()
    return place


def test_the_places_list_names_each_places_city(client, editor, city):
    add_place(city["site"], "Prešernov trg")
    city["site"].site_name = "ljubljana.example.org"
    city["site"].save()

    body = client.get(reverse(PLACES)).content.decode()

    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Prešernov trg.*?</tr>", body, re.S)
    assert row, "the place is listed"
    cells = [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    ]
    assert "Ljubljana" in cells, "the city's name from its settings"
    assert "[" not in row.group(0) and "ljubljana.example.org" not in row.group(0)


def test_an_empty_places_list_says_so_in_a_whole_sentence(client, editor, city):
    body = client.get(reverse(PLACES)).content.decode()

    assert in_slovenian("There are no places yet.") in body
    assert in_slovenian("Add a place") in body
    assert "to display" not in body and "Why not" not in body


def test_the_badge_chooser_asks_for_a_badge_in_its_own_words(client, editor, city):
    chooser = reverse("wagtailsnippetchoosers_wagtail_cityoflearning_badges_badgeclass:choose")

    response = client.get(chooser)

    assert response.status_code == 200
    assert in_slovenian("Choose a badge") in response.json()["html"]


def test_the_badge_field_of_a_claim_code_offers_to_choose_a_badge(client, editor, city):
    body = client.get(reverse("cityoflearning_claim_codes:add")).content.decode()

    assert in_slovenian("Choose a badge") in body
    assert "Izberite značka" not in body, "not Wagtail's “Choose” glued to the model's name"


def test_a_playlist_steps_badge_field_offers_to_choose_a_badge(client, editor, city):
    """The badge of a playlist's step (and of a badge step) is chosen in the same words."""
    fields = [BadgeStepBlock().child_blocks["badge"], OpportunityStepBlock().child_blocks["badge"]]
    with translation.override("sl"):
        for field in fields:
            html = field.widget.render("badge", None, attrs={"id": "id_badge"})
            assert in_slovenian("Choose a badge") in html
            assert "Izberite značka" not in html
