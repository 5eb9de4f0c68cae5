"""Guessing claim codes is limited per browser, with a ceiling per address and per code, so
one pupil guessing wrong does not lock out a whole school behind one address."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from wagtail_cityoflearning.badges.claiming import CLIENT_COOKIE, MAX_FAILURES
from wagtail_cityoflearning.badges.models import Award, ClaimCode


@pytest.fixture(autouse=True)
def clear_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def small_limits(settings):
    settings.WAGTAIL_CITYOFLEARNING = {
        "CLAIM_CLIENT_MAX_FAILURES": 3,
        "CLAIM_ADDRESS_MAX_FAILURES": 8,
        "CLAIM_CODE_MAX_ATTEMPTS": 4,
    }


@pytest.fixture
def claim_code(badge_class):
    return ClaimCode.objects.create(badge_class=badge_class, max_uses=100, label="Maker day")


def claim_url(code):
    return reverse("wagtail_cityoflearning_badges:claim", args=(code,))


def guess(client, attempt):
    return client.get(claim_url(f"GUESS{attempt}"))


def test_one_browser_guessing_is_stopped_while_another_behind_the_same_address_claims(
    claim_code,
):
    guesser, classmate = Client(), Client()  # both behind the school's one address
    for attempt in range(MAX_FAILURES):  # the default limit
        assert guess(guesser, attempt).status_code == 404
    blocked = guesser.post(claim_url(claim_code.code), {"email": "guesser@example.org"})
    assert blocked.status_code == 429

    response = classmate.post(claim_url(claim_code.code), {"email": "ana@example.org"})
    assert response.status_code == 200
    assert list(Award.objects.values_list("recipient_email", flat=True)) == ["ana@example.org"]
    assert 'id="claim-blocked"' in blocked.content.decode()


def test_browsers_that_drop_the_cookie_meet_the_ceiling_of_their_address(claim_code, small_limits):
    for attempt in range(8):
        assert guess(Client(), attempt).status_code == 404  # a new browser every time
    response = Client().post(claim_url(claim_code.code), {"email": "ana@example.org"})
    assert response.status_code == 429
    assert not Award.objects.exists()
    other_address = Client(REMOTE_ADDR="10.0.0.9")
    assert other_address.get(claim_url(claim_code.code)).status_code == 200


def test_the_count_is_kept_in_the_cache_across_requests(claim_code, small_limits):
    guesser = Client()
    for attempt in range(3):
        guess(guesser, attempt)
    cookie = guesser.cookies[CLIENT_COOKIE].value
    same_browser_later = Client()  # e.g. another process: the count lives in the shared cache
    same_browser_later.cookies[CLIENT_COOKIE] = cookie
    assert same_browser_later.get(claim_url(claim_code.code)).status_code == 429
    assert Client().get(claim_url(claim_code.code)).status_code == 200
    cache.clear()  # the window has passed
    assert same_browser_later.get(claim_url(claim_code.code)).status_code == 200


def test_a_forged_client_cookie_is_a_new_browser(claim_code, small_limits):
    guesser = Client()
    guesser.cookies[CLIENT_COOKIE] = "forged"
    for attempt in range(3):
        guess(guesser, attempt)
    assert guesser.cookies[CLIENT_COOKIE].value != "forged"
    assert guesser.get(claim_url(claim_code.code)).status_code == 429


def test_claims_on_one_code_are_limited(claim_code, small_limits):
    for number in range(4):
        response = Client().post(claim_url(claim_code.code), {"email": f"p{number}@example.org"})
        assert response.status_code == 200
    response = Client().post(claim_url(claim_code.code), {"email": "p5@example.org"})
    assert response.status_code == 429
    assert 'id="claim-busy"' in response.content.decode()
    assert Award.objects.count() == 4
