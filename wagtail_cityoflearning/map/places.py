"""The map's "near" filter: a place or a provider of the city, found by the name a young
person types or chooses, and its point.

The names offered are the Site's places (:class:`~wagtail_cityoflearning.models.places.Place`)
and the providers the map lists, places first. Names are compared without case or accents,
so "siska" finds "Šiška"; a name that is part of exactly one name finds that one.
"""

import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.models.places import Place, PlaceKind

PROVIDER_KIND = _("Learning provider")


@dataclass(frozen=True)
class NearOption:
    name: str
    kind: str  # what it is, in words: "District", "Learning provider"...
    latitude: float
    longitude: float

    @property
    def point(self) -> tuple[float, float]:
        return (self.latitude, self.longitude)


def fold(text: str) -> str:
    """``text`` without case, accents or repeated spaces, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def near_options(site, providers) -> list[NearOption]:
    """The places of ``site`` that have a point, then the ``providers`` (a queryset) that have
    one and do not share a place's name; two queries."""
    if site is None:
        return []
    kinds = dict(PlaceKind.choices)
    options = [
        NearOption(name, str(kinds.get(kind, kind)), lat, lng)
        for name, kind, lat, lng in Place.objects.filter(
            site=site, latitude__isnull=False, longitude__isnull=False
        )
        .order_by("name", "pk")
        .values_list("name", "kind", "latitude", "longitude")
    ]
    taken = {fold(option.name) for option in options}
    for title, lat, lng in (
        providers.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("title", "pk")
        .values_list("title", "latitude", "longitude")
    ):
        if fold(title) not in taken:
            taken.add(fold(title))
            options.append(NearOption(title, str(PROVIDER_KIND), lat, lng))
    return options


class PlaceNotFound(ValueError):
    pass


def find_place(text: str, options: list[NearOption]) -> NearOption:
    """The option called ``text``, else the only one whose name holds it; PlaceNotFound with a
    message for the visitor otherwise."""
    wanted = fold(text)
    if wanted:
        for option in options:
            if fold(option.name) == wanted:
                return option
        partial = [option for option in options if wanted in fold(option.name)]
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            raise PlaceNotFound(
                _("Several places match “%(name)s”. Choose one from the list.") % {"name": text}
            )
    raise PlaceNotFound(
        _("No place called “%(name)s” was found here. Choose one from the list.") % {"name": text}
    )
