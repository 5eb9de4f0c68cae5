"""Awarding in bulk (``award_many``): batches saved together and finished by one task each,
with the guarantees of one award: nobody awarded twice, one image and one email per award,
nothing lost when the queue is down, and badges that verify exactly as those awarded one by
one."""

import datetime
import io
import json
from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.badges.conftest import SVG, make_badge_class, png_bytes
from tests.learners.conftest import make_learner
from wagtail_cityoflearning.badges import baking, bulk, serializers, signing, tasks, verifier
from wagtail_cityoflearning.badges.awarding import (
    InvalidRecipient,
    Recipient,
    award,
    award_many,
    revoke,
)
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.badges.ob3 import credentials, jsonld
from wagtail_cityoflearning.badges.ob3.batch import CredentialSigner

EVIDENCE = [{"url": "https://example.org/lamp", "narrative": "A desk lamp"}]


class CountingBackend(EmailBackend):
    """The test outbox, counting the connections opened and the messages each carried."""

    opened = 0
    per_connection = []

    def open(self):
        type(self).opened += 1
        type(self).per_connection.append(0)
        return True

    def send_messages(self, messages):
        type(self).per_connection[-1] += len(messages)
        return super().send_messages(messages)


@pytest.fixture
def counting_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.CountingBackend"
    CountingBackend.opened = 0
    CountingBackend.per_connection = []
    return CountingBackend


def emails(count, prefix="learner"):
    return [f"{prefix}{number:02}@example.org" for number in range(1, count + 1)]


def bulk_award(badge_class, recipients, capture, **kwargs):
    with capture(execute=True):
        return award_many(badge_class, recipients, **kwargs)


def recipients_of_outbox():
    return Counter(to for message in mail.outbox for to in message.to)


# -- idempotent, one image and one email each ----------------------------------------------------


def test_each_recipient_gets_one_award_one_image_and_one_email(
    badge_class, django_capture_on_commit_callbacks, media_root
):
    addresses = emails(12)

    done = bulk_award(badge_class, addresses, django_capture_on_commit_callbacks, batch_size=5)

    assert sorted(a.recipient_email for a in done.awarded) == addresses and done.held == []
    awards = Award.objects.filter(badge_class=badge_class)
    assert awards.count() == 12
    assert {(a.baking_state, a.notification_state) for a in awards} == {("done", "done")}
    assert recipients_of_outbox() == Counter(addresses)
    images = sorted(p.name for p in (media_root / "badges" / "assertions").iterdir())
    assert images == sorted(f"{a.uuid}.png" for a in awards)
    for message in mail.outbox:
        [(name, content, mime)] = message.attachments
        holder = awards.get(recipient_email=message.to[0])
        assert name == f"{holder.uuid}.png" and mime == "image/png"
        assert content == holder.baked_image.open("rb").read()
        assert f"/badges/assertions/{holder.uuid}/" in message.body
    indexes = sorted(a.status_index for a in awards)
    assert indexes == list(range(indexes[0], indexes[0] + 12)), "each its own status bit"


def test_awarding_the_same_list_again_awards_and_emails_nobody(
    badge_class, django_capture_on_commit_callbacks
):
    addresses = emails(6)
    first = bulk_award(badge_class, addresses, django_capture_on_commit_callbacks, batch_size=4)

    again = bulk_award(
        badge_class,
        [address.upper() for address in addresses] + ["new@example.org"],
        django_capture_on_commit_callbacks,
        batch_size=4,
    )

    assert [a.recipient_email for a in again.awarded] == ["new@example.org"]
    assert {held.pk for _recipient, held in again.held} == {a.pk for a in first.awarded}
    assert Award.objects.count() == 7
    assert recipients_of_outbox() == Counter(addresses + ["new@example.org"])


def test_an_address_twice_in_the_list_is_awarded_once(
    badge_class, django_capture_on_commit_callbacks
):
    done = bulk_award(
        badge_class,
        ["maja@example.org", "luka@example.org", "Maja@Example.org"],
        django_capture_on_commit_callbacks,
        batch_size=2,
    )
    assert sorted(a.recipient_email for a in done.awarded) == [
        "luka@example.org",
        "maja@example.org",
    ]
    assert [recipient.email for recipient, _held in done.held] == ["Maja@Example.org"]
    assert len(mail.outbox) == 2


def test_another_address_of_the_same_learner_holds_the_badge(
    badge_class, city, django_capture_on_commit_callbacks
):
    maja = make_learner(site=city["site"])
    EmailAddress.objects.create(user=maja, email="maja.school@example.org", verified=True)
    award(badge_class, "maja.school@example.org")
    revoked = award(badge_class, "luka@example.org")
    revoke(revoked, "Mistake")

    done = bulk_award(
        badge_class,
        [maja.email, "luka@example.org", Recipient("maja.school@example.org", again=True)],
        django_capture_on_commit_callbacks,
    )

    assert [recipient.email for recipient, _held in done.held] == [maja.email]
    assert sorted(a.recipient_email for a in done.awarded) == [
        "luka@example.org",  # a revoked badge is not held
        "maja.school@example.org",  # ticked to be awarded again
    ]


def test_a_bad_recipient_saves_nothing_and_names_its_row(badge_class):
    with pytest.raises(InvalidRecipient) as error:
        award_many(
            badge_class,
            [
                "maja@example.org",
                Recipient("luka@example.org", evidence=[{"url": "not a link"}]),
            ],
        )
    assert error.value.number == 2 and error.value.email == "luka@example.org"
    assert not Award.objects.exists()


def test_a_retried_batch_sends_no_second_email(
    badge_class, django_capture_on_commit_callbacks, counting_mail, monkeypatch
):
    addresses = emails(5)
    real_send = CountingBackend.send_messages

    def fail_on_the_fourth(self, messages):
        if messages[0].to == [addresses[3]]:
            raise ConnectionError("the mail server went away")
        return real_send(self, messages)

    monkeypatch.setattr(CountingBackend, "send_messages", fail_on_the_fourth)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        done = award_many(badge_class, addresses)
    ids = [str(a.pk) for a in done.awarded]
    assert len(callbacks) == 1, "one task for the batch"
    with pytest.raises(ConnectionError):
        tasks.process_awards.call(ids)
    states = dict(Award.objects.values_list("recipient_email", "notification_state"))
    assert [states[a] for a in addresses] == ["done", "done", "done", "pending", "pending"]
    assert recipients_of_outbox() == Counter(addresses[:3])

    monkeypatch.setattr(CountingBackend, "send_messages", real_send)
    tasks.process_awards.call(ids)  # the retry
    tasks.process_awards.call(ids)  # and once more, as a duplicated job would

    assert recipients_of_outbox() == Counter(addresses), "one email each, none twice"
    images = set(Award.objects.values_list("baked_image", flat=True))
    assert len(images) == 5, "each baked once, under its own name"


def test_the_emails_of_a_batch_go_over_one_connection(
    badge_class, django_capture_on_commit_callbacks, counting_mail
):
    bulk_award(badge_class, emails(10), django_capture_on_commit_callbacks, batch_size=10)
    assert counting_mail.opened == 1 and counting_mail.per_connection == [10]

    bulk_award(
        badge_class, emails(9, prefix="other"), django_capture_on_commit_callbacks, batch_size=3
    )
    assert counting_mail.per_connection == [10, 3, 3, 3], "one connection a batch"
    assert len(mail.outbox) == 19


# -- the queue down ---------------------------------------------------------------------------


class QueueDown:
    def enqueue(self, *args, **kwargs):
        raise ConnectionError("queue down")


def test_nothing_is_lost_when_the_queue_is_down(
    badge_class, django_capture_on_commit_callbacks, monkeypatch
):
    addresses = emails(7)
    monkeypatch.setattr(tasks, "process_awards", QueueDown())
    done = bulk_award(badge_class, addresses, django_capture_on_commit_callbacks, batch_size=3)
    monkeypatch.undo()

    assert len(done.awarded) == 7
    awards = Award.objects.filter(badge_class=badge_class)
    states = awards.values_list("baking_state", "notification_state")
    assert set(states) == {("pending", "pending")}
    assert mail.outbox == []

    out = io.StringIO()
    call_command("cityoflearning_retry_pending", stdout=out)
    assert "7 pending awards finished, 0 failed." in out.getvalue()
    assert set(states.all()) == {("done", "done")}
    assert all(a.baked_image for a in awards.all())
    assert recipients_of_outbox() == Counter(addresses)

    call_command("cityoflearning_retry_pending", stdout=out)
    assert "0 pending awards finished, 0 failed." in out.getvalue()
    assert len(mail.outbox) == 7


def test_a_revoked_award_of_a_pending_batch_is_neither_baked_nor_emailed(
    badge_class, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        done = award_many(badge_class, emails(3))
    revoke(done.awarded[1], "Mistake")
    tasks.process_awards.call([str(a.pk) for a in done.awarded])
    assert recipients_of_outbox() == Counter([emails(3)[0], emails(3)[2]])
    assert not Award.objects.get(pk=done.awarded[1].pk).baked_image


# -- the same badges as one by one -------------------------------------------------------------


def test_bulk_awards_verify_exactly_as_single_ones(issuer, django_capture_on_commit_callbacks):
    badge_class = make_badge_class(issuer, slug="expiring", expiry="days", expiry_amount=30)
    with django_capture_on_commit_callbacks(execute=True):
        single = award(badge_class, "ana@example.org", evidence=EVIDENCE, narrative="Lamp")
    done = bulk_award(
        badge_class,
        [Recipient("maja@example.org", evidence=EVIDENCE, narrative="Lamp")],
        django_capture_on_commit_callbacks,
    )
    [bulk_one] = done.awarded
    single.refresh_from_db()
    bulk_one.refresh_from_db()

    for instance, email in ((single, "ana@example.org"), (bulk_one, "maja@example.org")):
        data = instance.baked_image.open("rb").read()
        reports = verifier.verify(data=data, email=email)
        assert [(r.version, r.verdict, r.recipient) for r in reports] == [
            ("3.0", "valid", "match"),
            ("2.0", "valid", "match"),
        ]
        checks = {check.kind: check.status for check in reports[0].checks}
        assert checks == {"signature": "ok", "issuer": "ok", "revocation": "ok", "expiry": "ok"}
        [by_json] = verifier.verify(text=json.dumps(instance.credential), email=email)
        [by_jwt] = verifier.verify(text=instance.credential_jwt, email=email)
        assert (by_json.verdict, by_jwt.verdict) == ("valid", "valid")
        assertion = json.loads(baking.read_baked(data))
        assert assertion == serializers.assertion_json(instance)
        assert baking.read_baked_credential(data) == instance.credential_jwt

    # The documents differ only in what each award has of its own.
    def without_own(document):
        document = json.loads(json.dumps(document))
        document.pop("proof")
        for name in ("id", "validFrom", "validUntil", "credentialStatus"):
            document.pop(name)
        document["credentialSubject"].pop("identifier")
        return document

    assert without_own(bulk_one.credential) == without_own(single.credential)
    assert bulk_one.credential == credentials.credential_json(bulk_one) | {
        "proof": bulk_one.credential["proof"]
    }


def test_a_signed_issuers_bulk_awards_carry_its_rs256_signature(
    issuer, badge_class, django_capture_on_commit_callbacks
):
    issuer.verification = issuer.Verification.SIGNED
    issuer.save()
    key = signing.generate_key(issuer)
    done = bulk_award(badge_class, emails(2), django_capture_on_commit_callbacks)
    for instance in done.awarded:
        instance.refresh_from_db()
        data = signing.verify(instance.signature, key.public_key_pem)
        assert data == serializers.assertion_json(instance, key=key)
        assert instance.signature == signing.sign(data, key), "as signed one by one"
        baked = instance.baked_image.open("rb").read()
        assert baking.read_baked(baked) == instance.signature
        reports = verifier.verify(data=baked, email=instance.recipient_email)
        assert [(r.version, r.verdict) for r in reports] == [("3.0", "valid"), ("2.0", "valid")]


def test_a_revoked_bulk_award_fails_verification(badge_class, django_capture_on_commit_callbacks):
    done = bulk_award(badge_class, ["maja@example.org"], django_capture_on_commit_callbacks)
    [instance] = done.awarded
    revoke(instance, "Mistake")
    instance.refresh_from_db()
    [report] = verifier.verify(text=instance.credential_jwt)
    assert report.verdict != "valid"


@pytest.mark.parametrize(
    "evidence, narrative",
    [
        ([], ""),
        (EVIDENCE, 'Ünïcødé "quotes" and a\nnew line'),
        ([{"narrative": "Only words"}, {"url": "https://example.org/a"}], "x"),
        # Two items, one link: JSON-LD merges them into one node.
        ([{"url": "https://example.org/a"}, {"url": "https://example.org/a"}], ""),
        # The badge's own criteria page as evidence: one node with two roles.
        ([{"url": "https://example.org/criteria", "narrative": "Criteria"}], ""),
        # A link the template cannot stand for goes the long way.
        ([{"url": "ftp://example.org/lamp.pdf"}], ""),
    ],
)
def test_the_shared_canonical_form_is_the_documents_own(issuer, evidence, narrative):
    badge_class = make_badge_class(
        issuer, slug="criteria", criteria_url="https://example.org/criteria"
    )
    instance = award(badge_class, "maja@example.org", evidence=evidence, narrative=narrative)
    other = award(badge_class, "luka@example.org", evidence=evidence, narrative=narrative)
    signer = CredentialSigner(badge_class)
    for one in (instance, other):  # the second from the template the first made
        values = credentials.AwardValues.of(one)
        document = credentials.build_credential(signer.parts, values)
        assert document == credentials.credential_json(one)
        assert signer.canonical(values, document) == jsonld.canonize(document)


@pytest.mark.parametrize("image", ["png", "svg", "baked png"])
def test_an_image_decoded_once_bakes_the_same_bytes(image):
    source = {"png": png_bytes(), "svg": SVG.encode()}.get(image)
    if image == "baked png":
        source, _kind = baking.bake_image(png_bytes(), "https://example.org/old", "old.jwt")
    baker = baking.Baker(source)
    for content, credential in (("https://example.org/a/1", "a.b.c"), ('{"x": "ü"}', None)):
        assert baker.bake(content, credential) == baking.bake_image(source, content, credential)


# -- SQL ------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 40])
@pytest.mark.parametrize("held_before", [False, True])
def test_at_most_8_sql_queries_per_award_baked_and_emailed(
    badge_class, django_capture_on_commit_callbacks, count, held_before
):
    if held_before:  # someone holds it already: each recipient's other addresses are looked up
        award(badge_class, "earlier@example.org")
    addresses = emails(count)
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        award_many(badge_class, addresses)
    assert Award.objects.filter(notification_state="done").count() == count
    assert len(queries) / count <= 8, f"{len(queries)} queries for {count} awards"


# -- the bulk paths ----------------------------------------------------------------------------


def test_the_admin_bulk_award_queues_one_task_a_batch(
    badge_class, monkeypatch, django_capture_on_commit_callbacks
):
    from wagtail_cityoflearning.badges import awarding

    queued = []
    monkeypatch.setattr(tasks, "process_awards", type("Queue", (), {
        "enqueue": staticmethod(lambda ids: queued.append(list(ids))),
    }))  # fmt: skip
    monkeypatch.setattr(awarding, "BATCH_SIZE", 4)
    rows = bulk.check(bulk.parse("\n".join(emails(10))), badge_class=badge_class)

    with django_capture_on_commit_callbacks(execute=True):
        awarded = bulk.award_all(badge_class, rows)

    assert len(awarded) == 10
    assert [len(ids) for ids in queued] == [4, 4, 2]
    assert sorted(int(pk) for ids in queued for pk in ids) == sorted(a.pk for a in awarded)
    assert {a.source for a in Award.objects.all()} == {Award.Source.BULK}


def test_the_command_line_awards_a_csv_once(badge_class, tmp_path):
    sheet = tmp_path / "awards.csv"
    sheet.write_text(
        "email,evidence,narrative\n"
        "maja@example.org,https://example.org/lamp,A lamp\n"
        "luka@example.org,,\n"
    )
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "cityoflearning_award", "--badge", "young-maker", "--csv", str(sheet),
        stdout=out, stderr=err,
    )  # fmt: skip
    awards = Award.objects.order_by("recipient_email")
    assert [a.recipient_email for a in awards] == ["luka@example.org", "maja@example.org"]
    assert {a.source for a in awards} == {Award.Source.COMMAND_LINE}
    assert [e.url for e in awards[1].evidence.all()] == ["https://example.org/lamp"]
    assert sorted(out.getvalue().split()) == sorted(serializers.assertion_id(a) for a in awards)

    call_command(
        "cityoflearning_award", "--badge", "young-maker", "--csv", str(sheet),
        stdout=out, stderr=err,
    )  # fmt: skip
    assert Award.objects.count() == 2
    assert "maja@example.org already holds the badge" in err.getvalue()

    call_command(
        "cityoflearning_award", "--badge", "young-maker", "--csv", str(sheet), "--again",
        stdout=out, stderr=err,
    )  # fmt: skip
    assert Award.objects.count() == 4

    sheet.write_text("email,evidence,narrative\nana@example.org,,\nnot-an-email,,\n")
    with pytest.raises(CommandError, match="Row 2"):
        call_command(
            "cityoflearning_award", "--badge", "young-maker", "--csv", str(sheet), stdout=out
        )
    assert Award.objects.count() == 4


def test_an_award_issued_now_is_not_in_the_future(badge_class):
    done = award_many(badge_class, ["maja@example.org"], issued_on=timezone.now())
    assert done.awarded[0].issued_on <= timezone.now()
    with pytest.raises(InvalidRecipient):
        award_many(
            badge_class,
            ["luka@example.org"],
            issued_on=timezone.now() + datetime.timedelta(days=2),
        )
