"""The "Needs survey" page: its questions in the city's language, what an answer stores (and
what it does not), its errors, its spam defences, and Wagtail's list and export of answers."""

import csv
import io
import re

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_form_types
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.insight.survey_world import answer, make_survey
from wagtail_cityoflearning.insight.survey.models import NeedsSurveyPage


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(city):
    return make_survey(city, extra=[("Favourite place to meet", "singleline", "")])


def sl(text):
    with translation.override("sl"):
        return translation.gettext(text)


def test_the_survey_asks_the_questions_with_the_city_s_interests_and_neighbourhoods(client, survey):
    response = client.get(survey.url)
    assert response.status_code == 200
    html = response.content.decode()
    for interest in ("Glasba", "Šport", "Znanost in tehnika"):  # the interests in Slovenian
        assert interest in html
    for neighbourhood in ("Šiška", "Moste", sl("Somewhere else")):
        assert neighbourhood in html
    assert sl("What stops you from taking part in more?") in html
    assert "Favourite place to meet" in html  # the editors' own question, after the standard
    # choice groups are fieldsets with a legend
    assert html.count("<legend>") >= 4
    assert 'name="homepage"' in html and 'class="col-honeypot" aria-hidden="true"' in html


def test_editors_word_a_standard_question_their_own_way(client, city):
    page = make_survey(city, interests_label="Kaj te zanima?", interests_help="Izberi vse.")
    html = client.get(page.url).content.decode()
    assert "Kaj te zanima?" in html and "Izberi vse." in html
    assert sl("What would you like to learn or try?") not in html


def test_an_answer_stores_the_answers_and_the_time_only(client, survey):
    response = client.post(
        survey.url,
        answer(favourite_place_to_meet="Park Tivoli"),
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Phone",
    )
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    submission = FormSubmission.objects.get(page=survey)
    assert submission.form_data == {
        "interests": ["music", "sports"],
        "age_band": "16-18",
        "neighbourhood": "Šiška",
        "free_time": ["weekends"],
        "barriers": ["cost", "distance"],
        "favourite_place_to_meet": "Park Tivoli",
    }
    # Wagtail's submission has the answers, the page and the time: no user, address or agent.
    fields = {field.name for field in FormSubmission._meta.concrete_fields}
    assert fields == {"id", "form_data", "page", "submit_time"}
    assert "203.0.113.7" not in str(submission.form_data)
    thanks = client.get(response["Location"])
    assert sl("Thank you for your answers") in thanks.content.decode()


def test_a_signed_in_learner_s_answer_is_as_anonymous(client, survey, django_user_model):
    user = django_user_model.objects.create_user("maja", "maja@example.org", "secret-42-x")
    client.force_login(user)
    client.post(survey.url, answer())
    data = FormSubmission.objects.get(page=survey).form_data
    assert "maja" not in str(data) and str(user.pk) not in data.values()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"interests": None}, "interests", "Choose at least one answer."),
        ({"age_band": "99-100"}, "age_band", None),
        ({"neighbourhood": "Atlantis"}, "neighbourhood", None),
        ({"interests": ["not-an-interest"]}, "interests", None),
    ],
)
def test_bad_answers_are_shown_again_with_errors_and_nothing_is_stored(
    client, survey, changes, field, message
):
    response = client.post(survey.url, answer(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="survey-errors"' in html and f'href="#id_{field}"' in html
    if message:
        assert sl(message) in html
    # what was answered is still chosen
    assert re.search(r'<input[^>]*value="cost"[^>]*checked', html)
    assert FormSubmission.objects.count() == 0


def test_robots_that_fill_the_hidden_field_are_thanked_but_nothing_is_stored(client, survey):
    response = client.post(survey.url, answer(homepage="http://spam.example"))
    assert response.status_code == 302
    assert FormSubmission.objects.count() == 0


def test_answers_from_one_connection_are_limited(client, survey):
    survey.answers_per_hour = 2
    survey.save_revision().publish()
    for _number in range(2):
        assert client.post(survey.url, answer(), REMOTE_ADDR="203.0.113.9").status_code == 302
    refused = client.post(survey.url, answer(), REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429
    assert 'id="survey-throttled"' in refused.content.decode()
    assert FormSubmission.objects.count() == 2
    # another connection may still answer, and answers sent back with errors do not count
    other = client.post(survey.url, answer(), REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 302
    # the cache keeps no address
    assert not any("203.0.113.9" in str(key) for key in cache._cache)


def test_an_own_question_may_not_take_a_standard_question_s_name(admin_client, survey):
    data = nested_form_data(
        {
            "title": survey.title,
            "slug": survey.slug,
            "intro": rich_text(""),
            "thank_you": rich_text(""),
            "answers_per_hour": 30,
            "form_fields": inline_formset(
                [{"label": "Barriers", "field_type": "singleline", "required": False}]
            ),
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[survey.pk]), data)
    assert response.status_code == 200
    with translation.override("sl"):  # the admin speaks the city's language
        message = translation.gettext(
            "“%(name)s” is the name of one of the survey's standard questions: "
            "give this question another label."
        ) % {"name": "barriers"}
    assert escape(message) in response.content.decode()


def test_wagtail_s_list_and_export_of_answers_show_the_labels(admin_client, client, survey):
    client.post(survey.url, answer(favourite_place_to_meet="Park Tivoli"))
    listing = admin_client.get(reverse("wagtailforms:list_submissions", args=[survey.pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Glasba, Šport" in html and "Park Tivoli" in html
    assert survey.title in admin_client.get(reverse("wagtailforms:index")).content.decode()
    exported = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[survey.pk]), {"export": "csv"}
    )
    assert exported.status_code == 200
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][1] == sl("What would you like to learn or try?")
    assert rows[1][1] == "Glasba, Šport"
    assert "Šiška" in rows[1] and "Park Tivoli" in rows[1]
    xlsx = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[survey.pk]), {"export": "xlsx"}
    )
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    values = [cell.value for cell in next(iter(workbook.active.iter_rows(min_row=2, max_row=2)))]
    assert "Glasba, Šport" in values and "Šiška" in values


def test_the_survey_page_has_no_children_and_is_a_form_page():
    assert NeedsSurveyPage.subpage_types == []
    assert NeedsSurveyPage in [ct.model_class() for ct in get_form_types()]
