"""A small known city for the supply figures and the dashboard's tests: Ljubljana with two
providers and a few opportunities in the first quarter of 2026, and Cagliari beside it."""

import datetime as dt
import zoneinfo

from tests.factories import make_city, make_opportunity, make_provider
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.models import OpportunityPage, OpportunitySession

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)


def at(day, hour, minute=0):
    return dt.datetime(2026, day[0], day[1], hour, minute, tzinfo=LJUBLJANA)


def meets(*starts, hours=2):
    return [
        OpportunitySession(start=start, end=start + dt.timedelta(hours=hours)) for start in starts
    ]


def build_city():
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    maker = make_provider(lj, title="Maker lab")
    youth = make_provider(lj, title="Youth centre")
    interests = lj["interests"]
    # Monday morning in January, Monday evening in February.
    robots = make_opportunity(
        maker,
        [interests["science-technology"]],
        sessions=meets(at((1, 12), 10), at((2, 16), 18)),
        title="Robots",
        age_min=13,
        age_max=19,
        languages=["sl", "en"],
    )
    # Wednesday afternoon in February, online and paid.
    football = make_opportunity(
        youth,
        [interests["sports"], interests["science-technology"]],
        sessions=meets(at((2, 18), 14)),
        title="Football analytics",
        age_min=16,
        age_max=25,
        languages=["en"],
        is_free=False,
        price="10 EUR",
        mode="online",
        online_url="https://meet.example.org/football",
    )
    # Ongoing since December 2025.
    studio = make_opportunity(
        youth, [interests["music"]], sessions=[], title="Open studio", is_ongoing=True
    )
    OpportunityPage.objects.filter(pk=studio.pk).update(
        first_published_at=dt.datetime(2025, 12, 1, tzinfo=LJUBLJANA)
    )
    # Not counted: after the period, not live, or in another city.
    make_opportunity(maker, [interests["arts"]], sessions=meets(at((5, 4), 10)), title="May")
    make_opportunity(
        maker, [interests["arts"]], sessions=meets(at((1, 20), 10)), title="Draft", publish=False
    )
    sardinia = make_provider(ca, title="Fab lab Cagliari")
    make_opportunity(
        sardinia, [ca["interests"]["arts"]], sessions=meets(at((1, 21), 10)), title="Cagliari"
    )
    return {
        "lj": lj,
        "ca": ca,
        "maker": maker,
        "youth": youth,
        "robots": robots,
        "football": football,
        "studio": studio,
    }


def city_scope(world, provider=None):
    return Scope(site=world["lj"]["site"], provider=provider, start=START, end=END)
