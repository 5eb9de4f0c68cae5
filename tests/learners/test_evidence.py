"""Starting a playlist, saving it for later, submitting evidence for its steps, the private
evidence files, and the events that move a learner's progress on their own."""

import io
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from PIL import Image

from tests.badges.conftest import make_badge_class, png_bytes
from tests.factories import ProviderPageFactory
from tests.learners.conftest import make_playlist, make_provider_staff
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award, OpportunityBadge
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage
from wagtail_cityoflearning.learners.progress import signals
from wagtail_cityoflearning.learners.progress.evidence_forms import EvidenceForm
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import update_progress


def route(page, name, **kwargs):
    return page.url + page.reverse_subpage(name, kwargs=kwargs or None)


def step_url(page, step):
    return route(page, "step", step_id=step.id)


def activity(title, evidence, *, required=True):
    return (
        "activity",
        {
            "title": title,
            "instructions": f"<p>{title}</p>",
            "evidence": evidence,
            "required": required,
        },
    )


@pytest.fixture
def evidence_playlist(provider, opportunity):
    """A provider's playlist with one activity for each kind of evidence."""
    return make_playlist(
        provider,
        [
            activity("Write", "text"),
            activity("Link", "link"),
            activity("Upload", "file"),
            activity("Snap", "photo"),
            activity("Try it", "none"),
        ],
        title="Show your work",
    )


@pytest.fixture
def started(learner, evidence_playlist):
    return PlaylistEnrolment.objects.create(
        user=learner, playlist=evidence_playlist, started_at=timezone.now()
    )


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


def steps(page):
    return {step.title: step for step in page.step_list}


def submit(client, page, title, **data):
    return client.post(step_url(page, steps(page)[title]), data)


def jpeg_with_location() -> bytes:
    """A phone photo: a JPEG whose EXIF says where it was taken."""
    image = Image.new("RGB", (40, 30), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (46.0, 3.0, 5.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def cut_short_jpeg() -> bytes:
    """A JPEG whose header is fine but whose picture breaks off half way."""
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 120, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()[: buffer.tell() // 2]


def consent_pending(user):
    user.learner_profile.consent = "pending"
    user.learner_profile.save()


# -- start and save ------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_first(client, playlist):
    response = client.post(route(playlist, "start"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={playlist.url}"
    assert not PlaylistEnrolment.objects.exists()


def test_starting_needs_the_forms_csrf_token(learner, playlist):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.post(route(playlist, "start")).status_code == 403
    assert not PlaylistEnrolment.objects.exists()


def test_starting_needs_a_post(learner_client, playlist):
    assert learner_client.get(route(playlist, "start")).status_code == 405
    assert not PlaylistEnrolment.objects.exists()


def test_saving_for_later_and_starting_are_separate_states(learner_client, learner, playlist):
    response = learner_client.post(route(playlist, "save"))
    assert response.status_code == 302 and response["Location"] == playlist.url
    enrolment = PlaylistEnrolment.objects.get(user=learner, playlist=playlist)
    assert enrolment.saved_at is not None and not enrolment.is_started

    learner_client.post(route(playlist, "start"))
    enrolment.refresh_from_db()
    assert enrolment.is_started and enrolment.saved_at is not None

    learner_client.post(route(playlist, "save"), {"saved": "0"})
    enrolment.refresh_from_db()
    assert enrolment.saved_at is None and enrolment.is_started  # still started


def test_unsaving_a_playlist_never_started_forgets_it(learner_client, learner, playlist):
    learner_client.post(route(playlist, "save"))
    learner_client.post(route(playlist, "save"))  # without "saved": the state flips
    assert not PlaylistEnrolment.objects.filter(user=learner).exists()


def test_starting_twice_keeps_the_first_start(learner_client, learner, playlist):
    learner_client.post(route(playlist, "start"))
    first = PlaylistEnrolment.objects.get(user=learner).started_at
    learner_client.post(route(playlist, "start"))
    assert PlaylistEnrolment.objects.get(user=learner).started_at == first


def test_starting_counts_what_the_learner_did_before(
    learner_client, learner, playlist, opportunity
):
    Attendance.objects.create(opportunity=opportunity, user=learner)
    learner_client.post(route(playlist, "start"))
    record = StepProgress.objects.get(enrolment__user=learner)
    assert record.step_id == playlist.step_list[0].id and record.completed_at is not None


def test_start_returns_to_the_step_it_was_started_from(learner_client, playlist):
    here = step_url(playlist, playlist.step_list[1])
    response = learner_client.post(route(playlist, "start"), {"next": here})
    assert response["Location"] == here
    response = learner_client.post(route(playlist, "start"), {"next": "https://evil.example/"})
    assert response["Location"] == playlist.url


def test_while_consent_is_pending_nothing_is_stored(learner_client, learner, evidence_playlist):
    consent_pending(learner)
    for name in ("start", "save"):
        response = learner_client.post(route(evidence_playlist, name), follow=True)
        assert response.redirect_chain[-1][0] == evidence_playlist.url
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
    PlaylistEnrolment.objects.create(
        user=learner, playlist=evidence_playlist, started_at=timezone.now()
    )  # started before consent was asked for
    response = submit(learner_client, evidence_playlist, "Write", text="My answer")
    assert response.status_code == 302
    assert PlaylistEnrolment.objects.count() == 1
    assert not StepProgress.objects.exists()


def test_an_account_without_a_profile_completes_it_first(client, playlist, evidence_playlist):
    """Accounts made without the sign-up form have told us no age yet."""
    user = get_user_model().objects.create_user("ana", "ana@example.org", "a-passphrase-42")
    client.force_login(user)
    profile = reverse("wagtail_cityoflearning_learners:profile")
    for name in ("start", "save"):
        response = client.post(route(playlist, name))
        assert response.status_code == 302
        assert response["Location"] == f"{profile}?{urlencode({'next': playlist.url})}"
    here = step_url(evidence_playlist, steps(evidence_playlist)["Write"])
    response = client.post(here, {"text": "My answer"})
    assert response["Location"] == f"{profile}?{urlencode({'next': here})}"
    assert not PlaylistEnrolment.objects.exists()
    assert not StepProgress.objects.exists()


def test_saving_for_later_twice_at_once_keeps_one_enrolment(
    learner_client, learner, playlist, monkeypatch
):
    learner_client.post(route(playlist, "save"))
    # The second click looked for the enrolment before the first one was recorded.
    monkeypatch.setattr(
        PlaylistEnrolment.objects, "select_for_update", PlaylistEnrolment.objects.none
    )
    response = learner_client.post(route(playlist, "save"), {"saved": "1"})
    assert response.status_code == 302 and response["Location"] == playlist.url
    enrolment = PlaylistEnrolment.objects.get(user=learner)
    assert enrolment.saved_at is not None


# -- evidence ------------------------------------------------------------------------------------


def test_a_written_answer_waits_for_review(learner_client, started, evidence_playlist):
    response = submit(learner_client, evidence_playlist, "Write", text="I will build a bike app.")
    step = steps(evidence_playlist)["Write"]
    assert response.status_code == 302
    assert response["Location"] == f"{evidence_playlist.url}#step-{step.id}"
    record = StepProgress.objects.get(enrolment=started, step_id=step.id)
    assert record.status == StepProgress.Status.SUBMITTED
    assert record.text == "I will build a bike app."
    assert record.submitted_at is not None and record.completed_at is None


def test_a_link_is_saved(learner_client, started, evidence_playlist):
    submit(learner_client, evidence_playlist, "Link", link="https://scratch.mit.edu/projects/1/")
    assert StepProgress.objects.get().link == "https://scratch.mit.edu/projects/1/"


def test_a_file_is_stored_privately_under_its_own_name(
    learner_client, started, evidence_playlist, settings
):
    upload = SimpleUploadedFile("My plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    submit(learner_client, evidence_playlist, "Upload", file=upload, text="Page 2 matters")
    record = StepProgress.objects.get()
    assert record.original_filename == "My plan.pdf"
    assert record.text == "Page 2 matters"
    assert record.file.read() == b"%PDF-1.4 plan"
    assert not os.path.abspath(record.file.path).startswith(str(settings.MEDIA_ROOT))


def test_a_photo_is_saved_without_where_it_was_taken(learner_client, started, evidence_playlist):
    upload = SimpleUploadedFile("screen.jpg", jpeg_with_location(), content_type="image/jpeg")
    submit(learner_client, evidence_playlist, "Snap", file=upload)
    record = StepProgress.objects.get()
    assert record.status == StepProgress.Status.SUBMITTED
    with Image.open(record.file) as stored:
        assert stored.format == "JPEG" and stored.size == (40, 30)
        assert not stored.getexif()


def test_a_png_photo_is_accepted(learner_client, started, evidence_playlist):
    upload = SimpleUploadedFile("screen.png", png_bytes(), content_type="image/png")
    submit(learner_client, evidence_playlist, "Snap", file=upload)
    assert StepProgress.objects.get().original_filename == "screen.png"


def error_codes(response, field) -> list[str]:
    return [error.code for error in response.context["form"].errors.as_data()[field]]


def test_a_photo_of_too_many_pixels_is_refused_before_it_is_decoded(
    learner_client, started, evidence_playlist
):
    buffer = io.BytesIO()
    Image.new("1", (8000, 5001)).save(buffer, format="PNG")  # 40 MP in a few kilobytes
    upload = SimpleUploadedFile("screen.png", buffer.getvalue(), content_type="image/png")
    response = submit(learner_client, evidence_playlist, "Snap", file=upload)
    assert response.status_code == 200
    assert error_codes(response, "file") == ["too_many_pixels"]
    assert 'id="id_file_error"' in response.content.decode()
    assert not StepProgress.objects.exists()


def animation(image_format: str) -> bytes:
    """Two frames; the first says, in its EXIF, which phone made it."""
    frames = [Image.new("RGB", (20, 20), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    buffer = io.BytesIO()
    frames[0].save(buffer, format=image_format, save_all=True, append_images=frames[1:], exif=exif)
    return buffer.getvalue()


def test_an_animated_png_is_refused_as_it_would_keep_its_metadata(
    learner_client, started, evidence_playlist
):
    upload = SimpleUploadedFile("moving.png", animation("PNG"), content_type="image/png")
    response = submit(learner_client, evidence_playlist, "Snap", file=upload)
    assert error_codes(response, "file") == ["animated"]
    assert not StepProgress.objects.exists()


def test_an_animated_gif_is_kept_moving(learner_client, started, evidence_playlist):
    frames = [Image.new("RGB", (20, 20), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    upload = SimpleUploadedFile("moving.gif", buffer.getvalue(), content_type="image/gif")
    submit(learner_client, evidence_playlist, "Snap", file=upload)
    with Image.open(StepProgress.objects.get().file) as stored:
        assert stored.format == "GIF" and stored.n_frames == 2


@pytest.mark.parametrize(
    ("title", "data", "field"),
    [
        ("Write", {"text": "   "}, "text"),
        ("Link", {"link": "not a link at all"}, "link"),
        ("Link", {"link": "javascript:alert(1)"}, "link"),
        ("Upload", {"file": ("plan.exe", b"MZ...")}, "file"),
        ("Upload", {"file": ("plan.pdf", b"")}, "file"),
        ("Upload", {}, "file"),
        ("Snap", {"file": ("screen.jpg", b"this is not an image")}, "file"),
        ("Snap", {"file": ("screen.pdf", b"%PDF-1.4")}, "file"),
        ("Snap", {"file": ("screen.gif", png_bytes())}, "file"),  # a PNG calling itself GIF
        ("Snap", {"file": ("screen.jpg", cut_short_jpeg())}, "file"),
    ],
)
def test_bad_evidence_is_a_form_error_and_nothing_is_saved(
    learner_client, started, evidence_playlist, title, data, field
):
    data = {
        name: SimpleUploadedFile(*value) if isinstance(value, tuple) else value
        for name, value in data.items()
    }
    response = submit(learner_client, evidence_playlist, title, **data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not StepProgress.objects.exists()


def test_a_file_above_the_size_limit_is_refused(
    learner_client, started, evidence_playlist, settings
):
    settings.WAGTAIL_CITYOFLEARNING = {**settings.WAGTAIL_CITYOFLEARNING, "EVIDENCE_MAX_BYTES": 10}
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 more than ten bytes")
    response = submit(learner_client, evidence_playlist, "Upload", file=upload)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not StepProgress.objects.exists()


def test_evidence_can_be_changed_until_it_is_reviewed(learner_client, started, evidence_playlist):
    submit(learner_client, evidence_playlist, "Write", text="First try")
    submit(learner_client, evidence_playlist, "Write", text="Second try")
    record = StepProgress.objects.get()
    assert record.text == "Second try"

    StepProgress.objects.filter(pk=record.pk).update(status=StepProgress.Status.APPROVED)
    response = submit(learner_client, evidence_playlist, "Write", text="Too late")
    assert response.status_code == 403
    assert response.context["form"] is None
    record.refresh_from_db()
    assert record.text == "Second try"
    page = learner_client.get(step_url(evidence_playlist, steps(evidence_playlist)["Write"]))
    assert page.context["form"] is None
    assert "Second try" in page.content.decode()


def test_changes_requested_can_be_answered(learner_client, started, evidence_playlist):
    step = steps(evidence_playlist)["Write"]
    StepProgress.objects.create(
        enrolment=started,
        step_id=step.id,
        status=StepProgress.Status.CHANGES_REQUESTED,
        text="Short",
        feedback="Say more about who it is for.",
    )
    page = learner_client.get(step_url(evidence_playlist, step))
    assert "Say more about who it is for." in page.content.decode()
    assert page.context["form"]["text"].value() == "Short"
    submit(learner_client, evidence_playlist, "Write", text="Longer, for cyclists")
    record = StepProgress.objects.get()
    assert record.status == StepProgress.Status.SUBMITTED and record.text == "Longer, for cyclists"


def test_a_replaced_file_is_deleted(
    learner_client, started, evidence_playlist, django_capture_on_commit_callbacks
):
    submit(learner_client, evidence_playlist, "Upload", file=SimpleUploadedFile("a.pdf", b"one"))
    first = StepProgress.objects.get().file
    storage, first_name = first.storage, first.name
    with django_capture_on_commit_callbacks(execute=True):
        upload = SimpleUploadedFile("b.pdf", b"two")
        submit(learner_client, evidence_playlist, "Upload", file=upload)
    record = StepProgress.objects.get()
    assert record.original_filename == "b.pdf" and record.file.read() == b"two"
    assert not storage.exists(first_name)


def reviewer_decides_meanwhile(monkeypatch, record):
    """The reviewer approves ``record`` while the learner's new submission is validated."""
    original = EvidenceForm.clean

    def clean(form):
        StepProgress.objects.filter(pk=record.pk).update(
            status=StepProgress.Status.APPROVED, reviewed_at=timezone.now(), feedback="Great"
        )
        return original(form)

    monkeypatch.setattr(EvidenceForm, "clean", clean)


def test_a_decision_made_while_evidence_is_resubmitted_is_kept(
    learner_client, started, evidence_playlist, monkeypatch
):
    submit(learner_client, evidence_playlist, "Write", text="First try")
    record = StepProgress.objects.get()
    reviewer_decides_meanwhile(monkeypatch, record)
    response = submit(learner_client, evidence_playlist, "Write", text="Second try")
    assert response.status_code == 403
    assert response.context["problem"] and response.context["form"] is None
    record.refresh_from_db()
    assert record.status == StepProgress.Status.APPROVED
    assert (record.text, record.feedback) == ("First try", "Great")


def test_a_file_sent_after_the_decision_is_not_kept(
    learner_client, started, evidence_playlist, monkeypatch
):
    submit(learner_client, evidence_playlist, "Upload", file=SimpleUploadedFile("a.pdf", b"one"))
    record = StepProgress.objects.get()
    storage, folder = record.file.storage, os.path.dirname(record.file.name)
    before = set(storage.listdir(folder)[1])
    reviewer_decides_meanwhile(monkeypatch, record)
    upload = SimpleUploadedFile("b.pdf", b"two")
    assert submit(learner_client, evidence_playlist, "Upload", file=upload).status_code == 403
    assert set(storage.listdir(folder)[1]) == before
    record.refresh_from_db()
    assert record.original_filename == "a.pdf" and record.file.read() == b"one"


def test_overlapping_resubmissions_leave_no_file_behind(
    learner_client, started, evidence_playlist, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload = SimpleUploadedFile("a.pdf", b"one")
        submit(learner_client, evidence_playlist, "Upload", file=upload)
    record = StepProgress.objects.get()
    storage, folder = record.file.storage, os.path.dirname(record.file.name)
    before = set(storage.listdir(folder)[1]) - {os.path.basename(record.file.name)}
    original = EvidenceForm.clean

    def other_tab_submits(form):
        """Another tab's submission is recorded while this one is validated."""
        monkeypatch.setattr(EvidenceForm, "clean", original)
        other = StepProgress.objects.get(pk=record.pk)
        first = other.file.name
        other.file.save("c.pdf", ContentFile(b"three"), save=True)
        storage.delete(first)
        return original(form)

    monkeypatch.setattr(EvidenceForm, "clean", other_tab_submits)
    with django_capture_on_commit_callbacks(execute=True):
        upload = SimpleUploadedFile("b.pdf", b"two")
        submit(learner_client, evidence_playlist, "Upload", file=upload)
    record.refresh_from_db()
    assert record.original_filename == "b.pdf" and record.file.read() == b"two"
    assert set(storage.listdir(folder)[1]) - before == {os.path.basename(record.file.name)}


def test_nothing_to_submit_completes_the_step_at_once(learner_client, started, evidence_playlist):
    submit(learner_client, evidence_playlist, "Try it")
    record = StepProgress.objects.get()
    assert record.status == StepProgress.Status.DONE
    assert record.completed_at is not None


def test_steps_in_order_stay_locked(learner_client, started, evidence_playlist):
    PlaylistPage.objects.filter(pk=evidence_playlist.pk).update(in_order=True)
    response = submit(learner_client, evidence_playlist, "Link", link="https://example.org/")
    assert response.status_code == 403
    assert response.context["problem"]
    assert not StepProgress.objects.exists()
    page = learner_client.get(step_url(evidence_playlist, steps(evidence_playlist)["Link"]))
    assert page.context["state"].locked and page.context["form"] is None


def test_an_unknown_step_is_not_found(learner_client, started, evidence_playlist):
    assert learner_client.get(route(evidence_playlist, "step", step_id="nope")).status_code == 404
    assert learner_client.post(route(evidence_playlist, "step", step_id="nope")).status_code == 404


def test_there_is_no_evidence_to_submit_for_an_opportunity(learner_client, enrolment, playlist):
    response = learner_client.post(step_url(playlist, playlist.step_list[0]), {"text": "I went"})
    assert response.status_code == 400
    assert not StepProgress.objects.exists()


def test_evidence_needs_a_started_playlist(learner_client, learner, evidence_playlist):
    response = submit(learner_client, evidence_playlist, "Write", text="Hello")
    assert response.status_code == 302
    assert not StepProgress.objects.exists()
    page = learner_client.get(step_url(evidence_playlist, steps(evidence_playlist)["Write"]))
    assert page.status_code == 200 and page.context["form"] is None
    assert reverse("account_login") not in page.content.decode()


def test_anonymous_visitors_read_a_step_and_are_asked_to_log_in(client, evidence_playlist):
    here = step_url(evidence_playlist, steps(evidence_playlist)["Write"])
    page = client.get(here)
    assert page.status_code == 200 and page.context["form"] is None
    response = client.post(here, {"text": "Hello"})
    assert response["Location"] == f"{reverse('account_login')}?next={here}"


# -- the private evidence file ---------------------------------------------------------------


@pytest.fixture
def evidence(learner_client, started, evidence_playlist):
    upload = SimpleUploadedFile("<plan>.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    submit(learner_client, evidence_playlist, "Upload", file=upload)
    learner_client.logout()
    record = StepProgress.objects.get()
    return reverse("wagtail_cityoflearning_learners:evidence_file", args=[record.pk])


def test_the_learner_downloads_their_own_evidence(client, learner, evidence):
    client.force_login(learner)
    response = client.get(evidence)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"


def test_the_playlists_provider_staff_may_review_the_evidence(client, provider_staff, evidence):
    client.force_login(provider_staff)
    assert client.get(evidence).status_code == 200


def test_nobody_else_sees_the_evidence(client, city, other_learner, evidence):
    other_provider = ProviderPageFactory(parent=city["index"])
    for user in (other_learner, make_provider_staff(other_provider, "other-staff")):
        client.force_login(user)
        assert client.get(evidence).status_code == 404
    client.logout()
    response = client.get(evidence)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_missing_file_is_not_found(client, learner, evidence):
    record = StepProgress.objects.get()
    record.file.storage.delete(record.file.name)
    client.force_login(learner)
    assert client.get(evidence).status_code == 404


# -- events that move progress ----------------------------------------------------------------


def test_the_opportunitys_badge_completes_the_opportunity_step(
    enrolment, playlist, opportunity, issuer, django_capture_on_commit_callbacks
):
    badge = make_badge_class(issuer, slug="robotics", name="Robotics")
    OpportunityBadge.objects.create(page=opportunity, badge_class=badge)
    with django_capture_on_commit_callbacks(execute=True):
        award(badge, "Maja@Example.org")
    record = StepProgress.objects.get(enrolment=enrolment)
    assert record.step_id == playlist.step_list[0].id and record.completed_at is not None


def test_confirmed_attendance_completes_the_opportunity_step(
    enrolment, playlist, learner, opportunity, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Attendance.objects.create(opportunity=opportunity, user=learner)
    record = StepProgress.objects.get(enrolment=enrolment)
    assert record.step_id == playlist.step_list[0].id and record.completed_at is not None


def test_someone_elses_badge_moves_nothing(
    enrolment, other_learner, other_badge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        award(other_badge, other_learner.email)
    assert not StepProgress.objects.exists()


def test_completing_the_playlist_awards_its_badge_once(
    client,
    learner,
    enrolment,
    playlist,
    opportunity,
    completion_badge,
    other_badge,
    issuer,
    django_capture_on_commit_callbacks,
):
    _, plan_step, _, _ = playlist.step_list
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        Attendance.objects.create(opportunity=opportunity, user=learner)
        client.post(step_url(playlist, plan_step), {"text": "A bike app"})
    with django_capture_on_commit_callbacks(execute=True):  # the reviewer approves
        StepProgress.objects.filter(step_id=plan_step.id).update(
            status=StepProgress.Status.APPROVED
        )
        update_progress(enrolment)
    assert not Award.objects.filter(badge_class=completion_badge).exists()
    with django_capture_on_commit_callbacks(execute=True):
        award(other_badge, learner.email)  # the optional badge step
    with django_capture_on_commit_callbacks(execute=True):
        award(make_badge_class(issuer, slug="later", name="Later"), learner.email)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    assert Award.objects.filter(badge_class=completion_badge).count() == 1
    assert enrolment.completion_award.recipient_email == "maja@example.org"


def test_a_failing_reevaluation_never_undoes_the_award(
    enrolment, learner, other_badge, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(users):
        raise RuntimeError("progress is broken")

    monkeypatch.setattr(signals, "reevaluate", broken)
    with django_capture_on_commit_callbacks(execute=True):
        award(other_badge, learner.email)
    assert Award.objects.filter(badge_class=other_badge).exists()
