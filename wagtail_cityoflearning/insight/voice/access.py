"""Who reaches which suggestions, from the package's access policy
(:mod:`wagtail_cityoflearning.access`):

- a **city editor** sees and handles the suggestions of the cities they edit;
- **provider staff** see the suggestions forwarded to their provider, or made into a draft of
  it, and handle none;
- a **superuser** sees and handles all.

Nobody else (visitors, learners) reaches any.
"""

from django.db.models import Q

from wagtail_cityoflearning import access
from wagtail_cityoflearning.insight.voice.models import Suggestion

SHARED_WITH_PROVIDER = (Suggestion.Status.FORWARDED, Suggestion.Status.DRAFTED)


def suggestions(user):
    """The suggestions ``user`` may see."""
    if not access.is_staff_user(user):
        return Suggestion.objects.none()
    if user.is_superuser:
        return Suggestion.objects.all()
    return Suggestion.objects.filter(
        Q(site__in=access.city_sites(user))
        | Q(
            provider__in=access.provider_pages(user).values("pk"),
            status__in=SHARED_WITH_PROVIDER,
        )
    )


def handled_suggestions(user):
    """The suggestions ``user`` may forward, make a draft of, decline or delete: their
    cities'."""
    if not access.is_staff_user(user):
        return Suggestion.objects.none()
    return Suggestion.objects.filter(site__in=access.city_sites(user))
