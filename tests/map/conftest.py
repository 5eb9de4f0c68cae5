import pytest

from tests.factories import ProviderPageFactory, make_opportunity, session
from wagtail_cityoflearning.map import cache as map_cache
from wagtail_cityoflearning.models import OpportunityMapPage


@pytest.fixture
def map_page(city):
    page = OpportunityMapPage(title="Map", slug="map")
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    # The database is rolled back after each test, the cache is not: a feed kept by an earlier
    # test for a map page of the same id (ids are reused after a rollback) must not answer.
    map_cache.invalidate()
    return page


@pytest.fixture
def catalogue(city, provider):
    """Five opportunities that differ in one thing each."""
    interests = city["interests"]
    other_place = ProviderPageFactory(parent=city["index"], location="SRID=4326;POINT(14.6 46.1)")
    return {
        "music": make_opportunity(
            provider,
            [interests["music"]],
            title="Guitar circle",
            age_min=13,
            age_max=15,
            sessions=[session(1)],
        ),
        "sports": make_opportunity(
            provider,
            [interests["sports"]],
            title="Climbing wall",
            is_free=False,
            price="5 EUR",
            age_min=18,
            age_max=29,
            sessions=[session(20)],
        ),
        "online": make_opportunity(
            provider,
            [interests["digital-skills"]],
            title="Web design online",
            mode="online",
            address="",
            location="",
            online_url="https://meet.example.org/w",
            languages=["en"],
            sessions=[session(3)],
        ),
        "ongoing": make_opportunity(
            provider,
            [interests["volunteering-community"]],
            title="Food bank helpers",
            sessions=[],
            is_ongoing=True,
            opportunity_type="volunteering",
        ),
        "far": make_opportunity(
            other_place,
            [interests["music"]],
            title="Choir in the hills",
            location="SRID=4326;POINT(14.6 46.1)",
            sessions=[session(6)],
        ),
        "past": make_opportunity(
            provider, [interests["music"]], title="Last year's concert", sessions=[session(-30)]
        ),
    }
