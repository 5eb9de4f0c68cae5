"""The public badge verifier: anyone brings a badge (an image, pasted JSON or a signed token, an
address), of this site or another issuer's, Open Badges 2.0 or 3.0, and gets a plain answer.

:func:`build_test_set` makes the badges both this module and the browser test check: this
site's badges in every format, each tampered, revoked, expired, other issuers' badges and
things that are not badges at all."""

import base64
import contextlib
import http.server
import json
import re
import threading
from dataclasses import dataclass
from datetime import timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from tests.badges.conftest import SVG, make_badge_class, png_bytes
from tests.factories import make_city
from wagtail_cityoflearning.badges import baking, serializers, verifier
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.endorsements import endorse
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.badges.ob3 import (
    CONTEXT,
    dataintegrity,
    did,
    issue,
    jsonld,
    status,
    vcjwt,
)
from wagtail_cityoflearning.badges.ob3.credentials import credential_url
from wagtail_cityoflearning.badges.tasks import bake_award
from wagtail_cityoflearning.badges.verifier import fetching as fetch
from wagtail_cityoflearning.badges.verifier import session

EMAIL = "maja.novak@example.org"
FOREIGN = "badges.example.net"
FORM_ERROR = "form-error"


@dataclass
class Case:
    """One badge to check and what the verifier must answer."""

    name: str
    verdict: str  # the overall verdict, or FORM_ERROR
    file: tuple[str, bytes] | None = None
    text: str = ""
    url: str = ""
    email: str = ""
    says: str = ""  # the answer shows this (English)


def give(badge_class, email=EMAIL, **kwargs):
    """An award, signed and baked as the background task does it."""
    instance = award(badge_class, email, **kwargs)
    bake_award(instance)
    instance.refresh_from_db()
    return instance


def baked(instance) -> bytes:
    with instance.baked_image.open("rb") as handle:
        return handle.read()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def tamper_token(token: str, change) -> str:
    """The token with its payload changed by ``change(payload)`` and its signature kept."""
    header, payload, signature = token.split(".")
    data = json.loads(unb64(payload))
    change(data)
    return ".".join([header, b64(json.dumps(data).encode()), signature])


def one_digit_later(text: str) -> str:
    """``text`` with the last digit of its seconds changed (same length)."""
    index = max(i for i, char in enumerate(text) if char.isdigit() and i < 19)
    return text[:index] + str((int(text[index]) + 1) % 10) + text[index + 1 :]


def hashed(email: str, salt: str) -> str:
    import hashlib

    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


def foreign_assertion() -> dict:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"https://{FOREIGN}/assertions/1",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": "pepper",
            "identity": hashed("ana@example.org", "pepper"),
        },
        "badge": {
            "type": "BadgeClass",
            "id": f"https://{FOREIGN}/badges/robotics",
            "name": "Robotics explorer",
            "issuer": {"id": f"https://{FOREIGN}/issuer", "name": "Example Academy"},
        },
        "issuedOn": "2024-03-01T10:00:00Z",
        "verification": {"type": "hosted"},
    }


def foreign_credential(issuer_id: str, *, name="Example Academy") -> dict:
    return {
        "@context": list(CONTEXT),
        "id": f"https://{FOREIGN}/credentials/7",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Robotics explorer",
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": name},
        "validFrom": "2024-03-01T10:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"https://{FOREIGN}/badges/robotics",
                "type": ["Achievement"],
                "name": "Robotics explorer",
                "description": "Built and programmed a robot.",
                "criteria": {"narrative": "Build a robot."},
            },
        },
    }


def did_key_credential() -> dict:
    """A credential of an issuer named by a ``did:key``, properly signed."""
    private = Ed25519PrivateKey.generate()
    key = did.multikey(private.public_key())
    issuer_id = f"did:key:{key}"
    return dataintegrity.add_proof(
        foreign_credential(issuer_id, name="Key-only issuer"), private, f"{issuer_id}#{key}"
    )


SCRIPTED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" '
    'width="120" height="120"><script>alert("hi")</script>'
    '<circle cx="60" cy="60" r="50" fill="#0f5b3a"/>'
    '<openbadges:assertion verify="{url}"><![CDATA[{json}]]></openbadges:assertion></svg>'
)


def build_test_set(city_issuer) -> list[Case]:
    """Badges of every kind, made here, with the verdict each must get."""
    png_badge = make_badge_class(city_issuer, slug="verify-png")
    svg_badge = make_badge_class(city_issuer, slug="verify-svg", image="svg", name="Mapmaker")
    expiring = make_badge_class(
        city_issuer, slug="verify-expiring", name="First aid", expiry="days", expiry_amount=30
    )
    signer = Issuer.objects.create(
        name="Mladinski center Moste",
        url="https://moste.example.org/",
        email="info@moste.example.org",
        verification=Issuer.Verification.SIGNED,
    )
    # In the city's language (an issuer without a Site of its own has no language).
    signed_badge = make_badge_class(city_issuer, slug="verify-signed", name="Robot builder")
    signed_badge.issuer = signer
    signed_badge.save_revision().publish()
    signed_badge.refresh_from_db()

    ours = give(png_badge, narrative="Built a desk lamp.")
    ours_svg = give(svg_badge)
    signed = give(signed_badge)
    gone = give(png_badge, "luka@example.org")
    revoke(gone, "Awarded by mistake")
    gone.refresh_from_db()
    old = give(expiring, issued_on=timezone.now() - timedelta(days=45))

    assertion = serializers.assertion_json(ours)
    png = baked(ours)
    issued = assertion["issuedOn"]
    tampered_png = png.replace(issued.encode(), one_digit_later(issued).encode(), 1)
    assert tampered_png != png

    svg = baked(ours_svg)
    tampered_svg = svg.replace(
        ours_svg.credential_jwt.encode(),
        tamper_token(ours_svg.credential_jwt, lambda p: p.update(name="Master mapmaker")).encode(),
    )
    assert tampered_svg != svg

    changed_recipient = json.loads(json.dumps(assertion))
    identity = changed_recipient["recipient"]["identity"]
    changed_recipient["recipient"]["identity"] = identity[:-1] + (
        "0" if identity[-1] != "0" else "1"
    )

    changed_credential = json.loads(json.dumps(ours.credential))
    changed_credential["credentialSubject"]["achievement"]["name"] = "Young master"

    # Signed by a key of another site's did:web (made here, as that site would).
    web_credential = dataintegrity.add_proof(
        foreign_credential(f"did:web:{FOREIGN}"),
        Ed25519PrivateKey.generate(),
        f"did:web:{FOREIGN}#key-1",
    )
    did_key_signed = did_key_credential()
    did_key_changed = json.loads(json.dumps(did_key_signed))
    did_key_changed["validFrom"] = "2020-03-01T10:00:00Z"

    big = png_bytes() + b"\0" * (verifier.MAX_INPUT_BYTES + 1)
    garbage = bytes(range(256)) * 8

    return [
        Case("our baked PNG", "valid", file=("badge.png", png), says="Young maker"),
        Case("our baked SVG", "valid", file=("badge.svg", svg), says="Mapmaker"),
        Case("our hosted assertion (2.0 JSON)", "valid", text=json.dumps(assertion)),
        Case("our signed assertion (2.0 JWS)", "valid", text=signed.signature,
             says="Mladinski center Moste"),
        Case("our credential (3.0 JSON)", "valid", text=json.dumps(ours.credential)),
        Case("our credential (3.0 VC-JWT)", "valid", text=ours.credential_jwt),
        Case("a PNG baked with our 3.0 credential only", "valid",
             file=("credential.png", baking.bake_png_credential(png_bytes(), ours.credential_jwt))),
        Case("an SVG baked with our 3.0 credential only", "valid",
             file=("credential.svg", baking.bake_svg_credential(
                 SVG.encode(), json.dumps(ours.credential)))),
        Case("the address of our assertion", "valid", url=serializers.assertion_id(ours)),
        Case("the address of our credential", "valid", url=credential_url(ours)),
        Case("the recipient's email matches", "valid", text=ours.credential_jwt,
             email="  Maja.Novak@example.org", says="Yes: this badge was awarded to that address."),
        Case("another email does not match", "valid", text=json.dumps(assertion),
             email="ana@example.org", says="No: this badge was not awarded to that address."),
        Case("tampered PNG (2.0 assertion changed)", "invalid", file=("badge.png", tampered_png),
             says="it was changed"),
        Case("tampered SVG (3.0 credential changed)", "invalid", file=("badge.svg", tampered_svg),
             says="the badge was changed after it was signed"),
        Case("tampered 2.0 JSON (recipient)", "invalid", text=json.dumps(changed_recipient),
             says="(recipient)"),
        Case("tampered 2.0 JWS", "invalid",
             text=tamper_token(signed.signature, lambda p: p.update(issuedOn="2020-01-01")),
             says="the badge was changed after it was signed"),
        Case("tampered 3.0 JSON", "invalid", text=json.dumps(changed_credential),
             says="the badge was changed after it was signed"),
        Case("tampered 3.0 VC-JWT", "invalid",
             text=tamper_token(ours.credential_jwt, lambda p: p.update(validUntil="2099-01-01")),
             says="the badge was changed after it was signed"),
        Case("revoked 2.0", "revoked", text=json.dumps(serializers.assertion_json(gone)),
             says="This badge was revoked: Awarded by mistake"),
        Case("revoked 3.0", "revoked", text=gone.credential_jwt,
             says="This badge was revoked: Awarded by mistake"),
        Case("expired 3.0", "expired", text=json.dumps(old.credential), says="It expired on"),
        Case("expired 2.0 in its image", "expired", file=("old.png", baked(old))),
        Case("another issuer's 2.0 badge", "unverifiable", text=json.dumps(foreign_assertion()),
             email="ana@example.org", says="This site does not contact other sites"),
        Case("another issuer's 3.0 badge", "unverifiable",
             text=json.dumps(web_credential), says="Example Academy"),
        Case("another issuer's address", "unverifiable", url=f"https://{FOREIGN}/assertions/1",
             says=FOREIGN),
        Case("a did:key badge: signature checked, issuer unknown", "unverifiable",
             text=json.dumps(did_key_signed), says="who holds that key cannot be confirmed"),
        Case("a tampered did:key badge", "invalid", text=json.dumps(did_key_changed),
             says="the badge was changed after it was signed"),
        Case("malformed JSON", "invalid", text='{"type": "Assertion", "badge": ',
             says="This is not valid JSON"),
        Case("garbage bytes", FORM_ERROR, file=("badge.png", garbage),
             says="Upload a PNG or SVG image; this file is neither."),
        Case("a PNG that is not a badge", "invalid", file=("photo.png", png_bytes()),
             says="No badge was found in this image"),
        Case("an oversized upload", FORM_ERROR, file=("huge.png", big),
             says="the most this page checks is"),
        # The image is never shown or run here: its script is noted, the badge still checked.
        Case("an SVG with a script", "valid",
             file=("scripted.svg", SCRIPTED_SVG.format(
                 url=serializers.assertion_id(ours), json=json.dumps(assertion)).encode()),
             says="contains a script"),
    ]  # fmt: skip


@pytest.fixture(autouse=True)
def clear_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def test_set(issuer):
    return {case.name: case for case in build_test_set(issuer)}


def verify_url() -> str:
    return reverse("wagtail_cityoflearning_badges:verify")


def post(client, case: Case):
    data = {"text": case.text, "url": case.url, "email": case.email}
    if case.file:
        data["file"] = SimpleUploadedFile(case.file[0], case.file[1])
    return client.post(verify_url(), data)


def verdict_of(html: str) -> str | None:
    marker = 'id="verify-result" data-verdict="'
    if marker not in html:
        return None
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_the_test_set_is_large_enough(test_set):
    assert len(test_set) >= 20
    assert {case.verdict for case in test_set.values()} == {
        "valid", "invalid", "revoked", "expired", "unverifiable", FORM_ERROR,
    }  # fmt: skip


def test_every_badge_of_the_test_set_gets_its_verdict(client, test_set, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"BADGES_VERIFY_MAX_PER_ADDRESS": 1000}
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the visitor chose English
    wrong = {}
    for case in test_set.values():
        response = post(client, case)
        html = response.content.decode()
        if case.verdict == FORM_ERROR:
            got = (
                FORM_ERROR
                if response.status_code == 400 and 'id="verify-errors"' in html
                else (verdict_of(html))
            )
        else:
            got = verdict_of(html) if response.status_code == 200 else response.status_code
        if got != case.verdict or (case.says and case.says not in html.replace("&#x27;", "'")):
            wrong[case.name] = (case.verdict, got, case.says)
    assert wrong == {}


def test_the_page_is_a_form_that_works_without_javascript(client, city):
    response = client.get(verify_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html and "csrfmiddlewaretoken" in html
    for name in ("file", "text", "url", "email"):
        assert f'name="{name}"' in html
    assert 'id="verify-result"' not in html
    assert "<script>" not in html.replace(" ", "")  # only script files (a CSP applies)
    assert "wagtail_cityoflearning_badges/verify.js" in html


def test_search_engines_may_find_the_form_but_not_what_a_check_showed(client, test_set):
    form = client.get(verify_url()).content.decode()
    assert 'name="robots"' not in form
    result = post(client, test_set["our credential (3.0 VC-JWT)"]).content.decode()
    assert '<meta name="robots" content="noindex">' in result


def test_the_page_speaks_the_language_of_the_site(client, test_set):
    response = post(client, test_set["our credential (3.0 VC-JWT)"])
    html = response.content.decode()
    assert '<html lang="sl"' in html
    assert "Ta značka je veljavna." in html  # "This badge is valid."


def test_a_post_needs_the_csrf_token(city, test_set):
    client = Client(enforce_csrf_checks=True)
    response = post(client, test_set["our hosted assertion (2.0 JSON)"])
    assert response.status_code == 403


def shows_message(response, msgid: str) -> bool:
    """Whether the page shows ``msgid`` in its language (placeholders match anything)."""
    with translation.override(response["Content-Language"]):
        text = escape(gettext(msgid))
    pattern = re.sub(r"%\\\(\w+\\\)s", ".+?", re.escape(text))  # an escaped %(name)s
    return re.search(pattern, response.content.decode()) is not None


def test_one_badge_at_a_time(client, city):
    response = client.post(verify_url(), {"text": "{}", "url": "https://example.org/badge"})
    assert response.status_code == 400
    assert shows_message(
        response, "Give one badge at a time: an image, a pasted text or an address."
    )
    response = client.post(verify_url(), {"email": "ana@example.org"})
    assert response.status_code == 400
    assert shows_message(
        response, "Give a badge to check: choose its image, paste it, or give its address."
    )


def test_a_bad_address_or_email_is_a_form_error(client, city):
    response = client.post(verify_url(), {"url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert shows_message(response, "Give a web address beginning with https://")
    response = client.post(verify_url(), {"url": "https://example.org/x", "email": "not an email"})
    assert response.status_code == 400


def test_checks_from_one_address_are_limited(client, city, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"BADGES_VERIFY_MAX_PER_ADDRESS": 2}
    for _attempt in range(2):
        assert client.post(verify_url(), {"text": "nothing"}).status_code == 200
    response = client.post(verify_url(), {"text": "nothing"})
    assert response.status_code == 429
    assert 'id="verify-throttled"' in response.content.decode()
    assert response["Retry-After"] == "600"  # the window the checks are counted in
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post(verify_url(), {"text": "nothing"}).status_code == 200
    # The address itself is never a key in the cache.
    assert not any("127.0.0.1" in key for key in cache._cache)


def test_each_check_names_what_was_and_was_not_checked(test_set, city):
    [report] = verifier.verify(text=test_set["another issuer's 2.0 badge"].text)
    statuses = {check.kind: check.status for check in report.checks}
    assert statuses == {
        "hosted": "not_checked", "issuer": "not_checked", "revocation": "not_checked",
        "expiry": "ok",
    }  # fmt: skip
    assert report.issuer_name == "Example Academy" and report.claimed_only
    assert report.version == "2.0" and report.verdict == "unverifiable"


def test_our_baked_image_is_checked_in_both_versions(test_set, city):
    reports = verifier.verify(data=test_set["our baked PNG"].file[1], email=EMAIL)
    assert [(r.version, r.format, r.verdict, r.recipient) for r in reports] == [
        ("3.0", "png", "valid", "match"),
        ("2.0", "png", "valid", "match"),
    ]
    assert all(r.ours and r.issuer_name == "Mesto učenja Ljubljana" for r in reports)
    assert reports[0].issuer_id == "did:web:localhost"
    kinds = {check.kind: check.status for check in reports[0].checks}
    assert kinds == {"signature": "ok", "issuer": "ok", "revocation": "ok", "expiry": "ok"}


def test_our_own_host_is_never_contacted(test_set, city, monkeypatch, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"BADGES_VERIFY_FETCH": True}

    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(fetch.Fetcher, "once", no_network)
    for name in ("the address of our assertion", "our hosted assertion (2.0 JSON)",
                 "our credential (3.0 JSON)", "revoked 3.0"):  # fmt: skip
        case = test_set[name]
        [report] = verifier.verify(text=case.text or case.url)
        assert report.verdict == case.verdict, name


def test_an_address_of_ours_that_names_no_badge(city):
    [report] = verifier.verify(
        text="http://localhost/badges/assertions/4b0f6bd2-8a53-4b4e-9a43-3a1d1e2f0c11/"
    )
    assert report.verdict == "invalid"
    assert report.check("issuer").reason == "This site has issued no badge at this address."


def test_nothing_escapes_as_an_error(city, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(session.Session, "document", broken)
    [report] = verifier.verify(text="{}")
    assert report.verdict == "invalid" and "Something went wrong" in report.problem


def test_an_upload_beyond_the_limit_is_not_kept(client, city):
    big = SimpleUploadedFile("huge.png", png_bytes() + b"\0" * (2 * verifier.MAX_INPUT_BYTES))
    response = client.post(verify_url(), {"file": big, "email": "ana@example.org"})
    html = response.content.decode()
    assert response.status_code == 400
    assert shows_message(response, "This is %(size)s KB; the most this page checks is %(max)s KB.")
    assert 'value="ana@example.org"' in html  # the other fields were still read


# -- contacting other sites -----------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "192.168.0.5", "172.16.0.1", "169.254.169.254", "::1", "fe80::1",
     "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1", "100.64.0.1", "240.0.0.1",  # noqa: S104
     "2002:7f00:1::1", "2002:5db8:d822::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"],
)  # fmt: skip
def test_private_and_reserved_addresses_are_refused(address):
    assert not fetch.address_allowed(address)


def test_public_addresses_are_allowed():
    assert fetch.address_allowed("93.184.216.34")
    assert fetch.address_allowed("2606:4700:4700::1111")


@pytest.fixture
def fetching(settings):
    settings.WAGTAIL_CITYOFLEARNING = {
        "BADGES_VERIFY_FETCH": True,
        "BADGES_VERIFY_FETCH_TIMEOUT": 2,
        "BADGES_VERIFY_FETCH_MAX_BYTES": 4096,
    }


def test_fetching_refuses_http_unless_debug_and_local_hosts(fetching, db, settings, monkeypatch):
    fetcher = fetch.Fetcher()
    with pytest.raises(fetch.FetchError, match="not a secure"):
        fetcher.get(f"http://{FOREIGN}/x", accept="application/json")
    with pytest.raises(fetch.FetchError, match="private or local"):
        fetcher.get("https://127.0.0.1/x", accept="application/json")
    monkeypatch.setattr(
        fetch.socket,
        "getaddrinfo",
        lambda host, port, **kw: [(2, 1, 6, "", ("10.0.0.8", port))],
    )
    with pytest.raises(fetch.FetchError, match="private or local"):
        fetcher.get(f"https://{FOREIGN}/x", accept="application/json")


class Handler(http.server.BaseHTTPRequestHandler):
    """A stand-in for another issuer's site: serves ``routes`` (path -> (status, headers, body))."""

    routes: dict = {}

    def do_GET(self):  # noqa: N802 (the standard library's name)
        status, headers, body = self.routes.get(self.path, (404, {}, b"{}"))
        if status == "silent":  # an issuer that never answers
            self.server.stopped.wait(30)
            return
        if status == "drip":  # each byte of its headers soon, all of them only after long
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            head += b"Content-Length: %d\r\n\r\n" % len(body)
            for byte in head:
                if self.server.stopped.wait(0.1):
                    return
                try:
                    self.wfile.write(bytes([byte]))
                except OSError:
                    return
            with contextlib.suppress(OSError):
                self.wfile.write(body)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def other_site(fetching, settings, monkeypatch):
    """Another issuer's site on this machine; its loopback address and port are let through
    (in production they never are) and http allowed (as with DEBUG)."""
    settings.DEBUG = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.stopped = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    real = fetch.address_allowed
    monkeypatch.setattr(fetch, "address_allowed", lambda a: a == "127.0.0.1" or real(a))
    port, real_port = server.server_address[1], fetch.port_allowed
    monkeypatch.setattr(fetch, "port_allowed", lambda s, p: p == port or real_port(s, p))
    Handler.routes = {}
    yield f"http://127.0.0.1:{server.server_address[1]}", Handler.routes
    server.stopped.set()
    server.shutdown()
    server.server_close()


def hosted_foreign(base: str) -> tuple[dict, dict]:
    assertion = foreign_assertion()
    assertion["id"] = f"{base}/assertions/1"
    assertion["badge"] = f"{base}/badges/robotics"
    badge = {"type": "BadgeClass", "id": assertion["badge"], "name": "Robotics explorer",
             "issuer": f"{base}/issuer"}  # fmt: skip
    issuer = {"type": "Issuer", "id": f"{base}/issuer", "name": "Example Academy"}
    routes = {
        "/assertions/1": (200, {"Content-Type": "application/ld+json"}, json.dumps(assertion)),
        "/badges/robotics": (200, {"Content-Type": "application/json"}, json.dumps(badge)),
        "/issuer": (200, {"Content-Type": "application/json"}, json.dumps(issuer)),
    }
    return assertion, {path: (s, h, b.encode()) for path, (s, h, b) in routes.items()}


def test_with_fetching_allowed_another_issuers_hosted_badge_is_checked(other_site, city):
    base, routes = other_site
    assertion, served = hosted_foreign(base)
    routes.update(served)
    [report] = verifier.verify(text=json.dumps(assertion), email="ana@example.org")
    assert report.verdict == "valid", report.checks
    assert report.issuer_name == "Example Academy" and report.recipient == "match"

    changed = dict(assertion, issuedOn="2024-03-02T10:00:00Z")
    [report] = verifier.verify(text=json.dumps(changed))
    assert report.verdict == "invalid"

    routes["/assertions/1"] = (410, {"Content-Type": "application/json"},
                               b'{"revoked": true, "revocationReason": "Cheated"}')  # fmt: skip
    [report] = verifier.verify(text=json.dumps(assertion))
    assert report.verdict == "revoked" and report.revocation_reason == "Cheated"


def test_a_redirect_to_a_private_address_is_refused(other_site, city):
    base, routes = other_site
    assertion, served = hosted_foreign(base)
    routes.update(served)
    routes["/assertions/1"] = (302, {"Location": "http://10.0.0.1/assertions/1"}, b"")
    [report] = verifier.verify(text=json.dumps(assertion))
    assert report.verdict == "unverifiable"
    assert "private or local" in report.check("hosted").reason


def test_an_answer_beyond_the_size_limit_is_not_read(other_site, city):
    base, routes = other_site
    assertion, served = hosted_foreign(base)
    routes.update(served)
    routes["/assertions/1"] = (200, {"Content-Type": "application/json"}, b" " * 10_000)
    [report] = verifier.verify(text=json.dumps(assertion))
    assert report.verdict == "unverifiable"
    assert "4 KB" in report.check("hosted").reason


def test_an_issuer_that_does_not_answer_gives_an_answer(other_site, city):
    base, routes = other_site
    assertion, served = hosted_foreign(base)
    routes.update(served)
    routes["/assertions/1"] = ("silent", {}, b"")
    [report] = verifier.verify(text=json.dumps(assertion))
    assert report.verdict == "unverifiable"
    assert report.check("hosted").reason == "127.0.0.1 did not answer in time."


def test_an_issuer_that_cannot_be_reached_gives_an_answer(fetching, city, monkeypatch):
    def unreachable(host, port, **kwargs):
        raise OSError("no route")

    monkeypatch.setattr(fetch.socket, "getaddrinfo", unreachable)
    [report] = verifier.verify(text=json.dumps(foreign_assertion()))
    assert report.verdict == "unverifiable"
    assert report.check("hosted").reason == f"{FOREIGN} could not be found."


@dataclass
class WebIssuer:
    """Another issuer named by a did:web, whose site is the stand-in."""

    base: str
    routes: dict
    private: Ed25519PrivateKey
    id: str = f"did:web:{FOREIGN}"

    @property
    def method(self) -> str:
        return f"{self.id}#key-1"

    def did_document(self, **changes) -> dict:
        document = {
            "@context": list(did.DID_CONTEXT),
            "id": self.id,
            "verificationMethod": [
                {"id": self.method, "type": "Multikey", "controller": self.id,
                 "publicKeyMultibase": did.multikey(self.private.public_key())},
            ],
            "assertionMethod": [self.method],
        }  # fmt: skip
        document.update(changes)
        return document

    def serve(self, path: str, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.routes[path] = (200, {"Content-Type": content_type}, data)

    def status_list(self, indexes, purpose="revocation") -> dict:
        return {
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": f"{self.base}/status/",
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": self.id,
            "credentialSubject": {"id": f"{self.base}/status/#list", "type": "BitstringStatusList",
                                  "statusPurpose": purpose,
                                  "encodedList": status.encode_list(indexes)},
        }  # fmt: skip

    def signed_list(self, indexes, purpose="revocation", private=None) -> bytes:
        token = vcjwt.encode(self.status_list(indexes, purpose), private or self.private,
                             self.method)  # fmt: skip
        return token.encode()

    def credential(self, index=None, purpose="revocation", **changes) -> dict:
        data = foreign_credential(self.id)
        if index is not None:
            data["credentialStatus"] = {
                "id": f"{self.base}/status/#{index}",
                "type": "BitstringStatusListEntry", "statusPurpose": purpose,
                "statusListIndex": str(index), "statusListCredential": f"{self.base}/status/",
            }  # fmt: skip
        data.update(changes)
        return dataintegrity.add_proof(data, self.private, self.method)


@pytest.fixture
def web_issuer(other_site, monkeypatch):
    base, routes = other_site
    issuer = WebIssuer(base, routes, Ed25519PrivateKey.generate())
    issuer.serve("/.well-known/did.json", issuer.did_document())
    # The DID names the issuer's real host; here it is served by the stand-in.
    monkeypatch.setattr(did, "did_url", lambda identifier: f"{base}/.well-known/did.json")
    return issuer


@pytest.mark.parametrize("signed_as", ["VC-JWT", "Data Integrity"])
def test_with_fetching_allowed_another_issuers_credential_is_checked_with_its_did(
    web_issuer, city, signed_as
):
    if signed_as == "VC-JWT":
        web_issuer.serve("/status/", web_issuer.signed_list([3]), "application/vc+jwt")
    else:
        listing = dataintegrity.add_proof(
            web_issuer.status_list([3]), web_issuer.private, web_issuer.method
        )
        web_issuer.serve("/status/", listing, "application/vc+ld+json")
    [report] = verifier.verify(text=json.dumps(web_issuer.credential(4)))
    assert report.verdict == "valid", report.checks
    assert report.issuer_name == "Example Academy"
    assert {c.kind: c.status for c in report.checks}["revocation"] == "ok"
    [report] = verifier.verify(text=json.dumps(web_issuer.credential(3)))
    assert report.verdict == "revoked"
    changed = web_issuer.credential(4)
    changed["name"] = "Robotics master"
    [report] = verifier.verify(text=json.dumps(changed))
    assert report.verdict == "invalid"


def test_a_status_list_that_is_not_signed_by_the_issuer_is_not_relied_on(web_issuer, city):
    # Unsigned: neither "not revoked" nor "revoked" can be relied on.
    web_issuer.serve("/status/", web_issuer.status_list([3]))
    for index in (3, 4):
        [report] = verifier.verify(text=json.dumps(web_issuer.credential(index)))
        assert report.verdict == "unverifiable", report.checks
        assert report.check("revocation").status == "not_checked"
        assert "not signed" in report.check("revocation").reason
    # Signed, but with a key that is not the issuer's.
    web_issuer.serve(
        "/status/",
        web_issuer.signed_list([], private=Ed25519PrivateKey.generate()),
        "application/vc+jwt",
    )
    [report] = verifier.verify(text=json.dumps(web_issuer.credential(3)))
    assert report.verdict == "unverifiable"
    assert report.check("revocation").status == "not_checked"


def test_a_suspended_credential_is_said_to_be_suspended(web_issuer, city, client, settings):
    web_issuer.serve("/status/", web_issuer.signed_list([5], "suspension"), "application/vc+jwt")
    [report] = verifier.verify(text=json.dumps(web_issuer.credential(5, "suspension")))
    assert report.verdict == "suspended"
    assert report.check("revocation").reason == "The issuer's status list says it is suspended."
    [report] = verifier.verify(text=json.dumps(web_issuer.credential(6, "suspension")))
    assert report.verdict == "valid"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        verify_url(), {"text": json.dumps(web_issuer.credential(5, "suspension"))}
    )
    assert verdict_of(response.content.decode()) == "suspended"
    assert "This badge is suspended." in response.content.decode()


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({"id": "did:web:elsewhere.example"}, id="the document of another DID"),
        pytest.param({"assertionMethod": []}, id="the key not listed for assertions"),
    ],
)
def test_a_key_is_taken_only_from_the_dids_own_document_for_assertions(web_issuer, city, document):
    web_issuer.serve("/.well-known/did.json", web_issuer.did_document(**document))
    [report] = verifier.verify(text=json.dumps(web_issuer.credential()))
    assert report.verdict == "unverifiable"
    assert report.check("signature").status == "not_checked"


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(("did", b"<!doctype html><p>Not here</p>", "text/html"),
                     id="did.json is HTML"),
        pytest.param(("did", b"[" * 100_000 + b"]" * 100_000, "application/json"),
                     id="did.json nested beyond reason"),
        pytest.param(("list", b"[1, 2, 3]", "application/json"),
                     id="a status list that is an array"),
        pytest.param(("list", b"eyJhbGciOiJFZERTQSJ9.NQ.c2ln", "application/vc+jwt"),
                     id="a status list JWT whose payload is 5"),
        pytest.param(("list", ("eyJhbGciOiJFZERTQSJ9."
                               + b64(b"[" * 100_000 + b"]" * 100_000) + ".c2ln").encode(),
                      "application/vc+jwt"), id="a status list JWT nested beyond reason"),
    ],
)  # fmt: skip
def test_an_unreadable_answer_of_another_site_gives_a_reason(web_issuer, city, settings, answer):
    settings.WAGTAIL_CITYOFLEARNING = {
        **settings.WAGTAIL_CITYOFLEARNING, "BADGES_VERIFY_FETCH_MAX_BYTES": 512 * 1024
    }  # fmt: skip
    which, body, content_type = answer
    web_issuer.serve("/.well-known/did.json" if which == "did" else "/status/", body, content_type)
    [report] = verifier.verify(text=json.dumps(web_issuer.credential(4)))
    assert not report.problem
    assert report.verdict == "unverifiable", report.checks
    check = report.check("signature" if which == "did" else "revocation")
    assert check.status == "not_checked" and "cannot be read" in check.reason


def test_a_signed_assertion_is_checked_against_the_issuer_profile_at_its_address(
    other_site, city, issuer
):
    """A forger's key document may name any owner, and an assertion may embed any profile:
    the issuer's own profile must list the key."""
    base, routes = other_site
    secret = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = (
        secret.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    ours = serializers.issuer_id(issuer)

    def signed(issuer_id, *, profile_keys):
        assertion = foreign_assertion()
        assertion.update(
            id=f"{base}/assertions/9", verification={"type": "signed", "creator": f"{base}/key"}
        )
        assertion["badge"]["issuer"] = {
            "id": issuer_id,
            "type": "Profile",
            "name": "Mesto učenja Ljubljana",
        }
        routes.clear()
        for path, document in {
            "/key": {
                "id": f"{base}/key",
                "type": "CryptographicKey",
                "owner": issuer_id,
                "publicKeyPem": pem,
            },
            "/issuer": {
                "id": f"{base}/issuer",
                "type": "Profile",
                "name": "Example Academy",
                "publicKey": profile_keys,
            },
        }.items():
            routes[path] = (
                200,
                {"Content-Type": "application/json"},
                json.dumps(document).encode(),
            )
        return jwt.api_jws.encode(json.dumps(assertion).encode(), secret, algorithm="RS256")

    # fmt: skip

    [report] = verifier.verify(text=signed(ours, profile_keys=[]))
    assert report.verdict == "invalid", report.checks
    assert report.check("issuer").status == "failed"
    [report] = verifier.verify(text=signed(f"{base}/issuer", profile_keys=[]))
    assert report.verdict == "invalid", report.checks
    assert (
        report.check("issuer").reason == "The key that signed it is not one its issuer publishes."
    )
    [report] = verifier.verify(text=signed(f"{base}/issuer", profile_keys=f"{base}/key"))
    assert report.verdict == "valid", report.checks
    assert report.issuer_name == "Example Academy"


def test_a_whole_request_has_one_deadline(other_site, city):
    """Each part of the answer comes soon, the whole of it too late (and empty): it is not
    waited for beyond the deadline."""
    base, routes = other_site
    assertion, served = hosted_foreign(base)
    routes.update(served)
    routes["/assertions/1"] = ("drip", {}, b"")
    [report] = verifier.verify(text=json.dumps(assertion))
    assert report.verdict == "unverifiable"
    assert report.check("hosted").reason == "127.0.0.1 did not answer in time."


def test_a_name_lookup_that_hangs_holds_up_no_other(fetching, db, settings, monkeypatch):
    settings.WAGTAIL_CITYOFLEARNING = {"BADGES_VERIFY_FETCH": True,
                                       "BADGES_VERIFY_FETCH_TIMEOUT": 0.2}  # fmt: skip
    release = threading.Event()

    def getaddrinfo(host, port, **kwargs):
        if host == "slow.example":
            release.wait(30)
            raise OSError("no answer")
        return [(2, 1, 6, "", ("10.0.0.8", port))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", getaddrinfo)
    try:
        for _attempt in range(6):
            with pytest.raises(fetch.FetchError, match="did not answer in time"):
                fetch.Fetcher().get("https://slow.example/x", accept="application/json")
        # Found at once (and refused for its address), not left waiting behind the others.
        with pytest.raises(fetch.FetchError, match="private or local"):
            fetch.Fetcher().get("https://fast.example/x", accept="application/json")
    finally:
        release.set()


def test_only_the_standard_ports_are_contacted(fetching, db, monkeypatch):
    def no_lookup(*args, **kwargs):
        raise AssertionError("the name was looked up")

    monkeypatch.setattr(fetch.socket, "getaddrinfo", no_lookup)
    for url in (f"https://{FOREIGN}:8443/x", f"https://{FOREIGN}:80/x", f"https://{FOREIGN}:22/x"):
        with pytest.raises(fetch.FetchError, match="port"):
            fetch.Fetcher().get(url, accept="application/json")


def test_this_sites_host_is_never_contacted_however_it_is_written(fetching, city, monkeypatch):
    contacted = []

    def once(self, url, accept):
        contacted.append(url)
        raise fetch.FetchError("not here")

    with pytest.raises(fetch.FetchError, match="is this site"):
        fetch.Fetcher().get("https://LOCALHOST./x", accept="application/json")
    monkeypatch.setattr(fetch.Fetcher, "once", once)
    private = Ed25519PrivateKey.generate()
    for identifier in ("did:web:localhost%3a443", "did:web:LocalHost.", "did:web:local%68ost"):
        credential = dataintegrity.add_proof(
            foreign_credential(identifier), private, f"{identifier}#key-1"
        )
        [report] = verifier.verify(text=json.dumps(credential))
        assert report.ours and report.verdict == "invalid", identifier
    assert contacted == []


def test_an_address_on_another_citys_host_names_none_of_its_badges(test_set, city):
    """Each document answers only on its issuer's Site: Cagliari's host does not serve
    Ljubljana's badges."""
    make_city(hostname="cagliari.localhost", language="it", is_default=False, name="Cagliari")
    for name in ("the address of our assertion", "the address of our credential"):
        url = test_set[name].url
        [report] = verifier.verify(text=url.replace("//localhost/", "//cagliari.localhost/"))
        assert report.verdict == "invalid", name
        assert report.check("issuer").reason == "This site has issued no badge at this address."
        [report] = verifier.verify(text=url)
        assert report.verdict == "valid", name


def test_a_credential_without_a_proof_is_not_valid(city):
    [report] = verifier.verify(text=json.dumps(foreign_credential(f"did:web:{FOREIGN}")))
    assert report.verdict == "invalid"
    assert report.check("signature").reason == "It carries no proof (signature) at all."


def test_a_credential_too_complex_to_canonicalise_is_not_checked(city):
    credential = did_key_credential()
    credential["evidence"] = [{"type": ["Evidence"], "narrative": f"Step {n}"} for n in range(400)]
    [report] = verifier.verify(text=json.dumps(credential))
    assert report.verdict == "unverifiable"
    assert report.check("signature").reason == "It is too complex to check its signature here."


def test_json_nested_beyond_reason_is_refused_plainly(city):
    [report] = verifier.verify(text="[" * 100_000 + "]" * 100_000)
    assert report.verdict == "invalid" and report.problem.startswith("This is not valid JSON")


# -- reading what the proof signs -----------------------------------------------------------

XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def expired_did_key_credential() -> dict:
    private = Ed25519PrivateKey.generate()
    key = did.multikey(private.public_key())
    issuer_id = f"did:key:{key}"
    data = foreign_credential(issuer_id, name="Key-only issuer")
    data["validUntil"] = "2025-03-01T10:00:00Z"
    return dataintegrity.add_proof(data, private, f"{issuer_id}#{key}")


def expiry_under_its_iri(credential):
    credential["https://www.w3.org/2018/credentials#validUntil"] = {
        "@value": credential.pop("validUntil"), "@type": XSD_DATETIME,
    }  # fmt: skip


def a_term_of_its_own(credential):
    credential["@context"] = [*credential["@context"], {"shownName": "https://schema.org/name"}]
    achievement = credential["credentialSubject"]["achievement"]
    achievement["shownName"] = achievement.pop("name")


def a_blank_node_named(credential):
    credential["credentialSubject"]["id"] = "_:subject"


def a_subject_rdf_drops(credential):
    credential["credentialSubject"] = [
        {"id": "not an address", "achievement": {"name": "Master of robots"}},
        credential["credentialSubject"],
    ]


def unsecured(credential) -> dict:
    return {key: value for key, value in credential.items() if key != "proof"}


@pytest.mark.parametrize(
    "rewrite", [expiry_under_its_iri, a_term_of_its_own, a_blank_node_named, a_subject_rdf_drops]
)
def test_a_credential_written_to_read_otherwise_than_it_was_signed_is_refused(city, rewrite):
    genuine = expired_did_key_credential()
    hostile = json.loads(json.dumps(genuine))
    rewrite(hostile)
    # The proof still holds: the RDF it signs is the same.
    assert jsonld.canonize(unsecured(hostile)) == jsonld.canonize(unsecured(genuine))
    [report] = verifier.verify(text=json.dumps(hostile))
    assert report.verdict == "invalid"
    signature = report.check("signature")
    assert signature.status == "failed"
    assert "written in a form this page does not accept" in signature.reason
    [report] = verifier.verify(text=json.dumps(genuine))
    assert report.verdict == "expired", report.checks


def test_a_date_given_as_a_list_of_one_is_read(city):
    credential = expired_did_key_credential()
    # The same RDF: still signed, and still expired.
    credential["validUntil"] = [credential["validUntil"]]
    [report] = verifier.verify(text=json.dumps(credential))
    assert report.check("signature").status == "ok"
    assert report.verdict == "expired" and report.check("expiry").status == "failed"


def test_our_credential_must_be_the_copy_we_keep(badge_class):
    ours = give(badge_class)
    before, before_jwt = ours.credential, ours.credential_jwt
    # A correction signs it again: the copy kept is the new one.
    ours.narrative = "Built a desk lamp and a radio."
    issue.sign_award(ours)
    ours.save(update_fields=["narrative", "credential", "credential_jwt"])
    for text in (json.dumps(before), before_jwt):
        [report] = verifier.verify(text=text)
        assert report.verdict == "invalid", report.checks
        assert report.check("hosted").reason == (
            "It differs from the copy of this badge the issuer keeps, so it cannot be confirmed."
        )
    for text in (json.dumps(ours.credential), ours.credential_jwt):
        [report] = verifier.verify(text=text)
        assert report.verdict == "valid", report.checks


def test_a_large_badge_of_ours_is_valid(badge_class):
    instance = award(badge_class, EMAIL, evidence=[{"narrative": f"Step {n}"} for n in range(400)])
    bake_award(instance)
    instance.refresh_from_db()
    [report] = verifier.verify(text=json.dumps(instance.credential))
    assert report.verdict == "valid", report.checks


def test_a_credential_too_complex_for_the_canonicalisation_is_not_checked(city, monkeypatch):
    def too_much(*args, **kwargs):
        raise jsonld.TooComplex("too many blank nodes that look alike")

    credential = did_key_credential()
    monkeypatch.setattr(dataintegrity, "canonize", too_much)
    [report] = verifier.verify(text=json.dumps(credential))
    assert report.check("signature").status == "not_checked"
    assert report.check("signature").reason == "It is too complex to check its signature here."
    assert report.verdict == "unverifiable"


def test_a_signature_this_site_cannot_check_is_not_checked(city):
    credential = did_key_credential()
    credential["proof"]["type"] = "Ed25519Signature2020"
    del credential["proof"]["cryptosuite"]
    other = did_key_credential()
    other["proof"]["cryptosuite"] = "ecdsa-rdfc-2019"
    secret = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    method = did_key_credential()["proof"]["verificationMethod"]
    rs256 = jwt.encode({"vc": foreign_credential(method.split("#")[0])}, secret,
                       algorithm="RS256", headers={"kid": method})  # fmt: skip
    for text in (json.dumps(credential), json.dumps(other), rs256):
        [report] = verifier.verify(text=text)
        assert report.verdict == "unverifiable", report.checks
        assert report.check("signature").status == "not_checked"
        assert "a kind of signature this site cannot check" in report.check("signature").reason


def test_the_dates_of_a_vc_jwt_are_read_when_the_credential_gives_none(city):
    private = Ed25519PrivateKey.generate()
    key = did.multikey(private.public_key())
    issuer_id = f"did:key:{key}"
    credential = foreign_credential(issuer_id)
    del credential["validFrom"]
    payload = {"vc": credential, "iss": issuer_id, "nbf": 1709287200, "exp": 1740823200}
    token = jwt.encode(payload, private, algorithm="EdDSA", headers={"kid": f"{issuer_id}#{key}"})
    [report] = verifier.verify(text=token)
    assert report.check("signature").status == "ok"
    assert report.issued_on.year == 2024 and report.expires.year == 2025
    assert report.verdict == "expired"


def test_a_token_whose_payload_is_not_an_object_is_read_plainly(city):
    token = ".".join([b64(b'{"alg":"RS256"}'), b64(b"5"), b64(b"signature")])
    [report] = verifier.verify(text=token)
    assert report.verdict == "invalid" and not report.problem
    assert report.check("signature").status == "failed"


@pytest.mark.parametrize(
    "document",
    [
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential",
         "validFrom": "0001-01-01T00:00:00+14:00"},
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiableCredential",
         "validFrom": "2024-01-01T00:00:00Z", "validUntil": "9999-12-31T23:59:59-12:00"},
        dict(foreign_assertion(), issuedOn="0001-01-01T00:00:00+14:00"),
        dict(foreign_assertion(), issuedOn=253402300799),
    ],
)  # fmt: skip
def test_dates_beyond_reason_are_said_to_be_unreadable(client, city, settings, document):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(verify_url(), {"text": json.dumps(document)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "(the date given could not be read)" in html
    assert verdict_of(html) in ("invalid", "unverifiable")


def test_an_svg_with_markup_in_it_is_still_checked(test_set, city):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" '
        'width="120" height="120"><foreignObject width="120" height="40">'
        '<div xmlns="http://www.w3.org/1999/xhtml">Young maker</div></foreignObject>'
        '<openbadges:assertion verify="{url}"><![CDATA[{json}]]></openbadges:assertion></svg>'
    )
    assertion = json.loads(test_set["our hosted assertion (2.0 JSON)"].text)
    data = svg.format(url=assertion["id"], json=json.dumps(assertion)).encode()
    [report] = verifier.verify(data=data)
    assert report.verdict == "valid" and report.check("image") is None
    scripted = test_set["an SVG with a script"].file[1]
    [report] = verifier.verify(data=scripted)
    assert report.verdict == "valid"
    assert report.check("image").status == "not_checked"


def test_the_page_leads_a_screen_reader_to_what_it_must_read(client, test_set, settings):
    response = client.post(verify_url(), {"text": "{}", "url": "https://example.org/badge"})
    assert response.status_code == 400
    assert re.search(r'<div [^>]*id="verify-errors"[^>]*tabindex="-1"', response.content.decode())
    response = post(client, test_set["our baked PNG"])
    html = response.content.decode()
    assert 'id="verify-result-heading"' in html
    assert 'role="status"' not in html  # the focused heading announces the verdict, once


def test_our_endorsed_badge_is_valid_with_the_endorsement_it_carries(issuer):
    """An endorsement is a credential inside ours, naming its contexts again: still plain."""
    provider = Issuer.objects.create(
        name="Mladinski center Moste", url="https://moste.example.org/",
        email="info@moste.example.org",
    )  # fmt: skip
    badge = make_badge_class(issuer, slug="verify-endorsed", name="Robot builder")
    badge.issuer = provider
    badge.save_revision().publish()
    badge.refresh_from_db()
    endorse(issuer, badge, "Recognised by the city.")
    instance = give(badge)
    assert instance.credential["credentialSubject"]["achievement"]["endorsement"]
    for text in (json.dumps(instance.credential), instance.credential_jwt):
        [report] = verifier.verify(text=text)
        assert report.verdict == "valid", report.checks
