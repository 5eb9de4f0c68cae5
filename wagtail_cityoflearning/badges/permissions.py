"""Who may award which badges: provider staff award only their own provider's badges."""

from django.db.models import Q
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Award, BadgeClass


def awardable_badge_classes(user):
    """Published badges ``user`` may award and revoke.

    Superusers: all. Others: the badges of providers whose page they may edit, and the city's
    badges when they may change issuers (city editors).
    """
    badges = BadgeClass.objects.filter(live=True).select_related("issuer")
    if user.is_superuser:
        return badges
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    allowed = Q(issuer__provider__in=pages.values("pk"))
    if user.has_perm("wagtail_cityoflearning.change_issuer"):
        allowed |= Q(issuer__provider__isnull=True)
    return badges.filter(allowed)


def visible_awards(user):
    """The awards ``user`` may see in the admin: those of the badges they may award."""
    awards = Award.objects.select_related("badge_class__issuer")
    if user.is_superuser:
        return awards
    ids = BadgeClass.objects.filter(
        translation_key__in=awardable_badge_classes(user).values("translation_key")
    ).values("pk")
    return awards.filter(badge_class__in=ids)
