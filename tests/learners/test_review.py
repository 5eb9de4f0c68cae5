"""Reviewing learners' evidence in the admin: who sees what, the decision, the learner's email,
the dashboard panel and the playlist progress report."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from tests.learners.conftest import make_playlist, make_provider_staff
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.progress.emails import learner_language
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)

QUEUE = "cityoflearning_evidence_review:index"
REVIEW = "cityoflearning_evidence_review:review"


def submit(enrolment, step, **fields):
    """Evidence the learner sent for ``step``, waiting for review."""
    return StepProgress.objects.create(
        enrolment=enrolment,
        step_id=step.id,
        status=StepProgress.Status.SUBMITTED,
        submitted_at=timezone.now(),
        **({"text": "My answer"} | fields),
    )


def step_link(playlist, step):
    return playlist.full_url + playlist.reverse_subpage("step", args=[step.id])


def review_emails(playlist, step):
    return [m for m in mail.outbox if step_link(playlist, step) in m.body]


def decide(client, progress, decision, feedback=""):
    progress.refresh_from_db()
    return client.post(
        reverse(REVIEW, args=[progress.pk]),
        {
            "decision": decision,
            "feedback": feedback,
            "submission": progress.submitted_at.isoformat(),
        },
    )


@pytest.fixture
def provider_playlist(provider, step_badge):
    """A playlist under the provider, with one written answer to review."""
    return make_playlist(
        provider,
        [
            (
                "activity",
                {
                    "title": "Draw a robot",
                    "instructions": "<p>Describe the robot you would build.</p>",
                    "evidence": "text",
                    "required": True,
                },
            )
        ],
        title="Robot designer",
    )


@pytest.fixture
def provider_evidence(learner, provider_playlist):
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=provider_playlist, started_at=timezone.now()
    )
    return submit(enrolment, provider_playlist.step_list[0], text="A robot that waters plants")


@pytest.fixture
def city_evidence(enrolment, playlist):
    return submit(enrolment, playlist.step_list[1], text="A bike-sharing app")


@pytest.fixture
def city_editor(playlist_index):
    """An editor whose group may change the city's playlist index (and so its playlists)."""
    group = Group.objects.create(name="City editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=playlist_index, permission=Permission.objects.get(codename="change_page")
    )
    user = get_user_model().objects.create_user("urednik", "urednik@example.org", "pw")
    user.groups.add(group)
    return user


def sign_in(client, user):
    """Sign in to the admin in English (it otherwise follows the site's language)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)


def queue_rows(client, **params):
    response = client.get(reverse(QUEUE), params)
    assert response.status_code == 200
    return [row.pk for row in response.context["object_list"]]


# -- who sees what -------------------------------------------------------------------------


def test_provider_staff_see_only_evidence_for_their_playlists(
    client, provider, provider_evidence, city_evidence
):
    sign_in(client, make_provider_staff(provider))
    assert queue_rows(client) == [provider_evidence.pk]
    page = client.get(reverse(REVIEW, args=[provider_evidence.pk]))
    assert page.status_code == 200
    assert "A robot that waters plants" in page.content.decode()
    assert client.get(reverse(REVIEW, args=[city_evidence.pk])).status_code == 404
    assert decide(client, city_evidence, "approve").status_code == 404
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.SUBMITTED
    assert mail.outbox == []


def test_city_editors_see_the_citys_evidence_and_superusers_all(
    client, city_editor, editor, provider_evidence, city_evidence
):
    sign_in(client, city_editor)
    assert queue_rows(client) == [city_evidence.pk]
    assert client.get(reverse(REVIEW, args=[provider_evidence.pk])).status_code == 404
    sign_in(client, editor)
    assert queue_rows(client) == [provider_evidence.pk, city_evidence.pk]  # oldest first


def test_a_learner_cannot_reach_the_admin(client, learner, city_evidence):
    client.force_login(learner)
    for url in (reverse(QUEUE), reverse(REVIEW, args=[city_evidence.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert decide(client, city_evidence, "approve").status_code == 302
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.SUBMITTED


def test_the_queue_filters_by_playlist_and_status(
    client, editor, provider_playlist, provider_evidence, city_evidence
):
    sign_in(client, editor)
    assert queue_rows(client, playlist=provider_playlist.pk) == [provider_evidence.pk]
    decide(client, city_evidence, "approve")
    assert queue_rows(client) == [provider_evidence.pk]  # only what waits, by default
    assert queue_rows(client, status="approved") == [city_evidence.pk]
    assert set(queue_rows(client, status="")) == {provider_evidence.pk, city_evidence.pk}


def test_the_queue_names_learners_by_display_name_not_email(client, editor, city_evidence):
    sign_in(client, editor)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "Maja" in html and "Plan your app" in html
    assert "maja@example.org" not in html


def test_the_review_page_shows_the_instructions_and_a_photo_preview(
    client, editor, enrolment, playlist
):
    photo_step = playlist.step_list[2]
    progress = submit(enrolment, photo_step, text="", original_filename="screen.png")
    progress.file.save("screen.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    sign_in(client, editor)
    html = client.get(reverse(REVIEW, args=[progress.pk])).content.decode()
    file_url = reverse("wagtail_cityoflearning_learners:evidence_file", args=[progress.pk])
    assert "Take a photo of your first screen." in html
    assert f'id="evidence-photo" src="{file_url}"' in html
    assert re.search(rf'<a id="evidence-file" class="button [^"]*" href="{file_url}"', html)


# -- the decision ----------------------------------------------------------------------------


def test_approving_the_last_requirement_emails_the_learner_and_completes_the_playlist_once(
    client,
    editor,
    learner,
    enrolment,
    playlist,
    city_evidence,
    other_badge,
    completion_badge,
    step_badge,
    django_capture_on_commit_callbacks,
):
    Attendance.objects.create(opportunity=playlist.step_list[0].opportunity, user=learner)
    award(other_badge, learner.email)  # the optional badge step
    sign_in(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, city_evidence, "approve", "Great plan!")
    assert response.status_code == 302
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.APPROVED
    assert city_evidence.reviewed_by == editor and city_evidence.reviewed_at is not None
    assert city_evidence.feedback == "Great plan!"
    emails = review_emails(playlist, playlist.step_list[1])
    assert len(emails) == 1 and emails[0].to == [learner.email]
    assert "Great plan!" in emails[0].body
    enrolment.refresh_from_db()
    assert enrolment.completion_award.badge_class == completion_badge
    assert Award.objects.filter(badge_class=step_badge).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        again = decide(client, city_evidence, "changes", "Actually, no")
    assert again.status_code == 302
    followed = client.get(again["Location"])
    assert "already been reviewed" in followed.content.decode()
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.APPROVED
    assert len(review_emails(playlist, playlist.step_list[1])) == 1
    assert Award.objects.filter(badge_class=completion_badge).count() == 1


def test_asking_for_changes_needs_feedback(client, editor, city_evidence):
    sign_in(client, editor)
    response = decide(client, city_evidence, "changes", "   ")
    assert response.status_code == 200
    assert "feedback" in response.context["form"].errors
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.SUBMITTED
    assert city_evidence.reviewed_at is None
    assert mail.outbox == []


def test_asking_for_changes_sends_the_feedback_and_reopens_the_step(
    client, editor, learner, playlist, city_evidence, django_capture_on_commit_callbacks
):
    sign_in(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, city_evidence, "changes", "Say who will use your app.")
    assert response.status_code == 302
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.CHANGES_REQUESTED
    assert city_evidence.feedback == "Say who will use your app."
    assert city_evidence.is_editable and not city_evidence.is_complete
    (email,) = mail.outbox
    assert email.to == [learner.email]
    assert "Say who will use your app." in email.body
    assert step_link(playlist, playlist.step_list[1]) in email.body


def test_new_evidence_sent_during_the_review_is_shown_before_deciding(
    client, editor, city_evidence
):
    sign_in(client, editor)
    seen = city_evidence.submitted_at.isoformat()
    StepProgress.objects.filter(pk=city_evidence.pk).update(
        text="A better plan", submitted_at=timezone.now()
    )
    response = client.post(
        reverse(REVIEW, args=[city_evidence.pk]),
        {"decision": "approve", "feedback": "", "submission": seen},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "A better plan" in response.content.decode()
    city_evidence.refresh_from_db()
    assert city_evidence.status == StepProgress.Status.SUBMITTED


def test_the_email_speaks_the_learners_language(city, learner, other_learner, playlist):
    learner.learner_profile.preferred_language = "it"
    learner.learner_profile.save()
    assert learner_language(learner, playlist) == "it"
    assert learner_language(other_learner, playlist) == "sl"  # their city's language


# -- dashboard and report ----------------------------------------------------------------------


def test_the_dashboard_panel_counts_only_what_the_user_may_review(
    client, provider, editor, provider_evidence, city_evidence
):
    sign_in(client, make_provider_staff(provider))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Evidence waiting for your review (1)" in html
    assert reverse(REVIEW, args=[provider_evidence.pk]) in html
    assert reverse(REVIEW, args=[city_evidence.pk]) not in html
    sign_in(client, editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Evidence waiting for your review (2)" in html


def test_the_progress_report_counts_and_exports_csv(
    client, provider, provider_playlist, provider_evidence, city_evidence, other_learner
):
    PlaylistEnrolment.objects.create(
        user=other_learner,
        playlist=provider_playlist,
        started_at=timezone.now(),
        completed_at=timezone.now(),
    )
    sign_in(client, make_provider_staff(provider))
    response = client.get(reverse("cityoflearning_playlist_progress:index"))
    assert response.status_code == 200
    rows = {
        page.title: (page.started, page.completed, page.waiting)
        for page in response.context["object_list"]
    }
    assert rows == {"Robot designer": (2, 1, 1)}
    export = client.get(reverse("cityoflearning_playlist_progress:index"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode()
    assert body.splitlines() == [
        "Playlist,Started,Completed,Waiting for review",
        "Robot designer,2,1,1",
    ]
