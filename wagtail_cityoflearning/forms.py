"""Admin forms for the package's page types: locale-aware choices, times in the city's time
zone and cross-field checks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from wagtail_cityoflearning.models.settings import CityOfLearningSettings


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


class CityOfLearningPageForm(WagtailAdminPageForm):
    """Offers only the interests in the page's own language; the page's own date-time fields
    and those of its inline children (sessions) are in the city's time zone."""

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
        field = self.fields.get("interests")
        if field is not None:
            locale_id = getattr(self.instance, "locale_id", None)
            if locale_id is None and self.parent_page is not None:
                locale_id = self.parent_page.locale_id
            if locale_id is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)

    def get_city_time_zone(self):
        """The time zone of the city (Site) the page belongs to, from its settings."""
        page = self.instance if self.instance.pk else self.parent_page
        site = page.get_site() if page is not None else None
        if site is None:
            return timezone.get_current_timezone()
        return CityOfLearningSettings.for_site(site).tzinfo


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
