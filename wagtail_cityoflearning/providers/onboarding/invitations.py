"""Invitations to join a provider's staff, and the staff's membership.

A provider's staff are the members of the groups that hold page permissions on the provider's
page itself (:func:`staff_groups`; :func:`wagtail_cityoflearning.roles.provider_staff` makes
one). An invitation is a random token sent by email; only its SHA-256 digest is stored, so the
link cannot be rebuilt from the database. It works once and until it expires
(``PROVIDER_INVITATION_DAYS``).
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from wagtail_cityoflearning import roles
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.providers.onboarding.emails import send_invitation_email
from wagtail_cityoflearning.providers.onboarding.models import Invitation, token_digest


class InvitationProblem(Exception):
    """Why an invitation link cannot be used: ``UNKNOWN`` (tampered or cancelled),
    ``EXPIRED`` or ``USED``."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def invitation_days() -> int:
    return cityoflearning_settings.PROVIDER_INVITATION_DAYS


def staff_groups(provider):
    """The groups whose page permissions are on ``provider``'s page itself: its staff."""
    return Group.objects.filter(
        page_permissions__page=provider,
        page_permissions__permission__codename="change_page",
    ).distinct()


def staff_group(provider) -> Group:
    """The group new staff of ``provider`` join: its first staff group, or a new one."""
    return staff_groups(provider).order_by("pk").first() or roles.provider_staff(provider)


def staff_members(provider):
    """The active accounts in ``provider``'s staff groups, by name."""
    return (
        get_user_model()
        .objects.filter(groups__in=staff_groups(provider), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def remove_member(provider, user) -> None:
    """Take ``user`` out of every staff group of ``provider``."""
    user.groups.remove(*staff_groups(provider))


def provider_site(provider):
    return provider.get_site() or Site.objects.filter(is_default_site=True).first()


def invite(email, provider, group=None, *, invited_by=None, send=True):
    """A new invitation of ``email`` to ``provider``'s staff: ``(invitation, token)``. An
    earlier pending invitation of the same address to the same provider is replaced (its link
    stops working). The email goes after commit unless ``send`` is false."""
    group = group or staff_group(provider)
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.pending().filter(provider=provider, email__iexact=email).delete()
        invitation = Invitation(
            email=email,
            provider=provider,
            group=group,
            invited_by=invited_by,
            created=now,
            expires=now + dt.timedelta(days=invitation_days()),
        )
        token = invitation.new_token()
        invitation.save()
        if send:
            site = provider_site(provider)
            transaction.on_commit(lambda: send_invitation_email(invitation, token, site))
    return invitation, token


def resend(invitation):
    """Send the invitation again with a new link and a new expiry; the old link stops working."""
    now = timezone.now()
    invitation.created = now
    invitation.expires = now + dt.timedelta(days=invitation_days())
    token = invitation.new_token()
    invitation.save()
    send_invitation_email(invitation, token, provider_site(invitation.provider))
    return token


def find(token: str) -> Invitation:
    """The usable invitation of ``token``; raises :class:`InvitationProblem` otherwise."""
    invitation = (
        Invitation.objects.select_related("provider", "group")
        .filter(token_hash=token_digest(token or ""))
        .first()
    )
    if invitation is None:
        raise InvitationProblem(InvitationProblem.UNKNOWN)
    if invitation.is_used:
        raise InvitationProblem(InvitationProblem.USED)
    if invitation.is_expired:
        raise InvitationProblem(InvitationProblem.EXPIRED)
    return invitation


def account_for(email):
    """The account of ``email``, if there is one (by its address, case aside)."""
    return get_user_model().objects.filter(email__iexact=email).order_by("pk").first()


def accept(token: str, user) -> Invitation:
    """Use the invitation once: ``user`` joins its group. Raises :class:`InvitationProblem`
    when the link was used (also at the same moment, by another request) or has expired."""
    with transaction.atomic():
        invitation = find(token)
        used = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if not used:
            raise InvitationProblem(InvitationProblem.USED)
        user.groups.add(invitation.group)
    return invitation
