"""The learners' admin screens as staff use them: the participants page names its opportunity
and how to reach each participant; the progress report is per city and opens a playlist's
progress."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.factories import make_city, make_provider
from tests.learners.conftest import make_learner, make_playlist, make_playlist_index
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.learners.progress.models import Attendance, PlaylistEnrolment


def sign_in(client, user):
    """Sign in to the admin in English (it otherwise follows the site's language)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def superuser(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    sign_in(client, user)
    return user


# -- participants -------------------------------------------------------------------------------


def test_participants_page_names_the_opportunity_and_lists_emails(
    client, superuser, city, opportunity
):
    maja = make_learner("maja@example.org", site=city["site"], display_name="Maja")
    Attendance.objects.create(opportunity=opportunity, user=maja)

    response = client.get(
        reverse("cityoflearning_opportunity_participants:index", args=[opportunity.pk])
    )

    assert response.status_code == 200
    body = text(response)
    title = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
    assert opportunity.title in title
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1)
    assert "Participants" in heading and opportunity.title in heading
    assert str(opportunity.starts_at.astimezone().year) in heading, "and when it starts"
    assert 'href="mailto:maja@example.org"' in body
    assert ">Maja<" in body


def in_slovenian(message, **values) -> str:
    """What the Slovenian admin says: ``message`` from the catalogue, with ``values``."""
    with translation.override("sl"):
        translated = translation.gettext(message)
    return translated % values if values else translated


def test_participants_page_shows_the_opportunity_and_its_date_in_the_content(
    client, django_user_model, city, opportunity
):
    user = django_user_model.objects.create_superuser("urednica", "urednica@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sl"
    profile.save()
    client.force_login(user)

    body = text(
        client.get(reverse("cityoflearning_opportunity_participants:index", args=[opportunity.pk]))
    )

    lead = re.search(r'<p[^>]*id="participants-opportunity"[^>]*>(.*?)</p>', body, re.S)
    assert lead, "the opportunity is named in the page, not only in the header a phone cuts"
    with translation.override("sl"):
        when = format_date(opportunity.starts_at, "datetime")
    assert opportunity.title in lead.group(1) and when in lead.group(1)
    assert re.fullmatch(r"\d{1,2}\. [a-zčšž]+ \d{4}, \d{2}:\d{2}", when), when


def test_the_participant_search_is_not_required_but_an_empty_search_says_what_to_type(
    client, superuser, city, opportunity
):
    url = reverse("cityoflearning_opportunity_participants:index", args=[opportunity.pk])

    page = client.get(url)
    searched_empty = client.get(url, {"email": ""})

    field = re.search(r'<input[^>]*name="email"[^>]*>', text(page)).group(0)
    assert "required" not in field
    assert not page.context["search_form"].fields["email"].required
    assert searched_empty.status_code == 200
    assert "Type the learner’s email address to search for." in text(searched_empty)
    assert 'id="participants-not-found"' not in text(searched_empty)


# -- the progress report --------------------------------------------------------------------------


@pytest.fixture
def two_cities(city):
    """A playlist in each city, each started by one learner."""
    cagliari = make_city(
        hostname="cagliari.example.org", language="it", is_default=False, name="Cagliari"
    )
    lj_playlist = make_playlist(make_playlist_index(city["home"]), [], title="Ljubljana path")
    ca_playlist = make_playlist(make_playlist_index(cagliari["home"]), [], title="Cagliari path")
    maja = make_learner("maja@example.org", site=city["site"], display_name="Maja")
    PlaylistEnrolment.objects.create(user=maja, playlist=lj_playlist, started_at=timezone.now())
    return {
        "ljubljana": city,
        "cagliari": cagliari,
        "lj_playlist": lj_playlist,
        "ca_playlist": ca_playlist,
    }


REPORT = "cityoflearning_playlist_progress:index"


def test_the_superuser_sees_each_playlists_city_and_can_choose_one(client, superuser, two_cities):
    everything = text(client.get(reverse(REPORT)))
    assert "Ljubljana path" in everything and "Cagliari path" in everything
    assert re.search(r"Ljubljana path.*?<td[^>]*>\s*Ljubljana\s*</td>", everything, re.S)
    assert re.search(r"Cagliari path.*?<td[^>]*>\s*Cagliari\s*</td>", everything, re.S)

    cagliari = client.get(reverse(REPORT), {"site": two_cities["cagliari"]["site"].pk})

    assert cagliari.status_code == 200
    assert "Cagliari path" in text(cagliari) and "Ljubljana path" not in text(cagliari)


def test_a_city_editor_sees_only_their_citys_playlists(client, two_cities):
    editor = get_user_model().objects.create_user("urednik", "urednik@example.org", "pw")
    editor.groups.add(roles.city_editors(two_cities["ljubljana"]["site"]))
    sign_in(client, editor)

    body = text(client.get(reverse(REPORT)))

    assert "Ljubljana path" in body
    assert "Cagliari path" not in body


def test_a_playlist_in_the_report_opens_its_progress(client, superuser, two_cities):
    playlist = two_cities["lj_playlist"]
    progress_url = reverse("cityoflearning_playlist_progress:playlist", args=[playlist.pk])

    report = text(client.get(reverse(REPORT)))

    assert f'href="{progress_url}"' in report
    assert reverse("wagtailadmin_pages:edit", args=[playlist.pk]) not in report

    progress = client.get(progress_url)

    assert progress.status_code == 200
    assert "Maja" in text(progress)
    assert playlist.title in re.search(r"<h1[^>]*>(.*?)</h1>", text(progress), re.S).group(1)


def test_a_playlist_of_another_city_has_no_progress_page_for_a_city_editor(client, two_cities):
    editor = get_user_model().objects.create_user("urednik", "urednik@example.org", "pw")
    editor.groups.add(roles.city_editors(two_cities["ljubljana"]["site"]))
    sign_in(client, editor)

    other = two_cities["ca_playlist"]
    response = client.get(reverse("cityoflearning_playlist_progress:playlist", args=[other.pk]))

    assert response.status_code == 404


def test_provider_staff_see_the_progress_of_their_providers_playlists_only(client, city, provider):
    own = make_playlist(provider, [], title="Our club path")
    other = make_playlist(make_provider(city), [], title="Their path")
    staff = get_user_model().objects.create_user("staff", "staff@example.org", "pw")
    staff.groups.add(roles.provider_staff(provider))
    sign_in(client, staff)

    body = text(client.get(reverse(REPORT)))

    assert "Our club path" in body and "Their path" not in body
    assert 'name="site"' not in body, "one city: no city filter"
    theirs = reverse("cityoflearning_playlist_progress:playlist", args=[other.pk])
    ours = reverse("cityoflearning_playlist_progress:playlist", args=[own.pk])
    assert client.get(theirs).status_code == 404
    assert client.get(ours).status_code == 200


def test_a_translated_playlist_is_listed_with_its_city_and_the_count_names_playlists(
    client, superuser, two_cities
):
    english, _created = Locale.objects.get_or_create(language_code="en")
    translated = two_cities["lj_playlist"].copy_for_translation(english, copy_parents=True)
    translated.title = "Ljubljana path in English"
    translated.save_revision().publish()

    everything = text(client.get(reverse(REPORT)))
    ljubljana = text(client.get(reverse(REPORT), {"site": two_cities["ljubljana"]["site"].pk}))
    cagliari = text(client.get(reverse(REPORT), {"site": two_cities["cagliari"]["site"].pk}))

    assert re.search(r"Ljubljana path in English.*?<td[^>]*>\s*Ljubljana\s*</td>", everything, re.S)
    assert "3 playlists" in everything and "3 pages" not in everything
    assert "Ljubljana path in English" in ljubljana and "2 playlists" in ljubljana
    assert "Ljubljana path in English" not in cagliari and "1 playlist" in cagliari
