"""Editors type session times in the city's time zone, whatever the server's TIME_ZONE is."""

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from tests.factories import ProviderPageFactory
from tests.pages.test_admin import opportunity_form_data, post_opportunity
from wagtail_cityoflearning.models import OpportunityPage

UTC = dt.UTC
LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")


@pytest.fixture
def utc_site(settings, city):
    """A stock site's TIME_ZONE, with Ljubljana's settings saying Europe/Ljubljana."""
    settings.TIME_ZONE = "UTC"
    return city


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("urednica", "urednica@example.org", "x")
    client.force_login(user)
    return client


@pytest.fixture
def provider_page(utc_site):
    return ProviderPageFactory(parent=utc_site["index"])


def test_a_session_typed_at_16_00_is_at_16_00_in_the_city(editor, utc_site, provider_page):
    data = opportunity_form_data(
        [utc_site["interests"]["music"]],
        sessions=inline_formset([{"start": "2031-03-14 16:00", "end": "2031-03-14 17:30"}]),
        registration_deadline="2031-03-10 12:00",
    )
    data["action-publish"] = "publish"
    response = post_opportunity(editor, provider_page, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = OpportunityPage.objects.get(slug="beatmaking")
    session = page.sessions.get()
    # 16:00 in Ljubljana in March (CET) is 15:00 UTC, whatever the server's zone.
    assert session.start == dt.datetime(2031, 3, 14, 16, 0, tzinfo=LJUBLJANA)
    assert session.start.astimezone(UTC).hour == 15
    assert page.registration_deadline == dt.datetime(2031, 3, 10, 12, 0, tzinfo=LJUBLJANA)

    # The public page says 16:00 ...
    html = editor.get(page.url).content.decode()
    assert "16:00" in html and "17:00" not in html
    # ... and so does the form when the editor opens the page again, saying in which zone.
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'value="2031-03-14 16:00"' in edit
    assert 'value="2031-03-10 12:00"' in edit
    assert "Europe/Ljubljana" in edit


def test_cagliari_sessions_are_in_cagliari_time(editor, settings, db):
    from tests.factories import make_city

    settings.TIME_ZONE = "UTC"
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider = ProviderPageFactory(parent=cagliari["index"])
    create = editor.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["wagtail_cityoflearning", "opportunitypage", provider.pk],
        )
    ).content.decode()
    assert "Europe/Rome" in create
