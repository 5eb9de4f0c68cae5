"""Where the public site offers "Suggest an opportunity", while the city takes suggestions: a
panel under the map (the core's ``cityoflearning_page_sections``), a link under a map's
empty list, filled in with what was searched for (``cityoflearning_map_empty_results``), a
panel on the learner's dashboard (``cityoflearning_dashboard_sections``), and the stylesheet
these need (``cityoflearning_head_stylesheets``)."""

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.models import Site

from wagtail_cityoflearning.insight.bands import band_for_age
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.models.map_page import AbstractOpportunityMapPage
from wagtail_cityoflearning.page_cache import site_setting

TEMPLATES = "wagtail_cityoflearning_insight/voice"
STYLESHEETS = [
    "wagtail_cityoflearning/css/accounts.css",
    "wagtail_cityoflearning_insight/voice/voice.css",
]
PUBLIC_URL_NAMES = {"suggest", "suggestion_sent"}


def suggest_url(request, **params) -> str:
    """The form's address when the request's city takes suggestions, else ""."""
    if request is None or Site.find_for_request(request) is None:
        return ""
    try:
        url = reverse("wagtail_cityoflearning_insight:suggest")
    except NoReverseMatch:  # the site does not include the insight app's URLs
        return ""
    if not site_setting(InsightSettings, request).accepts_suggestions:
        return ""
    params = {key: value for key, value in params.items() if value}
    return f"{url}?{urlencode(params)}" if params else url


def search_params(filterset) -> dict:
    """The interest (the first one chosen) and the age band of a map's search."""
    if filterset is None or not hasattr(filterset.form, "cleaned_data"):
        return {}
    data = filterset.form.cleaned_data
    params = {}
    interests = list(data.get("interest") or [])
    if interests:
        params["interest"] = interests[0].slug
    age = data.get("age")
    if age is not None and "age" not in filterset.form.errors:
        params["age_band"] = band_for_age(int(age))
    return params


@hooks.register("cityoflearning_page_sections")
def map_panel(request, page) -> str:
    if not isinstance(page, AbstractOpportunityMapPage):
        return ""
    url = suggest_url(request)
    if not url:
        return ""
    return render_to_string(
        f"{TEMPLATES}/panel.html",
        {"suggest_url": url, "panel_id": "suggest-panel"},
        request=request,
    )


@hooks.register("cityoflearning_map_empty_results")
def empty_results_link(request, filterset) -> str:
    url = suggest_url(request, **search_params(filterset))
    if not url:
        return ""
    return render_to_string(
        f"{TEMPLATES}/empty_results.html", {"suggest_url": url}, request=request
    )


@hooks.register("cityoflearning_dashboard_sections")
def dashboard_panel(request) -> str:
    url = suggest_url(request)
    if not url:
        return ""
    return render_to_string(
        f"{TEMPLATES}/panel.html",
        {"suggest_url": url, "panel_id": "dashboard-suggest"},
        request=request,
    )


@hooks.register("cityoflearning_head_stylesheets")
def voice_stylesheets(request, page):
    if isinstance(page, AbstractOpportunityMapPage):
        return STYLESHEETS[1:]
    match = getattr(request, "resolver_match", None)
    if page is not None or match is None:
        return []
    if match.namespace == "wagtail_cityoflearning_insight" and match.url_name in PUBLIC_URL_NAMES:
        return STYLESHEETS
    if match.namespace == "wagtail_cityoflearning_learners" and match.url_name == "dashboard":
        return STYLESHEETS[1:]
    return []
