"""Young people's accounts: signing up (with a parent's or guardian's consent below the
city's age of digital consent), the profile, and allauth's pages in the site's layout."""

import copy
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.learners.conftest import make_learner
from wagtail_cityoflearning.learners.accounts.consent import may_store
from wagtail_cityoflearning.learners.accounts.forms import LearnerSignupForm, ProfileForm
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile, current_year
from wagtail_cityoflearning.models import CityOfLearningSettings

PROCESSOR = "wagtail_cityoflearning.layout.public_layout"
PASSWORD = "a-long-passphrase-42"
CONSENT_LINK = re.compile(r"http://testserver(/learning/consent/[^/\s\"]+/)")


@pytest.fixture(autouse=True)
def account_settings(settings):
    """allauth's rate limits off (tests sign up often); the layout context processor on."""
    settings.ACCOUNT_RATE_LIMITS = False
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append(PROCESSOR)
    settings.TEMPLATES = templates


@pytest.fixture
def slovenia(city):
    """Ljubljana's age of digital consent: 15."""
    city_settings = CityOfLearningSettings.for_site(city["site"])
    city_settings.age_of_digital_consent = 15
    city_settings.save()
    return city


def signup_data(**overrides):
    data = {
        "display_name": "Maja",
        "email": "maja@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "year_of_birth": current_year() - 18,
        "guardian_email": "",
        "preferred_language": "sl",
    }
    data.update(overrides)
    return data


def signup(client, **overrides):
    return client.post(reverse("account_signup"), signup_data(**overrides))


def consent_path(message) -> str:
    return CONSENT_LINK.search(message.body).group(1)


@pytest.fixture
def pending_learner(slovenia):
    return make_learner(
        "nina@example.org",
        year_of_birth=current_year() - 13,
        site=slovenia["site"],
        consent=LearnerProfile.Consent.PENDING,
        guardian_email="mama@example.org",
        consent_requested_at=timezone.now() - timedelta(days=1),
    )


# -- signing up ---------------------------------------------------------------------------------


def test_signup_creates_the_user_and_a_profile_in_the_city_and_sends_the_verification(slovenia):
    from django.test import Client

    response = signup(Client())
    assert response.status_code == 302
    user = get_user_model().objects.get(email="maja@example.org")
    profile = user.learner_profile
    assert profile.site == slovenia["site"]
    assert profile.display_name == "Maja"
    assert profile.preferred_language == "sl"
    assert profile.consent == LearnerProfile.Consent.NOT_NEEDED
    assert profile.guardian_email == ""
    assert [m.to for m in mail.outbox] == [["maja@example.org"]]
    assert "Ljubljana" in mail.outbox[0].subject
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_the_signup_form_offers_the_sites_language_first(client, slovenia):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["preferred_language"].value() == "sl"
    assert 'id="id_guardian_email"' in response.content.decode()


def test_the_forms_offer_the_languages_of_the_setting_in_force(city):
    languages = [("hr", "Hrvatski"), ("en", "English")]
    with override_settings(LANGUAGES=languages):
        forms = [LearnerSignupForm(), ProfileForm(site=city["site"])]
        offered = [list(form.fields["preferred_language"].choices) for form in forms]
        rendered = [str(form["preferred_language"]) for form in forms]
    assert offered == [languages, languages]
    assert all('value="hr"' in html and 'value="sl"' not in html for html in rendered)


@pytest.mark.parametrize(
    ("password1", "password2", "field"),
    [("short", "short", "password1"), (PASSWORD, PASSWORD + "x", "password2")],
)
def test_a_weak_or_mistyped_password_is_refused(client, slovenia, password1, password2, field):
    response = signup(client, password1=password1, password2=password2)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_under_the_consent_age_a_guardians_email_is_required(client, slovenia):
    response = signup(client, year_of_birth=current_year() - 14)
    assert response.status_code == 200
    form = response.context["form"]
    assert "guardian_email" in form.errors
    assert 'aria-describedby="id_guardian_email_helptext id_guardian_email_error"' in (
        response.content.decode()
    )
    assert not get_user_model().objects.exists()
    assert not LearnerProfile.objects.exists()
    assert mail.outbox == []


def test_the_guardian_cannot_be_the_learner_themself(client, slovenia):
    response = signup(client, year_of_birth=current_year() - 14, guardian_email="MAJA@example.org")
    assert "guardian_email" in response.context["form"].errors
    assert not get_user_model().objects.exists()


def test_at_the_consent_age_no_guardian_is_needed(client, slovenia):
    # Born 16 years ago: at least 15 this year, Slovenia's age of consent.
    signup(client, year_of_birth=current_year() - 16)
    profile = LearnerProfile.objects.get()
    assert profile.consent == LearnerProfile.Consent.NOT_NEEDED
    assert may_store(profile.user)


def test_a_younger_learner_signs_up_pending_and_the_guardian_gets_a_link(client, slovenia):
    response = signup(client, year_of_birth=current_year() - 14, guardian_email="oce@example.org")
    assert response.status_code == 302
    profile = LearnerProfile.objects.get()
    assert profile.consent == LearnerProfile.Consent.PENDING
    assert profile.guardian_email == "oce@example.org"
    assert profile.consent_requested_at is not None
    assert not may_store(profile.user)
    guardian_mail = next(m for m in mail.outbox if m.to == ["oce@example.org"])
    assert "Maja" in guardian_mail.subject
    assert consent_path(guardian_mail)
    html = guardian_mail.alternatives[0][0]
    assert '<html lang="sl">' in html  # the city's language
    assert {tuple(m.to) for m in mail.outbox} == {("oce@example.org",), ("maja@example.org",)}


# -- the guardian's link ------------------------------------------------------------------------


def test_the_guardians_link_explains_then_records_consent(client, slovenia):
    signup(client, year_of_birth=current_year() - 14, guardian_email="oce@example.org")
    path = consent_path(next(m for m in mail.outbox if m.to == ["oce@example.org"]))
    client.logout()

    response = client.get(path)
    assert response.status_code == 200
    assert 'id="consent-agree"' in response.content.decode()
    profile = LearnerProfile.objects.get()
    assert profile.consent == LearnerProfile.Consent.PENDING  # opening the link changes nothing

    response = client.post(path)
    assert response.status_code == 200
    assert response.context["just_confirmed"]
    profile.refresh_from_db()
    assert profile.consent == LearnerProfile.Consent.GIVEN
    assert profile.consent_given_at is not None
    assert may_store(profile.user)

    again = client.post(path)
    assert again.status_code == 200
    assert again.context["confirmed"] and not again.context.get("just_confirmed")


def test_a_tampered_link_answers_400_and_changes_nothing(client, pending_learner):
    from wagtail_cityoflearning.learners.accounts.consent import make_token

    token = make_token(pending_learner.learner_profile)
    path = reverse("wagtail_cityoflearning_learners:consent_confirm", args=[token[:-3] + "abc"])
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 400
        assert response.context["invalid"]
        assert 'id="consent-invalid"' in response.content.decode()
    pending_learner.learner_profile.refresh_from_db()
    assert pending_learner.learner_profile.consent == LearnerProfile.Consent.PENDING


def test_an_expired_link_answers_400_and_changes_nothing(client, pending_learner):
    from wagtail_cityoflearning.learners.accounts.consent import make_token

    path = reverse(
        "wagtail_cityoflearning_learners:consent_confirm",
        args=[make_token(pending_learner.learner_profile)],
    )
    with freeze_time(timezone.now() + timedelta(days=15)):  # CONSENT_LINK_DAYS is 14
        response = client.post(path)
    assert response.status_code == 400
    assert response.context["invalid"]
    pending_learner.learner_profile.refresh_from_db()
    assert pending_learner.learner_profile.consent == LearnerProfile.Consent.PENDING


def test_a_link_to_a_corrected_address_no_longer_works(client, pending_learner):
    from wagtail_cityoflearning.learners.accounts.consent import make_token

    profile = pending_learner.learner_profile
    path = reverse("wagtail_cityoflearning_learners:consent_confirm", args=[make_token(profile)])
    profile.guardian_email = "mati@example.org"
    profile.save()
    assert client.post(path).status_code == 400
    profile.refresh_from_db()
    assert profile.consent == LearnerProfile.Consent.PENDING


def test_the_learner_cannot_confirm_their_own_consent(client, pending_learner):
    from wagtail_cityoflearning.learners.accounts.consent import make_token

    client.force_login(pending_learner)
    path = reverse(
        "wagtail_cityoflearning_learners:consent_confirm",
        args=[make_token(pending_learner.learner_profile)],
    )
    response = client.post(path)
    assert response.status_code == 403
    pending_learner.learner_profile.refresh_from_db()
    assert pending_learner.learner_profile.consent == LearnerProfile.Consent.PENDING


# -- while consent is awaited -------------------------------------------------------------------


def test_a_pending_learner_sees_why_and_cannot_save_interests(client, pending_learner, slovenia):
    client.force_login(pending_learner)
    url = reverse("wagtail_cityoflearning_learners:profile")
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="consent-notice"' in content
    assert reverse("wagtail_cityoflearning_learners:consent_resend") in content
    arts = slovenia["interests"]["arts"]
    response = client.post(
        url,
        {
            "display_name": "Nina",
            "guardian_email": "mama@example.org",
            "interests": [arts.pk],
            "preferred_language": "sl",
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=pending_learner)
    assert profile.display_name == "Nina"
    assert not profile.interests.exists()
    assert profile.consent == LearnerProfile.Consent.PENDING


def test_the_notice_resends_the_guardians_email_but_not_twice_at_once(client, pending_learner):
    client.force_login(pending_learner)
    url = reverse("wagtail_cityoflearning_learners:consent_resend")
    response = client.post(url, {"next": "/learning/profile/"})
    assert response.status_code == 302 and response["Location"] == "/learning/profile/"
    assert [m.to for m in mail.outbox] == [["mama@example.org"]]
    assert consent_path(mail.outbox[0])
    client.post(url)
    assert len(mail.outbox) == 1
    assert client.get(url).status_code == 405


def test_resending_ignores_an_outside_next_address(client, pending_learner):
    client.force_login(pending_learner)
    response = client.post(
        reverse("wagtail_cityoflearning_learners:consent_resend"),
        {"next": "https://elsewhere.example.com/"},
    )
    assert response["Location"] == reverse("wagtail_cityoflearning_learners:profile")


def test_correcting_the_guardians_address_sends_a_new_link(client, pending_learner):
    client.force_login(pending_learner)
    client.post(
        reverse("wagtail_cityoflearning_learners:profile"),
        {"display_name": "Nina", "guardian_email": "mati@example.org", "preferred_language": "sl"},
    )
    profile = LearnerProfile.objects.get(user=pending_learner)
    assert profile.guardian_email == "mati@example.org"
    assert [m.to for m in mail.outbox] == [["mati@example.org"]]


# -- the profile --------------------------------------------------------------------------------


def test_a_learner_edits_their_profile(client, learner, city):
    client.force_login(learner)
    url = reverse("wagtail_cityoflearning_learners:profile")
    response = client.get(url)
    assert response.status_code == 200
    offered = set(response.context["form"].fields["interests"].queryset)
    assert offered == set(city["interests"].values())  # the city's language only
    music, sports = city["interests"]["music"], city["interests"]["sports"]
    response = client.post(
        url,
        {
            "display_name": "Maja K.",
            "interests": [music.pk, sports.pk],
            "preferred_language": "it",
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=learner)
    assert profile.display_name == "Maja K."
    assert profile.year_of_birth == 2008
    assert profile.preferred_language == "it"
    assert set(profile.interests.all()) == {music, sports}


def test_a_profile_with_errors_keeps_what_was_typed(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("wagtail_cityoflearning_learners:profile"),
        {"display_name": "", "year_of_birth": 1800, "preferred_language": "sl"},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"display_name"}
    assert LearnerProfile.objects.get(user=learner).display_name == "Maja"


def test_the_year_of_birth_is_fixed_after_sign_up(client, learner, slovenia):
    """Lowering it would change whose consent is needed: only the city corrects it."""
    music = slovenia["interests"]["music"]
    LearnerProfile.objects.get(user=learner).interests.add(music)
    client.force_login(learner)
    url = reverse("wagtail_cityoflearning_learners:profile")
    form = client.get(url).context["form"]
    assert form.fields["year_of_birth"].disabled and form.fields["year_of_birth"].help_text
    assert "guardian_email" not in form.fields
    response = client.post(
        url,
        {
            "display_name": "Maja",
            "year_of_birth": current_year() - 14,
            "guardian_email": "oce@example.org",
            "interests": [music.pk],
            "preferred_language": "sl",
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=learner)
    assert profile.year_of_birth == 2008
    assert profile.consent == LearnerProfile.Consent.NOT_NEEDED
    assert profile.guardian_email == ""
    assert list(profile.interests.all()) == [music]
    assert mail.outbox == []


def test_an_account_without_a_profile_under_the_consent_age_asks_for_the_guardian(client, slovenia):
    user = get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    client.force_login(user)
    url = reverse("wagtail_cityoflearning_learners:profile")
    young = current_year() - 14
    data = {"display_name": "Ana", "year_of_birth": young, "preferred_language": "sl"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "guardian_email" in response.context["form"].errors
    assert not LearnerProfile.objects.filter(user=user).exists()

    response = client.post(url, {**data, "guardian_email": "oce@example.org"})
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=user)
    assert (profile.year_of_birth, profile.consent) == (young, LearnerProfile.Consent.PENDING)
    assert [m.to for m in mail.outbox] == [["oce@example.org"]]
    assert not may_store(user)


def test_completing_a_profile_returns_to_the_page_it_was_asked_from(client, city):
    user = get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    client.force_login(user)
    url = reverse("wagtail_cityoflearning_learners:profile")
    page = client.get(url, {"next": "/playlists/code/"})
    assert 'name="next" value="/playlists/code/"' in page.content.decode()
    data = {"display_name": "Ana", "year_of_birth": 2005, "preferred_language": "sl"}
    response = client.post(f"{url}?next=/playlists/code/", {**data, "next": "/playlists/code/"})
    assert response["Location"] == "/playlists/code/"
    for outside in ("https://elsewhere.example.com/", "//elsewhere.example.com/", "dashboard"):
        response = client.post(url, {**data, "next": outside})
        assert response["Location"] == url


def test_correcting_the_guardians_address_again_at_once_is_refused(client, pending_learner):
    client.force_login(pending_learner)
    url = reverse("wagtail_cityoflearning_learners:profile")
    data = {"display_name": "Nina", "preferred_language": "sl"}
    client.post(url, {**data, "guardian_email": "mati@example.org"})
    response = client.post(url, {**data, "guardian_email": "oce@example.org"})
    assert response.status_code == 400
    assert "guardian_email" in response.context["form"].errors
    assert LearnerProfile.objects.get(user=pending_learner).guardian_email == "mati@example.org"
    assert [m.to for m in mail.outbox] == [["mati@example.org"]]


def test_a_consent_email_that_could_not_be_sent_is_reported(client, pending_learner, monkeypatch):
    from wagtail_cityoflearning.learners.accounts.adapter import LearnerAccountAdapter

    def fail(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(LearnerAccountAdapter, "send_mail", fail)
    client.force_login(pending_learner)
    response = client.post(
        reverse("wagtail_cityoflearning_learners:profile"),
        {"display_name": "Nina", "guardian_email": "mati@example.org", "preferred_language": "sl"},
        follow=True,
    )
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert LearnerProfile.objects.get(user=pending_learner).guardian_email == "mati@example.org"


def test_an_account_without_a_profile_creates_one(client, city):
    user = get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    client.force_login(user)
    url = reverse("wagtail_cityoflearning_learners:profile")
    assert client.get(url).status_code == 200
    client.post(url, {"display_name": "Ana", "year_of_birth": 2005, "preferred_language": "sl"})
    profile = LearnerProfile.objects.get(user=user)
    assert profile.site == city["site"]
    assert profile.consent == LearnerProfile.Consent.NOT_NEEDED


def test_the_profile_needs_a_login(client, city):
    response = client.get(reverse("wagtail_cityoflearning_learners:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# -- allauth's pages in the site's layout -------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password", "account_logout"]
)
def test_allauth_pages_render_in_the_site_language_and_layout(client, city, learner, name):
    if name == "account_logout":
        client.force_login(learner)
    response = client.get(reverse(name))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="sl">' in content
    assert response["Content-Language"] == "sl"
    assert "col-page--account" in content
    assert "Ljubljana" in content  # the city's name in the header, from city_settings
    assert 'class="col-skip-link"' in content


def test_allauth_pages_fall_back_to_the_packages_layout_without_the_processor(
    client, city, settings
):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].remove(PROCESSOR)
    settings.TEMPLATES = templates
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert "col-page--account" in response.content.decode()


def test_a_learner_logs_in_and_out(client, learner):
    response = client.post(
        reverse("account_login"), {"login": "maja@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtail_cityoflearning_learners:dashboard")
    assert client.session.get("_auth_user_id") == str(learner.pk)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_a_form_error(client, learner):
    response = client.post(
        reverse("account_login"), {"login": "maja@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'role="alert"' in response.content.decode()


def test_an_editor_without_a_profile_logs_in_to_the_admin(client, editor):
    from allauth.account.models import EmailAddress

    editor.set_password(PASSWORD)
    editor.save()
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    response = client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    assert response["Location"] == reverse("wagtailadmin_home")


def test_password_reset_emails_a_link(client, learner):
    response = client.post(reverse("account_reset_password"), {"email": "maja@example.org"})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["maja@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
