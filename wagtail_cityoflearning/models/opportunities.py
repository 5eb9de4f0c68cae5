"""Learning opportunities: what a young person can join, with sessions and a place."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from wagtail_cityoflearning.blocks import BodyBlock
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.fields import MultipleChoiceJSONField
from wagtail_cityoflearning.forms import OpportunityPageForm
from wagtail_cityoflearning.ical import opportunity_ics_response
from wagtail_cityoflearning.models.ages import AgeRangeMixin, AgeRangeQuerySet
from wagtail_cityoflearning.models.base import (
    LEAFLET_STYLESHEETS,
    BasePage,
    CityOfLearningPageMixin,
)
from wagtail_cityoflearning.models.location import LocationMixin
from wagtail_cityoflearning.models.taxonomy import Mode, OpportunityType
from wagtail_cityoflearning.panels import AddressPanel, CityTimeInlinePanel, LocationPanel
from wagtail_cityoflearning.serializers import InterestSerializer
from wagtail_cityoflearning.structured_data import opportunity_json_ld


def language_choices():
    return [(code, str(label)) for code, label in cityoflearning_settings.LANGUAGES]


def _parent_title():
    """The title of a page's parent (an opportunity's provider), from the tree path: a
    subquery, no join on the page table."""
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("title")[:1]
    return Subquery(parent)


class OpportunityQuerySet(AgeRangeQuerySet, PageQuerySet):
    def upcoming(self, at: datetime | None = None):
        """Opportunities that are ongoing or have a session that has not ended yet."""
        at = at or timezone.now()
        return self.filter(Q(is_ongoing=True) | Q(ends_at__gte=at))

    def for_listing(self):
        """Soonest first, with what cards show fetched in a fixed number of queries."""
        return (
            self.select_related("cover_image")
            # Cards show the next session: prefetching keeps it one query for the whole list.
            .prefetch_related("interests", "sessions", "cover_image__renditions")
            .order_by(models.F("starts_at").asc(nulls_last=True), "title")
        )

    def with_provider_title(self):
        """Each opportunity with ``provider_title``: its provider's title, in the same query."""
        return self.annotate(provider_title=_parent_title())


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)


class AbstractOpportunityPage(
    CityOfLearningPageMixin, RoutablePageMixin, LocationMixin, AgeRangeMixin, BasePage
):
    """An out-of-school learning opportunity: an event, course, volunteering role, ...

    A concrete subclass defines the relations that need a model of their own:
    ``skills`` (a ``ClusterTaggableManager`` with its own through model) and
    ``sessions`` (an ``Orderable`` with a ``ParentalKey(related_name="sessions")``).
    """

    opportunity_type = models.CharField(
        _("type"), max_length=20, choices=OpportunityType.choices, default=OpportunityType.COURSE
    )
    summary = models.CharField(
        _("summary"), max_length=255, help_text=_("One sentence shown on cards and on the map.")
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    interests = ParentalManyToManyField(
        "wagtail_cityoflearning.Interest", verbose_name=_("interests"), related_name="+"
    )
    is_free = models.BooleanField(_("free"), default=True)
    price = models.CharField(
        _("price"), max_length=100, blank=True, help_text=_("E.g. 20 EUR, or 5 EUR a session.")
    )
    languages = MultipleChoiceJSONField(
        _("languages"), blank=True, choices_callable=language_choices
    )
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Where participants join online.")
    )
    is_ongoing = models.BooleanField(
        _("ongoing, join any time"),
        default=False,
        help_text=_("Tick when there are no fixed sessions."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    accessibility = models.TextField(_("accessibility notes"), blank=True)
    # Denormalised from the sessions on save, so listings sort and filter in one query.
    starts_at = models.DateTimeField(
        _("first session starts"), null=True, editable=False, db_index=True
    )
    ends_at = models.DateTimeField(_("last session ends"), null=True, editable=False, db_index=True)

    objects = OpportunityManager()

    base_form_class = OpportunityPageForm

    content_panels = BasePage.content_panels + [
        FieldPanel("opportunity_type"),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("interests", widget=forms.CheckboxSelectMultiple),
        FieldPanel("skills"),
        MultiFieldPanel(
            [
                CityTimeInlinePanel("sessions", label=_("Session"), heading=_("Sessions")),
                FieldPanel("is_ongoing"),
                FieldPanel("registration_deadline"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                AddressPanel("address"),
                LocationPanel("location", address_field="address"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("languages"),
                FieldPanel("capacity"),
            ],
            heading=_("Who and how much"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
                FieldPanel("contact_phone"),
            ],
            heading=_("Registration and contact"),
        ),
        FieldPanel("accessibility"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("address"),
        index.AutocompleteField("title"),
        index.RelatedFields("skills", [index.SearchField("name")]),
        index.RelatedFields("interests", [index.SearchField("name")]),
        index.FilterField("opportunity_type"),
        index.FilterField("mode"),
        index.FilterField("is_free"),
        index.FilterField("is_ongoing"),
        index.FilterField("age_min"),
        index.FilterField("age_max"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
        index.FilterField("latitude"),
        index.FilterField("longitude"),
    ]
    api_fields = [
        APIField("opportunity_type"),
        APIField("summary"),
        APIField("cover_image"),
        APIField("body"),
        APIField("interests", serializer=InterestSerializer(many=True, read_only=True)),
        APIField("skills"),
        APIField("age_min"),
        APIField("age_max"),
        APIField("is_free"),
        APIField("price"),
        APIField("languages"),
        APIField("mode"),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("online_url"),
        APIField("is_ongoing"),
        APIField("sessions"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("registration_deadline"),
        APIField("capacity"),
        APIField("registration_url"),
        APIField("accessibility"),
    ]

    template = "wagtail_cityoflearning/opportunity_page.html"

    class Meta:
        abstract = True

    # -- validation ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = self.age_range_errors()
        if not self.is_free and not self.price.strip():
            errors["price"] = _("Give the price, or tick “free”.")
        if self.mode in (Mode.IN_PERSON, Mode.HYBRID) and not self.location:
            errors["location"] = _("An opportunity held in person needs a location on the map.")
        if self.mode in (Mode.IN_PERSON, Mode.HYBRID) and not self.address.strip():
            errors["address"] = _("An opportunity held in person needs the venue’s address.")
        if self.mode in (Mode.ONLINE, Mode.HYBRID) and not self.online_url:
            errors["online_url"] = _("An online opportunity needs the link where people join.")
        if errors:
            raise ValidationError(errors)

    # -- sessions ----------------------------------------------------------------------

    def sync_schedule(self) -> None:
        """Copy the first start and last end of the sessions onto the page."""
        sessions = [s for s in self.sessions.all() if s.start]
        if not sessions:
            self.starts_at = self.ends_at = None
            return
        self.starts_at = min(s.start for s in sessions)
        self.ends_at = max(s.end or s.start for s in sessions)

    def save(self, *args, **kwargs):
        self.sync_schedule()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = list({*update_fields, "starts_at", "ends_at"})
        super().save(*args, **kwargs)

    def get_next_sessions(self, at: datetime | None = None, limit: int | None = None):
        """Sessions that have not ended, soonest first."""
        at = at or timezone.now()
        upcoming = sorted(
            (s for s in self.sessions.all() if (s.end or s.start) >= at), key=lambda s: s.start
        )
        return upcoming[: limit or cityoflearning_settings.OPPORTUNITY_SESSIONS_SHOWN]

    @property
    def next_session(self):
        sessions = self.get_next_sessions(limit=1)
        return sessions[0] if sessions else None

    @property
    def next_session_start(self):
        """Start of the next session: the listing's annotation when present, else a query."""
        if hasattr(self, "next_start"):
            return self.next_start
        session = self.next_session
        return session.start if session else None

    @property
    def is_dated(self) -> bool:
        return not self.is_ongoing and self.starts_at is not None

    # -- display helpers -----------------------------------------------------------------

    def get_language_labels(self) -> list[str]:
        labels = dict(language_choices())
        return [labels.get(code, code) for code in self.languages or []]

    @property
    def age_range_display(self) -> str:
        """The same as :attr:`age_range_text` (the name templates used before)."""
        return self.age_range_text

    @property
    def cost_display(self) -> str:
        return str(_("Free")) if self.is_free else self.price

    @property
    def provider(self):
        """The provider page this opportunity sits under, or None."""
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    @property
    def is_in_person(self) -> bool:
        return self.mode in (Mode.IN_PERSON, Mode.HYBRID)

    @property
    def is_online(self) -> bool:
        return self.mode in (Mode.ONLINE, Mode.HYBRID)

    def get_head_stylesheets(self) -> list[str]:
        if self.is_in_person and self.has_location:
            return LEAFLET_STYLESHEETS
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["provider"] = self.provider
        context["next_sessions"] = self.get_next_sessions()
        context["json_ld"] = opportunity_json_ld(request, self)
        return context

    @path("ics/", name="ics")
    def calendar(self, request):
        """Download the sessions as an iCalendar file (“add to calendar”)."""
        return opportunity_ics_response(request, self)


class OpportunityPage(AbstractOpportunityPage):
    skills = ClusterTaggableManager(
        verbose_name=_("skills"),
        through="wagtail_cityoflearning.OpportunitySkill",
        blank=True,
        help_text=_("Skills a young person builds here, e.g. teamwork, coding, public speaking."),
    )
    parent_page_types = ["wagtail_cityoflearning.ProviderPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("opportunity page")
        verbose_name_plural = _("opportunity pages")


class OpportunitySession(Orderable):
    """One dated session of an opportunity (timezone-aware start and end)."""

    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    # A session can repeat: an RFC 5545 recurrence rule without its DTSTART (the start above
    # is the first occurrence), e.g. "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270615T235959Z", and
    # the dates left out of it (ISO "YYYY-MM-DD" strings, in the city's timezone).
    repeat = models.CharField(_("repeats"), max_length=255, blank=True)
    repeat_except = models.JSONField(_("except on"), default=list, blank=True)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]
    api_fields = [APIField("start"), APIField("end")]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A session must end after it starts.")})
