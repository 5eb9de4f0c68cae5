"""Progress through a playlist: what completes a step, when the playlist is complete, and
that the completion badge is awarded exactly once."""

from django.utils import timezone

from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.progress.models import Attendance, StepProgress
from wagtail_cityoflearning.learners.progress.state import playlist_progress, update_progress


def approve(enrolment, step, **fields):
    return StepProgress.objects.update_or_create(
        enrolment=enrolment,
        step_id=step.id,
        defaults={"status": StepProgress.Status.APPROVED, **fields},
    )[0]


def test_nothing_done_is_zero_percent_and_points_at_the_first_step(enrolment, playlist):
    progress = playlist_progress(playlist, enrolment)
    assert [s.complete for s in progress.states] == [False, False, False, False]
    assert progress.needed == 3  # two required steps and one of the two optional ones
    assert progress.percent == 0
    assert progress.next_state.step == playlist.step_list[0]


def test_attendance_and_badges_complete_their_steps(enrolment, playlist, learner, other_badge):
    opportunity_step, _, _, badge_step = playlist.step_list
    Attendance.objects.create(opportunity=opportunity_step.opportunity, user=learner)
    award(other_badge, "MAJA@example.org")  # any case of the learner's verified address
    states = playlist_progress(playlist, enrolment).states
    assert states[0].complete and states[3].complete
    assert not states[1].complete


def test_a_revoked_badge_does_not_count(enrolment, playlist, other_badge):
    revoke(award(other_badge, "maja@example.org"), "Awarded by mistake")
    assert not playlist_progress(playlist, enrolment).states[3].complete


def test_requirements_met_awards_the_completion_badge_once(
    enrolment, playlist, learner, completion_badge, step_badge, django_capture_on_commit_callbacks
):
    opportunity_step, plan_step, photo_step, _ = playlist.step_list
    Attendance.objects.create(opportunity=opportunity_step.opportunity, user=learner)
    with django_capture_on_commit_callbacks(execute=True):
        approve(enrolment, plan_step, text="A bike-sharing app")
        progress = update_progress(enrolment)
    assert progress.percent == 67 and not progress.requirements_met
    assert (
        Award.objects.filter(badge_class=step_badge, recipient_email="maja@example.org").count()
        == 1
    )
    with django_capture_on_commit_callbacks(execute=True):
        approve(enrolment, photo_step)
        update_progress(enrolment)
        update_progress(enrolment)  # a second event: no second award
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert enrolment.completion_award.badge_class == completion_badge
    assert Award.objects.filter(badge_class=completion_badge).count() == 1
    assert Award.objects.filter(badge_class=step_badge).count() == 1
    assert enrolment.completion_award.source == Award.Source.PLAYLIST


def test_steps_in_order_lock_until_the_required_step_before_is_done(enrolment, playlist, learner):
    playlist.in_order = True
    states = playlist_progress(playlist, enrolment).states
    assert [s.locked for s in states] == [False, True, True, True]
    Attendance.objects.create(opportunity=playlist.step_list[0].opportunity, user=learner)
    states = playlist_progress(playlist, enrolment).states
    assert [s.locked for s in states] == [False, False, True, True]


def test_a_saved_but_not_started_playlist_completes_nothing(enrolment, playlist, learner):
    enrolment.started_at = None
    enrolment.saved_at = timezone.now()
    enrolment.save()
    Attendance.objects.create(opportunity=playlist.step_list[0].opportunity, user=learner)
    update_progress(enrolment)
    assert not StepProgress.objects.filter(enrolment=enrolment).exists()
