"""Whose figures a dashboard shows, and for which period: one :class:`Scope`, resolved
through the package's access policy and passed to every figure.

- a **city editor** sees their city (a Site whose root page they edit), and may narrow it
  to one of the city's providers;
- **provider staff** see only their provider (a provider page they edit): its pages and
  what happened on them (learners are counted only through what they did there);
- a **superuser** chooses any city and provider.

Every figure filters its querysets with the scope's methods, so a figure never reaches
outside what its reader may see.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Site

from wagtail_cityoflearning.access import city_sites, provider_pages
from wagtail_cityoflearning.models.providers import AbstractProviderPage
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

DEFAULT_PERIOD_DAYS = 365
MAX_PERIOD_DAYS = 366 * 5
# The dates a period may take (as the map's filters): beyond them dates overflow.
MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2999, 12, 31)


@dataclass(frozen=True, eq=False)
class Scope:
    site: Site
    provider: Page | None  # a provider page, or None for the whole city
    start: dt.date  # first day of the period
    end: dt.date  # last day of the period (inclusive)
    # The paths of the root's translations (a city's pages in another language live under
    # the translation of its root, beside the original): filled by :func:`resolve_scope`.
    translated_paths: tuple = ()

    # -- the period ---------------------------------------------------------------------------

    @cached_property
    def tzinfo(self):
        """The city's time zone (its settings), in which days and hours are counted."""
        return CityOfLearningSettings.for_site(self.site).tzinfo

    @property
    def start_at(self) -> dt.datetime:
        """The period's first moment, in the city's time zone."""
        return dt.datetime.combine(self.start, dt.time.min, tzinfo=self.tzinfo)

    @property
    def end_before(self) -> dt.datetime:
        """The first moment after the period, in the city's time zone."""
        next_day = self.end + dt.timedelta(days=1)
        return dt.datetime.combine(next_day, dt.time.min, tzinfo=self.tzinfo)

    def in_period(self, field: str) -> Q:
        """A ``Q`` keeping rows whose datetime ``field`` falls in the period."""
        return Q(**{f"{field}__gte": self.start_at, f"{field}__lt": self.end_before})

    def days_in_period(self, field: str) -> Q:
        """A ``Q`` keeping rows whose date ``field`` falls in the period."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lte": self.end})

    # -- the pages ----------------------------------------------------------------------------

    @property
    def root(self) -> Page:
        """The page whose subtree the figures count: the provider's, or the city's root."""
        return self.provider or self.site.root_page

    def pages_q(self, prefix: str = "", translations: bool = True) -> Q:
        """A ``Q`` keeping pages (reached through ``prefix``, e.g. ``"opportunity__"``) in
        the scope's subtree and, unless ``translations`` is False, in its translations'
        subtrees. Count what people did (enrolments, awards) with translations; count what
        the city offers (each opportunity once) without them."""
        q = Q(**{f"{prefix}path__startswith": self.root.path})
        if translations:
            for path in self.translated_paths:
                q |= Q(**{f"{prefix}path__startswith": path})
        return q

    def pages(self, model, translations: bool = True):
        """Every page of ``model`` (a page class, concrete or abstract) in the subtree, live or
        not."""
        q = self.pages_q(translations=translations)
        if model._meta.abstract:
            return Page.objects.type(model).filter(q)
        return model.objects.filter(q)

    @property
    def is_city(self) -> bool:
        return self.provider is None

    @property
    def cache_key(self) -> str:
        provider = self.provider.pk if self.provider else "city"
        return f"{self.site.pk}:{provider}:{self.start.isoformat()}:{self.end.isoformat()}"


def city_today(site: Site) -> dt.date:
    """Today's date in the city's time zone."""
    return timezone.localtime(timezone.now(), CityOfLearningSettings.for_site(site).tzinfo).date()


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last twelve months, today included."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1), today


def sites_for(user):
    """The cities whose figures ``user`` may see, whole or one provider at a time."""
    cities = city_sites(user)
    provider_roots = [page.path for page in provider_pages(user).only("path")]
    if not provider_roots:
        return cities
    # A provider's city is the Site whose root page is an ancestor of the provider's page.
    site_ids = set(cities.values_list("pk", flat=True))
    for site in Site.objects.select_related("root_page"):
        if any(path.startswith(site.root_page.path) for path in provider_roots):
            site_ids.add(site.pk)
    return Site.objects.filter(pk__in=site_ids).order_by(
        "-is_default_site", "site_name", "hostname"
    )


def providers_for(user, site: Site):
    """The provider pages of ``site`` whose figures ``user`` may see on their own."""
    return provider_pages(user).filter(path__startswith=site.root_page.path).order_by("title")


def may_see_city(user, site: Site) -> bool:
    return city_sites(user).filter(pk=site.pk).exists()


def resolve_scope(user, site=None, provider=None, start=None, end=None) -> Scope:
    """The scope ``user`` asked for, or :class:`PermissionDenied`.

    ``site`` and ``provider`` are a Site and a provider page (or None to take the first
    the user may see). A user who may not see ``site`` as a city is narrowed to their first
    provider in it; asking for a provider outside their reach is refused."""
    sites = sites_for(user)
    if site is None:
        site = sites.first()
    if site is None or not sites.filter(pk=site.pk).exists():
        raise PermissionDenied
    if provider is not None:
        if not providers_for(user, site).filter(pk=provider.pk).exists():
            raise PermissionDenied
        provider = provider.specific if not isinstance(provider, AbstractProviderPage) else provider
    elif not may_see_city(user, site):
        provider = providers_for(user, site).first()
        if provider is None:
            raise PermissionDenied
    if start is None or end is None:
        start, end = default_period(city_today(site))
    start = min(max(start, MIN_DATE), MAX_DATE)
    end = min(max(end, MIN_DATE), MAX_DATE)
    if end < start:
        start, end = end, start
    if (end - start).days > MAX_PERIOD_DAYS:
        start = end - dt.timedelta(days=MAX_PERIOD_DAYS)
    return Scope(
        site=site,
        provider=provider,
        start=start,
        end=end,
        translated_paths=translated_paths(provider or site.root_page),
    )


def translated_paths(page) -> tuple:
    """The paths of ``page``'s translations that are no Site's root themselves."""
    return tuple(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .exclude(sites_rooted_here__isnull=False)
        .order_by("path")
        .values_list("path", flat=True)
    )
