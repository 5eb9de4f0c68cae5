"""A limit on answers to one survey from one connection: ``page.answers_per_hour`` within an
hour of the first, counted under a keyed hash of the address (see
:mod:`wagtail_cityoflearning.throttle`; the address itself is never kept, in the cache or with
the answers)."""

from wagtail_cityoflearning import throttle

WINDOW_SECONDS = 3600


def _key(request, page) -> str:
    return throttle.address_key(request, f"needs-survey:{page.pk}")


def is_throttled(request, page) -> bool:
    return throttle.count(_key(request, page)) >= page.answers_per_hour


def record(request, page) -> None:
    """Count one answer that was sent (the honeypot's too; forms sent back with errors do not
    count)."""
    throttle.add_one(_key(request, page), WINDOW_SECONDS)
