"""Who may review evidence and confirm attendance: the access policy's answers for learners.

Wagtail's page permissions decide (see :mod:`wagtail_cityoflearning.access`). Provider staff
own their ProviderPage subtree, so they review the playlists under their provider and manage
their own opportunities; city editors own the city's pages, so they review its playlists.
"""

from .. import access

reviewable_playlists = access.reviewable_playlists
may_edit_page = access.may_edit_page
can_manage_participants = access.may_manage_participants


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
