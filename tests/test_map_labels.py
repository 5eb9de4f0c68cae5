"""The small maps (an opportunity's and a provider's location) and the admin's location picker
name Leaflet's controls and credit the tiles in the page's language, with the same words as
the opportunity map."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from wagtail.users.models import UserProfile

from tests.factories import ProviderPageFactory, make_city, make_opportunity
from wagtail_cityoflearning.map.labels import OSM_COPYRIGHT, control_labels, tile_attribution
from wagtail_cityoflearning.models import CityOfLearningSettings

CONTROL_WORDS = {
    "zoomIn": "Zoom in",
    "zoomOut": "Zoom out",
    "leaflet": "Leaflet, a JavaScript library for interactive maps",
}


@pytest.fixture
def ljubljana(db):
    return make_city()


def in_slovenian(message: str) -> str:
    with translation.override("sl"):
        return translation.gettext(message)


def slovenian_attribution() -> str:
    link = format_html('<a href="{}">OpenStreetMap</a>', OSM_COPYRIGHT)
    return in_slovenian("© {link} contributors").format(link=link)


def small_map_labels(response) -> tuple[dict, BeautifulSoup]:
    """The labels rendered beside the page's location map."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    figure = soup.select_one("figure.col-location")
    assert figure is not None, "the page shows a location map"
    assert figure.select_one("[data-col-location-map]") is not None
    script = figure.find("script", attrs={"type": "application/json"})
    assert script is not None, "the map's labels are beside it"
    return json.loads(script.string), soup


@pytest.mark.parametrize("kind", ["opportunity", "provider"])
def test_a_location_map_gets_the_slovenian_names_of_its_controls(client, ljubljana, kind):
    provider = ProviderPageFactory(parent=ljubljana["index"])
    page = provider
    if kind == "opportunity":
        page = make_opportunity(provider, [ljubljana["interests"]["music"]])
    labels, soup = small_map_labels(client.get(page.url))
    assert soup.html["lang"] == "sl"
    for key, message in CONTROL_WORDS.items():
        assert labels[key] == in_slovenian(message)
        assert labels[key] != message
    assert labels["attribution"] == slovenian_attribution()
    assert "contributors" not in labels["attribution"]


def test_a_citys_own_attribution_is_shown_as_it_is(client, ljubljana):
    settings = CityOfLearningSettings.for_site(ljubljana["site"])
    settings.tile_url = "/tiles/{z}/{x}/{y}.png"
    settings.tile_attribution = "Tiles by the City of Ljubljana"
    settings.save()
    provider = ProviderPageFactory(parent=ljubljana["index"])
    labels, _soup = small_map_labels(client.get(provider.url))
    assert labels["attribution"] == "Tiles by the City of Ljubljana"
    assert labels["zoomIn"] == in_slovenian("Zoom in")


def test_the_admin_location_picker_names_its_controls_in_the_editors_language(
    client, django_user_model, ljubljana
):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sl"
    profile.save()
    client.force_login(editor)
    provider = ProviderPageFactory(parent=ljubljana["index"])
    url = reverse(
        "wagtailadmin_pages:add", args=("wagtail_cityoflearning", "opportunitypage", provider.pk)
    )
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "sl"
    element = soup.select_one("[data-controller=col-location-picker]")
    options = json.loads(element["data-col-location-picker-options-value"])
    for key, message in CONTROL_WORDS.items():
        assert options["labels"][key] == in_slovenian(message)
        assert options["labels"][key] != message
    assert options["tileOptions"]["attribution"] == slovenian_attribution()


def test_the_labels_follow_the_active_language():
    with translation.override("it"):
        italian = control_labels("")
    with translation.override("en"):
        english = control_labels("")
    assert english["zoomIn"] == "Zoom in"
    assert italian["zoomIn"] not in {"", "Zoom in"}
    assert italian["closePopup"] not in {"", "Close"}
    assert tile_attribution("") == ""  # no attribution is not replaced by the default one
