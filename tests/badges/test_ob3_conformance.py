"""Open Badges 3.0 conformance, checked against material the package did not write.

1. Every shape of credential the package issues validates against 1EdTech's JSON Schemas for
   ``AchievementCredential``, ``Profile`` and ``EndorsementCredential``.
2. ``ob3.jsonld.canonize`` and ``ob3.dataintegrity`` reproduce the W3C ``eddsa-rdfc-2022``
   test vectors exactly: canonical N-Quads, hashes and (Ed25519 being deterministic) the
   signature itself.
3. An independent verifier, openbadgeslib (``ob3_verifier.py``), accepts our credentials in
   both formats (Data Integrity JSON and VC-JWT), rejects them once one value is changed and
   reports revoked ones as revoked. It resolves each ``did:web`` and reads each status list
   from the documents our own views serve (through the test client, mapped to the https URLs
   the verifier asks for).

Where each fixture comes from is in ``ob3_fixtures/*/SOURCE.md``.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.utils import timezone
from pyld.jsonld import JsonLdError

from tests.badges.conftest import make_badge_class
from tests.badges.ob3_verifier import (
    VerifierError,
    assert_invalid,
    assert_valid,
    run,
    skip_or_fail_without_verifier,
    verify,
)
from tests.factories import make_provider
from wagtail_cityoflearning.badges import signing
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.endorsements import endorse
from wagtail_cityoflearning.badges.models import BadgeAlignment, Issuer
from wagtail_cityoflearning.badges.ob3 import credentials, dataintegrity, did, jsonld

FIXTURES = Path(__file__).with_name("ob3_fixtures")
SCHEMAS = FIXTURES / "openbadges-specification"
VECTORS = FIXTURES / "vc-di-eddsa"
RDFC = VECTORS / "eddsa-rdfc-2022"
EXAMPLES_CONTEXT = "https://www.w3.org/ns/credentials/examples/v2"

HOST = "ljubljana.example"
EMAIL = "Maja.Novak@example.org"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load(path: Path):
    return json.loads(read(path))


# --- 1. JSON Schemas ----------------------------------------------------------------------

# The published schemas name the validity dates as the VC Data Model 1.1 does; OB 3.0 on the
# VC Data Model 2.0 (context 3.0.3, which the credentials use) names them validFrom and
# validUntil. Exactly that rename is applied, nothing else (see SOURCE.md).
VCDM2_NAMES = {"issuanceDate": "validFrom", "expirationDate": "validUntil"}
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\Z")

# jsonschema checks "date-time" only with an optional package; this is the same rule
# (RFC 3339 date-time: a time zone is required), so the schemas' formats are enforced.
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


def rename(node, names: dict):
    """``node`` with the properties (and required names) in ``names`` renamed."""
    if isinstance(node, list):
        return [rename(item, names) for item in node]
    if not isinstance(node, dict):
        return node
    renamed = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            renamed[key] = {
                names.get(name, name): rename(sub, names) for name, sub in value.items()
            }
        elif key == "required" and isinstance(value, list):
            renamed[key] = [names.get(name, name) for name in value]
        else:
            renamed[key] = rename(value, names)
    return renamed


def vcdm2(schema: dict) -> dict:
    return rename(schema, VCDM2_NAMES)


def validator(name: str) -> jsonschema.Draft201909Validator:
    schema = vcdm2(load(SCHEMAS / f"{name}.json"))
    return jsonschema.Draft201909Validator(schema, format_checker=FORMATS)


def schema_errors(name: str, document) -> list[str]:
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]


def assert_schema_valid(name: str, document) -> None:
    errors = schema_errors(name, document)
    assert not errors, f"{name} schema errors:\n" + "\n".join(errors)


def jwt_parts(token: str) -> tuple[dict, dict]:
    """Header and payload of a compact JWS, read here without the package's helpers."""
    header, payload, signature = token.split(".")
    assert signature

    def part(text):
        return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))

    return part(header), part(payload)


@pytest.mark.parametrize("name", ["achievementcredential", "profile", "endorsementcredential"])
def test_published_schemas_are_valid_draft_2019_09_schemas(name):
    schema = load(SCHEMAS / f"{name}.json")
    assert schema["$schema"] == "https://json-schema.org/draft/2019-09/schema#"
    jsonschema.Draft201909Validator.check_schema(schema)
    jsonschema.Draft201909Validator.check_schema(vcdm2(schema))


@pytest.mark.parametrize("name", ["achievementcredential", "profile", "endorsementcredential"])
def test_the_rename_touches_only_the_validity_dates(name):
    original = load(SCHEMAS / f"{name}.json")
    renamed = vcdm2(original)
    assert '"validFrom"' not in json.dumps(original)
    assert '"issuanceDate"' not in json.dumps(renamed)
    # Renaming back gives the published schema: nothing else changed.
    assert rename(renamed, {new: old for old, new in VCDM2_NAMES.items()}) == original


@pytest.fixture
def site(city):
    """The city's Site, on https (root URL https://ljubljana.example)."""
    site = city["site"]
    site.hostname, site.port = HOST, 443
    site.save()
    return site


@pytest.fixture
def city_issuer(site):
    return Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example/",
        email="badges@ljubljana.example",
        description="Značke, ki jih podeljuje mesto.",
        site=site,
    )


@pytest.fixture
def provider_issuer(city, site):
    page = make_provider(city, title="Mladinski center Šiška")
    return Issuer.objects.create(
        name=page.title, url=page.website, email="mc-siska@example.org", provider=page
    )


class Web:
    """Our views as the web would serve them: an https URL of the Site answered by the test
    client, as the verifier would fetch it."""

    def __init__(self, client):
        self.client = client

    def get(self, url: str, status: int = 200):
        parts = urlsplit(url)
        response = self.client.get(
            parts.path, secure=parts.scheme == "https", HTTP_HOST=parts.netloc
        )
        assert response.status_code == status, (url, response.status_code, response.content[:500])
        return response

    def text(self, url: str) -> str:
        return self.get(url).content.decode("utf-8")


@pytest.fixture
def web(client):
    return Web(client)


def did_web_url(identifier: str) -> str:
    """Where a did:web identifier's document is (did:web method, "Read"): the host (a port
    written %3A), then the path segments, or /.well-known when there are none."""
    host, *path = (unquote(part) for part in identifier.removeprefix("did:web:").split(":"))
    if path:
        return f"https://{host}/{'/'.join(path)}/did.json"
    return f"https://{host}/.well-known/did.json"


def served_documents(web: Web, credential: dict) -> dict[str, str]:
    """What the verifier may fetch for ``credential``: its issuer's DID document and its
    status list, each as our views answer at the URL the verifier will ask for."""
    urls = [
        did_web_url(credential["issuer"]["id"]),
        credential["credentialStatus"]["statusListCredential"],
    ]
    return {url: web.text(url) for url in urls}


def issued(web: Web, badge_class, email: str = EMAIL, **kwargs):
    """Award ``badge_class`` and fetch its credential in both formats from our views (which
    sign it, as a holder would receive it)."""
    instance = award(badge_class, email, **kwargs)
    document = json.loads(web.text(credentials.credential_url(instance)))
    token = web.text(credentials.jwt_url(instance)).strip()
    return instance, document, token


SHAPES = [
    "city",
    "provider",
    "expiry",
    "evidence-and-narrative",
    "alignments-and-tags",
    "endorsed",
    "revoked",
]


def issue_shape(shape: str, web: Web, city_issuer: Issuer, provider_issuer: Issuer):
    """An award of the given shape, its credential (DI JSON) and its VC-JWT."""
    if shape == "provider":
        badge = make_badge_class(provider_issuer, slug="siska-maker")
        instance, document, token = issued(web, badge)
        assert document["issuer"]["id"].startswith(f"did:web:{HOST}:")
    elif shape == "expiry":
        badge = make_badge_class(city_issuer, expiry="days", expiry_amount=30)
        instance, document, token = issued(web, badge)
        assert document["validUntil"] > document["validFrom"]
    elif shape == "evidence-and-narrative":
        badge = make_badge_class(city_issuer)
        instance, document, token = issued(
            web,
            badge,
            narrative="Izdelala je **svetilko** iz lesa.",
            evidence=[
                {"url": "https://portfolio.example/maja/lamp", "narrative": "Fotografije."},
                {"narrative": "Mentor je videl delujočo svetilko."},
            ],
        )
        assert len(document["evidence"]) == 2
        assert document["credentialSubject"]["narrative"]
    elif shape == "alignments-and-tags":
        badge = make_badge_class(city_issuer)
        badge.alignments = [
            BadgeAlignment(
                target_name="Digital content creation",
                target_url="https://skills.example/esco/digital-content-creation",
                target_framework="ESCO",
                target_code="S1.2",
            ),
            BadgeAlignment(target_name="Teamwork", target_url="https://example.org/teamwork"),
        ]
        badge.tags.add("robotika", "izdelovanje")
        badge.save_revision().publish()
        badge.refresh_from_db()
        instance, document, token = issued(web, badge)
        achievement = document["credentialSubject"]["achievement"]
        assert len(achievement["alignment"]) == 2 and len(achievement["tag"]) == 2
    elif shape == "endorsed":
        badge = make_badge_class(provider_issuer, slug="endorsed-maker")
        endorse(city_issuer, badge, "Mesto priznava to značko.")
        instance, document, token = issued(web, badge)
        assert len(document["credentialSubject"]["achievement"]["endorsement"]) == 1
    else:
        badge = make_badge_class(city_issuer)
        instance, document, token = issued(web, badge)
        if shape == "revoked":
            revoke(instance, "Podeljeno po pomoti.")
            # The holder keeps the credential; the issuer would issue the same document.
            again = credentials.credential_json(instance)
            assert again["credentialStatus"] == document["credentialStatus"]
    return instance, document, token


@pytest.mark.parametrize("shape", SHAPES)
def test_credential_validates_against_the_achievement_credential_schema(
    shape, web, city_issuer, provider_issuer
):
    instance, document, token = issue_shape(shape, web, city_issuer, provider_issuer)
    header, payload = jwt_parts(token)

    assert_schema_valid("achievementcredential", document)
    # The VC-JWT payload is the credential plus the registered claims.
    assert_schema_valid("achievementcredential", payload)
    assert_schema_valid("achievementcredential", credentials.credential_json(instance))
    assert_schema_valid("profile", document["issuer"])
    assert_schema_valid("profile", document["credentialSubject"]["achievement"]["creator"])
    for endorsement in document["credentialSubject"]["achievement"].get("endorsement", []):
        assert_schema_valid("endorsementcredential", endorsement)
        assert_schema_valid("profile", endorsement["issuer"])

    assert {"VerifiableCredential", "OpenBadgeCredential"} <= set(document["type"])
    assert document["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert header["alg"] == "EdDSA"
    assert payload["iss"] == document["issuer"]["id"] and payload["jti"] == document["id"]
    # The recipient is known by the salted hash of the email (OB 3.0 IdentityHash).
    (identity,) = document["credentialSubject"]["identifier"]
    digest = hashlib.sha256((EMAIL.lower() + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${digest}"
    assert EMAIL.lower() not in json.dumps(document).lower()


def test_issuer_profiles_validate_against_the_profile_schema(city_issuer, provider_issuer):
    for issuer in (city_issuer, provider_issuer):
        profile = credentials.profile_json(issuer)
        assert_schema_valid("profile", profile)
        assert profile["id"] == did.issuer_did(issuer)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda c: c.pop("validFrom"), "(root): 'validFrom' is a required property"),
        (lambda c: c.update(validFrom="2024-05-17T10:30:00"), "validFrom: '2024-05-17T10:30:00'"),
        (
            lambda c: c["credentialSubject"]["identifier"][0].update(email=EMAIL),
            "credentialSubject/identifier/0: Additional properties are not allowed",
        ),
        (
            lambda c: c["credentialSubject"]["achievement"].pop("criteria"),
            "credentialSubject/achievement: 'criteria' is a required property",
        ),
    ],
    ids=["no-validFrom", "date-without-zone", "identity-with-email", "no-criteria"],
)
def test_schema_check_rejects_a_broken_credential(change, where, web, city_issuer):
    # The schema check above can fail: each break of a real credential is reported.
    _, document, _ = issued(web, make_badge_class(city_issuer))
    broken = copy.deepcopy(document)
    change(broken)
    assert any(error.startswith(where) for error in schema_errors("achievementcredential", broken))


# OB 3.0 on the VC Data Model 2.0, section "JSON Web Token Proof Format" (1EdTech repository
# openbadges-specification, ob_v3p0/microsites/spec/integrity.md): the JOSE Header may hold
# alg, kid, jwk and typ only ("Additional JOSE Headers are NOT allowed"), kid or jwk is
# required, and typ, "If present, MUST be set to "JWT""; the payload is the credential with
# exp (= validUntil), iss (= issuer.id), jti (= id), nbf (= validFrom), all required but exp,
# and sub (= credentialSubject.id), listed as Required. "If you are going to use both external
# and embedded proof formats, add the embedded proofs prior to creating the JWT Payload"; "If a
# Linked Data Proof is also provided, it MUST be created before the JSON Web Token Proof Format
# is created."
JOSE_HEADERS = {"alg", "kid", "jwk", "typ"}


def _seconds(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def test_vc_jwt_claims_are_those_of_ob3(web, city_issuer):
    badge = make_badge_class(city_issuer, expiry="days", expiry_amount=10)
    _, document, token = issued(web, badge)
    header, payload = jwt_parts(token)

    assert set(header) <= JOSE_HEADERS
    assert "kid" in header or "jwk" in header
    assert "d" not in header.get("jwk", {})
    assert payload["iss"] == document["issuer"]["id"]
    assert payload["jti"] == document["id"]
    assert payload["nbf"] == _seconds(document["validFrom"])
    assert payload["exp"] == _seconds(document["validUntil"])
    # The rest of the payload is the credential.
    claims = {"iss", "jti", "nbf", "exp", "sub", "proof"}
    credential = {key: value for key, value in payload.items() if key not in claims}
    assert credential == {key: value for key, value in document.items() if key != "proof"}


def test_jose_header_typ_is_jwt_if_present(web, city_issuer):
    _, _, token = issued(web, make_badge_class(city_issuer))
    header, _ = jwt_parts(token)
    assert header.get("typ", "JWT") == "JWT", header


def test_vc_jwt_payload_carries_the_data_integrity_proof(web, city_issuer):
    _, document, token = issued(web, make_badge_class(city_issuer))
    _, payload = jwt_parts(token)
    assert payload.get("proof") == document["proof"]


def test_vc_jwt_has_no_sub_because_the_subject_is_identified_by_a_hashed_email(web, city_issuer):
    # The JWT's sub is credentialSubject.id, which our credentials leave out: the recipient is
    # an IdentityObject (a salted hash of the email), never an identifier that links awards.
    _, document, token = issued(web, make_badge_class(city_issuer))
    _, payload = jwt_parts(token)
    assert "id" not in document["credentialSubject"]
    assert "sub" not in payload
    [identity] = document["credentialSubject"]["identifier"]
    assert identity["hashed"] is True and identity["identityHash"].startswith("sha256$")


# --- 2. The W3C eddsa-rdfc-2022 vectors -------------------------------------------------------


def vector_loader(url, options=None):
    """The package's loader, plus the examples context the vectors use (from the fixtures)."""
    if url == EXAMPLES_CONTEXT:
        return {
            "contextUrl": None,
            "documentUrl": url,
            "document": load(FIXTURES / "vc-data-model" / "credentials-examples-v2.json"),
            "contentType": "application/ld+json",
        }
    return jsonld.document_loader(url, options)


def b58decode(text: str) -> bytes:
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    number = 0
    for char in text:
        number = number * 58 + alphabet.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def vector_keys() -> tuple[Ed25519PrivateKey, str]:
    pair = load(VECTORS / "keyPair.json")
    secret = b58decode(pair["privateKeyMultibase"].removeprefix("z"))
    assert secret[:2] == b"\x80\x26" and len(secret) == 34  # multicodec ed25519-priv
    return Ed25519PrivateKey.from_private_bytes(secret[2:]), pair["publicKeyMultibase"]


def test_package_loader_does_not_fetch_contexts_it_does_not_bundle():
    with pytest.raises(JsonLdError):
        jsonld.document_loader(EXAMPLES_CONTEXT)


def test_canonical_document_is_the_vector():
    canonical = jsonld.canonize(load(RDFC / "unsignedDataInt.json"), loader=vector_loader)
    assert canonical == read(RDFC / "canonDocDataInt.txt")
    assert hashlib.sha256(canonical.encode()).hexdigest() == read(RDFC / "docHashDataInt.txt")


def test_canonical_proof_options_are_the_vector():
    canonical = jsonld.canonize(load(RDFC / "proofConfigDataInt.json"), loader=vector_loader)
    assert canonical == read(RDFC / "proofCanonDataInt.txt")
    proof_hash = hashlib.sha256(canonical.encode()).hexdigest()
    assert proof_hash == read(RDFC / "proofHashDataInt.txt")
    assert proof_hash + read(RDFC / "docHashDataInt.txt") == read(RDFC / "combinedHashDataInt.txt")


def test_vector_key_is_the_multikey_of_the_vector():
    private, public_multibase = vector_keys()
    public = did.public_key_from_multikey(public_multibase)
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert raw == private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert did.multikey(private.public_key()) == public_multibase


def test_signing_with_the_vector_key_gives_the_vector_signature():
    private, _ = vector_keys()
    config = load(RDFC / "proofConfigDataInt.json")
    created = datetime.fromisoformat(config["created"].replace("Z", "+00:00"))
    signed = dataintegrity.add_proof(
        load(RDFC / "unsignedDataInt.json"),
        private,
        config["verificationMethod"],
        created=created,
        loader=vector_loader,
    )
    expected = load(RDFC / "signedDataInt.json")
    assert signed["proof"]["proofValue"] == read(RDFC / "sigBTC58DataInt.txt")
    assert b58decode(signed["proof"]["proofValue"][1:]).hex() == read(RDFC / "sigHexDataInt.txt")
    assert signed == expected


def test_verify_proof_accepts_the_signed_vector():
    _, public_multibase = vector_keys()
    public = did.public_key_from_multikey(public_multibase)
    assert dataintegrity.verify_proof(
        load(RDFC / "signedDataInt.json"), public, loader=vector_loader
    )


def _swap_last(text: str) -> str:
    return text[:-1] + ("8" if text[-1] != "8" else "9")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["credentialSubject"].update(alumniOf="The School of Examplez"),
        lambda d: d.update(validFrom="2023-01-01T00:00:01Z"),
        lambda d: d.update(issuer="https://vc.example/issuers/5679"),
        lambda d: d["proof"].update(created="2023-02-24T23:36:39Z"),
        lambda d: d["proof"].update(proofValue=_swap_last(d["proof"]["proofValue"])),
    ],
    ids=["subject", "validFrom", "issuer", "proof-created", "proof-value"],
)
def test_verify_proof_rejects_the_vector_with_one_character_changed(change):
    _, public_multibase = vector_keys()
    public = did.public_key_from_multikey(public_multibase)
    document = load(RDFC / "signedDataInt.json")
    change(document)
    assert dataintegrity.verify_proof(document, public, loader=vector_loader) is False


# --- 3. The independent verifier ---------------------------------------------------------------


@pytest.fixture(scope="module")
def verifier():
    return skip_or_fail_without_verifier()


def tamper_jwt(token: str) -> str:
    """The token with one character of its payload changed, header and signature kept."""
    header, payload, signature = token.split(".")
    middle = len(payload) // 2
    replacement = "A" if payload[middle] != "A" else "B"
    changed = payload[:middle] + replacement + payload[middle + 1 :]
    return f"{header}.{changed}.{signature}"


def tamper_document(document: dict) -> dict:
    changed = copy.deepcopy(document)
    changed["credentialSubject"]["achievement"]["name"] += "!"
    return changed


@pytest.mark.parametrize("who", ["city", "provider"])
def test_verifier_accepts_our_credentials_in_both_formats(
    verifier, who, web, city_issuer, provider_issuer
):
    issuer = city_issuer if who == "city" else provider_issuer
    badge = make_badge_class(issuer, slug=f"{who}-maker", expiry="months", expiry_amount=12)
    _, document, token = issued(web, badge, evidence=[{"url": "https://portfolio.example/1"}])
    documents = served_documents(web, document)

    for credential in (document, token):
        result = verify(credential=credential, documents=documents)
        assert_valid(result)
        assert result["issuer"] == did.issuer_did(issuer) == document["issuer"]["id"]
        assert result["id"] == document["id"]
        # The DID document was resolved and the status list (and its signature) checked.
        assert set(result["requested"]) == set(documents)
    if who == "city":
        assert did_web_url(document["issuer"]["id"]) == f"https://{HOST}/.well-known/did.json"


def test_verifier_rejects_credentials_with_one_value_changed(verifier, web, city_issuer):
    _, document, token = issued(web, make_badge_class(city_issuer))
    documents = served_documents(web, document)

    forged_jwt = verify(credential=tamper_jwt(token), documents=documents)
    assert_invalid(forged_jwt)
    assert "signature" in forged_jwt["error"].lower()

    forged_document = verify(credential=tamper_document(document), documents=documents)
    assert_invalid(forged_document)


def test_verifier_reports_revoked_credentials_as_revoked(verifier, web, city_issuer):
    badge = make_badge_class(city_issuer)
    instance, document, token = issued(web, badge)
    _, other_document, _ = issued(web, badge, "drugi@example.org")
    assert_valid(verify(credential=token, documents=served_documents(web, document)))

    revoke(instance, "Podeljeno po pomoti.")
    documents = served_documents(web, document)  # the status list as served now
    for credential in (document, token):
        assert_invalid(verify(credential=credential, documents=documents), revoked=True)
    # The other award of the same list is untouched.
    assert_valid(verify(credential=other_document, documents=documents))


def test_embedded_endorsement_proof_verifies_independently(
    verifier, web, city_issuer, provider_issuer
):
    badge = make_badge_class(provider_issuer, slug="endorsed")
    endorse(city_issuer, badge, "Mesto priznava to značko.")
    _, document, token = issued(web, badge)
    documents = served_documents(web, document)
    (endorsement,) = document["credentialSubject"]["achievement"]["endorsement"]
    assert endorsement["issuer"]["id"] == did.issuer_did(city_issuer)
    documents[did_web_url(endorsement["issuer"]["id"])] = web.text(
        did_web_url(endorsement["issuer"]["id"])
    )

    assert_valid(verify(credential=document, documents=documents))
    assert_valid(verify(credential=token, documents=documents))
    assert_valid(verify(credential=endorsement, documents=documents, proof_only=True))
    changed = copy.deepcopy(endorsement)
    changed["credentialSubject"]["endorsementComment"] += "!"
    assert_invalid(verify(credential=changed, documents=documents, proof_only=True))


def test_verifier_accepts_credentials_signed_with_a_retired_key(verifier, web, provider_issuer):
    _, document, token = issued(web, make_badge_class(provider_issuer))
    signing.generate_key(provider_issuer, algorithm="Ed25519")  # rotation
    documents = served_documents(web, document)

    for credential in (document, token):
        assert_valid(verify(credential=credential, documents=documents))


def test_verifier_rejects_a_credential_whose_issuer_document_lacks_its_key(
    verifier, web, city_issuer, provider_issuer
):
    # The provider's DID document served where the city's should be: the key is not there.
    _, document, token = issued(web, make_badge_class(city_issuer))
    made_elsewhere = make_badge_class(provider_issuer, slug="elsewhere")
    issued(web, made_elsewhere)  # the provider gets its key
    documents = served_documents(web, document)
    documents[did_web_url(document["issuer"]["id"])] = web.text(
        did_web_url(did.issuer_did(provider_issuer))
    )
    for credential in (document, token):
        assert_invalid(verify(credential=credential, documents=documents))


# --- The verifier's harness, on credentials the verifier's own library issues ---------------


@pytest.mark.validator_harness
@pytest.mark.parametrize("form", ["jwt", "json"])
def test_harness_accepts_what_the_library_issues(verifier, form):
    did_value = "did:web:issuer.example%3A8443:badges"
    made = run(
        {
            "action": "issue",
            "did": did_value,
            "status_url": "https://issuer.example:8443/status/1",
            "index": 5,
            "revoked": False,
            "valid_until": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
        }
    )
    assert set(made["documents"]) == {
        did_web_url(did_value),
        "https://issuer.example:8443/status/1",
    }
    result = verify(credential=made[form], documents=made["documents"])
    assert_valid(result)
    assert result["issuer"] == did_value
    assert result["requested"][:2] == [
        did_web_url(did_value),
        "https://issuer.example:8443/status/1",
    ]


@pytest.mark.validator_harness
@pytest.mark.parametrize("form", ["jwt", "json"])
def test_harness_reports_the_library_s_revoked_credential(verifier, form):
    made = run(
        {
            "action": "issue",
            "did": "did:web:issuer.example",
            "status_url": "https://issuer.example/status/1",
            "index": 3,
            "revoked": True,
        }
    )
    result = verify(credential=made[form], documents=made["documents"])
    assert_invalid(result, revoked=True)
    assert "index 3" in result["error"]


@pytest.mark.validator_harness
def test_harness_rejects_a_changed_value_and_fetches_nothing_else(verifier):
    made = run(
        {
            "action": "issue",
            "did": "did:web:issuer.example",
            "status_url": "https://issuer.example/status/1",
        }
    )
    assert_invalid(verify(credential=tamper_jwt(made["jwt"]), documents=made["documents"]))
    assert_invalid(verify(credential=tamper_document(made["json"]), documents=made["documents"]))
    # The proof alone, of any document.
    proof_only = {"documents": made["documents"], "proof_only": True}
    assert_valid(verify(credential=made["json"], **proof_only))
    assert_invalid(verify(credential=tamper_document(made["json"]), **proof_only))

    # A URL not handed over is not fetched from the network: the download fails.
    did_url = "https://issuer.example/.well-known/did.json"
    missing = {url: body for url, body in made["documents"].items() if url != did_url}
    for form in ("jwt", "json"):
        result = verify(credential=made[form], documents=missing)
        assert_invalid(result)
        assert "not available offline" in result["error"]
        assert did_url in result["requested"]


@pytest.mark.validator_harness
def test_harness_errors_are_not_verdicts(verifier):
    with pytest.raises(VerifierError, match="format must be"):
        run({"format": "xml", "credential": "", "documents": {}})
    with pytest.raises(VerifierError, match="unknown action"):
        run({"action": "publish"})
    with pytest.raises(TypeError):
        verify(credential=42, documents={})


def test_expired_award_is_expired_for_the_verifier_not_forged(verifier, web, city_issuer):
    badge = make_badge_class(city_issuer, expiry="days", expiry_amount=1)
    _, document, token = issued(web, badge, issued_on=timezone.now() - timedelta(days=3))
    result = verify(credential=token, documents=served_documents(web, document))
    assert_invalid(result)
    assert "expired" in result["error"].lower()
