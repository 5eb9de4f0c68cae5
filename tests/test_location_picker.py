"""The admin's location picker: where it starts, what a new opportunity gets from its
provider, what its help text promises, and that the box it shows is the point that is saved."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import ProviderPageFactory, make_city, make_opportunity
from tests.pages.test_admin import opportunity_form_data
from wagtail_cityoflearning.blocks import LocationBlock
from wagtail_cityoflearning.models import CityOfLearningSettings, OpportunityPage
from wagtail_cityoflearning.panels import (
    LocationPickerWidget,
    format_typed_point,
    location_help_text,
    parse_typed_point,
)

CAGLIARI_CENTRE = (39.2238, 9.1217)
PROVIDER_POINT = "SRID=4326;POINT(9.109200 39.217600)"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def cagliari(db):
    """Cagliari beside Ljubljana (the default site), with its own map centre."""
    make_city()
    city = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    settings = CityOfLearningSettings.for_site(city["site"])
    settings.map_centre_latitude, settings.map_centre_longitude = CAGLIARI_CENTRE
    settings.map_zoom = 14
    settings.save()
    return city


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=("wagtail_cityoflearning", "opportunitypage", parent.pk)
    )


def picker(client, url) -> dict:
    """What the editor gets: the box's value, the map's options, the help text, the address."""
    response = client.get(url, HTTP_HOST="cagliari.localhost")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    element = soup.select_one("[data-controller=col-location-picker]")
    assert element is not None, "the location picker is on the page"
    box = element.select_one("input[name=location]")
    help_id = box["aria-describedby"]
    return {
        "box": box.get("value", ""),
        "options": json.loads(element["data-col-location-picker-options-value"]),
        "help": soup.find(id=help_id).get_text(" ", strip=True),
        "address": soup.select_one("input[name=address]").get("value", ""),
        "message": element.select_one(".col-location-picker__message").get_text(strip=True),
        "label": soup.find("label", attrs={"for": box["id"]}),
        "language": soup.html["lang"],
    }


def start(options) -> tuple[float, float]:
    return options["start"]["lat"], options["start"]["lng"]


# -- where the map starts --------------------------------------------------------------


def test_new_opportunity_under_a_provider_gets_its_address_and_point(editor, cagliari):
    provider = ProviderPageFactory(
        parent=cagliari["index"], address="Via Roma 1, Cagliari", location=PROVIDER_POINT
    )
    shown = picker(editor, add_url(provider))
    assert shown["box"] == "39.2176, 9.1092"
    assert shown["address"] == "Via Roma 1, Cagliari"
    assert start(shown["options"]) == (39.2176, 9.1092)
    assert provider.title in shown["message"]  # says where the point came from
    assert shown["options"]["provider"]["address"] == "Via Roma 1, Cagliari"
    assert shown["label"] is not None


def test_an_opportunity_with_a_point_starts_at_it(editor, cagliari):
    provider = ProviderPageFactory(parent=cagliari["index"], location=PROVIDER_POINT)
    page = make_opportunity(
        provider, [cagliari["interests"]["music"]], location="SRID=4326;POINT(9.13 39.21)"
    )
    shown = picker(editor, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert shown["box"] == "39.21, 9.13"
    assert shown["message"] == ""  # nothing was filled in


def test_an_opportunity_without_a_point_starts_at_its_provider_with_an_empty_box(editor, cagliari):
    provider = ProviderPageFactory(parent=cagliari["index"], location=PROVIDER_POINT)
    page = make_opportunity(
        provider,
        [cagliari["interests"]["music"]],
        mode="online",
        location="",
        address="",
        online_url="https://meet.example.org/",
    )
    shown = picker(editor, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert shown["box"] == ""  # no default shown that would not be saved
    assert start(shown["options"]) == (39.2176, 9.1092)


def test_without_a_provider_point_the_map_starts_at_the_citys_centre(editor, cagliari):
    provider = ProviderPageFactory(parent=cagliari["index"], location="", address="")
    shown = picker(editor, add_url(provider))
    assert shown["box"] == ""
    assert shown["address"] == ""
    assert start(shown["options"]) == CAGLIARI_CENTRE
    assert shown["options"]["start"]["zoom"] == 14
    assert shown["options"]["provider"] is None


def test_a_provider_starts_at_the_citys_centre(editor, cagliari):
    shown = picker(
        editor,
        reverse(
            "wagtailadmin_pages:add",
            args=("wagtail_cityoflearning", "providerpage", cagliari["index"].pk),
        ),
    )
    assert shown["box"] == ""
    assert start(shown["options"]) == CAGLIARI_CENTRE


@override_settings(WAGTAIL_CITYOFLEARNING={"DEFAULT_MAP_CENTRE": (40.0, 9.0)})
def test_a_city_without_a_centre_uses_the_packages_default(editor, cagliari):
    settings = CityOfLearningSettings.for_site(cagliari["site"])
    settings.map_centre_latitude = settings.map_centre_longitude = None
    settings.save()
    provider = ProviderPageFactory(parent=cagliari["index"], location="", address="")
    assert start(picker(editor, add_url(provider))["options"]) == (40.0, 9.0)


# -- help text -------------------------------------------------------------------------


def test_help_text_promises_no_address_lookup_without_a_geocoder(editor, cagliari):
    provider = ProviderPageFactory(parent=cagliari["index"])
    shown = picker(editor, add_url(provider))
    with translation.override(shown["language"]):
        assert str(location_help_text()) in shown["help"]
    with translation.override("en"):
        help_text = str(location_help_text())
    assert "Click the map" in help_text and "latitude and longitude" in help_text
    assert "address" not in help_text


@override_settings(WAGTAIL_CITYOFLEARNING={"GEOCODER": "nominatim"})
def test_help_text_mentions_the_lookup_when_a_geocoder_is_set(editor, cagliari):
    provider = ProviderPageFactory(parent=cagliari["index"])
    shown = picker(editor, add_url(provider))
    with translation.override(shown["language"]):
        assert str(location_help_text()) in shown["help"]
    with translation.override("en"):
        assert "Type the address above to find it on the map" in str(location_help_text())


# -- what is shown is what is saved ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("39.2238, 9.1217", (39.2238, 9.1217)),
        ("39.2238,9.1217", (39.2238, 9.1217)),
        ("39,2238; 9,1217", (39.2238, 9.1217)),
        ("SRID=4326;POINT(9.1217 39.2238)", (39.2238, 9.1217)),
    ],
)
def test_the_typed_point_is_saved(editor, cagliari, typed, stored):
    provider = ProviderPageFactory(parent=cagliari["index"], location=PROVIDER_POINT)
    data = opportunity_form_data([cagliari["interests"]["music"]], location=typed)
    response = editor.post(add_url(provider), data, HTTP_HOST="cagliari.localhost")
    assert response.status_code == 302, response.context["form"].errors
    page = OpportunityPage.objects.get()
    assert (page.latitude, page.longitude) == stored
    shown = picker(editor, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert shown["box"] == "39.2238, 9.1217"


def test_the_prefilled_point_is_saved_as_shown(editor, cagliari):
    provider = ProviderPageFactory(parent=cagliari["index"], location=PROVIDER_POINT)
    shown = picker(editor, add_url(provider))
    data = opportunity_form_data(
        [cagliari["interests"]["music"]], location=shown["box"], address=shown["address"]
    )
    response = editor.post(add_url(provider), data, HTTP_HOST="cagliari.localhost")
    assert response.status_code == 302
    page = OpportunityPage.objects.get()
    assert page.location == PROVIDER_POINT
    assert (
        picker(editor, reverse("wagtailadmin_pages:edit", args=(page.pk,)))["box"] == (shown["box"])
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "needs a location on the map"),
        ("somewhere by the sea", "could not be read"),
        ("139.2, 9.1", "could not be read"),
        ("39.2", "could not be read"),
    ],
)
def test_a_missing_or_unreadable_point_is_a_clear_error_and_stays_in_the_box(
    editor, cagliari, typed, message
):
    provider = ProviderPageFactory(parent=cagliari["index"], location=PROVIDER_POINT)
    data = opportunity_form_data([cagliari["interests"]["music"]], location=typed)
    response = editor.post(add_url(provider), data, HTTP_HOST="cagliari.localhost")
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors["location"])
    html = response.content.decode()
    box = BeautifulSoup(html, "html.parser").select_one("input[name=location]")
    assert box.get("value", "") == typed  # the box keeps what was sent, no default
    assert not OpportunityPage.objects.exists()


# -- the widget and the block --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("39.2238, 9.1217", (39.2238, 9.1217)),
        (" -33.5 151.25 ", (-33.5, 151.25)),
        ("39,2238;9,1217", (39.2238, 9.1217)),
        ("SRID=4326;POINT(9.1217 39.2238)", (39.2238, 9.1217)),
        ("", None),
        (None, None),
    ],
)
def test_typed_points_are_read(text, point):
    assert parse_typed_point(text) == point


@pytest.mark.parametrize("text", ["39.2", "a, b", "91, 9", "39, 181", "1, 2, 3", "POINT(1)"])
def test_what_is_not_a_point_is_refused(text):
    with pytest.raises(ValueError):
        parse_typed_point(text)


def test_the_widget_shows_the_stored_point_and_reads_it_back():
    widget = LocationPickerWidget()
    assert widget.format_value("SRID=4326;POINT(9.121700 39.223800)") == "39.2238, 9.1217"
    assert widget.format_value("") is None
    read = widget.value_from_datadict({"location": "39.2238, 9.1217"}, {}, "location")
    assert read == "SRID=4326;POINT(9.121700 39.223800)"
    assert widget.value_from_datadict({"location": " "}, {}, "location") == ""
    assert format_typed_point(46.0, 14.5) == "46, 14.5"


def test_the_widget_loads_only_the_packages_files():
    media = str(LocationPickerWidget().media)
    assert "wagtail_cityoflearning/js/location-picker.js" in media
    assert "wagtail_cityoflearning/css/location-picker.css" in media
    assert not re.search(r"(src|href)=\"https?://", media)


def test_location_block_uses_the_picker_and_reads_typed_points():
    block = LocationBlock()
    assert isinstance(block.field.widget, LocationPickerWidget)
    with translation.override("en"):
        assert "Click the map" in str(block.field.help_text)
    assert block.get_form_state({"lat": 39.2238, "lng": 9.1217}) == "39.2238, 9.1217"
    assert block.clean("39.2238, 9.1217") == {"lat": 39.2238, "lng": 9.1217}
