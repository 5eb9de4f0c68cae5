"""The provider's side of registration: the list and its export, scoped to those who may
edit the opportunity; the registered learners on the participants page; the panel of the
provider's admin home; and the reminders the day before a session."""

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import make_provider, session
from tests.learners.conftest import make_provider_staff
from tests.providers.language import slovenian
from tests.providers.registration_helpers import QUESTIONS, adult, make_registrable
from wagtail_cityoflearning.learners.progress.models import Attendance
from wagtail_cityoflearning.providers.models import Registration
from wagtail_cityoflearning.providers.registration import places
from wagtail_cityoflearning.providers.registration.admin import provider_registrations_panel

pytestmark = pytest.mark.django_db

R = Registration.Status


@pytest.fixture
def scene(city):
    provider = make_provider(city, title="Maker lab")
    page = make_registrable(
        city, provider=provider, capacity=1, registration_questions=QUESTIONS, title="Robot camp"
    )
    text_q, choice_q = page.registration_questions
    maja, luka = adult("maja@example.org", city), adult("luka@example.org", city)
    places.register(
        page,
        maja,
        [
            {"id": text_q.id, "question": "Food allergies?", "answer": "=HYPERLINK(1)"},
            {"id": choice_q.id, "question": "T-shirt size", "answer": "M"},
        ],
    )
    places.register(page, luka, [])
    return {"provider": provider, "page": page, "maja": maja, "luka": luka}


def english_staff(provider, username="staff"):
    """Provider staff whose admin speaks English."""
    user = make_provider_staff(provider, username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def list_url(page, **query):
    url = reverse("cityoflearning_registrations:index", args=[page.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_provider_sees_registered_and_waiting(client, scene):
    client.force_login(english_staff(scene["provider"]))
    response = client.get(list_url(scene["page"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 of 1 places taken" in html
    assert "maja@example.org" in html and "luka@example.org" in html
    assert "Waiting list, number 1" in html
    assert "T-shirt size" in html


def test_the_export_has_the_answers_and_no_formulas(client, scene):
    client.force_login(english_staff(scene["provider"]))
    response = client.get(list_url(scene["page"], export="csv"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0][:5] == ["Learner", "Email", "Status", "Registered at", "Attended"]
    assert rows[0][5:] == ["Food allergies?", "T-shirt size"]
    maja = next(row for row in rows if row[1] == "maja@example.org")
    assert maja[5:] == ["'=HYPERLINK(1)", "M"]
    assert rows[-1][1] == "luka@example.org" and rows[-1][2] == "Waiting list, number 1"

    xlsx = client.get(list_url(scene["page"], export="xlsx"))
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"  # a zip, as XLSX files are
    assert client.get(list_url(scene["page"], export="pdf")).status_code == 400


def test_another_providers_staff_gets_nothing(client, city, scene):
    other = make_provider(city, title="Youth centre")
    client.force_login(make_provider_staff(other, username="other"))
    assert client.get(list_url(scene["page"])).status_code == 404
    assert client.get(list_url(scene["page"], export="csv")).status_code == 404
    request = RequestFactory().get("/admin/")
    request.user = make_provider_staff(other, username="other-2")
    assert provider_registrations_panel(request, scene["provider"]) is None


def test_a_learner_cannot_open_the_list(client, scene):
    client.force_login(scene["maja"])
    response = client.get(list_url(scene["page"]))
    assert response.status_code in (302, 403, 404)
    assert b"luka@example.org" not in response.content


def test_registered_learners_are_on_the_participants_page(client, scene):
    client.force_login(english_staff(scene["provider"]))
    url = reverse("cityoflearning_opportunity_participants:index", args=[scene["page"].pk])
    response = client.get(url)
    html = response.content.decode()
    assert "Registered on the site" in html
    assert f'value="{scene["maja"].pk}"' in html
    assert f'value="{scene["luka"].pk}"' not in html  # waiting, not registered
    maja = scene["maja"]
    client.post(url, {"participant": maja.pk, "attended": maja.pk})
    assert Attendance.objects.filter(user=maja, opportunity=scene["page"]).exists()
    assert "yes" in client.get(list_url(scene["page"])).content.decode()


def test_the_provider_home_panel_lists_places_and_waiting(scene):
    request = RequestFactory().get("/admin/")
    request.user = english_staff(scene["provider"])
    html = provider_registrations_panel(request, scene["provider"])
    assert "Robot camp" in html
    assert "1 of 1" in html
    assert list_url(scene["page"]) in html


def test_the_registrations_button_is_on_the_opportunity_in_the_admin(client, scene):
    client.force_login(make_provider_staff(scene["provider"]))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[scene["page"].pk])).content
    assert list_url(scene["page"]).encode() in html


# -- reminders ---------------------------------------------------------------------------------


def test_reminders_go_out_once_the_day_before(city):
    page = make_registrable(city, capacity=3, sessions=[session(1), session(8)])
    later = make_registrable(city, capacity=3, sessions=[session(3)])
    maja, luka = adult("maja@example.org", city), adult("luka@example.org", city)
    places.register(page, maja)
    places.register(later, luka)
    mail.outbox.clear()

    out = io.StringIO()
    call_command("cityoflearning_send_reminders", "--dry-run", stdout=out)
    assert "would remind maja@example.org" in out.getvalue()
    assert mail.outbox == []
    assert Registration.objects.get(user=maja).reminded_at is None

    call_command("cityoflearning_send_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["maja@example.org"]]
    assert slovenian("Tomorrow: %(title)s", title=page.title) in mail.outbox[0].subject
    assert page.address in mail.outbox[0].body
    reminded = Registration.objects.get(user=maja)
    assert reminded.reminded_at is not None
    assert reminded.reminded_for == page.sessions.order_by("start").first().start

    out = io.StringIO()
    call_command("cityoflearning_send_reminders", stdout=out)
    assert len(mail.outbox) == 1
    assert "0 reminder(s) sent." in out.getvalue()


def test_no_reminder_for_cancelled_or_waiting(city):
    page = make_registrable(city, capacity=1, sessions=[session(1)])
    maja, luka = adult("maja@example.org", city), adult("luka@example.org", city)
    registration = places.register(page, maja).registration
    places.register(page, luka)  # waiting
    places.cancel(registration, page)  # luka moves up
    Registration.objects.filter(user=luka).update(status=R.CANCELLED)
    mail.outbox.clear()
    call_command("cityoflearning_send_reminders", stdout=io.StringIO())
    assert mail.outbox == []
