"""Who may review evidence and confirm attendance: the access policy's answers for learners.

Wagtail's page permissions decide (see :mod:`wagtail_cityoflearning.access`). Provider staff
own their ProviderPage subtree, so they review the playlists under their provider and manage
their own opportunities; city editors own the city's pages, so they review its playlists.
"""

from wagtail_cityoflearning import access
from wagtail_cityoflearning.learners.playlists.models import AbstractPlaylistPage

may_edit_page = access.may_edit_page
can_manage_participants = access.may_manage_participants


def reviewable_playlists(user):
    """The playlist pages whose evidence and progress ``user`` may see and review: those
    whose page they may edit (their provider's playlists; a city editor's city's)."""
    return access.editable_pages(user).type(AbstractPlaylistPage)


def reviewable_playlist_ids(user):
    """The ids of :func:`reviewable_playlists`, as a subquery for ``__in`` lookups."""
    return reviewable_playlists(user).values_list("pk", flat=True)


def can_review(user, step_progress) -> bool:
    """True when ``user`` may see and decide on the evidence in ``step_progress``."""
    return may_edit_page(user, step_progress.enrolment.playlist)


__all__ = [
    "can_manage_participants",
    "can_review",
    "may_edit_page",
    "reviewable_playlist_ids",
    "reviewable_playlists",
]
