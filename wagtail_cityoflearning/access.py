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
from django.http import Http404
from wagtail.models import Site
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.models.providers import AbstractProviderPage


def is_staff_user(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def editable_pages(user):
    """Every page ``user`` may edit (a base page queryset)."""
    if not is_staff_user(user):
        from wagtail.models import Page

        return Page.objects.none()
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def city_sites(user):
    """The Sites ``user`` edits as a city editor: those whose root page they may edit."""
    if not is_staff_user(user):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(root_page__in=editable_pages(user).values("pk"))


def provider_pages(user):
    """The provider pages ``user`` may edit: their own provider, or every provider of their
    cities."""
    return editable_pages(user).type(AbstractProviderPage)


# -- pages -------------------------------------------------------------------------------------


def may_edit_page(user, page) -> bool:
    if not is_staff_user(user):
        return False
    return page.permissions_for_user(user).can_edit()


def may_manage_participants(user, opportunity) -> bool:
    """True when ``user`` may see who takes part in ``opportunity`` and confirm attendance."""
    page_class = opportunity.specific_class
    if page_class is None or not issubclass(page_class, AbstractOpportunityPage):
        return False
    return may_edit_page(user, opportunity)


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
