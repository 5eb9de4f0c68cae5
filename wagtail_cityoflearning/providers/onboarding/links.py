"""Where the public site invites organisations to join: a panel on the providers' page (the
core's ``cityoflearning_page_sections`` hook) and a link in the footer
(``cityoflearning_footer_items``), while the city accepts requests."""

from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Site

from wagtail_cityoflearning.models.providers import AbstractProviderIndexPage
from wagtail_cityoflearning.page_cache import site_setting
from wagtail_cityoflearning.providers.settings import ProviderSettings


def join_url(request) -> str:
    """The form's address when this city takes requests, else ""."""
    if request is None or Site.find_for_request(request) is None:
        return ""
    try:
        url = reverse("wagtail_cityoflearning_providers:provider_request")
    except NoReverseMatch:  # the site does not include the providers' URLs
        return ""
    accepts = site_setting(ProviderSettings, request).accepts_provider_requests
    return url if accepts else ""


@hooks.register("cityoflearning_page_sections")
def join_panel(request, page) -> str:
    if not isinstance(page, AbstractProviderIndexPage):
        return ""
    url = join_url(request)
    if not url:
        return ""
    return render_to_string(
        "wagtail_cityoflearning_providers/onboarding/join_panel.html",
        {"join_url": url},
        request=request,
    )


@hooks.register("cityoflearning_footer_items")
def join_link(request) -> str:
    url = join_url(request)
    if not url:
        return ""
    return format_html('<p><a href="{}">{}</a></p>', url, gettext("Become a learning provider"))
