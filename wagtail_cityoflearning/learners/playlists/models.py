"""Learning playlists: a pathway of opportunities, online activities and badges with a goal
and a completion badge. Playlists live under a PlaylistIndexPage (the city's) or under a
ProviderPage (the provider's own), so Wagtail's page permissions say who may edit and review."""

from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from wagtail_cityoflearning.forms import CityOfLearningPageForm
from wagtail_cityoflearning.learners.progress.routes import PlaylistRoutes
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind, PlaylistStepsBlock, StepKind
from wagtail_cityoflearning.models.ages import AgeRangeMixin, AgeRangeQuerySet
from wagtail_cityoflearning.models.base import BasePage, CityOfLearningPageMixin
from wagtail_cityoflearning.serializers import InterestSerializer


@dataclass(frozen=True)
class Step:
    """One step of a playlist as the learner sees it. Two steps are the same step when their
    ids, places, kinds and requirement are (its value may be resolved or known by ids only,
    see ``prefetch.steps_by_id``)."""

    id: str
    number: int
    kind: str
    value: object = field(compare=False)
    required: bool

    @property
    def badge(self):
        return self.value.get("badge")

    @property
    def opportunity(self):
        return self.value.get("opportunity") if self.kind == StepKind.OPPORTUNITY else None

    @property
    def evidence(self) -> str:
        if self.kind != StepKind.ACTIVITY:
            return ""
        return self.value.get("evidence") or EvidenceKind.NONE

    @property
    def title(self) -> str:
        if self.kind == StepKind.OPPORTUNITY:
            opportunity = self.opportunity
            return opportunity.specific_deferred.title if opportunity else str(_("Opportunity"))
        if self.kind == StepKind.BADGE:
            badge = self.badge
            return badge.name if badge else str(_("Badge"))
        return self.value.get("title") or ""

    @property
    def earns_step_badge(self):
        """The badge this step awards on completion (a badge step's badge is earned elsewhere)."""
        return self.badge if self.kind != StepKind.BADGE else None


class AbstractPlaylistIndexPage(CityOfLearningPageMixin, BasePage):
    """Lists the city's learning playlists: those of the playlist page type the index may
    hold (its ``subpage_types``), so a site's own playlist page lists its own pages."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    template = "wagtail_cityoflearning/playlist_index_page.html"

    class Meta:
        abstract = True

    def get_playlists(self):
        """The city's live playlists, A to Z: those below this page and those that providers
        keep under their own pages on the same site; on a translated index, each in this
        page's language where a translation is live."""
        site = self.get_site()
        root = site.root_page if site else self
        playlists = list(self._playlists().descendant_of(root))
        if site is None or self.locale_id == root.locale_id:
            return playlists
        translated = {
            page.translation_key: page
            for page in self._playlists().filter(
                locale_id=self.locale_id,
                translation_key__in=[page.translation_key for page in playlists],
            )
        }
        localised = [translated.get(page.translation_key, page) for page in playlists]
        return sorted(localised, key=lambda page: page.title.casefold())

    @classmethod
    def get_playlist_model(cls):
        """The playlist page model this index lists: the first page type it may hold that is
        built on :class:`AbstractPlaylistPage`."""
        for model in cls.allowed_subpage_models():
            if issubclass(model, AbstractPlaylistPage):
                return model
        raise ImproperlyConfigured(
            f"{cls.__name__}.subpage_types names no page type built on AbstractPlaylistPage."
        )

    def _playlists(self):
        return (
            self.get_playlist_model()
            .objects.live()
            .public()
            .select_related("cover_image", "completion_badge")
            .prefetch_related("interests", "cover_image__renditions")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["playlists"] = self.get_playlists()
        return context


class PlaylistIndexPage(AbstractPlaylistIndexPage):
    subpage_types = ["wagtail_cityoflearning_learners.PlaylistPage"]
    template = "wagtail_cityoflearning/playlist_index_page.html"

    class Meta:
        verbose_name = _("playlist index page")
        verbose_name_plural = _("playlist index pages")


class PlaylistQuerySet(AgeRangeQuerySet, PageQuerySet):
    pass


PlaylistManager = PageManager.from_queryset(PlaylistQuerySet)


class AbstractPlaylistPage(CityOfLearningPageMixin, PlaylistRoutes, AgeRangeMixin, BasePage):
    """A learning playlist: steps towards a goal, and a badge for reaching it."""

    intro = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The goal of the playlist and who it is for."),
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interests = ParentalManyToManyField(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interests"),
        blank=True,
        related_name="+",
    )
    effort_hours = models.PositiveSmallIntegerField(
        _("estimated effort in hours"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1000)],
    )
    steps = StreamField(PlaylistStepsBlock(), verbose_name=_("steps"))
    in_order = models.BooleanField(
        _("steps in order"),
        default=False,
        help_text=_("Tick when each step can only be done after the one before it."),
    )
    min_optional_steps = models.PositiveSmallIntegerField(
        _("optional steps needed"),
        default=0,
        help_text=_("Complete at least this many of the optional steps (0: none needed)."),
    )
    completion_badge = models.ForeignKey(
        "wagtail_cityoflearning_badges.BadgeClass",
        verbose_name=_("completion badge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Awarded automatically when a learner meets the requirements."),
    )

    objects = PlaylistManager()

    base_form_class = CityOfLearningPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("interests", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("effort_hours"),
            ],
            heading=_("Who and how long"),
        ),
        FieldPanel("steps"),
        MultiFieldPanel(
            [
                FieldPanel("in_order"),
                FieldPanel("min_optional_steps"),
                FieldPanel("completion_badge"),
            ],
            heading=_("Completion"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.FilterField("age_min"),
        index.FilterField("age_max"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("cover_image"),
        APIField("interests", serializer=InterestSerializer(many=True)),
        APIField("age_min"),
        APIField("age_max"),
        APIField("effort_hours"),
        APIField("steps"),
        APIField("in_order"),
        APIField("min_optional_steps"),
        APIField("completion_badge"),
    ]

    template = "wagtail_cityoflearning/playlist_page.html"

    class Meta:
        abstract = True

    # -- steps ---------------------------------------------------------------------

    @cached_property
    def step_list(self) -> list[Step]:
        return [
            Step(
                id=child.id,
                number=number,
                kind=child.block_type,
                value=child.value,
                required=bool(child.value.get("required")),
            )
            for number, child in enumerate(self.steps, start=1)
        ]

    @property
    def step_count(self) -> int:
        """How many steps, without loading the pages and badges they choose."""
        return len(self.steps.raw_data)

    def get_step(self, step_id: str) -> Step | None:
        return next((step for step in self.step_list if step.id == step_id), None)

    @property
    def optional_step_count(self) -> int:
        return sum(1 for step in self.step_list if not step.required)

    @property
    def required_step_count(self) -> int:
        return sum(1 for step in self.step_list if step.required)

    @property
    def steps_needed(self) -> int:
        """How many steps complete the playlist."""
        return self.required_step_count + min(self.min_optional_steps, self.optional_step_count)

    # -- validation ----------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = self.age_range_errors()
        optional = sum(1 for child in self.steps if not child.value.get("required"))
        if self.min_optional_steps > optional:
            errors["min_optional_steps"] = ngettext(
                "The playlist has only %(count)d optional step; ask for that many or fewer.",
                "The playlist has only %(count)d optional steps; ask for that many or fewer.",
                optional,
            ) % {"count": optional}
        if self.completion_badge_id and not self.completion_badge.live:
            errors["completion_badge"] = _(
                "Publish this badge first: only a published badge can be awarded."
            )
        if errors:
            raise ValidationError(errors)


class PlaylistPage(AbstractPlaylistPage):
    parent_page_types = [
        "wagtail_cityoflearning_learners.PlaylistIndexPage",
        "wagtail_cityoflearning.ProviderPage",
    ]
    subpage_types = []
    # Wagtail names a concrete page's template after its app: keep the package's one name.
    template = "wagtail_cityoflearning/playlist_page.html"

    class Meta:
        verbose_name = _("playlist page")
        verbose_name_plural = _("playlist pages")
