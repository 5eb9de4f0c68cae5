"""The public pages' layout, shared by every app of the package: the base template they
extend and the city's settings, as a context processor and as a render helper.

Pages the package does not render itself (allauth's) get them through the context processor;
add it to TEMPLATES' context processors::

    "wagtail_cityoflearning.layout.public_layout",
"""

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.page_cache import site_setting


def _city_settings(request):
    site = Site.find_for_request(request)
    return site_setting(CityOfLearningSettings, site=site) if site is not None else None


def _site_root(request):
    """The root page of the request's Site, in the active language when translated."""
    site = Site.find_for_request(request)
    return site.root_page.localized if site is not None else None


def public_layout(request) -> dict:
    """``base_template``, ``city_settings`` and ``site_root`` (the Site's root page in the
    active language, for the main menu of views that are not pages), each looked up only when
    a template uses it. A view's own context wins over these."""
    return {
        "base_template": cityoflearning_settings.BASE_TEMPLATE,
        "city_settings": SimpleLazyObject(lambda: _city_settings(request)),
        "site_root": SimpleLazyObject(lambda: _site_root(request)),
    }


def render_page(request, template: str, context: dict, status: int = 200):
    """Render one of the package's public pages (not a Wagtail page) in the site's layout."""
    return render(request, template, {**public_layout(request), **context}, status=status)
