"""The email of youth voice: a suggestion forwarded to a provider's staff, in the city's
language, from the city (:mod:`wagtail_cityoflearning.mail`), formal."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail_cityoflearning.languages import site_language
from wagtail_cityoflearning.mail import city_email, site_display_name

TEMPLATES = "wagtail_cityoflearning_insight/voice/email"
ADMIN_NAMESPACE = "cityoflearning_suggestions"


def suggestion_admin_url(suggestion) -> str:
    path = reverse(f"{ADMIN_NAMESPACE}:triage", args=[suggestion.pk])
    return suggestion.site.root_url + path


def send_forwarded(suggestion, provider, recipients, message="") -> None:
    site = suggestion.site
    with translation.override(site_language(site) or provider.locale.language_code):
        context = {
            "suggestion": suggestion,
            "provider": provider,
            "message": message,
            "url": suggestion_admin_url(suggestion),
            "site_name": site_display_name(site),
            "formal": True,
        }
        subject = render_to_string(f"{TEMPLATES}/forwarded_subject.txt", context).strip()
        text = render_to_string(f"{TEMPLATES}/forwarded_body.txt", context)
        html = render_to_string(f"{TEMPLATES}/forwarded_body.html", context)
        email = city_email(context["site_name"], subject, text, recipients, html=html)
    email.send()
