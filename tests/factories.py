"""Factories for the package's models; every test builds the data it needs."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from example_site.home.models import HomePage
from wagtail_cityoflearning.interests import create_default_interests
from wagtail_cityoflearning.models import (
    CityOfLearningSettings,
    Interest,
    OpportunityPage,
    OpportunitySession,
    ProviderIndexPage,
    ProviderPage,
)


class InterestFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Interest {n}")
    slug = factory.Sequence(lambda n: f"interest-{n}")
    colour = "#1d4ed8"
    icon = "star"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Interest


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"

    class Meta:
        model = HomePage


class ProviderIndexPageFactory(wagtail_factories.PageFactory):
    title = "Providers"
    slug = "providers"

    class Meta:
        model = ProviderIndexPage


class ProviderPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Youth Centre {n}")
    short_description = "A place for young people to meet, make and learn."
    address = "Trubarjeva cesta 1, 1000 Ljubljana"
    location = "SRID=4326;POINT(14.5058 46.0513)"
    website = "https://youth-centre.example.org/"

    class Meta:
        model = ProviderPage


class OpportunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Robotics club {n}")
    summary = "Build and program robots with friends."
    opportunity_type = "course"
    address = "Trubarjeva cesta 1, 1000 Ljubljana"
    location = "SRID=4326;POINT(14.5058 46.0513)"
    age_min = 13
    age_max = 19
    languages = factory.LazyFunction(lambda: ["sl", "en"])

    class Meta:
        model = OpportunityPage


def session(days: float, hours: float = 2) -> OpportunitySession:
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return OpportunitySession(start=start, end=start + dt.timedelta(hours=hours))


def make_city(hostname="localhost", language="sl", is_default=True, name="Ljubljana"):
    """A Site with a HomePage in its own locale, its settings and default interests."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )  # transactional tests flush the tree that migrations create
    home = HomePage(
        title=f"{name} home", slug=f"home-{language}-{hostname.split('.')[0]}", locale=locale
    )
    root.add_child(instance=home)
    Site.objects.filter(hostname=hostname, port=80).delete()
    if is_default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname, port=80, root_page=home, is_default_site=is_default, site_name=name
    )
    settings = CityOfLearningSettings.for_site(site)
    settings.city_name = name
    settings.timezone = "Europe/Ljubljana" if language == "sl" else "Europe/Rome"
    settings.save()
    interests = {i.slug: i for i in create_default_interests(locale)}
    index = ProviderIndexPageFactory(parent=home)
    return {"site": site, "home": home, "index": index, "interests": interests, "locale": locale}


def make_opportunity(provider, interests, sessions=None, publish=True, **kwargs):
    """An opportunity under ``provider`` with interests and sessions, saved (and published)."""
    page = OpportunityPageFactory.build(**kwargs)
    page.sessions = sessions if sessions is not None else [session(3), session(10)]
    page.interests = list(interests)
    provider.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


def make_provider(city, interest="science-technology", **kwargs):
    """A published provider page in ``city`` with one of its interests."""
    page = ProviderPageFactory(parent=city["index"], **kwargs)
    page.interests = [city["interests"][interest]]
    page.save_revision().publish()
    page.refresh_from_db()
    return page
