"""Admin forms for the package's page types: locale-aware choices, times in the city's time
zone, where the location picker starts and cross-field checks."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.widgets import AdminDateInput

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.dates import WEEKDAYS
from wagtail_cityoflearning.ewkt import format_point, parse_point
from wagtail_cityoflearning.models.location import LocationMixin
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.panels import (
    CITY_ZOOM,
    POINT_ZOOM,
    UNREADABLE_POINT,
    LocationPickerWidget,
    location_help_text,
)
from wagtail_cityoflearning.recurrence import (
    BIWEEKLY,
    MONTHLY_CHOICE,
    WEEKDAY_CODES,
    WEEKLY_CHOICE,
    RecurrenceError,
    build_rule,
    describe,
    read_exception_text,
    rule_parts,
)


class CityDateTimeField(forms.DateTimeField):
    """A date and time typed and shown in the city's time zone, not the editor's or the
    server's: an editor in a site with ``TIME_ZONE = "UTC"`` types 16:00 for a session at
    16:00 in Ljubljana."""

    time_zone = None

    def prepare_value(self, value):
        with timezone.override(self.time_zone or timezone.get_current_timezone()):
            return super().prepare_value(value)

    def to_python(self, value):
        with timezone.override(self.time_zone or timezone.get_current_timezone()):
            return super().to_python(value)


def use_time_zone(field, time_zone) -> None:
    """Make a form's date-time field read and show its value in ``time_zone``."""
    if type(field) is forms.DateTimeField:
        field.__class__ = CityDateTimeField  # same state, zone-aware conversions
    if isinstance(field, CityDateTimeField):
        field.time_zone = time_zone


KEEP = "keep"


def repeat_choices():
    return [
        ("", _("Does not repeat")),
        (WEEKLY_CHOICE, _("Every week")),
        (BIWEEKLY, _("Every two weeks")),
        (MONTHLY_CHOICE, _("Every month, on the same day")),
    ]


def weekday_choices():
    return [(code, WEEKDAYS[i]) for i, code in enumerate(WEEKDAY_CODES)]


class OpportunitySessionForm(WagtailAdminModelForm):
    """A session's form: its repeat is built from a few fields (how often, on which weekdays,
    until when, except on which dates) into the session's ``repeat`` rule and
    ``repeat_except`` dates, so that no one types a recurrence rule."""

    repeat = forms.ChoiceField(label=_("Repeats"), required=False, choices=repeat_choices)
    repeat_days = forms.MultipleChoiceField(
        label=_("On"),
        required=False,
        choices=weekday_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a weekly session: the weekdays it meets on."),
    )
    repeat_until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=AdminDateInput,
        help_text=_("The last day it can meet (included)."),
    )
    repeat_except = forms.CharField(
        label=_("Except on"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Days it does not meet, e.g. holidays: one a line or separated by commas, "
            "as 2027-04-06 or 6.4.2027."
        ),
    )

    time_zone = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_time_zone(timezone.get_current_timezone())

    def set_time_zone(self, tz) -> None:
        """Read and write the repeat in the city's time zone (the page's form sets it)."""
        self.time_zone = tz
        self.instance.time_zone = tz
        instance = self.instance
        rule = instance.repeat or ""
        parts = rule_parts(rule, tz)
        kept = rule and build_rule(parts["frequency"], parts["weekdays"], parts["until"], tz)
        field = self.fields["repeat"]
        if rule and kept != rule:
            # A rule made elsewhere (a spreadsheet, the API) that these fields cannot show.
            words = describe(instance.start, instance.end, rule, instance.repeat_except, tz)
            field.choices = [
                (KEEP, gettext("As it is: %(words)s") % {"words": words or rule}),
                *repeat_choices(),
            ]
            self.initial["repeat"] = KEEP
        else:
            self.initial["repeat"] = parts["frequency"]
        weekdays = parts["weekdays"]
        if not weekdays and parts["frequency"] in (WEEKLY_CHOICE, BIWEEKLY) and instance.start:
            # A weekly rule without BYDAY (valid RFC 5545, e.g. from the API) meets on the
            # first session's weekday: show that day ticked, so the form saves as it is.
            weekdays = [WEEKDAY_CODES[timezone.localtime(instance.start, tz).weekday()]]
        self.initial["repeat_days"] = weekdays
        self.initial["repeat_until"] = parts["until"]
        self.initial["repeat_except"] = "\n".join(str(d) for d in instance.repeat_except or [])

    def clean_repeat_except(self):
        try:
            dates = read_exception_text(self.cleaned_data.get("repeat_except", ""))
        except RecurrenceError as error:
            raise ValidationError(str(error), code="invalid") from None
        return [d.isoformat() for d in dates]

    def clean(self):
        cleaned_data = super().clean()
        frequency = cleaned_data.get("repeat") or ""
        if frequency == KEEP:
            cleaned_data["repeat"] = self.instance.repeat
            return cleaned_data
        cleaned_data["repeat"] = ""
        if not frequency:
            cleaned_data["repeat_except"] = []
            return cleaned_data
        tz = self.time_zone
        days = cleaned_data.get("repeat_days") or []
        until = cleaned_data.get("repeat_until")
        start = cleaned_data.get("start")
        valid = True
        if frequency in (WEEKLY_CHOICE, BIWEEKLY) and not days:
            self.add_error("repeat_days", _("Choose the weekdays the session meets on."))
            valid = False
        if until is None:
            if "repeat_until" not in self.errors:
                self.add_error("repeat_until", _("Say until when the session repeats."))
            valid = False
        elif start is not None and until < timezone.localtime(start, tz).date():
            self.add_error("repeat_until", _("The repeat ends before the session first starts."))
            valid = False
        if valid:
            cleaned_data["repeat"] = build_rule(frequency, days, until, tz)
        return cleaned_data


class CityOfLearningPageForm(WagtailAdminPageForm):
    """Offers only the interests in the page's own language; the page's own date-time fields
    and those of its inline children (sessions) are in the city's time zone.

    The location picker starts at the page's point, else at its provider's (the parent page's,
    when it has a location), else at the city's map centre; a new page under a provider gets
    the provider's address and point, which the editor can change.
    """

    # The page's own date-time fields that are in the city's time zone (Wagtail's scheduled
    # publishing keeps the editor's).
    city_time_fields = ("registration_deadline",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.city_time_zone = self.get_city_time_zone()
        zone_name = str(self.city_time_zone)
        for name in self.city_time_fields:
            field = self.fields.get(name)
            if field is not None:
                use_time_zone(field, self.city_time_zone)
                field.help_text = _("In the city's time zone, %(zone)s.") % {"zone": zone_name}
        for formset in self.formsets.values():
            for form in formset.forms:
                for field in form.fields.values():
                    use_time_zone(field, self.city_time_zone)
                if isinstance(form, OpportunitySessionForm):
                    form.set_time_zone(self.city_time_zone)
        field = self.fields.get("interests")
        if field is not None:
            locale_id = getattr(self.instance, "locale_id", None)
            if locale_id is None and self.parent_page is not None:
                locale_id = self.parent_page.locale_id
            if locale_id is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)
        self.set_up_location_picker()

    def get_city_settings(self) -> CityOfLearningSettings | None:
        """The settings of the city (Site) the page belongs to, or None outside any site."""
        if not hasattr(self, "_city_settings"):
            page = self.instance if self.instance.pk else self.parent_page
            site = page.get_site() if page is not None else None
            self._city_settings = CityOfLearningSettings.for_site(site) if site else None
        return self._city_settings

    def get_city_time_zone(self):
        """The time zone of the city (Site) the page belongs to, from its settings."""
        city = self.get_city_settings()
        return city.tzinfo if city is not None else timezone.get_current_timezone()

    def get_location_provider(self):
        """The parent page when it has a place of its own (an opportunity's provider)."""
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if parent is None:
            return None
        parent = parent.specific
        if isinstance(parent, LocationMixin) and parent.has_location:
            return parent
        return None

    def set_up_location_picker(self) -> None:
        field = self.fields.get("location")
        if field is None or not isinstance(field.widget, LocationPickerWidget):
            return
        widget = field.widget
        field.help_text = location_help_text()
        provider = self.get_location_provider()
        if provider is not None:
            widget.start = {"lat": provider.latitude, "lng": provider.longitude, "zoom": POINT_ZOOM}
            widget.provider = {
                "title": provider.title,
                "address": provider.address,
                "lat": provider.latitude,
                "lng": provider.longitude,
            }
            if not self.instance.pk and not self.instance.location:
                self.initial["location"] = format_point(provider.latitude, provider.longitude)
                if not self.instance.address and "address" in self.fields:
                    self.initial["address"] = provider.address
                widget.note = gettext(
                    "Filled in from %(provider)s: change it if the opportunity is held elsewhere."
                ) % {"provider": provider.title}
        city = self.get_city_settings()
        if provider is None:
            lat, lng = city.map_centre if city else cityoflearning_settings.DEFAULT_MAP_CENTRE
            zoom = city.map_zoom if city else CITY_ZOOM
            widget.start = {"lat": lat, "lng": lng, "zoom": zoom}
        if city is not None and city.tile_url:
            widget.tile_url = city.tile_url
            widget.tile_options = {"attribution": city.effective_tile_attribution}

    def clean_location(self):
        value = self.cleaned_data.get("location", "")
        try:
            parse_point(value)
        except ValueError:
            raise ValidationError(UNREADABLE_POINT, code="invalid") from None
        return value


class OpportunityPageForm(CityOfLearningPageForm):
    """Checks what spans fields and inline sessions; every error is attached to a field."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_valid():
            return cleaned_data  # the formset shows its own errors
        sessions = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not cleaned_data.get("is_ongoing") and not sessions:
            self.add_error(
                "is_ongoing", _("Add at least one session, or tick “ongoing, join any time”.")
            )
        deadline = cleaned_data.get("registration_deadline")
        starts = [s["start"] for s in sessions if s.get("start")]
        if deadline and starts and deadline > max(starts):
            self.add_error(
                "registration_deadline",
                _("The registration deadline is after the last session starts."),
            )
        return cleaned_data


class OpportunityCopyForm(CopyForm):
    """Wagtail's copy form with a date to move the copy's sessions to (a course given again
    next term)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["move_sessions_to"] = forms.DateField(
            label=_("Move the sessions to start on"),
            required=False,
            widget=AdminDateInput,
            help_text=_(
                "Leave empty to keep the dates. Every session, its repeat and the days it "
                "does not meet move by the same number of days."
            ),
        )

    def shift_days(self) -> int:
        """By how many days the copy's sessions move (0 to keep them)."""
        target = self.cleaned_data.get("move_sessions_to")
        first = first_session_date(self.page.specific)
        if target is None or first is None:
            return 0
        return (target - first).days


def first_session_date(page):
    """The date the first session of ``page`` starts, in its city's time zone, or None."""
    starts = [s.start for s in page.sessions.all() if s.start]
    if not starts:
        return None
    return timezone.localtime(min(starts), page.get_city_time_zone()).date()
