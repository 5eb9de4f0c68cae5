"""A hosted assertion is kept between requests and answered without a query, and what it says
is never stale: a revocation, new evidence, a moved issuer or a renamed host show at once, and
a kept document still answers only on its issuer's Site."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.badges.conftest import make_badge_class
from tests.factories import make_city
from wagtail_cityoflearning.badges import awarding, documents
from wagtail_cityoflearning.badges.models import Award, AwardEvidence

JSON = {"HTTP_ACCEPT": "application/ld+json"}
CAGLIARI = "cagliari.localhost"


@pytest.fixture
def award(issuer):
    return awarding.award(make_badge_class(issuer), "maja@example.org")


def url_of(award) -> str:
    return f"/badges/assertions/{award.uuid}/"


def fetch(client, award, **headers):
    return client.get(url_of(award), **(JSON | headers))


def kept_answer(client, award, **headers):
    """The answer to a request once the document is kept, and its number of queries."""
    first = fetch(client, award, **headers)
    with CaptureQueriesContext(connection) as captured:
        response = fetch(client, award, **headers)
    assert response.content == first.content
    return response, len(captured)


def test_a_kept_assertion_answers_without_a_query_and_says_the_same(client, award):
    response, queries = kept_answer(client, award)
    assert response.status_code == 200
    assert queries == 0
    document = json.loads(response.content)
    assert document["id"].endswith(url_of(award))
    assert document["recipient"]["identity"] == award.recipient_identity
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    # The same document as plain JSON for a client that asks for it, from the same entry.
    plain = fetch(client, award, HTTP_ACCEPT="application/json")
    assert plain["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(plain.content) == document


def test_a_revoked_award_answers_gone_at_once(client, award):
    kept_answer(client, award)
    awarding.revoke(award, "Given by mistake")
    response = fetch(client, award)
    assert response.status_code == 410
    assert json.loads(response.content)["revocationReason"] == "Given by mistake"
    assert fetch(client, award).status_code == 410  # a revoked answer is never kept


def test_new_evidence_and_a_new_narrative_show_at_once(client, award):
    kept_answer(client, award)
    AwardEvidence.objects.create(award=award, url="https://example.org/evidence/1")
    assert json.loads(fetch(client, award).content)["evidence"] == [
        {"type": "Evidence", "id": "https://example.org/evidence/1"}
    ]
    award.narrative = "Built a weather station."
    award.save()
    assert json.loads(fetch(client, award).content)["narrative"] == "Built a weather station."


def test_a_kept_assertion_is_not_found_on_another_citys_host(client, award, city):
    make_city(CAGLIARI, "it", is_default=False, name="Cagliari")
    kept_answer(client, award)  # kept on Ljubljana's host
    response = fetch(client, award, HTTP_HOST=CAGLIARI)
    assert response.status_code == 404


def test_an_issuer_moved_to_another_site_answers_on_the_new_host_only(client, award):
    kept_answer(client, award)
    cagliari = make_city(CAGLIARI, "it", is_default=False, name="Cagliari")
    issuer = award.badge_class.issuer
    issuer.site = cagliari["site"]
    issuer.save()
    assert fetch(client, award).status_code == 404
    moved = fetch(client, award, HTTP_HOST=CAGLIARI)
    assert moved.status_code == 200
    assert json.loads(moved.content)["id"].startswith(f"http://{CAGLIARI}/")


def test_a_renamed_host_is_served_at_once(client, award, city):
    kept_answer(client, award)
    site = city["site"]
    site.hostname = "ljubljana.localhost"
    site.save()
    renamed = fetch(client, award, HTTP_HOST="ljubljana.localhost")
    assert renamed.status_code == 200
    assert json.loads(renamed.content)["id"].startswith("http://ljubljana.localhost/")


def test_changes_made_without_signals_show_once_the_documents_are_forgotten(client, award):
    kept_answer(client, award)
    Award.objects.filter(pk=award.pk).update(narrative="Changed in bulk")
    documents.forget_assertions()
    assert json.loads(fetch(client, award).content)["narrative"] == "Changed in bulk"


def test_the_page_for_people_is_not_the_kept_document(client, award):
    kept_answer(client, award)
    page = client.get(url_of(award), HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
