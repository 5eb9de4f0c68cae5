"""The map's filters: GET parameters -> a validated form -> one queryset.

Every parameter is optional and bounded; invalid values become form errors that the page
shows next to the field (the feeds answer 400 with the same messages).
"""

import datetime as dt

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.map.geo import with_distance, within_bbox, within_radius
from wagtail_cityoflearning.map.places import PlaceNotFound, find_place, near_options
from wagtail_cityoflearning.models.opportunities import (
    OpportunityOccurrence,
    OpportunityPage,
    OpportunityType,
    language_choices,
)
from wagtail_cityoflearning.models.providers import ProviderPage
from wagtail_cityoflearning.models.taxonomy import Interest
from wagtail_cityoflearning.search import sanitise_query

MAX_RADIUS_KM = 50
NEAR_PLACE_RADIUS_KM = 5  # around a chosen place without a distance, as "use my location"
MAX_BBOX_SPAN_DEGREES = 10
MAX_QUERY_LENGTH = 100
# The most matches of the text filter read from a search engine (not the database's search).
MAX_TEXT_MATCHES = 2000
# Dates a map can be asked about: wide enough for anyone, narrow enough that a day or a year
# added to them (and the time zone) stays a date Python and every database can hold.
MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2999, 12, 31)
MAX_ID = 2**63 - 1  # the largest primary key a database holds

WHEN_CHOICES = [
    ("today", _("Today")),
    ("weekend", _("This weekend")),
    ("week", _("Next 7 days")),
]
MODE_CHOICES = [("in_person", _("In person")), ("online", _("Online"))]
SORT_CHOICES = [
    ("soonest", _("Soonest")),
    ("nearest", _("Nearest")),
    ("newest", _("Newest")),
    ("title", _("A to Z")),
]
ONGOING_CHOICES = [("", _("Include")), ("exclude", _("Leave out"))]


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``minLng,minLat,maxLng,maxLat`` -> floats; ValueError with a message when invalid."""
    try:
        min_lng, min_lat, max_lng, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise ValueError(_("Give the area as four numbers: minLng,minLat,maxLng,maxLat.")) from None
    if not (-180 <= min_lng < max_lng <= 180 and -90 <= min_lat < max_lat <= 90):
        raise ValueError(_("The area is outside the map or its corners are swapped."))
    if max_lng - min_lng > MAX_BBOX_SPAN_DEGREES or max_lat - min_lat > MAX_BBOX_SPAN_DEGREES:
        raise ValueError(
            _("The area is too large; zoom in to at most %(span)s degrees across.")
            % {"span": MAX_BBOX_SPAN_DEGREES}
        )
    return (min_lng, min_lat, max_lng, max_lat)


def date_validators():
    return [
        MinValueValidator(MIN_DATE, _("Choose a date on or after %(limit_value)s.")),
        MaxValueValidator(MAX_DATE, _("Choose a date on or before %(limit_value)s.")),
    ]


def date_widget():
    return forms.DateInput(
        attrs={"type": "date", "min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()}
    )


class PageIdChoiceField(django_filters.fields.ModelChoiceField):
    """A page chosen by its id; anything but an id a database can hold is not a valid choice
    (SQLite refuses to even look up an integer above 2**63 - 1)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value)
        if not (text.isascii() and text.isdecimal() and int(text) <= MAX_ID):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)


class PageIdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PageIdChoiceField


class MapFilterForm(forms.Form):
    """Cross-field checks of the map filters."""

    resolve_near = None  # text -> NearOption, or PlaceNotFound; set by the filterset
    near_place = None  # the place found for "near"

    def clean(self):
        cleaned = super().clean()
        self.find_near_place(cleaned)
        lat, lng = cleaned.get("lat"), cleaned.get("lng")
        if (lat is None) != (lng is None) and "lat" not in self.errors and "lng" not in self.errors:
            self.add_error("lat", _("Give both latitude and longitude, or neither."))
        unplaced = lat is None or lng is None
        if "near" in self.errors:
            unplaced = False  # the place's own message says it all
        if cleaned.get("radius") is not None and unplaced:
            self.add_error(
                "radius", _("A distance needs a point: choose a place or use your location.")
            )
        if cleaned.get("sort") == "nearest" and unplaced:
            self.add_error("sort", _("Sorting by distance needs a place or your location."))
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        if start and end and (end - start).days > 366:
            self.add_error("date_to", _("Choose dates at most a year apart."))
        bbox = cleaned.get("bbox")
        if bbox:
            try:
                cleaned["bbox"] = parse_bbox(bbox)
            except ValueError as error:
                self.add_error("bbox", str(error))
        return cleaned

    def find_near_place(self, cleaned):
        """A place's point stands for the visitor's location (a place chosen wins over GPS)."""
        text = cleaned.get("near")
        if not text or "near" in self.errors or self.resolve_near is None:
            return
        try:
            self.near_place = self.resolve_near(text)
        except PlaceNotFound as error:
            self.add_error("near", str(error))
            return
        cleaned["lat"], cleaned["lng"] = self.near_place.point
        for name in ("lat", "lng"):
            self.errors.pop(name, None)


class OpportunityFilter(django_filters.FilterSet):
    """Filters a queryset of live opportunities. Pass ``locale``, ``root`` and ``tz``."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q", max_length=MAX_QUERY_LENGTH)
    interest = django_filters.ModelMultipleChoiceFilter(
        label=_("Interests"),
        queryset=Interest.objects.none(),
        to_field_name="slug",
        method="filter_interest",
        widget=forms.CheckboxSelectMultiple,
    )
    age = django_filters.NumberFilter(
        label=_("My age"), method="filter_age", min_value=0, max_value=120
    )
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, method="filter_noop", empty_label=_("Any time")
    )
    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_noop", widget=date_widget(), validators=date_validators()
    )
    date_to = django_filters.DateFilter(
        label=_("To"), method="filter_noop", widget=date_widget(), validators=date_validators()
    )
    free = django_filters.BooleanFilter(
        label=_("Free only"), method="filter_free", widget=forms.CheckboxInput
    )
    mode = django_filters.ChoiceFilter(
        label=_("Where"),
        choices=MODE_CHOICES,
        method="filter_mode",
        empty_label=_("In person or online"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=language_choices,
        method="filter_language",
        empty_label=_("Any language"),
    )
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        choices=OpportunityType.choices,
        method="filter_type",
        widget=forms.CheckboxSelectMultiple,
    )
    provider = PageIdChoiceFilter(
        label=_("Provider"),
        queryset=ProviderPage.objects.none(),
        method="filter_provider",
        empty_label=_("Any provider"),
    )
    lat = django_filters.NumberFilter(
        label=_("Latitude"),
        method="filter_noop",
        min_value=-90,
        max_value=90,
        widget=forms.HiddenInput,
    )
    lng = django_filters.NumberFilter(
        label=_("Longitude"),
        method="filter_noop",
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
    )
    near = django_filters.CharFilter(
        label=_("Place or provider"),
        method="filter_noop",
        max_length=MAX_QUERY_LENGTH,
    )
    radius = django_filters.NumberFilter(
        label=_("Within (km)"), method="filter_noop", min_value=0.1, max_value=MAX_RADIUS_KM
    )
    ongoing = django_filters.ChoiceFilter(
        label=_("Ongoing opportunities"),
        choices=ONGOING_CHOICES[1:],
        method="filter_noop",
        empty_label=ONGOING_CHOICES[0][1],
    )
    bbox = django_filters.CharFilter(
        label=_("Map area"), method="filter_noop", max_length=120, widget=forms.HiddenInput
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="filter_noop", empty_label=None
    )

    class Meta:
        model = OpportunityPage
        fields = []
        form = MapFilterForm

    def __init__(
        self, data=None, *args, locale=None, root=None, tz=None, now=None, site=None, **kwargs
    ):
        self.locale, self.root, self.site = locale, root, site
        self.tz = tz or timezone.get_current_timezone()
        self.now = now or timezone.now()
        super().__init__(data, *args, **kwargs)
        interests = Interest.objects.all()
        providers = ProviderPage.objects.live().order_by("title")
        if locale is not None:
            interests = interests.filter(locale=locale)
        if root is not None:
            providers = providers.descendant_of(root)
        self.filters["interest"].queryset = interests
        self.filters["provider"].queryset = providers
        self.form.fields["interest"].queryset = interests
        self.form.fields["provider"].queryset = providers
        self.form.resolve_near = lambda text: find_place(text, self.near_options)

    @cached_property
    def near_options(self):
        """The places and providers the "near" filter knows, for the form's list too."""
        return near_options(self.site, self.filters["provider"].queryset)

    near_radius = None  # km around the chosen place, once the queryset is built

    @property
    def near_place(self):
        """The place the visitor chose, once the form is valid or not, else None."""
        self.form.is_valid()
        return self.form.near_place

    # -- the queryset ------------------------------------------------------------------

    @property
    def qs(self):
        """Filtered by every valid parameter; invalid ones are shown as errors and ignored."""
        if not hasattr(self, "_qs"):
            self.form.is_valid()
            data = getattr(self.form, "cleaned_data", {})
            queryset = self.queryset.all()
            for name, value in data.items():
                if name in self.form.errors:
                    continue
                queryset = self.filters[name].filter(queryset, value)
            queryset = self.filter_dates(queryset, data)
            queryset = self.filter_location(queryset, data)
            self._qs = self.order_results(queryset, data)
        return self._qs

    def filter_noop(self, queryset, name, value):
        return queryset  # applied together in filter_dates / filter_location / sort

    def filter_q(self, queryset, name, value):
        # Only the words: quotes and operators would be full-text search syntax (on SQLite a
        # stray quote is an error); a search of no words at all filters nothing.
        value = sanitise_query(value)
        if not value:
            return queryset
        # The list is ordered by the map's own sort, so the search need not rank: ranking
        # scores every match (on SQLite a full-text query for each).
        matches = (
            OpportunityPage.objects.live()
            .only("pk")
            .search(value, operator="and", order_by_relevance=False)
        )
        search_queryset = getattr(matches, "get_queryset", None)
        if search_queryset is not None:
            # Wagtail's database backends: the search is a subquery, every match is kept.
            return queryset.filter(pk__in=search_queryset().values("pk"))
        # Another backend (a search engine) answers with ids: the first MAX_TEXT_MATCHES.
        return queryset.filter(pk__in=[page.pk for page in matches[:MAX_TEXT_MATCHES]])

    def filter_interest(self, queryset, name, value):
        if not value:
            return queryset
        through = OpportunityPage.interests.through
        pages = through.objects.filter(interest__in=value).values("opportunitypage_id")
        return queryset.filter(pk__in=Subquery(pages))

    def filter_age(self, queryset, name, value):
        return queryset.suitable_for_age(value)

    def filter_free(self, queryset, name, value):
        return queryset.filter(is_free=True) if value else queryset

    def filter_mode(self, queryset, name, value):
        if value == "in_person":
            return queryset.filter(mode__in=["in_person", "hybrid"])
        if value == "online":
            return queryset.filter(mode__in=["online", "hybrid"])
        return queryset

    def filter_language(self, queryset, name, value):
        # A JSON list of codes; matching the quoted code works on SQLite and PostgreSQL.
        return queryset.filter(languages__icontains=f'"{value}"') if value else queryset

    def filter_type(self, queryset, name, value):
        return queryset.filter(opportunity_type__in=value) if value else queryset

    def filter_provider(self, queryset, name, value):
        return queryset.child_of(value) if value else queryset

    # -- dates, place and order ------------------------------------------------------------

    def date_window(self, data) -> tuple[dt.datetime, dt.datetime] | None:
        """The [start, end) the visitor asked for, in the site's timezone, or None."""
        today = timezone.localtime(self.now, self.tz).date()
        when = data.get("when")
        if when == "today":
            start, end = today, today
        elif when == "weekend":
            weekday = today.weekday()  # Monday is 0; on a weekend, the rest of it
            start = today if weekday >= 5 else today + dt.timedelta(days=5 - weekday)
            end = today + dt.timedelta(days=6 - weekday)
        elif when == "week":
            start, end = today, today + dt.timedelta(days=6)
        else:
            start, end = data.get("date_from"), data.get("date_to")
            if not start and not end:
                return None
            start, end = start or today, end or (start or today) + dt.timedelta(days=366)
        begin = dt.datetime.combine(start, dt.time.min, tzinfo=self.tz)
        finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=self.tz)
        return max(begin, self.now), finish

    def filter_dates(self, queryset, data):
        include_ongoing = data.get("ongoing") != "exclude" or "ongoing" in self.form.errors
        window = self.date_window(data)
        # Each time a session meets (a weekly club on the weeks and days it meets only).
        if window is None:
            # Everything still to come: most of the map, which one pass over it finds fastest.
            sessions = OpportunityOccurrence.objects.filter(
                page=OuterRef("pk"), finish__gte=self.now
            )
            dated = Exists(sessions)
            condition = (Q(dated) | Q(is_ongoing=True)) if include_ongoing else Q(dated)
            return queryset.filter(condition)
        # A window: the occurrences in it through their indexes, and the ongoing opportunities
        # through theirs, then the pages by their keys, whatever the size of the map.
        begin, finish = window
        pages = (
            OpportunityOccurrence.objects.filter(finish__gte=begin, start__lt=finish)
            .order_by()
            .values("page_id")
        )
        if include_ongoing:
            ongoing = OpportunityPage.objects.filter(is_ongoing=True).order_by().values("pk")
            pages = pages.union(ongoing, all=True)
        return queryset.filter(pk__in=pages)

    def filter_location(self, queryset, data):
        bbox = data.get("bbox")
        if bbox and "bbox" not in self.form.errors:
            queryset = within_bbox(queryset, bbox)
        lat, lng = data.get("lat"), data.get("lng")
        if lat is None or lng is None or "lat" in self.form.errors:
            return queryset
        radius = data.get("radius") if "radius" not in self.form.errors else None
        if not radius and self.form.near_place is not None:
            radius = NEAR_PLACE_RADIUS_KM
        if self.form.near_place is not None:
            self.near_radius = float(radius)
        if radius:
            return within_radius(queryset, float(lat), float(lng), float(radius))
        return with_distance(queryset, float(lat), float(lng))

    def order_results(self, queryset, data):
        next_start = (
            OpportunityOccurrence.objects.filter(page=OuterRef("pk"), finish__gte=self.now)
            .order_by("start")
            .values("start")[:1]
        )
        queryset = queryset.annotate(next_start=Subquery(next_start))
        sort = data.get("sort") if "sort" not in self.form.errors else None
        if sort == "nearest" and "distance_km" in queryset.query.annotations:
            return queryset.order_by(F("distance_km").asc(nulls_last=True), "title", "pk")
        if sort == "newest":
            return queryset.order_by(F("first_published_at").desc(nulls_last=True), "pk")
        if sort == "title":
            return queryset.order_by("title", "pk")
        return queryset.order_by(F("next_start").asc(nulls_last=True), "title", "pk")
