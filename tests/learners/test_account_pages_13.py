"""The learner's own pages and allauth's account pages in the site's full layout (main menu,
the site's languages in the switcher), with no username anywhere, emails greeted from the
city's site in the learner's language, interests at sign-up, and "(optional)" only on fields
that are never required."""

import copy
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from example_site.home.models import HomePage
from tests.factories import make_city
from tests.learners.conftest import make_learner
from wagtail_cityoflearning.learners.accounts.consent import (
    make_token,
    youngest_year_without_consent,
)
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile, current_year
from wagtail_cityoflearning.models import CityOfLearningSettings

PROCESSOR = "wagtail_cityoflearning.layout.public_layout"
PASSWORD = "a-long-passphrase-42"
CAGLIARI_HOST = "cagliari.example.org"
# A username allauth would make from the address: the learner never chose it.
GENERATED_USERNAME = "nejc16"


@pytest.fixture(autouse=True)
def account_settings(settings):
    """allauth's rate limits off (tests sign up often); the layout context processor on."""
    settings.ACCOUNT_RATE_LIMITS = False
    templates = copy.deepcopy(settings.TEMPLATES)
    processors = templates[0]["OPTIONS"]["context_processors"]
    if PROCESSOR not in processors:
        processors.append(PROCESSOR)
    settings.TEMPLATES = templates


@pytest.fixture
def menu_page(city):
    """A page of Ljubljana's main menu."""
    page = HomePage(title="Za mlade", slug="za-mlade", show_in_menus=True, locale=city["locale"])
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def cagliari(city):
    return make_city(hostname=CAGLIARI_HOST, language="it", is_default=False, name="Cagliari")


def learning_url(name, *args):
    return reverse(f"wagtail_cityoflearning_learners:{name}", args=args)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def signup_data(**overrides):
    data = {
        "display_name": "Nejc",
        "email": f"{GENERATED_USERNAME}@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "year_of_birth": current_year() - 18,
        "guardian_email": "",
        "preferred_language": "sl",
    }
    data.update(overrides)
    return data


def visible_text(response) -> str:
    page = soup(response)
    for hidden in page(["script", "style"]):
        hidden.decompose()
    return page.get_text(" ")


def switcher_languages(response) -> list[str]:
    nav = soup(response).select_one("nav.col-languages")
    if nav is None:
        return []
    return [element["data-language"] for element in nav.select("[data-language]")]


def main_menu_links(response) -> dict[str, str]:
    nav = soup(response).select_one("header nav.col-nav[aria-label]")
    assert nav is not None, "no main menu landmark"
    return {link.get_text(strip=True): link["href"] for link in nav.select("a[href]")}


# -- the main menu on every page of the learner -------------------------------------------------

LEARNER_PAGES = [
    "dashboard",
    "backpack",
    "profile",
    "data_download",
    "delete_account",
    "playlists",
    "playlist_create",
]
ACCOUNT_PAGES = ["account_email", "account_change_password", "account_logout"]
ENTRANCE_PAGES = ["account_login", "account_signup", "account_reset_password"]


@pytest.mark.parametrize("name", LEARNER_PAGES)
def test_a_learners_page_has_the_sites_main_menu(client, learner, menu_page, name):
    client.force_login(learner)
    response = client.get(learning_url(name))
    links = main_menu_links(response)
    assert links.get("Za mlade") == menu_page.url
    assert links.get("Moje učenje") == learning_url("dashboard")


def test_the_guardians_consent_page_has_the_sites_main_menu(client, city, menu_page):
    pending = make_learner(
        "nina@example.org",
        year_of_birth=current_year() - 13,
        site=city["site"],
        consent=LearnerProfile.Consent.PENDING,
        guardian_email="mama@example.org",
    )
    path = learning_url("consent_confirm", make_token(pending.learner_profile))
    links = main_menu_links(client.get(path))
    assert links.get("Za mlade") == menu_page.url


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_an_account_page_has_the_sites_main_menu(client, learner, menu_page, name):
    client.force_login(learner)
    links = main_menu_links(client.get(reverse(name)))
    assert links.get("Za mlade") == menu_page.url


@pytest.mark.parametrize("name", ENTRANCE_PAGES)
def test_the_log_in_and_sign_up_pages_have_the_sites_main_menu(client, menu_page, name):
    links = main_menu_links(client.get(reverse(name)))
    assert links.get("Za mlade") == menu_page.url
    assert links.get("Prijava") == reverse("account_login")


def test_the_menu_of_each_city_is_its_own(client, menu_page, cagliari):
    page = HomePage(title="Per i giovani", slug="giovani", show_in_menus=True)
    cagliari["home"].add_child(instance=page)
    page.save_revision().publish()
    links = main_menu_links(client.get(reverse("account_login"), HTTP_HOST=CAGLIARI_HOST))
    assert "Per i giovani" in links
    assert "Za mlade" not in links


def test_the_dashboard_marks_my_learning_as_the_current_page(client, learner, menu_page):
    client.force_login(learner)
    nav = soup(client.get(learning_url("dashboard"))).select_one("header nav.col-nav")
    current = nav.select_one('a[aria-current="page"]')
    assert current is not None
    assert current["href"] == learning_url("dashboard")


# -- the same languages on pages and on the learner's pages -------------------------------------


@pytest.fixture
def english_home(city):
    """Ljubljana's home page translated into English: the site speaks sl and en, not it."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    translation = city["home"].copy_for_translation(english)
    translation.save_revision().publish()
    return translation


def test_the_switcher_lists_the_sites_languages_on_a_page_and_on_the_dashboard(
    client, learner, english_home, city
):
    client.force_login(learner)
    on_page = switcher_languages(client.get(city["home"].url))
    on_dashboard = switcher_languages(client.get(learning_url("dashboard")))
    on_login = switcher_languages(Client().get(reverse("account_login")))
    assert on_page == ["sl", "en"]
    assert on_dashboard == on_page
    assert on_login == on_page


def test_the_switcher_comes_back_to_the_same_view(client, learner, english_home):
    client.force_login(learner)
    nav = soup(client.get(learning_url("profile"))).select_one("nav.col-languages")
    form = nav.select_one("form")
    assert form.select_one('input[name="language"]')["value"] == "en"
    assert form.select_one('input[name="next"]')["value"] == learning_url("profile")


def test_a_site_in_one_language_offers_no_switch_on_its_account_pages(client, city):
    assert switcher_languages(client.get(reverse("account_login"))) == []


# -- no username anywhere -----------------------------------------------------------------------


def test_signing_up_shows_and_emails_no_username(client, city):
    form_page = client.get(reverse("account_signup"))
    assert soup(form_page).select('[name="username"]') == []
    assert "username" not in visible_text(form_page).lower()
    response = client.post(reverse("account_signup"), signup_data(), follow=True)
    user = get_user_model().objects.get(email=f"{GENERATED_USERNAME}@example.org")
    assert user.username  # allauth fills the field, which nobody sees
    # The page names the address (which contains the generated name) and nothing else of it.
    assert user.username not in visible_text(response).replace(user.email, "")
    [message] = mail.outbox
    assert user.username not in message.subject
    # The address itself contains the generated name; without it, no trace of the username.
    body = message.body.replace(user.email, "")
    assert user.username not in body


def test_logging_in_greets_without_a_username(client, learner):
    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert learner.username not in visible_text(response)
    assert "Maja" in visible_text(response)  # the display name


def test_the_email_confirmation_page_names_the_address_not_a_username(client, city):
    client.post(reverse("account_signup"), signup_data())
    user = get_user_model().objects.get(email=f"{GENERATED_USERNAME}@example.org")
    link = re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body)
    page = client.get(link.group(1))
    text = visible_text(page)
    assert user.email in text
    assert user.username not in text.replace(user.email, "")


def test_the_email_management_page_shows_no_username(client, learner):
    client.force_login(learner)
    text = visible_text(client.get(reverse("account_email")))
    assert learner.email in text
    assert learner.username not in text.replace(learner.email, "")


# -- emails greet from the city's site, in the learner's language -------------------------------


def greeting(message) -> str:
    return message.body.strip().splitlines()[0]


def lines_without_links(message) -> str:
    return "\n".join(line for line in message.body.splitlines() if "://" not in line)


def test_the_confirmation_email_greets_from_ljubljana_in_slovenian(client, city):
    client.post(reverse("account_signup"), signup_data())
    [message] = mail.outbox
    assert message.subject.startswith("[Mesto učenja Ljubljana] ")
    assert "Mesto učenja Ljubljana" in greeting(message)
    for host in ("localhost", "testserver", ":80"):
        assert host not in message.subject
        assert host not in lines_without_links(message)


def test_the_confirmation_email_greets_from_cagliari_in_italian(client, cagliari):
    client.post(
        reverse("account_signup"),
        signup_data(preferred_language="it"),
        HTTP_HOST=CAGLIARI_HOST,
    )
    [message] = mail.outbox
    assert message.subject.startswith("[Cagliari Città dell'apprendimento] ")
    assert "Cagliari Città dell'apprendimento" in greeting(message)
    assert CAGLIARI_HOST not in lines_without_links(message)
    assert "localhost" not in message.body


def test_emails_are_in_the_learners_language_not_the_sites(client, city):
    """A learner in Ljubljana who prefers Italian gets allauth's emails in Italian."""
    client.post(reverse("account_signup"), signup_data(preferred_language="it"))
    [message] = mail.outbox
    assert message.subject.startswith("[Ljubljana Città dell'apprendimento] ")


def test_the_password_reset_email_greets_from_the_site_and_names_no_username(client, learner):
    client.post(reverse("account_reset_password"), {"email": learner.email})
    [message] = mail.outbox
    assert message.subject.startswith("[Mesto učenja Ljubljana] ")
    assert "Mesto učenja Ljubljana" in greeting(message)
    assert learner.username not in message.body.replace(learner.email, "")
    assert "/accounts/password/reset/key/" in message.body


def test_without_a_city_name_emails_use_the_sites_name(client, city):
    city_settings = CityOfLearningSettings.for_site(city["site"])
    city_settings.city_name = ""
    city_settings.save()
    city["site"].site_name = "Učimo se"
    city["site"].save()
    client.post(reverse("account_signup"), signup_data())
    [message] = mail.outbox
    assert message.subject.startswith("[Učimo se] ")
    assert "Učimo se" in greeting(message)


# -- interests at sign-up -----------------------------------------------------------------------


def test_the_signup_form_offers_the_sites_interests_by_name(client, city):
    page = soup(client.get(reverse("account_signup")))
    labels = [label.get_text(strip=True) for label in page.select("fieldset label.col-chip")]
    assert "Glasba" in labels
    assert "Šport" in labels
    assert all(box["type"] == "checkbox" for box in page.select('input[name="interests"]'))


def test_signing_up_with_interests_saves_them_to_the_profile(client, city):
    chosen = [city["interests"]["music"], city["interests"]["sports"]]
    response = client.post(
        reverse("account_signup"), signup_data(interests=[interest.pk for interest in chosen])
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user__email=f"{GENERATED_USERNAME}@example.org")
    assert set(profile.interests.all()) == set(chosen)


def test_signing_up_without_interests_is_fine(client, city):
    assert client.post(reverse("account_signup"), signup_data()).status_code == 302
    profile = LearnerProfile.objects.get(user__email=f"{GENERATED_USERNAME}@example.org")
    assert list(profile.interests.all()) == []


def test_below_the_consent_age_interests_wait_for_the_guardian(client, city):
    response = client.post(
        reverse("account_signup"),
        signup_data(
            year_of_birth=current_year() - 13,
            guardian_email="mama@example.org",
            interests=[city["interests"]["music"].pk],
        ),
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user__email=f"{GENERATED_USERNAME}@example.org")
    assert profile.waiting_for_consent
    assert list(profile.interests.all()) == []


def test_an_interest_of_another_city_is_refused(client, city, cagliari):
    response = client.post(
        reverse("account_signup"), signup_data(interests=[cagliari["interests"]["music"].pk])
    )
    assert response.status_code == 200
    assert "interests" in response.context["form"].errors


# -- "(optional)" only on what is optional ------------------------------------------------------


def marked_optional(page, name) -> bool:
    field = page.select_one(f'[name="{name}"]')
    container = field.find_parent(class_="col-field")
    return container.select_one(".col-optional") is not None


def test_the_guardians_address_is_not_marked_optional_at_sign_up(client, city):
    page = soup(client.get(reverse("account_signup")))
    assert not marked_optional(page, "guardian_email")
    assert marked_optional(page, "interests")  # truly optional fields keep the mark
    help_text = page.select_one("#id_guardian_email_helptext").get_text()
    assert str(youngest_year_without_consent(city["site"])) in help_text  # says when


def test_the_guardians_address_is_required_below_the_age(client, city):
    response = client.post(
        reverse("account_signup"), signup_data(year_of_birth=current_year() - 13)
    )
    assert "guardian_email" in response.context["form"].errors
    assert not marked_optional(soup(response), "guardian_email")


def test_a_profile_made_later_marks_the_guardian_field_as_on_sign_up(client, city):
    user = get_user_model().objects.create_user("x", "no-profile@example.org", PASSWORD)
    client.force_login(user)
    page = soup(client.get(learning_url("profile")))
    assert not marked_optional(page, "guardian_email")
    assert marked_optional(page, "interests")


def test_a_pending_learner_must_give_the_guardians_address(client, city):
    pending = make_learner(
        "nina@example.org",
        year_of_birth=current_year() - 13,
        site=city["site"],
        consent=LearnerProfile.Consent.PENDING,
        guardian_email="mama@example.org",
    )
    client.force_login(pending)
    page = soup(client.get(learning_url("profile")))
    assert not marked_optional(page, "guardian_email")


def test_a_visitor_in_a_language_the_site_does_not_speak_can_switch_back(client, learner):
    client.force_login(learner)
    client.cookies["django_language"] = "it"
    response = client.get(learning_url("dashboard"))
    assert switcher_languages(response) == ["sl", "it"]
