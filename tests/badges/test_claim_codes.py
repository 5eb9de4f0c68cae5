"""Young people claim badges with a code; guessing codes is stopped."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from wagtail_cityoflearning.badges.claiming import MAX_FAILURES
from wagtail_cityoflearning.badges.models import Award, ClaimCode


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def claim_code(badge_class):
    return ClaimCode.objects.create(badge_class=badge_class, max_uses=2, label="Maker day")


def claim_url(code):
    return reverse("wagtail_cityoflearning_badges:claim", args=(code,))


def test_claiming_with_a_code_awards_the_badge_in_one_step(
    client, claim_code, django_capture_on_commit_callbacks
):
    page = client.get(claim_url(claim_code.code))
    assert page.status_code == 200 and "Young maker" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(claim_url(claim_code.code), {"email": "maja@example.org"})
    assert done.status_code == 200
    instance = Award.objects.get()
    assert instance.source == Award.Source.CLAIM_CODE
    assert str(instance.uuid) in done.content.decode()
    assert len(mail.outbox) == 1
    claim_code.refresh_from_db()
    assert claim_code.uses == 1


def test_codes_are_forgiving_about_case_and_spaces(client, claim_code):
    messy = " " + claim_code.code[:5].lower() + "-" + claim_code.code[5:] + " "
    response = client.get(reverse("wagtail_cityoflearning_badges:claim_start"), {"code": messy})
    assert response.status_code == 302 and response["Location"].endswith(f"/{claim_code.code}/")


def test_claiming_twice_with_the_same_email_gives_the_same_badge(client, claim_code):
    client.post(claim_url(claim_code.code), {"email": "maja@example.org"})
    client.post(claim_url(claim_code.code), {"email": "MAJA@example.org"})
    assert Award.objects.count() == 1


def test_a_used_up_code_is_refused_with_a_message(client, claim_code):
    for email in ("a@example.org", "b@example.org"):
        client.post(claim_url(claim_code.code), {"email": email})
    response = client.post(claim_url(claim_code.code), {"email": "c@example.org"})
    assert response.status_code == 400
    from django.utils import translation

    with translation.override("sl"):  # the site's language
        message = translation.gettext("This code can no longer be used.")
    assert message in response.content.decode()
    assert Award.objects.count() == 2


def test_bad_email_is_a_form_error(client, claim_code):
    response = client.post(claim_url(claim_code.code), {"email": "nope"})
    assert response.status_code == 400 and not Award.objects.exists()


def test_unknown_code_answers_404_with_a_way_to_retry(client, db):
    response = client.get(claim_url("WRONGCODE"))
    assert response.status_code == 404
    assert 'name="code"' in response.content.decode()


def test_guessing_codes_is_stopped(client, claim_code):
    for attempt in range(MAX_FAILURES):
        assert client.get(claim_url(f"GUESS{attempt}")).status_code == 404
    blocked = client.get(claim_url(claim_code.code))
    assert blocked.status_code == 429
    assert not Award.objects.exists()


def test_expired_code_cannot_be_used(client, claim_code):
    from datetime import timedelta

    from django.utils import timezone

    claim_code.expires_at = timezone.now() - timedelta(minutes=1)
    claim_code.save()
    response = client.post(claim_url(claim_code.code), {"email": "a@example.org"})
    assert response.status_code == 400 and not Award.objects.exists()


def test_admin_prints_a_qr_code_for_the_claim_page(client, django_user_model, claim_code):
    client.force_login(django_user_model.objects.create_superuser("e", "e@example.org", "pw"))
    response = client.get(reverse("cityoflearning_claim_codes:print", args=(claim_code.pk,)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and claim_code.code in html
    assert claim_url(claim_code.code) in html
