"""The coverage map's cells as JSON, for its interest and age band filters.

Takes the dashboard's parameters (``site``, ``provider``, ``start``, ``end``) and the
filters (``interest``, ``band``); answers 400 with a message for a bad value and 403 for a
city or provider outside the user's reach. The JSON holds the figure's table too (``columns``
and ``rows``); with ``format=csv`` or ``format=xlsx`` the answer is that table as a file.
"""

import tablib
from django import forms
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpResponse, JsonResponse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from wagtail_cityoflearning.exports import neutralise_cell
from wagtail_cityoflearning.insight.bands import BAND_CHOICES, BAND_LABELS
from wagtail_cityoflearning.insight.coverage.cells import coverage
from wagtail_cityoflearning.insight.coverage.sections import map_data, table_columns, table_rows
from wagtail_cityoflearning.insight.privacy import display
from wagtail_cityoflearning.insight.scope import resolve_scope
from wagtail_cityoflearning.map.filters import MAX_DATE, MIN_DATE
from wagtail_cityoflearning.models.taxonomy import Interest

MAX_ID = 2**63 - 1
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DATE_VALIDATORS = [
    MinValueValidator(MIN_DATE, _("Choose a date on or after %(limit_value)s.")),
    MaxValueValidator(MAX_DATE, _("Choose a date on or before %(limit_value)s.")),
]


class CellsForm(forms.Form):
    site = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    provider = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    start = forms.DateField(required=False, input_formats=["%Y-%m-%d"], validators=DATE_VALIDATORS)
    end = forms.DateField(required=False, input_formats=["%Y-%m-%d"], validators=DATE_VALIDATORS)
    interest = forms.SlugField(required=False, max_length=80, allow_unicode=True)
    band = forms.ChoiceField(required=False, choices=[("", "")] + BAND_CHOICES)
    format = forms.ChoiceField(required=False, choices=[("", "")] + [(f, f) for f in FORMATS])

    def clean_site(self):
        pk = self.cleaned_data.get("site")
        if pk is None:
            return None
        site = Site.objects.select_related("root_page").filter(pk=pk).first()
        if site is None:
            raise forms.ValidationError(_("There is no such city."))
        return site

    def clean_provider(self):
        pk = self.cleaned_data.get("provider")
        if pk is None:
            return None
        page = Page.objects.filter(pk=pk).first()
        if page is None:
            raise forms.ValidationError(_("There is no such provider."))
        return page

    def clean(self):
        cleaned = super().clean()
        if self.errors.get("start") or self.errors.get("end"):
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        if (start is None) != (end is None):
            self.add_error("end", _("Give both the first and the last day of the period."))
        elif start is not None and end < start:
            # The dashboard's own message for the same mistake.
            self.add_error("end", _("The end of the period is before its start."))
        return cleaned


def _bad_request(form) -> JsonResponse:
    """400 with each field's messages (``errors``) and the first of them (``error``), the
    one the map shows."""
    errors = {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }
    first = next(name for name in list(form.fields) + list(errors) if name in errors)
    return JsonResponse({"error": errors[first][0], "errors": errors}, status=400)


@require_GET
def cells(request):
    form = CellsForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    data = form.cleaned_data
    try:
        scope = resolve_scope(
            request.user,
            site=data["site"],
            provider=data["provider"],
            start=data["start"],
            end=data["end"],
        )
    except PermissionDenied:
        return JsonResponse(
            {"error": gettext("You may not see the figures of this city or provider.")},
            status=403,
        )
    interest_name = ""
    if data["interest"]:
        interest = (
            Interest.objects.filter(slug=data["interest"], locale_id=scope.site.root_page.locale_id)
            .values_list("name", flat=True)
            .first()
        )
        if interest is None:
            form.add_error("interest", _("The city has no such interest."))
            return _bad_request(form)
        interest_name = interest
    result = coverage(scope, interest=data["interest"], band=data["band"])
    rows = table_rows(result)
    if data["format"]:
        return _download(scope, rows, data)
    payload = map_data(result, interest_name, data["band"])
    payload["filters"] = {
        "interest": interest_name,
        "band": str(BAND_LABELS.get(data["band"], "")),
    }
    # The table under the map, as the dashboard shows it: the first cell heads its row.
    payload["columns"] = table_columns()
    payload["rows"] = [
        [{"text": display(value), "number": isinstance(value, int)} for value in row]
        for row in rows
    ]
    return JsonResponse(payload)


def _download(scope, rows, data) -> HttpResponse:
    """The filtered table as CSV or XLSX, named after the city, the filters and the period."""
    export_format = data["format"]
    table = tablib.Dataset(headers=[neutralise_cell(str(c)) for c in table_columns()])
    table.title = "coverage"
    for row in rows:
        table.append([v if isinstance(v, int) else neutralise_cell(str(v)) for v in row])
    parts = [slugify(scope.site.site_name or scope.site.hostname) or "city"]
    if scope.provider is not None:
        parts.append(slugify(scope.provider.slug))
    parts += ["coverage", data["interest"], data["band"]]
    parts += [scope.start.isoformat(), scope.end.isoformat()]
    name = slugify("-".join(part for part in parts if part)) + "." + export_format
    answer = HttpResponse(table.export(export_format), content_type=FORMATS[export_format])
    answer["Content-Disposition"] = f'attachment; filename="{name}"'
    return answer
