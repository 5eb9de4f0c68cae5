"""The learners an editor may pick as a badge's recipient, and the addresses of one person.

The badges' admin asks through hooks (registered in ``learners/wagtail_hooks.py``): the
single award form offers the learners of :func:`learners_in_scope` (the participants of the
badge's opportunity first), and the bulk award counts a badge sent to any of a learner's
verified addresses as held.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext

from wagtail_cityoflearning import access
from wagtail_cityoflearning.badges.models import OpportunityBadge
from wagtail_cityoflearning.learners.accounts.addresses import learner_emails
from wagtail_cityoflearning.learners.admin.attendance import find_user_by_email, learner_name
from wagtail_cityoflearning.learners.playlists.opportunity_steps import playlists_with_opportunity
from wagtail_cityoflearning.learners.playlists.permissions import reviewable_playlist_ids
from wagtail_cityoflearning.learners.progress.models import Attendance, PlaylistEnrolment
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage


def _learners():
    return get_user_model().objects.filter(
        is_active=True, is_staff=False, is_superuser=False, learner_profile__isnull=False
    )


def learners_in_scope(user):
    """The learners ``user`` may see in the admin: those of their cities (by the city of the
    learner's profile), and everyone who started one of the playlists they review or attended
    one of the opportunities they manage. Provider staff see only the latter. Superusers see
    every learner."""
    if not access.is_staff_user(user):
        return get_user_model().objects.none()
    if user.is_superuser:
        return _learners()
    opportunities = access.editable_pages(user).type(AbstractOpportunityPage).values("pk")
    took_part = Q(
        pk__in=Attendance.objects.filter(opportunity_id__in=opportunities).values("user_id")
    ) | Q(
        pk__in=PlaylistEnrolment.objects.filter(
            playlist_id__in=reviewable_playlist_ids(user), started_at__isnull=False
        ).values("user_id")
    )
    of_city = Q(learner_profile__site__in=access.city_sites(user).values("pk"))
    return _learners().filter(took_part | of_city)


def badge_participants(badge_class):
    """The ids of the learners who take part in an opportunity where ``badge_class`` is
    earned: confirmed as attending, or started a playlist with it."""
    ids = set()
    links = OpportunityBadge.objects.filter(badge_class=badge_class).select_related("page")
    for link in links:
        opportunity = link.page
        ids.update(
            Attendance.objects.filter(opportunity=opportunity).values_list("user_id", flat=True)
        )
        playlists = [page.pk for page in playlists_with_opportunity(opportunity)]
        ids.update(
            PlaylistEnrolment.objects.filter(
                playlist_id__in=playlists, started_at__isnull=False
            ).values_list("user_id", flat=True)
        )
    return ids


def award_recipient_choices(user, badge_class=None) -> list[tuple[str, str]]:
    """(email, label) for each learner ``user`` may award a badge to: the participants of
    ``badge_class``'s opportunity first, then the others in their scope, each by name."""
    learners = list(learners_in_scope(user).select_related("learner_profile").exclude(email=""))
    participants = badge_participants(badge_class) if badge_class is not None else set()
    learners.sort(
        key=lambda learner: (learner.pk not in participants, learner_name(learner).casefold())
    )
    choices = []
    for learner in learners:
        label = learner_name(learner)
        if learner.pk in participants:
            label = gettext("%(name)s (takes part in this badge’s opportunity)") % {"name": label}
        choices.append((learner.email, label))
    return choices


def recipient_addresses(email: str) -> set[str]:
    """The verified addresses of the learner who uses ``email``, if one does."""
    owner = find_user_by_email(email)
    return learner_emails(owner) if owner is not None else set()


def recipient_addresses_many(emails) -> dict[str, set[str]]:
    """:func:`recipient_addresses` of each of ``emails``, in three queries whatever their
    number: each address's owner is the same account :func:`find_user_by_email` finds (the
    first active account using it as its main or any other address)."""
    wanted = {}
    for email in emails:
        if email.strip():
            wanted.setdefault(email.strip().lower(), []).append(email)
    if not wanted:
        return {}
    listed = (
        EmailAddress.objects.annotate(lower=Lower("email"))
        .filter(lower__in=list(wanted))
        .values_list("lower", "user_id")
    )
    users_of = {}
    for address, user_id in listed:
        users_of.setdefault(address, set()).add(user_id)
    accounts = (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(lower=Lower("email"))
        .filter(Q(lower__in=list(wanted)) | Q(pk__in={i for ids in users_of.values() for i in ids}))
        .values_list("pk", "lower")
    )
    active, owners = set(), {}
    for pk, address in accounts:
        active.add(pk)
        if address in wanted:
            users_of.setdefault(address, set()).add(pk)
    for address, ids in users_of.items():
        ids = ids & active
        if ids:
            owners[address] = min(ids)  # the first, as find_user_by_email orders them
    verified = {}
    for user_id, address in EmailAddress.objects.filter(
        user_id__in=set(owners.values()), verified=True
    ).values_list("user_id", "email"):
        verified.setdefault(user_id, set()).add(address.lower())
    return {
        email: set(verified.get(owners[address], ())) if address in owners else set()
        for address, originals in wanted.items()
        for email in originals
    }


# The bulk award asks for a whole batch at once (see badges/awarding.py).
recipient_addresses.many = recipient_addresses_many
