import pytest

from tests.factories import ProviderPageFactory, make_city, make_opportunity


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Every test writes uploads to its own temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def city(db):
    """Ljubljana: the default site, in Slovenian, with a provider index."""
    return make_city()


@pytest.fixture
def provider(city):
    page = ProviderPageFactory(parent=city["index"])
    page.interests = [city["interests"]["science-technology"]]
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def opportunity(city, provider):
    interests = [city["interests"]["science-technology"], city["interests"]["digital-skills"]]
    return make_opportunity(provider, interests)
