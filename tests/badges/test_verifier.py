"""The public badge verifier: anyone brings a badge (an image, pasted JSON or a signed token, an
address), of this site or another issuer's, Open Badges 2.0 or 3.0, and gets a plain answer.

:func:`build_test_set` makes the badges both this module and the browser test check: this
site's badges in every format, each tampered, revoked, expired, other issuers' badges and
things that are not badges at all."""

import base64
import http.server
import json
import re
import threading
from dataclasses import dataclass
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from tests.badges.conftest import SVG, make_badge_class, png_bytes
from wagtail_cityoflearning.badges import baking, serializers, verifier
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.badges.ob3 import CONTEXT, dataintegrity, did, status
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
        Case("an SVG with a script", "invalid",
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
     "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1", "100.64.0.1", "240.0.0.1"],  # noqa: S104
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


def test_fetching_refuses_http_unless_debug_and_local_hosts(fetching, settings, monkeypatch):
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
    """Another issuer's site on this machine; its loopback address is let through (in
    production it never is) and http allowed (as with DEBUG)."""
    settings.DEBUG = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.stopped = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    real = fetch.address_allowed
    monkeypatch.setattr(fetch, "address_allowed", lambda a: a == "127.0.0.1" or real(a))
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


def test_with_fetching_allowed_another_issuers_credential_is_checked_with_its_did(
    other_site, city, monkeypatch
):
    base, routes = other_site
    private = Ed25519PrivateKey.generate()
    issuer_id = f"did:web:{FOREIGN}"
    document = {
        "id": issuer_id,
        "verificationMethod": [
            {"id": f"{issuer_id}#key-1", "type": "Multikey", "controller": issuer_id,
             "publicKeyMultibase": did.multikey(private.public_key())},
        ],
    }  # fmt: skip
    listing = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "credentialSubject": {"type": "BitstringStatusList", "statusPurpose": "revocation",
                              "encodedList": status.encode_list([3])},
    }  # fmt: skip
    routes["/.well-known/did.json"] = (200, {}, json.dumps(document).encode())
    routes["/status/"] = (200, {}, json.dumps(listing).encode())
    # The DID names the issuer's real host; here it is served by the stand-in.
    monkeypatch.setattr(did, "did_url", lambda identifier: f"{base}/.well-known/did.json")

    def credential(index):
        data = foreign_credential(issuer_id)
        data["credentialStatus"] = {
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": str(index), "statusListCredential": f"{base}/status/",
        }  # fmt: skip
        return dataintegrity.add_proof(data, private, f"{issuer_id}#key-1")

    [report] = verifier.verify(text=json.dumps(credential(4)))
    assert report.verdict == "valid", report.checks
    assert report.issuer_name == "Example Academy"
    assert {c.kind: c.status for c in report.checks}["revocation"] == "ok"
    [report] = verifier.verify(text=json.dumps(credential(3)))
    assert report.verdict == "revoked"
    changed = credential(4)
    changed["name"] = "Robotics master"
    [report] = verifier.verify(text=json.dumps(changed))
    assert report.verdict == "invalid"


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
