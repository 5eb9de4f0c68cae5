"""Hosted badge documents answer only on the Site of their issuer: the host their ids name.
On another city's host they are not found (they would show in the wrong city's branding)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.badges.conftest import make_badge_class
from tests.factories import ProviderPageFactory, make_city
from wagtail_cityoflearning.badges import serializers, signing, views
from wagtail_cityoflearning.badges.models import Award, Issuer

LJUBLJANA = "localhost"
CAGLIARI = "cagliari.localhost"
JSON = {"HTTP_ACCEPT": "application/ld+json"}
HTML = {"HTTP_ACCEPT": "text/html"}


@pytest.fixture
def cagliari(city):
    return make_city(CAGLIARI, "it", is_default=False, name="Cagliari")


def city_issuer(site, name):
    return Issuer.objects.create(
        name=name, url="https://example.org/", email="badges@example.org", site=site
    )


def documents(issuer, badge_image="png"):
    """Every hosted document of one issuer, by name: (path, request headers)."""
    badge = make_badge_class(issuer, slug=f"badge-{issuer.pk}", image=badge_image)
    award = Award.objects.create(badge_class=badge, recipient_email="ana@example.org")
    key = signing.generate_key(issuer, bits=1024)
    return {
        "issuer": (f"/badges/issuers/{issuer.uuid}/", JSON),
        "issuer page": (f"/badges/issuers/{issuer.uuid}/", HTML),
        "revocation list": (f"/badges/issuers/{issuer.uuid}/revocations/", JSON),
        "key": (f"/badges/keys/{key.uuid}/", JSON),
        "badge class": (f"/badges/classes/{badge.uuid}/", JSON),
        "badge class page": (f"/badges/classes/{badge.uuid}/", HTML),
        "badge class image": (f"/badges/classes/{badge.uuid}/image/", {}),
        "assertion": (f"/badges/assertions/{award.uuid}/", JSON),
        "assertion page": (f"/badges/assertions/{award.uuid}/", HTML),
        "assertion image": (f"/badges/assertions/{award.uuid}/image/", {}),
    }


KINDS = [
    "issuer",
    "issuer page",
    "revocation list",
    "key",
    "badge class",
    "badge class page",
    "badge class image",
    "assertion",
    "assertion page",
    "assertion image",
]


@pytest.mark.parametrize("kind", KINDS)
def test_each_document_answers_on_its_own_citys_host_only(client, city, cagliari, kind):
    ljubljana_docs = documents(city_issuer(city["site"], "Ljubljana"))
    cagliari_docs = documents(city_issuer(cagliari["site"], "Cagliari"))

    path, headers = ljubljana_docs[kind]
    assert client.get(path, HTTP_HOST=LJUBLJANA, **headers).status_code == 200
    assert client.get(path, HTTP_HOST=CAGLIARI, **headers).status_code == 404

    path, headers = cagliari_docs[kind]
    assert client.get(path, HTTP_HOST=CAGLIARI, **headers).status_code == 200
    assert client.get(path, HTTP_HOST=LJUBLJANA, **headers).status_code == 404


@pytest.mark.parametrize("kind", ["issuer", "badge class", "assertion", "assertion image"])
def test_a_providers_documents_answer_on_the_providers_city_only(client, city, cagliari, kind):
    provider = ProviderPageFactory(parent=cagliari["index"])
    provider.save_revision().publish()
    issuer = Issuer.objects.create(
        name="Code club",
        url="https://example.org/",
        email="club@example.org",
        provider=provider,
    )
    path, headers = documents(issuer)[kind]
    assert client.get(path, HTTP_HOST=CAGLIARI, **headers).status_code == 200
    assert client.get(path, HTTP_HOST=LJUBLJANA, **headers).status_code == 404


def test_an_issuer_without_a_site_answers_on_the_default_site(client, city, cagliari):
    issuer = Issuer.objects.create(
        name="Independent", url="https://example.org/", email="badges@example.org"
    )
    docs = documents(issuer)
    for path, headers in docs.values():
        assert client.get(path, HTTP_HOST=LJUBLJANA, **headers).status_code == 200
        assert client.get(path, HTTP_HOST=CAGLIARI, **headers).status_code == 404
    path, headers = docs["assertion"]
    document = client.get(path, HTTP_HOST=LJUBLJANA, **headers).json()
    assert document["id"].startswith("http://localhost/")


def test_a_single_city_answers_on_any_host(client, city):
    """A host no Site names is the default Site's, as for pages."""
    docs = documents(city_issuer(city["site"], "Ljubljana"))
    for path, headers in docs.values():
        assert client.get(path, HTTP_HOST="badges.example.org", **headers).status_code == 200


def test_an_unknown_host_is_the_default_citys_and_not_another(client, city, cagliari):
    docs = documents(city_issuer(cagliari["site"], "Cagliari"))
    path, headers = docs["assertion"]
    assert client.get(path, HTTP_HOST="elsewhere.example.org", **headers).status_code == 404


def test_the_ids_name_the_host_the_documents_answer_on(client, city, cagliari):
    issuer = city_issuer(cagliari["site"], "Cagliari")
    path, headers = documents(issuer)["assertion"]
    document = client.get(path, HTTP_HOST=CAGLIARI, **headers).json()
    assert document["id"] == f"http://{CAGLIARI}{path}"
    assert serializers.assertion_id(Award.objects.get()) == document["id"]


# The hosted assertion (JSON) of a city issuer before the site check: the award with its
# badge class and issuer, the issuer's Site (for the ids), the evidence.
ASSERTION_QUERIES_BEFORE = 3


def test_the_site_check_costs_no_more_than_one_query(city, cagliari):
    """The hosted assertion is benchmarked. The check finds the request's Site (one query);
    the issuer's Site now comes with the award, which saves the query the ids needed."""
    path, headers = documents(city_issuer(cagliari["site"], "Cagliari"))["assertion"]
    award = Award.objects.get()
    request = RequestFactory().get(path, HTTP_HOST=CAGLIARI, **headers)
    with CaptureQueriesContext(connection) as queries:
        assert views.assertion(request, award.uuid).status_code == 200
    assert len(queries) <= ASSERTION_QUERIES_BEFORE, [query["sql"] for query in queries]
