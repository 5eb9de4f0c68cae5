"""Builds a demo city's learner: a young person with a verified address and a profile, who
has completed one playlist (and holds its badge), started another (one step approved, one
waiting for review, so editors find something in the review queue), saved a third for later
and attended an opportunity.

Idempotent: the user is found by email, each enrolment by its playlist and the attendance by
its opportunity; only what is missing is created, so running the demo again changes nothing.
Progress goes through :func:`~wagtail_cityoflearning.learners.progress.state.update_progress`
and the badges through the same tasks the site uses, so the data is what real use would leave.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import update_progress
from wagtail_cityoflearning.learners.progress.tasks import (
    award_playlist_completion,
    award_step_badge,
)

from .playlists import find_opportunity

# Printed by the demo command, like the admin's: a demo learner is not a real account.
DEMO_LEARNER_PASSWORD = "cityoflearning"  # noqa: S105


def _user(data, password):
    from allauth.account.models import EmailAddress

    User = get_user_model()
    user = User.objects.filter(email__iexact=data["email"]).first()
    if user is None:
        user = User.objects.create_user(data["username"], data["email"], password)
    EmailAddress.objects.get_or_create(
        user=user, email=data["email"], defaults={"verified": True, "primary": True}
    )
    return user


def _profile(user, site, data, interests_by_slug):
    """The learner's profile: old enough for the city's age of consent, so nothing waits."""
    profile = LearnerProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    profile = LearnerProfile.objects.create(
        user=user,
        site=site,
        display_name=data["display_name"],
        # The profile's age is the lower bound for the year, so this gives exactly data["age"].
        year_of_birth=timezone.localdate().year - data["age"] - 1,
        preferred_language=site.root_page.locale.language_code,
        consent=LearnerProfile.Consent.NOT_NEEDED,
    )
    profile.interests.set(interests_by_slug[slug] for slug in data["interests"])
    return profile


def _step_progress(enrolment, step, item, when):
    """A learner's evidence on one step, reviewed or waiting for review as ``item`` says."""
    status = item["status"]
    record = StepProgress(
        enrolment=enrolment,
        step_id=step.id,
        status=status,
        text=item.get("text", ""),
        link=item.get("link", ""),
        feedback=item.get("feedback", ""),
    )
    if status != StepProgress.Status.DONE:
        record.submitted_at = when
    if status == StepProgress.Status.APPROVED:
        record.reviewed_at = when + dt.timedelta(days=1)
    record.save()
    return record


def _quietly(award_uuid):
    """The demo learners have no inbox: mark their awards as notified, so loading the demo
    sends no email. Baking the image still happens in the background task."""
    if award_uuid:
        Award.objects.filter(uuid=award_uuid).update(notification_state=Award.State.DONE)


def _award_earned_badges(enrolment, progress):
    """Award the badges a live site's background tasks would: each completed step's own badge
    and the completion badge, recorded on the step and the enrolment (the tasks are
    idempotent, so the ones ``update_progress`` queued find them awarded and do nothing)."""
    for state in progress.states:
        if state.complete and state.step.earns_step_badge is not None:
            _quietly(award_step_badge.call(state.progress.pk))
    if PlaylistEnrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=False).exists():
        _quietly(award_playlist_completion.call(enrolment.pk))


def _enrolment(user, playlist, data):
    """Start ``playlist`` some days ago with the evidence in ``data``, then update its progress."""
    if PlaylistEnrolment.objects.filter(user=user, playlist=playlist).exists():
        return None
    started = timezone.now() - dt.timedelta(days=data["days_ago"])
    enrolment = PlaylistEnrolment.objects.create(
        user=user, playlist=playlist, started_at=started, last_activity_at=started
    )
    steps = playlist.step_list
    last_activity = started
    for number, item in data["steps"].items():
        when = started + dt.timedelta(days=min(number, data["days_ago"] - 1))
        _step_progress(enrolment, steps[number - 1], item, when)
        last_activity = max(last_activity, when)
    PlaylistEnrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=last_activity)
    progress = update_progress(enrolment)
    _award_earned_badges(enrolment, progress)
    return enrolment


def load_learner(*, site, data, playlists, provider_index, interests_by_slug, password) -> str:
    """Create what is missing of the city's demo learner; return their email address."""
    learner = data.LEARNER
    user = _user(learner, password)
    _profile(user, site, learner, interests_by_slug)
    for provider_slug, title in learner["attended"]:
        opportunity = find_opportunity(provider_index, provider_slug, title)
        Attendance.objects.get_or_create(opportunity=opportunity, user=user)
    # The completed playlist first: its badge completes a badge step of the started one.
    _enrolment(user, playlists[learner["completed"]["playlist"]], learner["completed"])
    _enrolment(user, playlists[learner["started"]["playlist"]], learner["started"])
    for slug in learner["saved"]:
        PlaylistEnrolment.objects.get_or_create(
            user=user, playlist=playlists[slug], defaults={"saved_at": timezone.now()}
        )
    return user.email
