"""Reading many playlists at once: the dashboard and its suggestions list several playlists,
each showing its steps, in a number of queries that does not grow with the playlists.

Where only the learner's progress is needed (the dashboard), the steps need not be resolved at
all: :func:`steps_by_id` gives each step the ids of the page and badge it chooses, read from the
stored steps, so no query and no page object is made for them."""

from __future__ import annotations

from collections import defaultdict

from wagtail import blocks
from wagtail.models import Page

from wagtail_cityoflearning.learners.playlists.models import (
    AbstractPlaylistPage,
    PlaylistPage,
    Step,
)


class Chosen:
    """A page or badge a step chooses, known by its id only (see :func:`steps_by_id`)."""

    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk

    @property
    def id(self):
        return self.pk

    def __eq__(self, other):
        return getattr(other, "pk", None) == self.pk and other.pk is not None

    def __hash__(self):
        return hash(self.pk)

    def __repr__(self):
        return f"<Chosen {self.pk}>"


def _chooser_names(stream_block) -> dict[str, set[str]]:
    """For each block type of a playlist's steps, the names of its fields that choose a model
    instance (a page or a badge)."""
    names = {}
    for block_type, block in stream_block.child_blocks.items():
        children = getattr(block, "child_blocks", {})
        names[block_type] = {
            name for name, child in children.items() if isinstance(child, blocks.ChooserBlock)
        }
    return names


def steps_by_id(playlists) -> None:
    """Give each playlist a ``step_list`` read from its stored steps, with the pages and badges
    they choose as :class:`Chosen` ids: enough to work out a learner's progress, with no
    query. A step's title is then known for an online activity only (the dashboard shows
    reviews of activities' evidence)."""
    choosers = {}
    for playlist in playlists:
        model = type(playlist)
        if model not in choosers:
            choosers[model] = _chooser_names(model._meta.get_field("steps").stream_block)
        names = choosers[model]
        steps = []
        for number, item in enumerate(playlist.steps.raw_data, start=1):
            value = dict(item.get("value") or {})
            for name in names.get(item["type"], ()):
                chosen = value.get(name)
                value[name] = Chosen(chosen) if chosen is not None else None
            steps.append(
                Step(
                    id=item.get("id"),
                    number=number,
                    kind=item["type"],
                    value=value,
                    required=bool(value.get("required")),
                )
            )
        playlist.step_list = steps  # the cached property, set ahead


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


# What the dashboard needs of a playlist beside its kept card: its title, address, steps and
# what completes it (see ``learners.home.cards`` for the card's own fields).
PROGRESS_FIELDS = (
    "title",
    "url_path",
    "live",
    "steps",
    "in_order",
    "min_optional_steps",
    "completion_badge_id",
)


def load_playlists(ids, *, resolve_steps=True, for_cards=True) -> dict[int, Page]:
    """The playlist pages with these ids, by id, their steps resolved (``resolve_steps``
    False: known by id only, :func:`steps_by_id`). With ``for_cards``, all their fields,
    interests and cover image renditions are read; without, only :data:`PROGRESS_FIELDS`
    (the dashboard keeps its cards, ``learners.home.cards`` reads the rest for cards it has
    not kept)."""
    ids = set(ids)
    if not ids:
        return {}
    queryset = PlaylistPage.objects.filter(pk__in=ids)
    if for_cards:
        queryset = queryset.select_related("cover_image", "completion_badge").prefetch_related(
            "interests", "cover_image__renditions"
        )
    else:
        queryset = queryset.only(*PROGRESS_FIELDS)
    playlists = {p.pk: p for p in queryset}
    missing = ids - playlists.keys()
    if missing:  # a site's own playlist model
        playlists.update(
            (p.pk, p)
            for p in Page.objects.filter(pk__in=missing).specific()
            if isinstance(p, AbstractPlaylistPage)
        )
    if resolve_steps:
        prefetch_steps(playlists.values())
    else:
        steps_by_id(playlists.values())
    return playlists


__all__ = ["PROGRESS_FIELDS", "Chosen", "load_playlists", "prefetch_steps", "steps_by_id"]
