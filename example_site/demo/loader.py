"""Builds a demo city: its Site, page tree, settings, interests, providers, opportunities,
badges, learning playlists and a demo learner.

Idempotent: pages are found by slug and left alone when they exist, so running the
loader again changes nothing.
"""

import datetime as dt
import importlib
import zoneinfo
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from wagtail_cityoflearning.interests import create_default_interests
from wagtail_cityoflearning.models import (
    CityOfLearningSettings,
    OpportunityMapPage,
    OpportunityPage,
    OpportunitySession,
    ProviderIndexPage,
    ProviderPage,
)

from .illustrations import Illustrations
from .landing import landing_body
from .learners import DEMO_LEARNER_PASSWORD, load_learner
from .playlists import load_playlists
from .translations import translate_city

CITIES = {
    "ljubljana": {
        "module": "example_site.demo.ljubljana",
        "playlists": "example_site.demo.ljubljana_playlists",
        "hostname": "localhost",
    },
    "cagliari": {
        "module": "example_site.demo.cagliari",
        "playlists": "example_site.demo.cagliari_playlists",
        "hostname": "cagliari.localhost",
    },
}
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


@dataclass
class LoadReport:
    city: str
    site: Site
    created: dict = field(
        default_factory=lambda: {"providers": 0, "opportunities": 0, "badges": 0, "playlists": 0}
    )
    learner_email: str = ""


def _publish(page):
    page.save_revision().publish()


def _remove_wagtail_welcome_page():
    """Remove the placeholder page and site a new Wagtail install creates, if untouched."""
    for site in Site.objects.filter(root_page__title=WAGTAIL_WELCOME_TITLE):
        page = site.root_page
        if page.specific_class is Page and page.numchild == 0:
            site.delete()
            page.delete()


def _home_page(data, locale, home_model, hostname, port, is_default):
    site = Site.objects.filter(hostname=hostname).first()
    if site is not None:
        if site.port != port:  # loaded again to be served on another port: the city moves
            site.port = port
            site.save(update_fields=["port"])
        return site, site.root_page.specific
    root = Page.get_first_root_node()
    slug = slugify(data.CITY["name"])
    home = Page.objects.child_of(root).filter(slug=slug).first()
    if home is None:
        home = home_model(title=data.CITY["home_title"], slug=slug, locale=locale)
        if hasattr(home, "intro"):
            home.intro = format_html("<p>{}</p>", data.CITY["home_intro"])
        if hasattr(home, "body"):
            home.body = landing_body(data.LANDING)
        root.add_child(instance=home)
        _publish(home)
    if is_default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=data.CITY["name"],
        root_page=home,
        is_default_site=is_default,
    )
    return site, home.specific


def _settings(site, city):
    settings = CityOfLearningSettings.for_site(site)
    if settings.city_name:
        return settings
    settings.city_name = city["name"]
    settings.map_centre_latitude, settings.map_centre_longitude = city["centre"]
    settings.map_zoom = city["zoom"]
    settings.timezone = city["timezone"]
    settings.contact_email = city["contact_email"]
    settings.age_of_digital_consent = city["age_of_digital_consent"]
    settings.save()
    return settings


def _provider_index(home, city):
    index = ProviderIndexPage.objects.child_of(home).filter(slug="providers").first()
    if index is None:
        index = ProviderIndexPage(
            title=city["providers_title"],
            slug="providers",
            intro=format_html("<p>{}</p>", city["providers_intro"]),
            show_in_menus=True,
        )
        home.add_child(instance=index)
        _publish(index)
    return index


def _map_page(home, city):
    page = OpportunityMapPage.objects.child_of(home).filter(slug="map").first()
    if page is None:
        page = OpportunityMapPage(
            title=city["map_title"],
            slug="map",
            intro=format_html("<p>{}</p>", city["map_intro"]),
            show_in_menus=True,
        )
        home.add_child(instance=page)
        _publish(page)
    return page


def _provider(index, item, interests_by_slug, illustrations):
    page = ProviderPage(
        title=item["title"],
        slug=item["slug"],
        short_description=item["short_description"],
        body=[("paragraph", format_html("<p>{}</p>", item["description"]))],
        website=item.get("website", ""),
        email=item.get("email", ""),
        phone=item.get("phone", ""),
        address=item["address"],
        accessibility=item.get("accessibility", ""),
        cover_image=illustrations.for_provider(item["interests"]),
    )
    page.set_location(item["lat"], item["lng"])
    page.interests = [interests_by_slug[slug] for slug in item["interests"]]
    index.add_child(instance=page)
    _publish(page)
    return page


def _sessions(schedule, tz, today):
    if schedule["kind"] == "ongoing":
        return []
    hour, minute = (int(part) for part in schedule["start_time"].split(":"))
    sessions = []
    for number in range(schedule["count"]):
        day = today + dt.timedelta(days=schedule["start_day"] + number * schedule["every_days"])
        start = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)
        end = start + dt.timedelta(minutes=schedule["duration_minutes"])
        sessions.append(OpportunitySession(start=start, end=end, sort_order=number))
    return sessions


def _opportunity(provider, item, interests_by_slug, illustrations, tz, today):
    sessions = _sessions(item["schedule"], tz, today)
    page = OpportunityPage(
        title=item["title"],
        slug=slugify(item["title"])[:80],
        opportunity_type=item["type"],
        summary=item["summary"],
        body=[
            ("paragraph", format_html("<p>{}</p>", item["body"])),
            ("learning_outcomes", {"heading": "", "items": item["learn"]}),
        ],
        age_min=item["age_min"],
        age_max=item["age_max"],
        is_free=not item["price"],
        price=item["price"],
        languages=item["languages"],
        mode=item["mode"],
        online_url=item.get("online_url", ""),
        is_ongoing=item["schedule"]["kind"] == "ongoing",
        capacity=item.get("capacity"),
        registration_url=provider.website,
        accessibility=item.get("accessibility", ""),
        sessions=sessions,
        cover_image=illustrations.for_opportunity(item["interests"]),
    )
    if item["mode"] != "online":
        page.address = provider.address
        page.set_location(provider.latitude, provider.longitude)
    page.interests = [interests_by_slug[slug] for slug in item["interests"]]
    provider.add_child(instance=page)
    page.skills.add(*item["skills"])
    _publish(page)
    return page


def load_city(
    name: str,
    *,
    home_model: str = "wagtailcore.Page",
    port: int = 8000,
    is_default: bool = False,
    learner: bool = True,
    learner_password: str = DEMO_LEARNER_PASSWORD,
) -> LoadReport:
    """Create or complete the demo for one city (``ljubljana`` or ``cagliari``); with
    ``learner``, also the city's demo learner and their progress."""
    config = CITIES[name]
    data = importlib.import_module(config["module"])
    playlist_data = importlib.import_module(config["playlists"])
    city = data.CITY
    model = apps.get_model(home_model)
    with transaction.atomic():
        locale, _ = Locale.objects.get_or_create(language_code=city["language"])
        _remove_wagtail_welcome_page()
        site, home = _home_page(data, locale, model, config["hostname"], port, is_default)
        report = LoadReport(city=city["name"], site=site)
        _settings(site, city)
        interests_by_slug = {i.slug: i for i in create_default_interests(home.locale)}
        illustrations = Illustrations(data.ILLUSTRATIONS, interests_by_slug)
        index = _provider_index(home, city)
        map_page = _map_page(home, city)
        tz = zoneinfo.ZoneInfo(city["timezone"])
        today = timezone.now().astimezone(tz).date()
        providers = {}
        for item in data.PROVIDERS:
            page = ProviderPage.objects.child_of(index).filter(slug=item["slug"]).first()
            if page is None:
                page = _provider(index, item, interests_by_slug, illustrations)
                report.created["providers"] += 1
            providers[item["slug"]] = page
        for item in data.OPPORTUNITIES:
            provider = providers[item["provider"]]
            slug = slugify(item["title"])[:80]
            if OpportunityPage.objects.child_of(provider).filter(slug=slug).exists():
                continue
            _opportunity(provider, item, interests_by_slug, illustrations, tz, today)
            report.created["opportunities"] += 1
        playlists = load_playlists(
            site=site,
            home=home,
            city=city,
            data=playlist_data,
            provider_index=index,
            interests_by_slug=interests_by_slug,
            created=report.created,
            illustrations=illustrations,
        )
        translate_city(name, home=home, map_page=map_page, playlists=playlists)
        importlib.import_module("example_site.demo.places").load_places(site, name)
        if learner:
            report.learner_email = load_learner(
                site=site,
                data=playlist_data,
                playlists=playlists,
                provider_index=index,
                interests_by_slug=interests_by_slug,
                password=learner_password,
            )
    return report
