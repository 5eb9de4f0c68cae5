"""Submitting a playlist a young person made for publishing: it becomes a draft PlaylistPage
under the city's playlist index and enters that page's Wagtail workflow, so the city's editors
review, improve and publish it like any other page. The learner's own playlist stays theirs:
editing it later does not change the page."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage, PlaylistPage
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind


class SubmissionError(Exception):
    """The playlist cannot be submitted; the subclass says why."""


class AlreadySubmitted(SubmissionError):
    pass


class NoPlaylistIndex(SubmissionError):
    """The city has no playlist index page to put the draft under."""


class NoSteps(SubmissionError):
    pass


def playlist_index_for(site):
    """The site's first playlist index page (in tree order), or None."""
    if site is None:
        return None
    return (
        PlaylistIndexPage.objects.descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .first()
    )


def _paragraphs(text: str) -> RichText:
    """Plain text as rich text paragraphs, escaped."""
    return RichText(linebreaks(text, autoescape=True))


def page_steps(playlist: LearnerPlaylist) -> list[tuple[str, dict]]:
    """The playlist's steps as PlaylistPage step blocks: opportunities stay opportunities;
    the learner's own steps become activities with a written answer as evidence."""
    steps = []
    ordered = LearnerPlaylistStep.objects.filter(playlist=playlist).order_by("sort_order", "pk")
    for step in ordered.select_related("opportunity"):
        if step.opportunity_id:
            value = {"opportunity": step.opportunity, "note": step.description}
            steps.append(("opportunity", {**value, "required": True, "badge": None}))
        else:
            value = {
                "title": step.title,
                "instructions": _paragraphs(step.description or step.title),
                "evidence": EvidenceKind.TEXT,
            }
            steps.append(("activity", {**value, "required": True, "badge": None}))
    return steps


@transaction.atomic
def submit_for_publishing(playlist: LearnerPlaylist, user, site):
    """Create the draft page for ``playlist`` and start its workflow; return the page.

    Raises a :class:`SubmissionError` when the playlist was submitted before, has no steps or
    the city has nowhere to publish playlists. Nothing is saved then.
    """
    playlist = LearnerPlaylist.objects.select_for_update().get(pk=playlist.pk)
    if playlist.submitted_at is not None:
        raise AlreadySubmitted
    index = playlist_index_for(site)
    if index is None:
        raise NoPlaylistIndex
    steps = page_steps(playlist)
    if not steps:
        raise NoSteps
    page = PlaylistPage(
        title=playlist.title,
        slug=find_available_slug(index, slugify(playlist.title, allow_unicode=True) or "playlist"),
        intro=_paragraphs(playlist.description or playlist.title).source,
        steps=steps,
        live=False,
        has_unpublished_changes=True,
        owner=None,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    playlist.submitted_page = page
    playlist.submitted_at = timezone.now()
    playlist.save(update_fields=["submitted_page", "submitted_at", "updated_at"])
    return page


__all__ = [
    "AlreadySubmitted",
    "NoPlaylistIndex",
    "NoSteps",
    "SubmissionError",
    "page_steps",
    "playlist_index_for",
    "submit_for_publishing",
]
