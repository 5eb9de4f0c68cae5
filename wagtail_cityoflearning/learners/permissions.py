"""Who may review evidence and confirm attendance: exactly who may edit the page.

Wagtail's page permissions decide. Provider staff own their ProviderPage subtree, so they
review the playlists under their provider and manage their own opportunities; city editors
own the PlaylistIndexPage, so they review the city's playlists.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models.base import BasePage
from ..models.opportunities import AbstractOpportunityPage
from ..models.playlists import AbstractPlaylistPage


def reviewable_playlists(user):
    """The playlist pages (base page queryset) whose evidence ``user`` may review."""
    if not user.is_authenticated or not user.is_active:
        return BasePage.objects.none()
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages.type(AbstractPlaylistPage)


def reviewable_playlist_ids(user):
    """The ids of :func:`reviewable_playlists`, as a subquery for ``__in`` lookups."""
    return reviewable_playlists(user).values_list("pk", flat=True)


def may_edit_page(user, page) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return page.permissions_for_user(user).can_edit()


def can_review(user, step_progress) -> bool:
    """True when ``user`` may see and decide on the evidence in ``step_progress``."""
    return may_edit_page(user, step_progress.enrolment.playlist)


def can_manage_participants(user, opportunity) -> bool:
    """True when ``user`` may see who takes part in ``opportunity`` and confirm attendance."""
    page_class = opportunity.specific_class
    if page_class is None or not issubclass(page_class, AbstractOpportunityPage):
        return False
    return may_edit_page(user, opportunity)


__all__ = [
    "can_manage_participants",
    "can_review",
    "reviewable_playlist_ids",
    "reviewable_playlists",
]
