"""Blocks for a city's landing page: a search hero with the way to the map and the playlists,
featured playlists, what is on this week and the interests as tiles.

Use :class:`LandingStreamBlock` as a home page's body::

    body = StreamField(LandingStreamBlock(), blank=True)

Each block finds what it shows in the Site of the request (the map page, the playlist index,
the opportunities, the interests), so an editor only writes headings. The playlists belong to
the learners' app, which builds on the core: the blocks name its models by label and look
them up when they render, so a site without that app renders no playlists.
"""

import datetime as dt
import uuid

from django.apps import apps
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Page, Site

from wagtail_cityoflearning.models.map_page import AbstractOpportunityMapPage
from wagtail_cityoflearning.models.opportunities import OpportunityOccurrence, OpportunityPage
from wagtail_cityoflearning.models.taxonomy import Interest

PLAYLIST_MODEL = "wagtail_cityoflearning_learners.PlaylistPage"
PLAYLIST_INDEX_MODEL = "wagtail_cityoflearning_learners.PlaylistIndexPage"
WEEK = dt.timedelta(days=7)


def installed_model(label: str):
    """The model named ``app_label.ModelName``, or None when its app is not installed."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def context_site(context) -> Site | None:
    """The Site of the request being rendered, else of the page."""
    context = context or {}
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    page = context.get("page")
    if site is None and isinstance(page, Page):
        site = page.get_site()
    return site


def first_page_of_type(site: Site | None, model):
    """The site's first live page of ``model`` (or a subclass), in the active language when it
    has been translated; None when there is none."""
    if site is None or model is None:
        return None
    page = (
        Page.objects.live()
        .public()
        .type(model)
        .descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .first()
    )
    return page.localized if page is not None else None


def map_page_for(site: Site | None):
    return first_page_of_type(site, AbstractOpportunityMapPage)


def playlist_index_for(site: Site | None):
    return first_page_of_type(site, installed_model(PLAYLIST_INDEX_MODEL))


def chosen_or_found(chosen, find, site):
    """The page an editor chose when it is live, else the one found in the site."""
    if chosen is not None and chosen.live:
        return chosen.localized
    return find(site)


class LazyPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser limited to a page type named by label and looked up only when needed, so
    that a site without that page type's app still loads (and its migrations stay the same)."""

    page_type_label = ""

    def __init__(self, **kwargs):
        kwargs.pop("page_type", None)
        kwargs.pop("target_model", None)
        super().__init__(**kwargs)

    @property
    def page_type(self):
        return [self.page_type_label] if installed_model(self.page_type_label) else []

    @page_type.setter
    def page_type(self, value):
        """PageChooserBlock sets it; the label above wins."""

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("page_type", None)
        return self.__class__.__module__ + "." + self.__class__.__name__, args, kwargs


class PlaylistChooserBlock(LazyPageChooserBlock):
    page_type_label = PLAYLIST_MODEL


class PlaylistIndexChooserBlock(LazyPageChooserBlock):
    page_type_label = PLAYLIST_INDEX_MODEL


def _uid() -> str:
    return uuid.uuid4().hex[:8]


class HeroBlock(blocks.StructBlock):
    """The page's main heading (an ``h1``: put this block first), an introduction, a search
    box that searches the map, and the buttons to the map and the playlists."""

    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=120,
        required=False,
        help_text=_("The page’s main heading. Leave empty to use the page title."),
    )
    intro = blocks.TextBlock(label=_("introduction"), required=False, max_length=400)
    show_search = blocks.BooleanBlock(label=_("show the search box"), required=False, default=True)
    map_page = blocks.PageChooserBlock(
        label=_("map page"),
        page_type="wagtail_cityoflearning.OpportunityMapPage",
        required=False,
        help_text=_("Leave empty to use the site’s map."),
    )
    playlist_index = PlaylistIndexChooserBlock(
        label=_("playlist index"),
        required=False,
        help_text=_("Leave empty to use the site’s playlists."),
    )

    class Meta:
        icon = "search"
        label = _("Welcome and search")
        template = "wagtail_cityoflearning/blocks/landing_hero.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        site = context_site(parent_context)
        context["map_page"] = chosen_or_found(value.get("map_page"), map_page_for, site)
        context["playlist_index"] = chosen_or_found(
            value.get("playlist_index"), playlist_index_for, site
        )
        context["uid"] = _uid()
        return context


class FeaturedPlaylistsBlock(blocks.StructBlock):
    """Playlists as cards: the ones chosen, else the site's newest."""

    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=120,
        required=False,
        help_text=_("Leave empty for “Learning playlists”."),
    )
    playlists = blocks.ListBlock(
        PlaylistChooserBlock(label=_("playlist")),
        label=_("playlists"),
        required=False,
        help_text=_("Leave empty to show the site’s newest playlists."),
    )
    count = blocks.IntegerBlock(
        label=_("how many"),
        default=3,
        min_value=1,
        max_value=12,
        help_text=_("How many of the newest playlists to show when none are chosen."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Featured playlists")
        template = "wagtail_cityoflearning/blocks/landing_playlists.html"

    def get_playlists(self, value, site) -> list:
        model = installed_model(PLAYLIST_MODEL)
        if model is None or site is None:
            return []
        queryset = (
            model.objects.live()
            .public()
            .select_related("cover_image", "completion_badge")
            .prefetch_related("interests", "cover_image__renditions")
        )
        chosen = [page.pk for page in value.get("playlists") or [] if page is not None]
        if chosen:
            found = queryset.in_bulk(chosen)
            playlists = [found[pk] for pk in chosen if pk in found]
        else:
            playlists = list(
                queryset.descendant_of(site.root_page).order_by(
                    F("first_published_at").desc(nulls_last=True), "-pk"
                )[: value.get("count") or 3]
            )
        return localise(playlists, model)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        site = context_site(parent_context)
        context["playlists"] = self.get_playlists(value, site)
        context["playlist_index"] = playlist_index_for(site)
        context["uid"] = _uid()
        return context


def localise(pages: list, model) -> list:
    """``pages`` with each replaced by its live translation into the active language, when it
    has one; in one query for the whole list."""
    locale_id = _active_locale_id()
    if locale_id is None or all(page.locale_id == locale_id for page in pages):
        return pages
    translations = {
        page.translation_key: page
        for page in model.objects.live()
        .public()
        .filter(locale_id=locale_id, translation_key__in=[p.translation_key for p in pages])
        .select_related("cover_image", "completion_badge")
        .prefetch_related("interests", "cover_image__renditions")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def _active_locale_id():
    """The Locale of the active language, or None when it has none."""
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


def opportunities_with_next_start(root, now):
    """Live, public opportunities under ``root`` that have not ended, each with ``next_start``
    (the start of its next session that has not ended), with what cards show."""
    next_start = (
        OpportunityOccurrence.objects.filter(page=OuterRef("pk"), finish__gte=now)
        .order_by("start")
        .values("start")[:1]
    )
    return (
        OpportunityPage.objects.live()
        .public()
        .descendant_of(root)
        .upcoming(now)
        .for_listing()
        .prefetch_related("cover_image__renditions")
        .with_provider_title()
        .annotate(next_start=Subquery(next_start))
    )


class UpcomingBlock(blocks.StructBlock):
    """The site's opportunities with a session in the next seven days, soonest first; when
    the week is empty, the next ones after it."""

    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=120,
        required=False,
        help_text=_("Leave empty for “This week”."),
    )
    count = blocks.IntegerBlock(label=_("how many"), default=6, min_value=1, max_value=24)

    class Meta:
        icon = "date"
        label = _("Upcoming this week")
        template = "wagtail_cityoflearning/blocks/landing_upcoming.html"

    def get_opportunities(self, value, site, now=None):
        """(opportunities, is_this_week): this week's, else the next ones."""
        if site is None:
            return [], True
        now = now or timezone.now()
        limit = value.get("count") or 6
        queryset = opportunities_with_next_start(site.root_page, now)
        dated = queryset.filter(next_start__isnull=False).order_by("next_start", "title", "pk")
        week = list(dated.filter(next_start__lt=now + WEEK)[:limit])
        if week:
            return week, True
        later = queryset.order_by(F("next_start").asc(nulls_last=True), "title", "pk")
        return list(later[:limit]), False

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        site = context_site(parent_context)
        opportunities, this_week = self.get_opportunities(value, site)
        context["opportunities"] = opportunities
        context["this_week"] = this_week
        context["map_page"] = map_page_for(site)
        context["uid"] = _uid()
        settings = (parent_context or {}).get("city_settings")
        context["city_timezone"] = getattr(settings, "timezone", None) or "UTC"
        return context


class InterestTilesBlock(blocks.StructBlock):
    """Every interest of the site as a tile in its colour with its icon, linking to the map
    filtered by that interest."""

    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=120,
        required=False,
        help_text=_("Leave empty for “Explore by interest”."),
    )

    class Meta:
        icon = "tag"
        label = _("Interests as tiles")
        template = "wagtail_cityoflearning/blocks/landing_interests.html"

    def get_interests(self, site) -> list:
        """The interests in the active language, else in the language of the site's root."""
        if site is None:
            return []
        locale_ids = [_active_locale_id(), site.root_page.locale_id]
        for locale_id in locale_ids:
            interests = list(Interest.objects.filter(locale_id=locale_id))
            if interests:
                return interests
        return []

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        site = context_site(parent_context)
        context["interests"] = self.get_interests(site)
        context["map_page"] = map_page_for(site)
        context["uid"] = _uid()
        return context


class LandingStreamBlock(blocks.StreamBlock):
    """The block library of a city's landing page. Subclass it to add your own."""

    hero = HeroBlock()
    featured_playlists = FeaturedPlaylistsBlock()
    upcoming = UpcomingBlock()
    interests = InterestTilesBlock()

    class Meta:
        label = _("Landing page")
