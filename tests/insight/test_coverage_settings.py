"""The insight settings: a boundary far from the city's map centre is refused (swapped
coordinates, another city), and each city's editors edit their own city's settings only."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from example_site.demo import insight_coverage
from tests.factories import make_city, make_provider
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight.settings import FAR_FROM_CENTRE, InsightSettings
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

SQUARE = [[14.48, 46.04], [14.52, 46.04], [14.52, 46.07], [14.48, 46.07], [14.48, 46.04]]
SWAPPED = [[lat, lng] for lng, lat in SQUARE]  # a box off Somalia
FORM = {"neighbourhoods": "Center\nVič", "accepts_suggestions": "on"}


def edit_url(site):
    return reverse(
        "wagtailsettings:edit",
        args=["wagtail_cityoflearning_insight", "insightsettings", site.pk],
    )


def boundary(ring):
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


@pytest.fixture
def ljubljana(db):
    city = make_city()
    settings = CityOfLearningSettings.for_site(city["site"])
    settings.map_centre_latitude, settings.map_centre_longitude = 46.0511, 14.5051
    settings.save()
    return city


@pytest.fixture
def cagliari(db, ljubljana):
    return make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "text", [boundary(SWAPPED), insight_coverage.boundary("cagliari")], ids=["swapped", "other"]
)
def test_a_boundary_far_from_the_citys_centre_is_refused(ljubljana, admin, client, text):
    response = client.post(edit_url(ljubljana["site"]), {**FORM, "boundary": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "46.0511" in page and "14.5051" in page  # the centre it was compared with
    assert InsightSettings.for_site(ljubljana["site"]).boundary == ""


def test_the_message_suggests_swapped_coordinates(ljubljana, admin, client):
    response = client.post(edit_url(ljubljana["site"]), {**FORM, "boundary": boundary(SWAPPED)})
    [message] = response.context["form"].errors["boundary"]
    assert "swapped" in str(FAR_FROM_CENTRE) and "another city" in str(FAR_FROM_CENTRE)
    with translation.override("sl"):  # the page shows it in the admin's language, the city's
        assert str(FAR_FROM_CENTRE).split("%(")[0] in response.content.decode()
    distance = int(message.split(" km")[0].split()[-1])
    assert 4000 < distance < 8000  # Ljubljana to the sea off Somalia


@pytest.mark.parametrize("text", [boundary(SQUARE), insight_coverage.boundary("ljubljana")])
def test_a_boundary_around_the_centre_is_saved(ljubljana, admin, client, text):
    response = client.post(edit_url(ljubljana["site"]), {**FORM, "boundary": text})
    assert response.status_code == 302
    assert InsightSettings.for_site(ljubljana["site"]).boundary == text


def test_without_a_centre_of_its_own_any_boundary_in_the_globe_is_taken(cagliari, admin, client):
    text = insight_coverage.boundary("cagliari")
    response = client.post(edit_url(cagliari["site"]), {**FORM, "boundary": text})
    assert response.status_code == 302


# -- who may edit a city's insight settings -------------------------------------------------------


@pytest.fixture
def staff(ljubljana, cagliari, django_user_model):
    provider = make_provider(ljubljana, title="Maker lab")
    call_command("cityoflearning_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(group)
        return user

    return {
        "ljubljana_editor": member("editor-lj", roles.city_editors(ljubljana["site"])),
        "cagliari_editor": member("editor-ca", roles.city_editors(cagliari["site"])),
        "provider_staff": member("staff", roles.provider_staff(provider)),
    }


def _opens(client, user, site) -> bool:
    client.force_login(user)
    response = client.get(edit_url(site))
    assert response.status_code in (200, 302, 403)
    return response.status_code == 200 and b'name="boundary"' in response.content


@pytest.mark.parametrize(
    "who, ljubljana_s, cagliari_s",
    [
        ("ljubljana_editor", True, False),
        ("cagliari_editor", False, True),
        ("provider_staff", False, False),
    ],
)
def test_each_citys_editors_edit_their_own_citys_settings(
    ljubljana, cagliari, staff, client, who, ljubljana_s, cagliari_s
):
    user = staff[who]
    assert _opens(client, user, ljubljana["site"]) is ljubljana_s
    assert _opens(client, user, cagliari["site"]) is cagliari_s


def test_a_city_editor_saves_the_boundary_and_cannot_post_to_another_city(
    ljubljana, cagliari, staff, client
):
    client.force_login(staff["ljubljana_editor"])
    text = boundary(SQUARE)
    saved = client.post(edit_url(ljubljana["site"]), {**FORM, "boundary": text})
    assert saved.status_code == 302
    assert InsightSettings.for_site(ljubljana["site"]).boundary == text
    refused = client.post(edit_url(cagliari["site"]), {**FORM, "boundary": text})
    assert refused.status_code in (302, 403)
    assert InsightSettings.for_site(cagliari["site"]).boundary == ""
    # The settings menu's link takes the editor to their own city.
    index = reverse(
        "wagtailsettings:edit", args=["wagtail_cityoflearning_insight", "insightsettings"]
    )
    response = client.get(index)
    assert response.status_code == 302 and response["Location"] == edit_url(ljubljana["site"])


def test_running_the_roles_command_again_changes_nothing(ljubljana, cagliari, staff):
    group = roles.city_editors(ljubljana["site"])
    before = list(group.site_permissions.values_list("site", "permission__codename"))
    call_command("cityoflearning_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = list(group.site_permissions.values_list("site", "permission__codename"))
    assert before == after == [(ljubljana["site"].pk, "change_insightsettings")]
