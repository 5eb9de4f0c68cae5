"""Context for public pages the package does not render itself, such as allauth's: the
base template they extend and the city's settings. Add to TEMPLATES' context processors::

    "wagtail_cityoflearning.learners.context_processors.public_layout",
"""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from ..conf import cityoflearning_settings


def _city_settings(request):
    from ..models import CityOfLearningSettings

    site = Site.find_for_request(request)
    return CityOfLearningSettings.for_site(site) if site is not None else None


def public_layout(request) -> dict:
    """``base_template`` and ``city_settings`` (looked up only when a template uses them).
    A view's own context wins over these."""
    return {
        "base_template": cityoflearning_settings.BASE_TEMPLATE,
        "city_settings": SimpleLazyObject(lambda: _city_settings(request)),
    }
