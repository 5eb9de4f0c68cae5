"""Learning opportunities: what a young person can join, with sessions and a place."""

from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
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
from wagtail_cityoflearning.blocks.registration import RegistrationQuestionsBlock
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.fields import MultipleChoiceJSONField
from wagtail_cityoflearning.forms import (
    OpportunityCopyForm,
    OpportunityPageForm,
    OpportunitySessionForm,
)
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
from wagtail_cityoflearning.recurrence import describe, expand, shift_dates, shift_rule, validate
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
        """Soonest first (by the next session, as the map sorts: an opportunity that also met
        in the past is not listed by its first session), with what cards show fetched in a
        fixed number of queries."""
        next_start = (
            OpportunityOccurrence.objects.filter(page=OuterRef("pk"), finish__gte=timezone.now())
            .order_by("start")
            .values("start")[:1]
        )
        return (
            self.select_related("cover_image")
            # Cards show the next session: prefetching the occurrences that have not ended
            # keeps it one query for the whole list.
            .prefetch_related("interests", "cover_image__renditions")
            .prefetch_upcoming()
            .annotate(next_start=Subquery(next_start))
            .order_by(models.F("next_start").asc(nulls_last=True), "title")
        )

    def prefetch_upcoming(self, at: datetime | None = None):
        """Prefetch the occurrences that have not ended (``get_next_sessions`` reads them)."""
        at = at or timezone.now()
        upcoming = OpportunityOccurrence.objects.filter(finish__gte=at).select_related("session")
        return self.prefetch_related(
            models.Prefetch("occurrences", queryset=upcoming.order_by("start", "pk"))
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
    # Registration on the site itself (the providers' app takes and lists them): "capacity"
    # places, none = no limit; when full, a waiting list that moves up as places free up.
    takes_registrations = models.BooleanField(
        _("take registrations on this site"),
        default=False,
        help_text=_(
            "Signed-in young people register here; you see the list under “Registrations”. "
            "Leave “capacity” empty for no limit on places."
        ),
    )
    has_waiting_list = models.BooleanField(
        _("waiting list when full"),
        default=True,
        help_text=_(
            "When all places are taken, more people can join a waiting list. They move up "
            "by themselves, in order, when someone cancels."
        ),
    )
    registration_questions = StreamField(
        RegistrationQuestionsBlock(),
        verbose_name=_("questions for those who register"),
        blank=True,
        help_text=_("Ask only what you need, e.g. a T-shirt size or food allergies."),
    )
    contact_name = models.CharField(_("contact name"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    accessibility = models.TextField(_("accessibility notes"), blank=True)
    # The provider's own id of the opportunity, from an imported spreadsheet: importing the
    # same sheet again updates the page it made. Unique within a provider (the import checks).
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, db_index=True, editable=False
    )
    # Denormalised from the sessions on save, so listings sort and filter in one query.
    starts_at = models.DateTimeField(
        _("first session starts"), null=True, editable=False, db_index=True
    )
    ends_at = models.DateTimeField(_("last session ends"), null=True, editable=False, db_index=True)

    objects = OpportunityManager()

    base_form_class = OpportunityPageForm
    copy_form_class = OpportunityCopyForm
    exclude_fields_in_copy = BasePage.exclude_fields_in_copy + ["external_id"]

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
                FieldPanel("takes_registrations"),
                FieldPanel("has_waiting_list"),
                FieldPanel("registration_questions"),
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
        APIField("takes_registrations"),
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
        if self.takes_registrations and self.capacity == 0:
            errors["capacity"] = _(
                "Registrations need at least one place: give the number, or leave it empty "
                "for no limit."
            )
        if errors:
            raise ValidationError(errors)

    # -- sessions ----------------------------------------------------------------------

    def get_city_time_zone(self):
        """The time zone of the city (Site) the page belongs to."""
        city = self.city_settings if self.pk and self.path else None
        if city is None or city.pk is None:  # not in a Site's tree
            return timezone.get_current_timezone()
        return city.tzinfo

    def expand_sessions(self, tz=None) -> list:
        """Every occurrence of every session (a repeating one at each time it meets)."""
        tz = tz or self.get_city_time_zone()
        occurrences = []
        for session in self.sessions.all():
            if session.start:
                occurrences.extend(
                    (session, occurrence) for occurrence in session.get_occurrences(tz)
                )
        return occurrences

    def sync_schedule(self, tz=None) -> None:
        """Copy the first start and the end of the last occurrence of the sessions onto the page."""
        sessions = [s for s in self.sessions.all() if s.start]
        if not sessions:
            self.starts_at = self.ends_at = None
            return
        self.starts_at = min(s.start for s in sessions)
        ends = [s.end or s.start for s in sessions]
        if any(s.repeat for s in sessions):
            ends += [o.end or o.start for _s, o in self.expand_sessions(tz)]
        self.ends_at = max(ends)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # A save of some fields only (Wagtail's for a draft: the page in memory is the draft,
        # the row stays the live page) copies the schedule when it saves the sessions.
        schedule = update_fields is None or "sessions" in update_fields
        if schedule:
            self.sync_schedule()
            if update_fields is not None:
                kwargs["update_fields"] = list({*update_fields, "starts_at", "ends_at"})
        super().save(*args, **kwargs)
        if schedule:
            self.write_occurrences()

    def write_occurrences(self) -> None:
        """Rewrite the page's rows in the occurrence table from its saved sessions."""
        model = self.occurrences.model
        model.objects.filter(page=self).delete()
        model.objects.bulk_create(
            model(
                page_id=self.pk, session=session, start=o.start, end=o.end, finish=o.end or o.start
            )
            for session, o in self.expand_sessions()
            if session.pk
        )

    def shift_sessions(self, days: int) -> None:
        """Move every session (in memory), its repeat's end and its exception dates by
        ``days`` days, keeping their times of day in the city's time zone."""
        if not days:
            return
        tz = self.get_city_time_zone()
        delta = timedelta(days=days)
        sessions = list(self.sessions.all())
        for session in sessions:
            for name in ("start", "end"):
                value = getattr(session, name)
                if value is not None:
                    local = timezone.localtime(value, tz).replace(tzinfo=None) + delta
                    setattr(session, name, local.replace(tzinfo=tz))
            session.repeat = shift_rule(session.repeat, days)
            session.repeat_except = shift_dates(session.repeat_except, days)
        self.sessions = sessions  # the related manager hands out copies
        deadline = self.registration_deadline
        if deadline is not None:
            local = timezone.localtime(deadline, tz).replace(tzinfo=None) + delta
            self.registration_deadline = local.replace(tzinfo=tz)

    def get_next_sessions(self, at: datetime | None = None, limit: int | None = None):
        """Occurrences of the sessions that have not ended, soonest first: each has ``start``,
        ``end`` and ``session`` (with ``repeat_text`` when it repeats)."""
        if at is None and limit is None:
            # The page, its JSON-LD and its template all ask for these: read once per instance.
            if "_next_sessions" not in self.__dict__:
                self._next_sessions = self._find_next_sessions(timezone.now(), None)
            return list(self._next_sessions)
        return self._find_next_sessions(at or timezone.now(), limit)

    def _find_next_sessions(self, at: datetime, limit: int | None) -> list:
        limit = limit or cityoflearning_settings.OPPORTUNITY_SESSIONS_SHOWN
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "occurrences" in cache:
            upcoming = [o for o in cache["occurrences"] if o.finish >= at]
            return sorted(upcoming, key=lambda o: (o.start, o.pk))[:limit]
        if not self.pk:
            return []
        return list(
            self.occurrences.filter(finish__gte=at)
            .select_related("session")
            .order_by("start", "pk")[:limit]
        )

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
    def next_repeat_text(self) -> str:
        """The next session's repeat in words, when it repeats and the listing prefetched the
        occurrences (``for_listing()``, ``prefetch_upcoming()``); else ""."""
        if "occurrences" not in getattr(self, "_prefetched_objects_cache", {}):
            return ""
        sessions = self.get_next_sessions(limit=1)
        return sessions[0].session.repeat_text if sessions else ""

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

    @cached_property
    def interest_list(self) -> list:
        """The page's interests, read once per instance (its template and JSON-LD show them)."""
        return list(self.interests.all())

    @cached_property
    def provider(self):
        """The provider page this opportunity sits under, or None (its parent, taken from the
        breadcrumbs' ancestors)."""
        parent = self.breadcrumb_ancestors[-1] if self.breadcrumb_ancestors else self.get_parent()
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
        context["next_sessions"] = next_sessions = self.get_next_sessions()
        # The list stops at OPPORTUNITY_SESSIONS_SHOWN: a weekly club has more than it shows.
        context["more_sessions"] = (
            len(next_sessions) >= cityoflearning_settings.OPPORTUNITY_SESSIONS_SHOWN
        )
        context["repeating_sessions"] = list(
            {o.session_id: o.session for o in next_sessions if o.session.repeat}.values()
        )
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
        indexes = [
            # The ongoing opportunities (about one in ten), which the map's date filters add
            # to those with a session in the window, without reading the others.
            models.Index(
                fields=["page_ptr"], condition=Q(is_ongoing=True), name="col_opportunity_ongoing"
            ),
        ]


class AbstractOpportunitySession(Orderable):
    """One dated session of an opportunity (timezone-aware start and end), which may repeat.

    A concrete subclass adds ``page``, a ``ParentalKey`` to its opportunity page with
    ``related_name="sessions"``, as :class:`OpportunitySession` does."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    # A session can repeat: an RFC 5545 recurrence rule without its DTSTART (the start above
    # is the first occurrence), e.g. "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270615T235959Z", and
    # the dates left out of it (ISO "YYYY-MM-DD" strings, in the city's timezone).
    repeat = models.CharField(_("repeats"), max_length=255, blank=True)
    repeat_except = models.JSONField(_("except on"), default=list, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("repeat_days"),
                FieldPanel("repeat_until"),
                FieldPanel("repeat_except"),
            ],
            heading=_("Repeats"),
        ),
    ]
    api_fields = [APIField("start"), APIField("end"), APIField("repeat"), APIField("repeat_except")]
    base_form_class = OpportunitySessionForm

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("A session must end after it starts.")})
        errors = validate(
            self.start, self.end, self.repeat, self.repeat_except, self.get_time_zone()
        )
        if errors:
            raise ValidationError(errors)

    def get_time_zone(self):
        """The city's time zone (set by the admin form), else the page's city's, else the
        current one."""
        zone = getattr(self, "time_zone", None)
        if zone is not None:
            return zone
        page = getattr(self, "page", None) if self.page_id or "page" in self.__dict__ else None
        if page is not None and page.pk:
            return page.get_city_time_zone()
        return timezone.get_current_timezone()

    def get_occurrences(self, tz=None, **window):
        """The times this session meets (one when it does not repeat), soonest first."""
        tz = tz or self.get_time_zone()
        return expand(self.start, self.end, self.repeat, self.repeat_except, tz, **window)

    @property
    def repeat_text(self) -> str:
        """The repeat in words, in the active language and the current time zone (templates
        show sessions in the city's)."""
        return describe(
            self.start, self.end, self.repeat, self.repeat_except, timezone.get_current_timezone()
        )


class OpportunitySession(AbstractOpportunitySession):
    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="sessions")

    class Meta(AbstractOpportunitySession.Meta):
        abstract = False


class AbstractOpportunityOccurrence(models.Model):
    """One time a session meets, written on save from the sessions (a repeating session has
    one row per occurrence), so that the map's date filters and “next session” are queries.

    A concrete subclass adds ``page`` (a ``ForeignKey`` to its opportunity page with
    ``related_name="occurrences"``) and ``session`` (to its sessions model), and the indexes,
    as :class:`OpportunityOccurrence` does."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True)
    # The end, or the start of a session without one: what "has it ended?" compares.
    finish = models.DateTimeField(_("finishes"))

    class Meta:
        abstract = True
        verbose_name = _("session occurrence")
        verbose_name_plural = _("session occurrences")

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}"


class OpportunityOccurrence(AbstractOpportunityOccurrence):
    page = models.ForeignKey(OpportunityPage, on_delete=models.CASCADE, related_name="occurrences")
    session = models.ForeignKey(
        OpportunitySession, on_delete=models.CASCADE, related_name="occurrences"
    )

    class Meta(AbstractOpportunityOccurrence.Meta):
        abstract = False
        indexes = [
            models.Index(fields=["page", "finish", "start"], name="col_occurrence_page_finish"),
            models.Index(fields=["start"], name="col_occurrence_start"),
            # A date window (finish >= its start, start < its end) from either side: the
            # planner takes whichever bound leaves fewer occurrences (few are still to come
            # in a city with years of history; few have begun in a new one).
            models.Index(fields=["finish", "start"], name="col_occurrence_finish_start"),
        ]
