"""A limit on suggestions, counted per network address (a keyed hash of it, see
:mod:`wagtail_cityoflearning.throttle`): ``SUGGESTION_MAX_PER_ADDRESS`` suggestions within
``SUGGESTION_WINDOW_SECONDS`` from the first."""

from wagtail_cityoflearning import throttle
from wagtail_cityoflearning.conf import cityoflearning_settings

NAMESPACE = "suggestion"


def is_throttled(request) -> bool:
    limit = cityoflearning_settings.SUGGESTION_MAX_PER_ADDRESS
    return throttle.count(throttle.address_key(request, NAMESPACE)) >= limit


def record(request) -> None:
    """Count one suggestion that was sent (the honeypot's too; forms sent back with errors do
    not count)."""
    key = throttle.address_key(request, NAMESPACE)
    throttle.add_one(key, cityoflearning_settings.SUGGESTION_WINDOW_SECONDS)
