"""Progress moves when something happens outside the playlist: a badge is awarded to a
learner's address, or a provider confirms that a learner took part in an opportunity.

The re-evaluation runs once the event's transaction has committed, so it sees the event, and
robustly: a failure is logged and never undoes the award or the attendance."""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save

from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.progress.models import Attendance
from wagtail_cityoflearning.learners.progress.state import update_progress_for_user

logger = logging.getLogger(__name__)


def users_with_email(email: str) -> list:
    """Learners an award to ``email`` belongs to: by a verified address or the account's own
    (the same addresses :func:`~wagtail_cityoflearning.learners.accounts.addresses.learner_emails` counts badges for)."""
    from allauth.account.models import EmailAddress

    if not email:
        return []
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True).values("user_id")
    user_model = get_user_model()
    return list(
        user_model.objects.filter(email__iexact=email) | user_model.objects.filter(pk__in=verified)
    )


def reevaluate(users) -> None:
    for user in users:
        with transaction.atomic():
            update_progress_for_user(user)


def on_award_saved(sender, instance, created, raw=False, **kwargs):
    """A new badge can complete badge steps and opportunity steps in started playlists."""
    if not created or raw or instance.revoked:
        return
    email = instance.recipient_email
    transaction.on_commit(lambda: reevaluate(users_with_email(email)), robust=True)


def on_attendance_saved(sender, instance, created, raw=False, **kwargs):
    """Confirmed attendance completes the opportunity's steps in started playlists."""
    if not created or raw:
        return
    user_id = instance.user_id
    transaction.on_commit(
        lambda: reevaluate(get_user_model().objects.filter(pk=user_id)), robust=True
    )


def connect() -> None:
    post_save.connect(on_award_saved, sender=Award, dispatch_uid="col_learners_award_saved")
    post_save.connect(
        on_attendance_saved, sender=Attendance, dispatch_uid="col_learners_attendance_saved"
    )
