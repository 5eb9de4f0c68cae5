"""A learner's data rights: downloading everything we keep, and deleting the account, with a
plain choice about the badges already issued."""

import copy
import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from tests.learners.conftest import make_provider_staff
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.storage import evidence_storage

PROCESSOR = "wagtail_cityoflearning.layout.public_layout"
PASSWORD = "a-long-passphrase-42"
PHOTO = b"\x89PNG\r\n\x1a\n a photo of my first screen"

DATA_URL = reverse("wagtail_cityoflearning_learners:data_download")
DELETE_URL = reverse("wagtail_cityoflearning_learners:delete_account")


@pytest.fixture(autouse=True)
def account_settings(settings):
    settings.ACCOUNT_RATE_LIMITS = False
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append(PROCESSOR)
    settings.TEMPLATES = templates


@pytest.fixture
def evidence(enrolment, playlist):
    """Two steps of progress: a written answer, and a photo in the evidence storage."""
    _, plan_step, photo_step, _ = playlist.step_list
    answer = StepProgress.objects.create(
        enrolment=enrolment,
        step_id=plan_step.id,
        status=StepProgress.Status.APPROVED,
        text="A bike-sharing app",
        submitted_at=timezone.now(),
        feedback="Great idea",
    )
    photo = StepProgress(
        enrolment=enrolment,
        step_id=photo_step.id,
        status=StepProgress.Status.SUBMITTED,
        original_filename="my screen.png",
        submitted_at=timezone.now(),
    )
    photo.file.save("my screen.png", ContentFile(PHOTO), save=True)
    yield answer, photo
    if evidence_storage().exists(photo.file.name):
        evidence_storage().delete(photo.file.name)


@pytest.fixture
def badges(learner, other_badge, step_badge):
    """Two badges awarded to the learner's address, one to somebody else."""
    mine = [award(other_badge, "maja@example.org"), award(step_badge, "Maja@Example.org")]
    theirs = award(other_badge, "luka@example.org")
    return mine, theirs


def read_zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


# -- downloading ---------------------------------------------------------------------------------


def test_the_download_page_says_what_is_included(client, learner, evidence):
    client.force_login(learner)
    response = client.get(DATA_URL)
    assert response.status_code == 200
    assert response.context["file_count"] == 1
    assert 'method="post"' in response.content.decode()


def test_the_download_holds_the_profile_progress_evidence_and_badges(
    client, learner, enrolment, playlist, evidence, badges, city
):
    answer, photo = evidence
    profile = learner.learner_profile
    profile.interests.add(city["interests"]["music"])
    Attendance.objects.create(opportunity=playlist.step_list[0].opportunity, user=learner)
    client.force_login(learner)

    response = client.post(DATA_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = read_zip(response)
    data = json.loads(archive.read("data.json"))

    assert data["account"]["email"] == "maja@example.org"
    assert data["profile"]["display_name"] == "Maja"
    assert data["profile"]["year_of_birth"] == 2008
    assert data["profile"]["interests"] == [{"slug": "music", "name": "Glasba"}]
    [playlist_data] = data["playlists"]
    assert playlist_data["playlist"] == playlist.title
    steps = {s["step_id"]: s for s in playlist_data["steps"]}
    assert steps[answer.step_id]["text"] == "A bike-sharing app"
    assert steps[answer.step_id]["feedback"] == "Great idea"
    assert steps[answer.step_id]["step"] == "Plan your app"
    photo_name = steps[photo.step_id]["file"]
    assert photo_name == f"evidence/{photo.pk}-my_screen.png"
    assert archive.read(photo_name) == PHOTO
    assert data["missing_files"] == []
    assert [a["opportunity"] for a in data["attendance"]] == [
        playlist.step_list[0].opportunity.title
    ]
    mine, _ = badges
    assert {b["id"] for b in data["badges"]} == {str(a.uuid) for a in mine}
    assert all(b["assertion_url"].startswith("http") for b in data["badges"])


def test_the_download_holds_only_the_learners_own_data(
    client, learner, other_learner, evidence, badges
):
    client.force_login(other_learner)
    archive = read_zip(client.post(DATA_URL))
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == "luka@example.org"
    assert data["playlists"] == []
    assert archive.namelist() == ["data.json"]
    assert [b["id"] for b in data["badges"]] == [str(badges[1].uuid)]


def test_the_download_holds_the_consent_asked_for_in_another_city(client, learner):
    from tests.factories import make_city
    from wagtail_cityoflearning.learners.accounts.models import SiteConsent

    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    SiteConsent.objects.create(
        user=learner, site=cagliari["site"], guardian_email="mama@example.org"
    )
    client.force_login(learner)
    data = json.loads(read_zip(client.post(DATA_URL)).read("data.json"))
    (consent,) = data["profile"]["other_cities_consent"]
    assert (consent["city"], consent["guardian_email"]) == (
        "cagliari.localhost",
        "mama@example.org",
    )
    assert consent["given_at"] is None


def test_a_missing_evidence_file_does_not_break_the_download(client, learner, evidence):
    _, photo = evidence
    evidence_storage().delete(photo.file.name)
    client.force_login(learner)
    archive = read_zip(client.post(DATA_URL))
    data = json.loads(archive.read("data.json"))
    assert data["missing_files"] == [f"evidence/{photo.pk}-my_screen.png"]


def test_the_data_pages_need_a_login(client, city):
    for url in (DATA_URL, DELETE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert client.post(DATA_URL).status_code == 302


# -- deleting ------------------------------------------------------------------------------------


def test_the_delete_page_explains_what_happens_to_the_badges(client, learner, badges):
    client.force_login(learner)
    response = client.get(DELETE_URL)
    assert response.status_code == 200
    mine, theirs = badges
    assert set(response.context["awards"]) == set(mine)
    content = response.content.decode()
    for instance in mine:
        assert reverse("wagtail_cityoflearning_badges:assertion", args=[instance.uuid]) in content
    assert str(theirs.uuid) not in content
    assert 'name="revoke_badges"' in content
    assert 'autocomplete="current-password"' in content


def test_a_wrong_password_deletes_nothing(client, learner, enrolment, evidence, badges):
    client.force_login(learner)
    response = client.post(DELETE_URL, {"password": "not-it", "revoke_badges": "on"})
    assert response.status_code == 400
    assert "password" in response.context["form"].errors
    assert get_user_model().objects.filter(pk=learner.pk).exists()
    assert LearnerProfile.objects.filter(user=learner).exists()
    assert PlaylistEnrolment.objects.filter(user=learner).exists()
    assert evidence_storage().exists(evidence[1].file.name)
    assert not Award.objects.filter(revoked=True).exists()


def test_deleting_removes_the_account_progress_and_files_but_badges_stay_valid(
    client, learner, enrolment, evidence, badges, django_capture_on_commit_callbacks
):
    photo_name = evidence[1].file.name
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE_URL, {"password": PASSWORD})
    assert response.status_code == 200
    assert 'id="account-deleted"' in response.content.decode()
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    assert (
        not LearnerProfile.objects.exists()
        or not LearnerProfile.objects.filter(display_name="Maja").exists()
    )
    assert not PlaylistEnrolment.objects.filter(pk=enrolment.pk).exists()
    assert not StepProgress.objects.filter(enrolment_id=enrolment.pk).exists()
    assert not evidence_storage().exists(photo_name)
    assert "_auth_user_id" not in client.session
    mine, _ = badges
    for instance in mine:
        instance.refresh_from_db()
        assert not instance.revoked
        assertion = client.get(
            reverse("wagtail_cityoflearning_badges:assertion", args=[instance.uuid]),
            HTTP_ACCEPT="application/ld+json",
        )
        assert assertion.status_code == 200


def test_deleting_can_also_withdraw_the_badges(
    client, learner, badges, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE_URL, {"password": PASSWORD, "revoke_badges": "on"})
    assert response.status_code == 200
    assert response.context["revoked"] == 2
    mine, theirs = badges
    for instance in mine:
        instance.refresh_from_db()
        assert instance.revoked
        assert instance.revocation_reason
        assertion = client.get(
            reverse("wagtail_cityoflearning_badges:assertion", args=[instance.uuid]),
            HTTP_ACCEPT="application/ld+json",
        )
        assert assertion.status_code == 410
    theirs.refresh_from_db()
    assert not theirs.revoked


def test_deleting_leaves_other_learners_alone(
    client, learner, other_learner, playlist, django_capture_on_commit_callbacks
):
    theirs = PlaylistEnrolment.objects.create(user=other_learner, playlist=playlist)
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(DELETE_URL, {"password": PASSWORD})
    assert PlaylistEnrolment.objects.filter(pk=theirs.pk).exists()
    assert LearnerProfile.objects.filter(user=other_learner).exists()


@pytest.mark.parametrize("who", ["editor", "provider_staff"])
def test_admin_accounts_cannot_be_deleted_here(client, who, request, provider):
    user = request.getfixturevalue(who) if who == "editor" else make_provider_staff(provider)
    user.set_password(PASSWORD)
    user.save()
    client.force_login(user)
    response = client.get(DELETE_URL)
    assert response.status_code == 200
    assert response.context["refused"]
    assert 'id="delete-refused"' in response.content.decode()
    response = client.post(DELETE_URL, {"password": PASSWORD})
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=user.pk).exists()
