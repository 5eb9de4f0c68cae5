"""Consent where the learner acts: one install serves two cities with different ages of
digital consent (Ljubljana 15, Cagliari 14). A learner stores nothing on a city's site while
they are below its age without a guardian's consent for it; accounts without a profile
complete it first; and a learner cannot agree to their own guardian's link."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from tests.factories import make_city
from tests.learners.conftest import make_learner
from tests.learners.test_evidence import evidence_playlist, route, submit  # noqa: F401, F811
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award, ClaimCode
from wagtail_cityoflearning.learners.accounts.consent import make_token
from wagtail_cityoflearning.learners.accounts.models import (
    LearnerProfile,
    SiteConsent,
    current_year,
)
from wagtail_cityoflearning.learners.learner_playlists.models import LearnerPlaylist
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.models import CityOfLearningSettings

PASSWORD = "a-long-passphrase-42"
CAGLIARI_HOST = "cagliari.example.org"
CONSENT_LINK = re.compile(r"http://testserver(/learning/consent/[^/\s\"]+/)")


def learning_url(name, *args):
    return reverse(f"wagtail_cityoflearning_learners:{name}", args=args)


def claim_url(code):
    return reverse("wagtail_cityoflearning_badges:claim", args=(code,))


def set_age(city, age):
    city_settings = CityOfLearningSettings.for_site(city["site"])
    city_settings.age_of_digital_consent = age
    city_settings.save()


@pytest.fixture(autouse=True)
def quiet_rate_limits(settings):
    from django.core.cache import cache

    settings.ACCOUNT_RATE_LIMITS = False
    cache.clear()


@pytest.fixture
def ljubljana(city):
    set_age(city, 15)
    return city


@pytest.fixture
def cagliari(ljubljana):
    other = make_city(hostname=CAGLIARI_HOST, language="it", is_default=False, name="Cagliari")
    set_age(other, 14)
    return other


@pytest.fixture
def gio(cagliari):
    """Born 15 years ago: at least 14 (Cagliari's age, no guardian asked at sign-up), but
    perhaps still 14 on Ljubljana's site, whose age is 15."""
    return make_learner("gio@example.org", year_of_birth=current_year() - 15, site=cagliari["site"])


@pytest.fixture
def code(other_badge):
    return ClaimCode.objects.create(badge_class=other_badge, max_uses=50, label="Maker day")


def nothing_stored_for(user):
    assert not PlaylistEnrolment.objects.filter(user=user, started_at__isnull=False).exists()
    assert not StepProgress.objects.filter(enrolment__user=user).exists()
    assert not LearnerPlaylist.objects.filter(owner=user).exists()
    assert not Award.objects.filter(recipient_email__iexact=user.email).exists()


# -- the cross-city dodge -------------------------------------------------------------------------


def test_a_learner_from_a_city_with_a_lower_age_stores_nothing_on_the_other_citys_site(
    client,
    gio,
    playlist,
    evidence_playlist,  # noqa: F811
    code,
):
    here = playlist.relative_url(playlist.get_site())
    client.force_login(gio)
    for name in ("start", "save"):
        response = client.post(route(playlist, name), follow=True)
        assert response.redirect_chain[-1][0] == here
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not PlaylistEnrolment.objects.filter(user=gio).exists()

    page = client.get(playlist.url).content.decode()
    assert 'data-consent="needed"' in page and 'id="start-button"' not in page

    PlaylistEnrolment.objects.create(
        user=gio, playlist=evidence_playlist, started_at=timezone.now()
    )
    assert submit(client, evidence_playlist, "Write", text="My answer").status_code == 302
    assert not StepProgress.objects.exists()

    response = client.post(learning_url("playlist_create"), {"title": "Mine"})
    assert response.status_code == 403
    assert 'id="consent-notice"' in response.content.decode()
    assert not LearnerPlaylist.objects.exists()

    response = client.post(claim_url(code.code), {"email": gio.email})
    assert response.status_code == 403
    assert 'id="claim-consent"' in response.content.decode()
    assert not Award.objects.exists()


def test_an_anonymous_claim_for_that_learners_address_is_refused_too(client, gio, code):
    response = client.post(claim_url(code.code), {"email": "GIO@example.org"})
    assert response.status_code == 403
    assert response.context["form"].errors["email"]
    assert not Award.objects.exists()
    code.refresh_from_db()
    assert code.uses == 0


def test_in_their_own_city_the_same_learner_claims_and_their_progress_counts(
    client, gio, code, cagliari
):
    client.force_login(gio)
    response = client.post(claim_url(code.code), {"email": gio.email}, HTTP_HOST=CAGLIARI_HOST)
    assert response.status_code == 200
    assert Award.objects.filter(recipient_email="gio@example.org").count() == 1


def test_progress_on_the_other_citys_playlist_is_not_evaluated(
    gio, playlist, other_badge, django_capture_on_commit_callbacks
):
    enrolment = PlaylistEnrolment.objects.create(
        user=gio, playlist=playlist, started_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        award(other_badge, gio.email)  # completes the playlist's badge step, were it counted
    assert not StepProgress.objects.filter(enrolment=enrolment).exists()


def test_after_the_guardian_agrees_for_this_city_the_learner_may_act(
    client, gio, playlist, code, ljubljana
):
    here = playlist.relative_url(playlist.get_site())
    client.force_login(gio)
    notice = client.get(learning_url("dashboard")).content.decode()
    assert 'data-consent="needed"' in notice
    assert learning_url("consent_city") in notice

    mail.outbox.clear()
    response = client.post(
        learning_url("consent_city"), {"guardian_email": "mamma@example.org", "next": here}
    )
    assert response.status_code == 302 and response["Location"] == here
    record = SiteConsent.objects.get(user=gio)
    assert record.site == ljubljana["site"] and not record.is_given
    message = next(m for m in mail.outbox if m.to == ["mamma@example.org"])
    path = CONSENT_LINK.search(message.body).group(1)

    # Still waiting: nothing stored yet.
    client.post(route(playlist, "start"))
    assert not PlaylistEnrolment.objects.filter(user=gio).exists()

    guardian = Client()
    assert guardian.get(path).status_code == 200
    confirmed = guardian.post(path)
    assert confirmed.status_code == 200 and confirmed.context["just_confirmed"]
    record.refresh_from_db()
    assert record.is_given
    gio.learner_profile.refresh_from_db()
    assert gio.learner_profile.consent == LearnerProfile.Consent.NOT_NEEDED  # Cagliari's own

    client.post(route(playlist, "start"))
    assert PlaylistEnrolment.objects.get(user=gio).is_started
    assert client.post(learning_url("playlist_create"), {"title": "Mine"}).status_code == 302
    assert client.post(claim_url(code.code), {"email": gio.email}).status_code == 200
    assert Award.objects.filter(recipient_email="gio@example.org").exists()


# -- awaiting consent, and no profile -------------------------------------------------------------


@pytest.fixture
def nina(ljubljana):
    return make_learner(
        "nina@example.org",
        year_of_birth=current_year() - 13,
        site=ljubljana["site"],
        consent=LearnerProfile.Consent.PENDING,
        guardian_email="mama@example.org",
        consent_requested_at=timezone.now() - timedelta(days=1),
    )


def test_a_learner_awaiting_consent_gets_no_award_through_the_claim_page(client, nina, code):
    client.force_login(nina)
    page = client.get(claim_url(code.code))
    assert page.status_code == 403
    assert 'id="consent-notice"' in page.content.decode()
    response = client.post(claim_url(code.code), {"email": nina.email})
    assert response.status_code == 403
    client.logout()
    response = client.post(claim_url(code.code), {"email": nina.email})
    assert response.status_code == 403
    assert not Award.objects.exists()
    code.refresh_from_db()
    assert code.uses == 0


def test_an_account_without_a_profile_completes_it_before_any_learning_action(
    client, ljubljana, playlist, code
):
    user = get_user_model().objects.create_user("ana", "ana@example.org", PASSWORD)
    client.force_login(user)
    profile = learning_url("profile")

    response = client.post(learning_url("playlist_create"), {"title": "Mine"})
    assert response.status_code == 302
    expected = f"{profile}?{urlencode({'next': learning_url('playlist_create')})}"
    assert response["Location"] == expected
    assert client.get(learning_url("playlist_create")).status_code == 302

    response = client.post(claim_url(code.code), {"email": user.email})
    assert response.status_code == 302 and response["Location"].startswith(profile)
    response = client.post(route(playlist, "start"))
    here = playlist.relative_url(playlist.get_site())
    assert response["Location"] == f"{profile}?{urlencode({'next': here})}"
    nothing_stored_for(user)


# -- the guardian's link is the guardian's ---------------------------------------------------------


def test_the_learner_cannot_agree_on_the_browser_they_signed_up_on(client, ljubljana):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Nika",
            "email": "nika@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "year_of_birth": current_year() - 13,
            "guardian_email": "oce@example.org",
            "preferred_language": "sl",
        },
    )
    assert response.status_code == 302
    path = CONSENT_LINK.search(next(m for m in mail.outbox if m.to == ["oce@example.org"]).body)
    path = path.group(1)

    refused = client.post(path)
    assert refused.status_code == 403
    assert 'id="consent-own-link"' in refused.content.decode()
    profile = LearnerProfile.objects.get(user__email="nika@example.org")
    assert profile.consent == LearnerProfile.Consent.PENDING

    guardian = Client()
    assert guardian.post(path).status_code == 200
    profile.refresh_from_db()
    assert profile.consent == LearnerProfile.Consent.GIVEN


def test_the_learner_cannot_agree_after_logging_out(client, nina):
    path = learning_url("consent_confirm", make_token(nina.learner_profile))
    login = client.post(reverse("account_login"), {"login": nina.email, "password": PASSWORD})
    assert login.status_code == 302
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session

    for response in (client.get(path), client.post(path)):
        assert response.status_code == 403
    nina.learner_profile.refresh_from_db()
    assert nina.learner_profile.consent == LearnerProfile.Consent.PENDING

    assert Client().post(path).status_code == 200  # the guardian's own browser
    nina.learner_profile.refresh_from_db()
    assert nina.learner_profile.consent == LearnerProfile.Consent.GIVEN


def test_the_guardians_address_cannot_be_one_of_the_learners_own(client, ljubljana, gio):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Nika",
            "email": "nika@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "year_of_birth": current_year() - 13,
            "guardian_email": "Nika+mama@example.org",  # delivered to the learner's own inbox
            "preferred_language": "sl",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["guardian_email"]
    assert not LearnerProfile.objects.filter(user__email="nika@example.org").exists()

    EmailAddress.objects.create(user=gio, email="gio.second@example.org", verified=True)
    client.force_login(gio)
    response = client.post(
        learning_url("consent_city"), {"guardian_email": "gio.second@example.org"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["guardian_email"]
    assert not SiteConsent.objects.exists()


def test_a_link_to_an_address_the_learner_made_their_own_is_refused(client, nina):
    path = learning_url("consent_confirm", make_token(nina.learner_profile))
    EmailAddress.objects.create(user=nina, email="mama@example.org", verified=True)
    response = Client().post(path)
    assert response.status_code == 400
    assert 'id="consent-invalid"' in response.content.decode()
    nina.learner_profile.refresh_from_db()
    assert nina.learner_profile.consent == LearnerProfile.Consent.PENDING


def test_interests_wait_for_the_guardian_of_this_city(client, gio, cagliari):
    interest = next(iter(cagliari["interests"].values()))
    client.force_login(gio)
    response = client.get(learning_url("profile"))
    assert response.context["form"].fields["interests"].disabled
    client.post(
        learning_url("profile"),
        {"display_name": "Gio", "preferred_language": "it", "interests": [interest.pk]},
    )
    assert not gio.learner_profile.interests.exists()

    client.post(
        learning_url("profile"),
        {"display_name": "Gio", "preferred_language": "it", "interests": [interest.pk]},
        HTTP_HOST=CAGLIARI_HOST,
    )
    assert list(gio.learner_profile.interests.all()) == [interest]
