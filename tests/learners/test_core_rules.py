"""Rules the whole learners side rests on: whose learning may be recorded, which addresses
count as the learner's, badges queued while the queue is down, and the host site's setup."""

from unittest import mock

from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.learners.conftest import make_playlist
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.accounts.consent import may_store
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.checks import check_learner_setup
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import (
    held_badge_ids,
    update_progress,
    update_progress_for_user,
)
from wagtail_cityoflearning.learners.progress.tasks import (
    award_playlist_completion,
    award_step_badge,
)


def test_an_account_without_a_profile_records_no_learning(learner, playlist):
    LearnerProfile.objects.filter(user=learner).delete()
    assert not may_store(learner)
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )
    Attendance.objects.create(opportunity=playlist.step_list[0].opportunity, user=learner)
    update_progress(enrolment)
    assert not StepProgress.objects.filter(enrolment=enrolment).exists()


def test_nothing_is_recorded_while_a_parents_consent_is_awaited(enrolment, learner, other_badge):
    LearnerProfile.objects.filter(user=learner).update(consent=LearnerProfile.Consent.PENDING)
    award(other_badge, learner.email)  # the badge step's badge, awarded elsewhere
    update_progress_for_user(learner)
    assert not StepProgress.objects.filter(enrolment=enrolment).exists()
    LearnerProfile.objects.filter(user=learner).update(consent=LearnerProfile.Consent.GIVEN)
    update_progress_for_user(learner)
    assert StepProgress.objects.filter(enrolment=enrolment).count() == 1


def test_only_verified_addresses_bring_badges_and_credit(learner, other_badge):
    award(other_badge, "maja.old@example.org")
    assert held_badge_ids(learner) == set()  # not her address (yet)
    address = EmailAddress.objects.create(
        user=learner, email="maja.old@example.org", verified=False
    )
    assert held_badge_ids(learner) == set()  # claimed, not verified
    address.verified = True
    address.save()
    assert held_badge_ids(learner) == {other_badge.pk}


def test_badges_queued_while_the_queue_is_down_are_awarded_by_retry_pending(
    enrolment, playlist, learner, completion_badge, step_badge, django_capture_on_commit_callbacks
):
    opportunity_step, plan_step, photo_step, _ = playlist.step_list
    Attendance.objects.create(opportunity=opportunity_step.opportunity, user=learner)
    for step in (plan_step, photo_step):
        StepProgress.objects.create(
            enrolment=enrolment, step_id=step.id, status=StepProgress.Status.APPROVED
        )
    down = mock.patch.object(type(award_playlist_completion), "enqueue", side_effect=OSError)
    with down, django_capture_on_commit_callbacks(execute=True):
        update_progress(enrolment)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None and enrolment.award_due
    assert not Award.objects.filter(badge_class__in=[completion_badge, step_badge]).exists()

    call_command("cityoflearning_retry_pending", stdout=mock.MagicMock())
    enrolment.refresh_from_db()
    assert enrolment.completion_award.badge_class == completion_badge
    assert not enrolment.award_due
    assert Award.objects.filter(badge_class=step_badge).count() == 1
    assert not StepProgress.objects.filter(award_due=True).exists()

    call_command("cityoflearning_retry_pending", stdout=mock.MagicMock())
    assert Award.objects.filter(badge_class__in=[completion_badge, step_badge]).count() == 2


def test_completion_is_not_awarded_to_an_unverified_address(enrolment, learner, playlist):
    EmailAddress.objects.filter(user=learner).update(verified=False)
    enrolment.completed_at = timezone.now()
    enrolment.award_due = True
    enrolment.save()
    assert award_playlist_completion.call(enrolment.pk) is None
    enrolment.refresh_from_db()
    assert enrolment.completion_award is None and not enrolment.award_due
    assert award_step_badge.call(0) is None  # a vanished row is nothing to do


def test_the_playlist_index_costs_the_same_queries_for_more_playlists(
    client, playlist_index, playlist
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(playlist_index.url).status_code == 200
        return len(queries)

    count()  # warm the site and locale caches
    few = count()
    for number in range(4):
        make_playlist(playlist_index, playlist.steps.raw_data, title=f"Path {number}")
    assert count() == few


def test_check_reports_a_host_site_without_allauth():
    installed = mock.patch(
        "wagtail_cityoflearning.learners.checks.apps.is_installed",
        side_effect=lambda app: app == "allauth",
    )
    with installed:
        errors = check_learner_setup()
    assert [(e.id, e.msg) for e in errors] == [
        ("wagtail_cityoflearning.E001", "'allauth.account' is not in INSTALLED_APPS.")
    ]


def test_check_reports_a_host_site_without_evidence_storage(settings):
    assert check_learner_setup() == []
    settings.STORAGES = {
        alias: options
        for alias, options in settings.STORAGES.items()
        if alias != "cityoflearning_evidence"
    }
    assert [e.id for e in check_learner_setup()] == ["wagtail_cityoflearning.E002"]
