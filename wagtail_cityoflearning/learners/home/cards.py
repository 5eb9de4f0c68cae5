"""Playlist cards kept between requests: a card's picture and what it says about the playlist
are the same for every visitor of a Site in a language, so the dashboard renders them once and
keeps them in the page cache (``page_cache.pages``), under the playlist, the Site and the
language. Publishing, unpublishing, moving or deleting any page, and changing a snippet (a
badge, an interest) or an image, makes them stale; the learner's progress is never kept in
them, it is rendered on every visit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString
from wagtail.models import Site

from wagtail_cityoflearning.page_cache import pages

CARD = "wagtail_cityoflearning/includes/playlist_card.html"
PICTURE = "wagtail_cityoflearning/includes/card_picture.html"
DETAILS = "wagtail_cityoflearning/includes/playlist_card_details.html"


@dataclass(frozen=True)
class CardParts:
    picture: SafeString
    details: SafeString


def _render(playlist, request) -> CardParts:
    picture = get_template(PICTURE).render(
        {
            "image": playlist.cover_image,
            "interests": playlist.interests.all(),
            "seed": playlist.pk,
            "request": request,
        }
    )
    details = get_template(DETAILS).render({"playlist": playlist, "request": request})
    return CardParts(picture=picture, details=details)


def _complete(playlists) -> list:
    """The playlists with all a card shows: read again, in one query per page type, those
    read with some fields only; then their interests and cover images' renditions."""
    complete, partial = [], defaultdict(list)
    for playlist in playlists:
        if playlist.get_deferred_fields():
            partial[type(playlist)].append(playlist.pk)
        else:
            complete.append(playlist)
    for model, ids in partial.items():
        complete.extend(
            model.objects.filter(pk__in=ids).select_related("cover_image", "completion_badge")
        )
    prefetch_related_objects(
        [p for p in complete if "interests" not in getattr(p, "_prefetched_objects_cache", {})],
        "interests",
    )
    prefetch_related_objects(
        [p for p in complete if p.cover_image_id is not None], "cover_image__renditions"
    )
    return complete


def attach_cards(playlists, request) -> None:
    """Give each playlist its card's picture and details as ``cached_card`` (the playlist card
    template uses them): kept ones in one read of the cache, the others rendered, after their
    interests and cover image renditions are read for all of them at once (and the fields a
    playlist was read without, ``prefetch.PROGRESS_FIELDS``), and kept."""
    playlists = [p for p in playlists if p is not None]
    if not playlists:
        return
    site = Site.find_for_request(request) if request is not None else None
    language = translation.get_language()
    site_id = site.pk if site else ""
    ids = list(dict.fromkeys(p.pk for p in playlists))
    keys = dict(
        zip(ids, pages.keys(("playlist-card", pk, site_id, language) for pk in ids), strict=True)
    )
    found = pages.get_many(set(keys.values()))
    missing = [p for p in playlists if keys[p.pk] not in found]
    if missing:
        rendered = {}
        for playlist in _complete(missing):
            key = keys[playlist.pk]
            if key not in rendered:
                rendered[key] = _render(playlist, request)
        pages.set_many(rendered)
        found.update(rendered)
    for playlist in playlists:
        playlist.cached_card = found[keys[playlist.pk]]


def _progress_shown(item) -> tuple:
    """All a dashboard card shows of the learner's progress (the card says no more)."""
    if item.progress is None or not item.enrolment.is_started:
        return ("not started",)
    if item.enrolment.is_completed:
        return ("completed",)
    progress = item.progress
    return ("started", progress.counted, progress.needed, progress.waiting_for_review)


def attach_dashboard_cards(items, request) -> None:
    """Give each of the dashboard's playlists (``views.DashboardPlaylist``) its whole card,
    progress included, as ``card``, and the playlist's address as ``url``.

    A card shows the playlist and no more of the learner's progress than the numbers of
    steps done, needed and waiting for review (or that it is completed): it is kept under
    those numbers, never under the learner, so a card is the same for every learner at the
    same point of the same playlist, and a step done shows at once (it changes the numbers,
    so the key).
    """
    if not items:
        return
    site = Site.find_for_request(request) if request is not None else None
    site_id = site.pk if site else ""
    language = translation.get_language()
    keys = pages.keys(
        ("dashboard-card", item.playlist.pk, site_id, language, *_progress_shown(item))
        for item in items
    )
    found = pages.get_many(set(keys))
    missing = [(item, key) for item, key in zip(items, keys, strict=True) if key not in found]
    if missing:
        attach_cards([item.playlist for item, _key in missing], request)
        template = get_template(CARD)
        rendered = {}
        for item, key in missing:
            if key in rendered:
                continue
            playlist = item.playlist
            url = (playlist.get_url(request) or "") if playlist.live else ""
            context = {"playlist": playlist, "progress": item.progress, "request": request}
            rendered[key] = (template.render(context), url)
        pages.set_many(rendered)
        found.update(rendered)
    for item, key in zip(items, keys, strict=True):
        item.card, item.url = found[key]


__all__ = ["CardParts", "attach_cards", "attach_dashboard_cards"]
