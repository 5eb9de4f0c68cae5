"""Awarding badges and verifying them as an Open Badges 2.0 consumer would."""

import datetime
import hashlib
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.badges.conftest import make_badge_class
from wagtail_cityoflearning.badges import baking, signing
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.models import Award, OpportunityBadge

JSON = {"HTTP_ACCEPT": "application/ld+json, application/json"}


@pytest.fixture
def awarded(badge_class, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        instance = award(
            badge_class,
            " Maja.Novak@Example.org ",
            evidence=[{"url": "https://example.org/project", "narrative": "A lamp"}],
            narrative="Built a desk lamp.",
        )
    instance.refresh_from_db()
    return instance


def get_json(client, url):
    response = client.get(url, **JSON)
    assert response["Access-Control-Allow-Origin"] == "*"
    return response, json.loads(response.content)


def path_of(url):
    """The path of an absolute URL (the test client talks to the default site)."""
    return "/" + url.split("/", 3)[3]


def test_assertion_is_hosted_at_its_id_without_a_plain_email(client, awarded):
    response, data = get_json(client, f"/badges/assertions/{awarded.uuid}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert data["@context"] == "https://w3id.org/openbadges/v2"
    assert data["type"] == "Assertion"
    assert data["id"].endswith(f"/badges/assertions/{awarded.uuid}/")
    assert data["verification"] == {"type": "hosted"}
    salt = data["recipient"]["salt"]
    expected = hashlib.sha256(("maja.novak@example.org" + salt).encode()).hexdigest()
    assert data["recipient"] == {
        "type": "email", "hashed": True, "salt": salt, "identity": "sha256$" + expected,
    }  # fmt: skip
    assert "maja" not in response.content.decode().lower()
    assert data["evidence"] == [
        {"type": "Evidence", "id": "https://example.org/project", "narrative": "A lamp"}
    ]


def test_each_object_is_served_at_exactly_its_id(client, awarded):
    _, assertion = get_json(client, f"/badges/assertions/{awarded.uuid}/")
    _, badge = get_json(client, path_of(assertion["badge"]))
    assert badge["id"] == assertion["badge"] and badge["type"] == "BadgeClass"
    _, issuer = get_json(client, path_of(badge["issuer"]))
    assert issuer["id"] == badge["issuer"] and issuer["email"] == "badges@ljubljana.example.org"
    image = client.get(path_of(assertion["image"]))
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert baking.read_baked(b"".join(image.streaming_content))


def test_json_is_plain_json_for_clients_that_only_accept_it(client, awarded):
    response = client.get(f"/badges/assertions/{awarded.uuid}/", HTTP_ACCEPT="application/json")
    assert response["Content-Type"].startswith("application/json")


def test_browsers_get_a_verification_page(client, awarded):
    response = client.get(f"/badges/assertions/{awarded.uuid}/", HTTP_ACCEPT="text/html")
    html = response.content.decode()
    assert response.status_code == 200 and "<h1" in html and "Young maker" in html
    assert "maja.novak@example.org" not in html.lower()
    check = client.get(
        f"/badges/assertions/{awarded.uuid}/?email=MAJA.novak@example.org", HTTP_ACCEPT="text/html"
    )
    assert check.context["checked"] is True
    wrong = client.get(
        f"/badges/assertions/{awarded.uuid}/?email=someone@example.org", HTTP_ACCEPT="text/html"
    )
    assert wrong.context["checked"] is False


def test_revoked_assertion_answers_410(client, awarded):
    revoke(awarded, "Awarded by mistake")
    response, data = get_json(client, f"/badges/assertions/{awarded.uuid}/")
    assert response.status_code == 410
    assert data["revoked"] is True and data["revocationReason"] == "Awarded by mistake"
    assert set(data) >= {"id", "revoked", "revocationReason"}
    _, revocations = get_json(
        client, f"/badges/issuers/{awarded.badge_class.issuer.uuid}/revocations/"
    )
    assert revocations["revokedAssertions"] == [
        {"id": data["id"], "revocationReason": "Awarded by mistake"}
    ]
    assert (
        client.get(f"/badges/assertions/{awarded.uuid}/", HTTP_ACCEPT="text/html").status_code
        == 410
    )


def test_revoking_needs_a_reason(awarded):
    with pytest.raises(ValidationError):
        revoke(awarded, "  ")
    awarded.refresh_from_db()
    assert not awarded.revoked


def test_award_bakes_the_image_and_emails_the_recipient_once(awarded):
    assert awarded.baking_state == Award.State.DONE
    assert awarded.notification_state == Award.State.DONE
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Maja.Novak@Example.org"]
    assert "Young maker" in message.subject
    assert f"/badges/assertions/{awarded.uuid}/" in message.body
    assert message.attachments[0][2] == "image/png"
    from wagtail_cityoflearning.badges.tasks import process_award

    process_award.call(str(awarded.pk))  # running the task again changes nothing
    assert len(mail.outbox) == 1


def test_baking_twice_leaves_one_assertion(badge_class):
    source = badge_class.image.open("rb").read()
    once, _ = baking.bake_image(source, "https://example.org/a/1")
    twice, _ = baking.bake_image(once, "https://example.org/a/2")
    assert twice.count(b"openbadges\x00") == 1
    assert baking.read_baked(twice) == "https://example.org/a/2"


def test_svg_badges_are_baked_too(issuer, django_capture_on_commit_callbacks):
    svg_badge = make_badge_class(issuer, slug="svg-badge", image="svg")
    with django_capture_on_commit_callbacks(execute=True):
        instance = award(svg_badge, "ana@example.org")
    instance.refresh_from_db()
    data = instance.baked_image.open("rb").read()
    assert data.count(b"<openbadges:assertion") == 1
    again, _ = baking.bake_image(data, json.dumps({"id": "https://example.org/x"}))
    assert again.count(b"<openbadges:assertion") == 1


def test_signed_issuer_signs_with_rs256_and_publishes_its_keys(
    client, issuer, badge_class, django_capture_on_commit_callbacks
):
    issuer.verification = issuer.Verification.SIGNED
    issuer.save()
    old_key = signing.generate_key(issuer)
    new_key = signing.generate_key(issuer)
    with django_capture_on_commit_callbacks(execute=True):
        instance = award(badge_class, "luka@example.org")
    instance.refresh_from_db()
    header = json.loads(
        __import__("base64").urlsafe_b64decode(instance.signature.split(".")[0] + "==")
    )
    assert header["alg"] == "RS256"
    data = signing.verify(instance.signature, new_key.public_key_pem)
    assert data["verification"]["type"] == "signed"
    assert data["verification"]["creator"].endswith(f"/badges/keys/{new_key.uuid}/")
    baked = instance.baked_image.open("rb").read()
    assert baking.read_baked(baked) == instance.signature
    _, issuer_data = get_json(client, f"/badges/issuers/{issuer.uuid}/")
    assert issuer_data["publicKey"].endswith(f"/badges/keys/{new_key.uuid}/")
    _, key = get_json(client, f"/badges/keys/{old_key.uuid}/")
    assert key["publicKeyPem"] == old_key.public_key_pem and "PRIVATE" not in json.dumps(key)


def test_bad_email_saves_nothing(badge_class):
    with pytest.raises(ValidationError):
        award(badge_class, "not-an-email")
    assert not Award.objects.exists()


def test_future_issue_date_is_refused(badge_class):
    with pytest.raises(ValidationError):
        award(badge_class, "a@example.org", issued_on=timezone.now() + datetime.timedelta(days=2))
    assert not Award.objects.exists()


def test_expiry_after_months(issuer):
    badge = make_badge_class(issuer, slug="expiring", expiry="months", expiry_amount=1)
    issued = datetime.datetime(2031, 1, 31, 12, tzinfo=datetime.UTC)
    assert badge.expires_for(issued) == datetime.datetime(2031, 2, 28, 12, tzinfo=datetime.UTC)
    days = make_badge_class(issuer, slug="days", expiry="days", expiry_amount=10)
    assert days.expires_for(issued) == datetime.datetime(2031, 2, 10, 12, tzinfo=datetime.UTC)


def test_draft_badge_cannot_be_awarded(issuer):
    badge = make_badge_class(issuer, slug="draft")
    badge.unpublish()
    with pytest.raises(ValidationError):
        award(badge, "a@example.org")


def test_queue_outage_keeps_the_award_pending(
    badge_class, django_capture_on_commit_callbacks, monkeypatch
):
    from wagtail_cityoflearning.badges import tasks

    class QueueDown:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("queue down")

    monkeypatch.setattr(tasks, "process_award", QueueDown())
    with django_capture_on_commit_callbacks(execute=True):
        instance = award(badge_class, "a@example.org")
    instance.refresh_from_db()
    assert instance.baking_state == Award.State.PENDING
    assert mail.outbox == []


def test_command_line_award_prints_the_assertion_url(badge_class, tmp_path):
    import io

    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command(
        "cityoflearning_award", "--badge", "young-maker", "--email", "a@example.org", stdout=out
    )
    instance = Award.objects.get()
    assert out.getvalue().strip().endswith(f"/badges/assertions/{instance.uuid}/")
    assert instance.source == Award.Source.COMMAND_LINE
    sheet = tmp_path / "awards.csv"
    sheet.write_text(
        "email,evidence,narrative\nb@example.org,https://example.org/e,Nice\nnot-an-email,,\n"
    )
    with pytest.raises(CommandError, match="Row 2"):
        call_command(
            "cityoflearning_award", "--badge", "young-maker", "--csv", str(sheet), stdout=out
        )
    assert Award.objects.count() == 1  # the bad row stopped the whole file


def test_retry_pending_finishes_pending_awards_once(badge_class):
    import io

    from django.core.management import call_command

    instance = award(badge_class, "a@example.org")  # on_commit never runs inside the test
    assert Award.objects.get().baking_state == Award.State.PENDING
    call_command("cityoflearning_retry_pending", stdout=io.StringIO())
    call_command("cityoflearning_retry_pending", stdout=io.StringIO())
    instance.refresh_from_db()
    assert instance.baking_state == instance.notification_state == Award.State.DONE
    assert len(mail.outbox) == 1


def test_email_is_in_the_language_of_the_badge(awarded):
    from django.utils import translation

    with translation.override("sl"):
        expected = translation.gettext("You have earned a badge: %(name)s") % {
            "name": "Young maker"
        }
        city = translation.gettext("%(city)s City of Learning") % {"city": "Ljubljana"}
    assert expected != "You have earned a badge: Young maker"  # the catalogue has it
    assert mail.outbox[0].subject == f"[{city}] {expected}"


def test_documents_carry_the_types_and_issuer_email_validators_do_not_check(client, awarded):
    _, assertion = get_json(client, f"/badges/assertions/{awarded.uuid}/")
    _, badge = get_json(client, path_of(assertion["badge"]))
    _, issuer = get_json(client, path_of(badge["issuer"]))
    assert (assertion["type"], badge["type"], issuer["type"]) == (
        "Assertion",
        "BadgeClass",
        "Issuer",
    )
    assert issuer["email"] == "badges@ljubljana.example.org"
    _, revocations = get_json(client, path_of(issuer["revocationList"]))
    assert revocations["type"] == "RevocationList" and revocations["revokedAssertions"] == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("badge.png", b"GIF89a" + b"0" * 100, "neither"),
        ("badge.svg", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "neither"),
        (
            "badge.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
            "scripts",
        ),
        ("badge.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"></svg>', "scripts"),
        ("badge.png", b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024), "KB"),
    ],
)
def test_badge_images_are_checked(name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail_cityoflearning.badges.validators import validate_badge_image

    with pytest.raises(ValidationError, match=message):
        validate_badge_image(SimpleUploadedFile(name, content))


def test_opportunity_page_names_the_badge_it_awards(client, city, provider, badge_class):
    from tests.factories import make_opportunity

    page = make_opportunity(provider, [city["interests"]["arts"]])
    OpportunityBadge.objects.create(page=page, badge_class=badge_class)
    html = client.get(page.url).content.decode()
    assert f"/badges/classes/{badge_class.uuid}/" in html and "Young maker" in html
