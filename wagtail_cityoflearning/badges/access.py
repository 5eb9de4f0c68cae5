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
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
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


# -- endorsements -------------------------------------------------------------------------------


def endorsing_issuers(user):
    """The issuers ``user`` may endorse as: a city editor speaks for their city's issuer,
    provider staff for their provider's (a city editor does not sign as one of the city's
    providers). Superusers may endorse as any issuer."""
    if not is_staff_user(user):
        return Issuer.objects.none()
    if user.is_superuser:
        return Issuer.objects.all()
    sites = list(city_sites(user).select_related("root_page"))
    providers = provider_pages(user)
    for site in sites:  # the providers of their cities they edit as city editors
        providers = providers.exclude(path__startswith=site.root_page.path)
    scope = Q(site__in=[site.pk for site in sites]) | Q(provider__in=providers.values("pk"))
    if any(site.is_default_site for site in sites):
        scope |= Q(site__isnull=True, provider__isnull=True)
    return Issuer.objects.filter(scope)


def _city_badges(site) -> Q:
    """Badge classes of the issuers of ``site``'s city: the city's own and its providers'."""
    scope = Q(issuer__site=site) | Q(issuer__provider__path__startswith=site.root_page.path)
    if site.is_default_site:
        scope |= Q(issuer__site__isnull=True, issuer__provider__isnull=True)
    return scope


def endorsable_badge_classes(user, endorser=None):
    """The published badges ``user`` may endorse (as ``endorser``, or as any issuer of
    :func:`endorsing_issuers`): those of the endorser's own city, not its own."""
    live = BadgeClass.objects.filter(live=True)
    if endorser is not None:
        if not endorsing_issuers(user).filter(pk=endorser.pk).exists():
            return BadgeClass.objects.none()
        endorsers = [endorser]
    elif user is not None and user.is_superuser and is_staff_user(user):
        return live  # the form checks the city and the issuer against the chosen endorser
    else:
        endorsers = list(endorsing_issuers(user))
    scope = Q(pk__in=[])
    for each in endorsers:
        site = each.get_site()
        if site is not None:
            scope |= _city_badges(site) & ~Q(issuer=each)
    return live.filter(scope)


def endorsements(user):
    """The endorsements ``user`` may see in the admin: those the issuers they manage gave
    and those the badges of those issuers received."""
    mine = issuers(user).values("pk")
    return Endorsement.objects.filter(Q(endorser__in=mine) | Q(badge_class__issuer__in=mine))


def given_endorsements(user):
    """The endorsements ``user`` may withdraw: those of the issuers they endorse as."""
    return Endorsement.objects.filter(endorser__in=endorsing_issuers(user).values("pk"))


class AwardPermissionPolicy(ScopedPermissionPolicy):
    """Awards are revoked, never deleted, by anyone: the award keeps its bit in its issuer's
    Open Badges 3.0 status list and its revoked 2.0 assertion, so a copy the holder kept can
    never verify again."""

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action != "delete"]
        return bool(actions) and super().user_has_any_permission(user, actions)

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


def register_policies():
    """Register the scoped permission policies of the badge models with Wagtail."""
    for model, scope, policy in (
        (Issuer, issuers, ScopedPermissionPolicy),
        (BadgeClass, badge_classes, ScopedPermissionPolicy),
        (Award, awards, AwardPermissionPolicy),
        (ClaimCode, claim_codes, ScopedPermissionPolicy),
        (Endorsement, endorsements, ScopedPermissionPolicy),
    ):
        if not isinstance(
            policy_registry.get_by_type(model, fallback=False), ScopedPermissionPolicy
        ):
            register_permission_policy(model, policy(model, scope), exact_class=True)


visible_awards = awards
