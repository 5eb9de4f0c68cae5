"""Reading many playlists at once: the dashboard and its suggestions list several playlists,
each showing its steps, in a number of queries that does not grow with the playlists."""

from __future__ import annotations

from collections import defaultdict

from wagtail.models import Page

from wagtail_cityoflearning.learners.playlists.models import AbstractPlaylistPage, PlaylistPage


def prefetch_steps(playlists) -> None:
    """Resolve the chosen pages and badges of all playlists' steps in one query per kind.

    Wagtail resolves a StreamField's choosers per page; done for each playlist in turn, the
    dashboard's queries would grow with the learner's playlists.
    """
    by_model = defaultdict(list)
    for playlist in playlists:
        by_model[type(playlist)].append(playlist)
    for model, pages in by_model.items():
        stream_block = model._meta.get_field("steps").stream_block
        values = stream_block.bulk_to_python([list(p.steps.raw_data) for p in pages])
        for playlist, value in zip(pages, values, strict=True):
            playlist.steps = value


def load_playlists(ids) -> dict[int, Page]:
    """The playlist pages with these ids, by id, their steps resolved."""
    ids = set(ids)
    if not ids:
        return {}
    playlists = {
        p.pk: p
        for p in PlaylistPage.objects.filter(pk__in=ids)
        .select_related("cover_image", "completion_badge")
        .prefetch_related("interests", "cover_image__renditions")
    }
    missing = ids - playlists.keys()
    if missing:  # a site's own playlist model
        playlists.update(
            (p.pk, p)
            for p in Page.objects.filter(pk__in=missing).specific()
            if isinstance(p, AbstractPlaylistPage)
        )
    prefetch_steps(playlists.values())
    return playlists


__all__ = ["load_playlists", "prefetch_steps"]
