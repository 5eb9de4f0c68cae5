"""The access policy: which of the package's objects each user may see and change.

One install serves several cities (Wagtail Sites) and many learning providers. Every admin
view the package adds asks here, and asks for a *queryset*, so what a user may not reach is
never loaded: lists, exports, choosers, the object views (edit, inspect, copy, history, usage,
delete, revisions), bulk actions, awarding, claim codes, review and participants.

The scopes come from Wagtail's page permissions, which editors already manage:

- a user's **cities** are the Sites whose root page they may edit (city editors);
- a user's **providers** are the provider pages they may edit (provider staff own their
  provider's subtree; a city editor may edit every provider in the city);
- a badge issuer belongs to its city or to its provider; badge classes, awards and claim codes
  belong to their issuer.

Model permissions (``add_award``, ``change_badgeclass``...) still decide *which actions* a
role has; the scope decides *on which objects*. Superusers have every object.
:func:`register_policies` makes Wagtail use the same rules wherever it asks the permission
policy registry (snippet views and bulk actions, editing sessions).

``docs/permissions.md`` lists, role by role, what this allows; the permission matrix test
(``tests/access/``) proves that table against the running views.
"""

import functools

from django.contrib.admin.utils import unquote
from django.db.models import Exists, Q
from django.http import Http404
from wagtail.models import Site
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy


def _is_staff_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def editable_pages(user):
    """Every page ``user`` may edit (a base page queryset)."""
    if not _is_staff_user(user):
        from wagtail.models import Page

        return Page.objects.none()
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def city_sites(user):
    """The Sites ``user`` edits as a city editor: those whose root page they may edit."""
    if not _is_staff_user(user):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(root_page__in=editable_pages(user).values("pk"))


def provider_pages(user):
    """The provider pages ``user`` may edit: their own provider, or every provider of their
    cities."""
    from .models.providers import AbstractProviderPage

    return editable_pages(user).type(AbstractProviderPage)


# -- badges ------------------------------------------------------------------------------------


def issuers(user):
    """The badge issuers ``user`` acts for: their cities' and their providers'."""
    from .badges.models import Issuer

    if not _is_staff_user(user):
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
    from .badges.models import BadgeClass

    return BadgeClass.objects.filter(issuer__in=issuers(user).values("pk"))


def awardable_badge_classes(user):
    """The published badges ``user`` may award, revoke and make claim codes for."""
    return badge_classes(user).filter(live=True).select_related("issuer")


def awards(user):
    """The awards of :func:`badge_classes`: the only recipients ``user`` may read."""
    from .badges.models import Award

    return Award.objects.filter(badge_class__issuer__in=issuers(user).values("pk"))


def claim_codes(user):
    """The claim codes of :func:`badge_classes`: the only ones ``user`` may list or print."""
    from .badges.models import ClaimCode

    return ClaimCode.objects.filter(badge_class__issuer__in=issuers(user).values("pk"))


# -- learners ----------------------------------------------------------------------------------


def reviewable_playlists(user):
    """The playlist pages whose evidence and progress ``user`` may see and review: those
    whose page they may edit (their provider's playlists; a city editor's city's)."""
    from .models.playlists import AbstractPlaylistPage

    return editable_pages(user).type(AbstractPlaylistPage)


def may_edit_page(user, page) -> bool:
    if not _is_staff_user(user):
        return False
    return page.permissions_for_user(user).can_edit()


def may_manage_participants(user, opportunity) -> bool:
    """True when ``user`` may see who takes part in ``opportunity`` and confirm attendance."""
    from .models.opportunities import AbstractOpportunityPage

    page_class = opportunity.specific_class
    if page_class is None or not issubclass(page_class, AbstractOpportunityPage):
        return False
    return may_edit_page(user, opportunity)


def findable_learners(user, opportunity):
    """The accounts ``user`` may look up by email on ``opportunity``'s participants page.

    Only learners (an account with a learner profile, never staff) who started a playlist
    with, or attended, an opportunity of the same provider. Anyone else stays unknown: the
    lookup must not tell provider staff who has an account, nor reach the other city.
    """
    from django.contrib.auth import get_user_model

    from .learners.models import Attendance, PlaylistEnrolment
    from .learners.opportunity_steps import playlists_with_opportunities
    from .models.base import BasePage

    User = get_user_model()
    if not may_manage_participants(user, opportunity):
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


# -- Wagtail's admin views ---------------------------------------------------------------------


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions decide the action, the access policy's scope decides the objects."""

    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        return self.scope(user).filter(pk=instance.pk).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


def _in_scope(scope, user, pk) -> bool:
    try:
        return scope(user).filter(pk=unquote(str(pk))).exists()
    except (ValueError, TypeError, OverflowError):
        return False


class ScopedViewMixin:
    """Mixed into every view of a scoped viewset: lists and choosers list only the user's
    objects; views of one object answer 404 for an object outside the scope."""

    access_scope = None

    def get_base_queryset(self):
        return self._scoped(super().get_base_queryset())

    def get_object_list(self):
        return self._scoped(super().get_object_list())

    def get_objects(self, pks):  # choosing several at once
        return self._scoped(super().get_objects(pks))

    def _scoped(self, queryset):
        return queryset.filter(pk__in=self.access_scope(self.request.user).values("pk"))


class ScopedViewSetMixin:
    """For a Wagtail viewset of one of the package's models: every view it constructs is
    limited to ``access_scope(user)``, a function of this module."""

    access_scope = None  # a staticmethod: user -> queryset

    def construct_view(self, view_class, **kwargs):
        scope = type(self).access_scope
        scoped_class = type(
            f"Scoped{view_class.__name__}",
            (ScopedViewMixin, view_class),
            {"access_scope": staticmethod(scope), "__module__": view_class.__module__},
        )
        return scoped_object_view(super().construct_view(scoped_class, **kwargs), scope)


def scoped_object_view(view, scope):
    """Wrap a view taking an object's ``pk``: 404 unless the object is in the user's scope."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not _in_scope(scope, request.user, pk):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def register_policies():
    """Register the scoped permission policies of the badge models with Wagtail."""
    from wagtail.permissions import policy_registry, register_permission_policy

    from .badges.models import Award, BadgeClass, ClaimCode, Issuer

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
