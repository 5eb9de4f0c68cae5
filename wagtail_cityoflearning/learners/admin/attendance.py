"""Who takes part in an opportunity, and the provider's confirmation that they attended.

Confirming attendance completes the opportunity's step in every playlist that has it, so
each change is followed by :func:`~.progress.update_progress_for_user`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_cityoflearning import access
from wagtail_cityoflearning.learners.accounts.consent import consent_statuses, may_store
from wagtail_cityoflearning.learners.playlists.opportunity_steps import (
    opportunity_step_ids,
    playlists_with_opportunities,
)
from wagtail_cityoflearning.learners.playlists.permissions import reviewable_playlists
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import update_progress_for_user
from wagtail_cityoflearning.models.base import BasePage


def playlist_labels(playlists, viewer) -> dict[int, str]:
    """How each playlist is named to ``viewer``: by its title if they may review it, else
    as "another playlist" (another provider's pathways are not theirs to read)."""
    ids = [page.pk for page in playlists]
    visible = set(reviewable_playlists(viewer).filter(pk__in=ids).values_list("pk", flat=True))
    return {
        page.pk: page.get_admin_display_title() if page.pk in visible else _("another playlist")
        for page in playlists
    }


def learner_name(user) -> str:
    """How the admin names a learner: their display name, else their account name."""
    # The profile loaded with the user (``select_related("learner_profile")``), not
    # ``LearnerProfile.objects.for_user``: that would be a query for each row of a list.
    profile = getattr(user, "learner_profile", None)
    if profile is not None and profile.display_name:
        return profile.display_name
    return user.get_full_name() or user.get_username()


@dataclass
class Participant:
    user: object
    name: str
    playlists: list = field(default_factory=list)
    attendance: Attendance | None = None
    found_by_email: bool = False
    may_store: bool = True
    # What other apps say about them here, e.g. "Registered" (the providers' app).
    notes: list = field(default_factory=list)

    @property
    def attended(self) -> bool:
        return self.attendance is not None

    @property
    def consent_pending(self) -> bool:
        """Nothing about their learning may be stored on the opportunity's site until a
        guardian agrees (see :func:`~.consent.consent_status`)."""
        return not self.may_store


def find_user_by_email(email: str, among=None):
    """The account using ``email`` (its main or any other address), or None. ``among``
    limits the search to a queryset of users (see
    :func:`findable_learners`)."""
    email = (email or "").strip()
    if not email:
        return None
    from allauth.account.models import EmailAddress

    users = among if among is not None else get_user_model().objects.filter(is_active=True)
    owner_ids = EmailAddress.objects.filter(email__iexact=email).values("user_id")
    return (
        users.filter(Q(email__iexact=email) | Q(pk__in=owner_ids))
        .select_related("learner_profile")
        .order_by("pk")
        .first()
    )


def participants(opportunity, labels, *, extra_user=None) -> list[Participant]:
    """Learners who started a playlist with this opportunity, everyone confirmed as
    attending, those other apps add (the ``cityoflearning_opportunity_participants`` hook:
    functions of the opportunity giving ``(user, note)`` pairs, e.g. the learners registered
    on the site) and ``extra_user`` (found by email); sorted by name. ``labels`` maps the ids
    of the playlists with the opportunity to how they are named (:func:`playlist_labels`)."""
    rows: dict[int, Participant] = {}

    def row(user):
        if user.pk not in rows:
            rows[user.pk] = Participant(user=user, name=learner_name(user))
        return rows[user.pk]

    enrolments = (
        PlaylistEnrolment.objects.filter(playlist_id__in=list(labels), started_at__isnull=False)
        .select_related("user__learner_profile")
        .order_by("started_at")
    )
    attendances = Attendance.objects.filter(opportunity=opportunity).select_related(
        "user__learner_profile", "confirmed_by"
    )
    site = opportunity.get_site()  # consent counts where the learning happens
    for enrolment in enrolments:
        row(enrolment.user).playlists.append(labels[enrolment.playlist_id])
    for attendance in attendances:
        row(attendance.user).attendance = attendance
    for fn in hooks.get_hooks("cityoflearning_opportunity_participants"):
        for user, note in fn(opportunity):
            row(user).notes.append(note)
    if extra_user is not None:
        row(extra_user).found_by_email = True
    statuses = consent_statuses([participant.user for participant in rows.values()], site)
    for participant in rows.values():
        participant.may_store = statuses[participant.user.pk].may_store
    return sorted(rows.values(), key=lambda p: (p.name.casefold(), p.user.pk))


def confirm_attendance(opportunity, user, *, confirmed_by) -> bool:
    """Record that ``user`` attended; True when it was not recorded before."""
    _attendance, created = Attendance.objects.get_or_create(
        opportunity=opportunity, user=user, defaults={"confirmed_by": confirmed_by}
    )
    return created


def withdraw_attendance(opportunity, user, playlists) -> bool:
    """Remove a confirmation made by mistake; True when there was one.

    The opportunity's step is no longer complete unless the learner holds the opportunity's
    badge (the next evaluation records it again then). A playlist already completed stays
    completed, and a badge already awarded stays awarded: revoking it is a separate decision.
    """
    deleted, _by_model = Attendance.objects.filter(opportunity=opportunity, user=user).delete()
    if not deleted:
        return False
    for playlist in playlists:
        step_ids = opportunity_step_ids(playlist, opportunity)
        StepProgress.objects.filter(
            enrolment__user=user,
            enrolment__playlist_id=playlist.pk,
            enrolment__completed_at__isnull=True,
            step_id__in=step_ids,
            status=StepProgress.Status.DONE,
            award__isnull=True,
        ).delete()
    return True


def update_attendance(opportunity, playlists, *, attended, absent, confirmed_by):
    """Confirm the users in ``attended`` (unless a parent's consent is awaited), withdraw
    those in ``absent``, then update their playlists' progress; returns (confirmed,
    withdrawn)."""
    playlist_ids = [page.pk for page in playlists]
    confirmed = withdrawn = 0
    site = opportunity.get_site()
    with transaction.atomic():
        for user in attended:
            if not may_store(user, site):
                continue
            if confirm_attendance(opportunity, user, confirmed_by=confirmed_by):
                confirmed += 1
                update_progress_for_user(user, playlist_ids=playlist_ids)
        for user in absent:
            if withdraw_attendance(opportunity, user, playlists):
                withdrawn += 1
                update_progress_for_user(user, playlist_ids=playlist_ids)
    return confirmed, withdrawn


def findable_learners(user, opportunity):
    """The accounts ``user`` may look up by email on ``opportunity``'s participants page.

    Only learners (an account with a learner profile, never staff) who started a playlist
    with, or attended, an opportunity of the same provider. Anyone else stays unknown: the
    lookup must not tell provider staff who has an account, nor reach the other city.
    """
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not access.may_manage_participants(user, opportunity):
        return User.objects.none()
    siblings = list(
        BasePage.objects.child_of(opportunity.get_parent()).values_list("pk", flat=True)
    )
    playlists = [page.pk for page in playlists_with_opportunities(opportunity, siblings)]
    related = Q(
        pk__in=PlaylistEnrolment.objects.filter(
            playlist_id__in=playlists, started_at__isnull=False
        ).values("user_id")
    ) | Q(pk__in=Attendance.objects.filter(opportunity_id__in=siblings).values("user_id"))
    return User.objects.filter(
        related,
        is_active=True,
        is_staff=False,
        is_superuser=False,
        learner_profile__isnull=False,
    )
