"""The coverage map's cells as JSON, for its interest and age band filters.

Takes the dashboard's parameters (``site``, ``provider``, ``start``, ``end``) and the
filters (``interest``, ``band``); answers 400 with a message for a bad value and 403 for a
city or provider outside the user's reach.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from wagtail_cityoflearning.insight.bands import BAND_CHOICES, BAND_LABELS
from wagtail_cityoflearning.insight.coverage.cells import coverage
from wagtail_cityoflearning.insight.coverage.sections import map_data
from wagtail_cityoflearning.insight.scope import resolve_scope
from wagtail_cityoflearning.models.taxonomy import Interest

MAX_ID = 2**63 - 1


class CellsForm(forms.Form):
    site = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    provider = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    start = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    end = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    interest = forms.SlugField(required=False, max_length=80, allow_unicode=True)
    band = forms.ChoiceField(required=False, choices=[("", "")] + BAND_CHOICES)

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
        if (cleaned.get("start") is None) != (cleaned.get("end") is None) and not (
            self.errors.get("start") or self.errors.get("end")
        ):
            self.add_error("end", _("Give both the first and the last day of the period."))
        return cleaned


def _bad_request(form) -> JsonResponse:
    errors = {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }
    message = " ".join(message for messages in errors.values() for message in messages)
    return JsonResponse({"error": message, "errors": errors}, status=400)


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
    payload = map_data(result, interest_name, data["band"])
    payload["filters"] = {
        "interest": interest_name,
        "band": str(BAND_LABELS.get(data["band"], "")),
    }
    return JsonResponse(payload)
