"""Registering on the site: places, the waiting list moving up, the deadline, the questions,
consent, cancelling; and nothing a visitor sends gives a 500."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.factories import make_provider, session
from tests.learners.conftest import make_learner
from tests.providers.language import slovenian, slovenian_html
from tests.providers.registration_helpers import (
    QUESTIONS,
    adult,
    answers_for,
    cancel_url,
    make_registrable,
    register_url,
)
from wagtail_cityoflearning.blocks.registration import ChoiceQuestionBlock
from wagtail_cityoflearning.providers.models import Registration

pytestmark = pytest.mark.django_db

R = Registration.Status
COMMITS = {}


@pytest.fixture(autouse=True)
def emails_after_commit(django_capture_on_commit_callbacks):
    """The emails go out once the transaction commits: each request here commits."""
    COMMITS["capture"] = django_capture_on_commit_callbacks


def post(client, path, data=None):
    with COMMITS["capture"](execute=True):
        return client.post(path, data or {})


def register_as(client, user, page, data=None):
    client.force_login(user)
    return post(client, register_url(page), data)


def page_html(client, page) -> str:
    return client.get(page.url).content.decode()


# -- places and the waiting list ---------------------------------------------------------------


def test_places_fill_up_then_the_waiting_list(client, city):
    page = make_registrable(city, capacity=2)
    learners = [adult(f"l{n}@example.org", city) for n in range(4)]
    for learner in learners:
        response = register_as(client, learner, page)
        assert response.status_code == 302
        assert response["Location"].endswith(page.url + "#registration")
    rows = {r.user: r for r in Registration.objects.filter(opportunity=page)}
    assert [rows[u].status for u in learners] == [R.REGISTERED, R.REGISTERED, R.WAITING, R.WAITING]
    assert [rows[u].position for u in learners[2:]] == [1, 2]
    # Each got a confirmation, the last two say they are waiting and in which place.
    assert len(mail.outbox) == 4
    assert slovenian("You have a place: %(title)s", title=page.title) in mail.outbox[0].subject
    assert mail.outbox[0].subject.startswith("[") and "Ljubljana]" in mail.outbox[0].subject
    waiting = slovenian("You are on the waiting list: %(title)s", title=page.title)
    assert waiting in mail.outbox[3].subject
    in_line = slovenian(
        "All places for %(title)s are taken, so you are on the waiting list, number %(position)s.",
        title=page.title,
        position=2,
    )
    assert in_line in mail.outbox[3].body
    assert mail.outbox[3].alternatives[0][1] == "text/html"
    # The last learner sees it on the page.
    html = page_html(client, page)
    assert 'data-registration="waiting"' in html
    assert slovenian_html("You are on the waiting list, number %(position)s.", position=2) in html


def test_cancelling_a_place_moves_the_first_in_line_up_with_an_email(client, city):
    page = make_registrable(city, capacity=1)
    first, second, third = (adult(f"l{n}@example.org", city) for n in range(3))
    for learner in (first, second, third):
        register_as(client, learner, page)
    mail.outbox.clear()
    mine = Registration.objects.get(user=first, opportunity=page)

    client.force_login(first)
    confirm = client.get(cancel_url(mine))
    assert confirm.status_code == 200
    assert slovenian_html("Yes, cancel my registration") in confirm.content.decode()
    assert Registration.objects.get(pk=mine.pk).status == R.REGISTERED

    response = post(client, cancel_url(mine))
    assert response.status_code == 302
    statuses = dict(Registration.objects.filter(opportunity=page).values_list("user", "status"))
    assert statuses == {first.pk: R.CANCELLED, second.pk: R.REGISTERED, third.pk: R.WAITING}
    assert [m.to for m in mail.outbox] == [[second.email]]
    moved_up = slovenian("A place came free for you: %(title)s", title=page.title)
    assert moved_up in mail.outbox[0].subject

    # Cancelling again is a 404 (nothing left to cancel), and registering again goes to the end.
    assert client.post(cancel_url(mine)).status_code == 404
    register_as(client, first, page)
    again = Registration.objects.get(pk=mine.pk)
    assert again.status == R.WAITING and again.place_in_line == 2
    html = page_html(client, page)
    assert slovenian_html("You are on the waiting list, number %(position)s.", position=2) in html


def test_leaving_the_waiting_list_moves_nobody_up(client, city):
    page = make_registrable(city, capacity=1)
    holder, waiting = adult("a@example.org", city), adult("b@example.org", city)
    register_as(client, holder, page)
    register_as(client, waiting, page)
    mail.outbox.clear()
    post(client, cancel_url(Registration.objects.get(user=waiting)))
    assert Registration.objects.get(user=holder).status == R.REGISTERED
    assert Registration.objects.get(user=waiting).status == R.CANCELLED
    assert mail.outbox == []


def test_without_a_waiting_list_a_full_opportunity_refuses(client, city):
    page = make_registrable(city, capacity=1, has_waiting_list=False)
    register_as(client, adult("a@example.org", city), page)
    other = adult("b@example.org", city)
    register_as(client, other, page)
    assert not Registration.objects.filter(user=other).exists()
    html = page_html(client, page)
    assert slovenian_html("All places are taken.") in html
    assert slovenian_html("Join the waiting list") not in html


def test_no_limit_when_capacity_is_empty(client, city):
    page = make_registrable(city, capacity=None)
    for n in range(3):
        register_as(client, adult(f"l{n}@example.org", city), page)
    assert Registration.objects.filter(status=R.REGISTERED).count() == 3


def test_an_editor_adding_places_moves_the_waiting_list_up(client, city):
    page = make_registrable(city, capacity=1)
    register_as(client, adult("a@example.org", city), page)
    waiting = adult("b@example.org", city)
    register_as(client, waiting, page)
    mail.outbox.clear()
    page.capacity = 2
    with COMMITS["capture"](execute=True):
        page.save_revision().publish()
    assert Registration.objects.get(user=waiting).status == R.REGISTERED
    assert [m.to for m in mail.outbox] == [[waiting.email]]


def test_registering_twice_changes_nothing(client, city):
    page = make_registrable(city)
    learner = adult("a@example.org", city)
    register_as(client, learner, page)
    register_as(client, learner, page)
    assert Registration.objects.filter(user=learner).count() == 1
    assert len(mail.outbox) == 1


# -- when registration is closed -------------------------------------------------------------


def test_after_the_deadline_registration_is_closed(client, city):
    page = make_registrable(city, registration_deadline=timezone.now() - dt.timedelta(hours=1))
    learner = adult("a@example.org", city)
    response = register_as(client, learner, page)
    assert response.status_code == 302
    assert not Registration.objects.exists()
    html = page_html(client, page)
    assert slovenian_html("The registration deadline has passed.") in html
    assert 'data-registration="closed"' in html


def test_a_past_opportunity_takes_no_registration(client, city):
    page = make_registrable(city, sessions=[session(-3)])
    register_as(client, adult("a@example.org", city), page)
    assert not Registration.objects.exists()
    over = slovenian_html("This opportunity is over: registration is closed.")
    assert over in page_html(client, page)


def test_an_opportunity_not_taking_registrations_has_no_form(client, city):
    page = make_registrable(city, takes_registrations=False)
    learner = adult("a@example.org", city)
    assert register_as(client, learner, page).status_code == 404
    assert 'id="registration"' not in page_html(client, page)


# -- questions ---------------------------------------------------------------------------------


def test_the_questions_are_asked_and_kept(client, city):
    page = make_registrable(city, registration_questions=QUESTIONS)
    learner = adult("a@example.org", city)
    client.force_login(learner)
    html = page_html(client, page)
    assert "Food allergies?" in html and "T-shirt size" in html
    response = client.post(register_url(page), answers_for(page, text="Peanuts", size="L"))
    assert response.status_code == 302
    registration = Registration.objects.get(user=learner)
    assert [(a["question"], a["answer"]) for a in registration.answers] == [
        ("Food allergies?", "Peanuts"),
        ("T-shirt size", "L"),
    ]


def test_a_required_question_must_be_answered(client, city):
    page = make_registrable(city, registration_questions=QUESTIONS)
    learner = adult("a@example.org", city)
    client.force_login(learner)
    response = client.post(register_url(page), answers_for(page, size=""))
    assert response.status_code == 400
    assert slovenian_html("Answer this question to register.") in response.content.decode()
    assert not Registration.objects.exists()


def test_a_choice_outside_the_options_is_refused(client, city):
    page = make_registrable(city, registration_questions=QUESTIONS)
    client.force_login(adult("a@example.org", city))
    response = client.post(register_url(page), answers_for(page, size="XXL"))
    assert response.status_code == 400
    assert slovenian_html("Pick one of the options.") in response.content.decode()
    assert not Registration.objects.exists()


def test_an_overlong_answer_is_a_form_error(client, city):
    page = make_registrable(city, registration_questions=QUESTIONS)
    client.force_login(adult("a@example.org", city))
    response = client.post(register_url(page), answers_for(page, text="x" * 5000))
    assert response.status_code == 400
    assert not Registration.objects.exists()


# -- who may register ------------------------------------------------------------------------


def test_a_visitor_is_asked_to_log_in(client, city):
    page = make_registrable(city)
    html = page_html(client, page)
    assert slovenian_html("Log in to register: your place is kept under your account.") in html
    response = client.post(register_url(page))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_a_learner_without_consent_gets_the_consent_message(client, city):
    page = make_registrable(city)
    young = make_learner("young@example.org", site=city["site"], year_of_birth=2014)
    client.force_login(young)
    html = page_html(client, page)
    assert 'data-consent="needed"' in html
    assert slovenian_html("Join the waiting list") not in html
    assert 'name="csrfmiddlewaretoken"' in html
    response = client.post(register_url(page))
    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert slovenian_html("A parent's or guardian's consent for this city") in page_html(
        client, page
    )


def test_nobody_cancels_someone_elses_registration(client, city):
    page = make_registrable(city)
    owner, other = adult("a@example.org", city), adult("b@example.org", city)
    register_as(client, owner, page)
    registration = Registration.objects.get(user=owner)
    client.force_login(other)
    assert client.get(cancel_url(registration)).status_code == 404
    assert client.post(cancel_url(registration)).status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == R.REGISTERED


@pytest.mark.parametrize(
    "path",
    [
        "/join/registrations/99999999/",
        "/join/registrations/99999999999999999999999/",
        "/join/registrations/cancel/99999999999999999999999/",
        "/join/registrations/cancel/12/",
    ],
)
def test_bad_addresses_are_404(client, city, path):
    client.force_login(adult("a@example.org", city))
    assert client.post(path).status_code == 404
    assert client.get(path).status_code == 404


def test_other_methods_are_refused(client, city):
    page = make_registrable(city)
    client.force_login(adult("a@example.org", city))
    assert client.put(register_url(page)).status_code == 405
    assert not Registration.objects.exists()


# -- the dashboard -----------------------------------------------------------------------------


def test_the_dashboard_lists_the_registrations_with_a_cancel_link(client, city):
    page = make_registrable(city, capacity=1, title="Robot camp")
    full = make_registrable(city, capacity=1, title="Drone school")
    holder, learner = adult("a@example.org", city), adult("b@example.org", city)
    register_as(client, holder, full)
    register_as(client, learner, page)
    register_as(client, learner, full)
    html = client.get("/learning/").content.decode()
    assert slovenian_html("My registrations") in html
    assert "Robot camp" in html and "Drone school" in html
    assert slovenian_html("Waiting list, number %(position)s", position=1) in html
    for registration in Registration.objects.filter(user=learner):
        assert cancel_url(registration) in html
    client.force_login(holder)
    Registration.objects.filter(user=holder).update(status=R.CANCELLED)
    assert slovenian_html("My registrations") not in client.get("/learning/").content.decode()


# -- the editor's rules ------------------------------------------------------------------------


def test_registrations_need_a_place(city):
    provider = make_provider(city)
    page = make_registrable(city, provider=provider)
    page.capacity = 0
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "capacity" in error.value.message_dict


def test_a_choice_gives_each_option_once():
    block = ChoiceQuestionBlock()
    value = block.to_python(
        {"label": "Size", "help_text": "", "options": ["M", "m "], "required": True}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "options" in error.value.block_errors
    ok = block.to_python({"label": "Size", "help_text": "", "options": ["S", "M"]})
    assert list(block.clean(ok)["options"]) == ["S", "M"]


def test_email_subjects_carry_the_title_as_written(client, city):
    page = make_registrable(city, title='Centro d\'arte & "Musica" <giovani>')
    register_as(client, adult("apostrophe@example.org", city), page)
    (message,) = mail.outbox
    assert slovenian("You have a place: %(title)s", title=page.title) in message.subject
    assert "&#x27;" not in message.subject and "&amp;" not in message.subject
