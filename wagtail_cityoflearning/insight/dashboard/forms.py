"""The dashboard's filters: the city, the provider and the period (a GET form)."""

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.insight.scope import (
    DEFAULT_PERIOD_DAYS,
    MAX_DATE,
    MAX_PERIOD_DAYS,
    MIN_DATE,
)

FIELDS = ("city", "provider", "start", "end")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        attrs = {"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat(), **(attrs or {})}
        super().__init__(attrs, format="%Y-%m-%d")


def date_validators():
    return [
        MinValueValidator(MIN_DATE, _("Choose a date on or after %(limit_value)s.")),
        MaxValueValidator(MAX_DATE, _("Choose a date on or before %(limit_value)s.")),
    ]


class FilterForm(forms.Form):
    """City and provider are ids; whether the user may see them is the view's to decide (an
    id outside their reach is a 404, as everywhere in the admin)."""

    city = forms.IntegerField(label=_("City"), required=False, widget=forms.Select)
    provider = forms.IntegerField(label=_("Provider"), required=False, widget=forms.Select)
    start = forms.DateField(
        label=_("From"), required=False, widget=DateInput, validators=date_validators()
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=DateInput, validators=date_validators()
    )

    def __init__(self, *args, cities=(), providers=(), whole_city=True, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today  # in the city's time zone
        self.fields["city"].widget.choices = [
            (site.pk, site.site_name or site.hostname) for site in cities
        ]
        provider_choices = [(page.pk, page.title) for page in providers]
        if whole_city:
            provider_choices.insert(0, ("", gettext("All providers (the whole city)")))
        self.fields["provider"].widget.choices = provider_choices

    def describe_errors(self) -> None:
        """Point each field in error to its message, for screen readers."""
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if self.errors:
            return data
        today = self.today or dt.date.today()
        if end is None:
            end = today if start is None else max(start, min(today, start + dt.timedelta(364)))
        if start is None:
            start = end - dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1)
        if end < start:
            self.add_error("end", gettext("The end of the period is before its start."))
        elif (end - start).days > MAX_PERIOD_DAYS:
            self.add_error(
                "start",
                gettext("Choose a period of at most %(years)s years.")
                % {"years": MAX_PERIOD_DAYS // 366},
            )
        data["start"], data["end"] = start, end
        return data
