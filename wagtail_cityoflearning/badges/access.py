"""The badges' part of the access policy: the issuers, badge classes, awards and claim codes
each user acts for, as querysets.

An issuer belongs to its city (Site) or to its provider; badge classes, awards and claim codes
belong to their issuer. Provider staff award only their own provider's badges; city editors
their city's and their city's providers'. The cities and providers come from
:mod:`wagtail_cityoflearning.access`; :func:`register_policies` gives Wagtail's own snippet
views and bulk actions the same scopes.
"""

from django.db.models import Exists, Q
from wagtail.permissions import policy_registry, register_permission_policy

from wagtail_cityoflearning.access import (
    ScopedPermissionPolicy,
    city_sites,
    is_staff_user,
    provider_pages,
)
from wagtail_cityoflearning.badges.models import Award, BadgeClass, ClaimCode, Issuer


def issuers(user):
    """The badge issuers ``user`` acts for: their cities' and their providers'."""
    if not is_staff_user(user):
        return Issuer.objects.none()
    if user.is_superuser:
        return Issuer.objects.all()
    sites = city_sites(user)
    scope = Q(site__in=sites.values("pk")) | Q(provider__in=provider_pages(user).values("pk"))
    # An issuer with neither a city nor a provider uses the default Site's address: it is the
    # default Site's editors' (one subquery, not another query).
    scope |= Exists(sites.filter(is_default_site=True)) & Q(
        site__isnull=True, provider__isnull=True
    )
    return Issuer.objects.filter(scope)


def badge_classes(user):
    """The badge classes of :func:`issuers` (drafts and translations included)."""
    return BadgeClass.objects.filter(issuer__in=issuers(user).values("pk"))


def awardable_badge_classes(user):
    """The published badges ``user`` may award, revoke and make claim codes for."""
    return badge_classes(user).filter(live=True).select_related("issuer")


def awards(user):
    """The awards of :func:`badge_classes`: the only recipients ``user`` may read."""
    return Award.objects.filter(badge_class__issuer__in=issuers(user).values("pk"))


def claim_codes(user):
    """The claim codes of :func:`badge_classes`: the only ones ``user`` may list or print."""
    return ClaimCode.objects.filter(badge_class__issuer__in=issuers(user).values("pk"))


def register_policies():
    """Register the scoped permission policies of the badge models with Wagtail."""
    for model, scope in (
        (Issuer, issuers),
        (BadgeClass, badge_classes),
        (Award, awards),
        (ClaimCode, claim_codes),
    ):
        if not isinstance(
            policy_registry.get_by_type(model, fallback=False), ScopedPermissionPolicy
        ):
            register_permission_policy(
                model, ScopedPermissionPolicy(model, scope), exact_class=True
            )


visible_awards = awards
