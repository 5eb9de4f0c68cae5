"""The public "Suggest an opportunity" form and its thank-you page."""

from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.voice import throttle
from wagtail_cityoflearning.insight.voice.forms import SuggestionForm
from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.home.recommendations import city_map_url
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

TEMPLATES = "wagtail_cityoflearning_insight/voice"
NAMESPACE = "wagtail_cityoflearning_insight"


def accepts_suggestions(site) -> bool:
    return site is not None and InsightSettings.for_site(site).accepts_suggestions


def city_today(site):
    """Today in the city's time zone (a suggestion is dated by the city's day)."""
    return timezone.localtime(timezone.now(), CityOfLearningSettings.for_site(site).tzinfo).date()


def suggest(request):
    """The form: anyone may send it, signed in or not; nothing says who sent it."""
    site = Site.find_for_request(request)
    if not accepts_suggestions(site):
        return render_page(request, f"{TEMPLATES}/closed.html", {}, status=404)
    context = {"map_url": city_map_url(site, request)}
    if request.method == "POST":
        if throttle.is_throttled(request):
            context.update({"throttled": True, "form": SuggestionForm(site=site)})
            return render_page(request, f"{TEMPLATES}/suggest.html", context, status=429)
        form = SuggestionForm(request.POST, site=site)
        if form.is_valid():
            throttle.record(request)
            if not form.is_robot:
                form.build(site, get_language() or "", city_today(site)).save()
            return redirect(f"{NAMESPACE}:suggestion_sent")
        context["form"] = form
        return render_page(request, f"{TEMPLATES}/suggest.html", context, status=400)
    context["form"] = SuggestionForm(
        site=site, initial=SuggestionForm.initial_from_query(request.GET)
    )
    return render_page(request, f"{TEMPLATES}/suggest.html", context)


def suggestion_sent(request):
    site = Site.find_for_request(request)
    if not accepts_suggestions(site):
        return render_page(request, f"{TEMPLATES}/closed.html", {}, status=404)
    return render_page(request, f"{TEMPLATES}/sent.html", {"map_url": city_map_url(site, request)})
