"""Our badges, served by Django's live server, checked by the official IMS validator."""

from urllib.parse import urlsplit

import pytest

from tests.badges.conftest import make_badge_class
from tests.badges.ims_validator import (
    assert_valid,
    errors,
    skip_or_fail_without_validator,
    validate,
)
from wagtail_cityoflearning.badges import baking, serializers, signing
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.models import Award, Issuer
from wagtail_cityoflearning.badges.tasks import bake_award

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "maja.novak@example.org"


@pytest.fixture(scope="module")
def validator():
    return skip_or_fail_without_validator()


@pytest.fixture
def live_issuer(live_server, city):
    """The city's issuer, on a Site whose address is the live server's."""
    site = city["site"]
    parts = urlsplit(live_server.url)
    site.hostname, site.port = "localhost", parts.port
    site.save()
    return Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=site,
    )


def awarded(badge_class, email=EMAIL) -> Award:
    instance = award(badge_class, email, narrative="Built a desk lamp.")
    bake_award(instance)  # what the background task does
    instance.refresh_from_db()
    return instance


def test_hosted_assertion_is_valid_by_url(validator, live_issuer):
    instance = awarded(make_badge_class(live_issuer))
    result = validate(url=serializers.assertion_id(instance), recipient=EMAIL)
    assert_valid(result)
    assert result["report"]["recipientProfile"] == {"email": EMAIL}


def test_wrong_recipient_is_reported(validator, live_issuer):
    instance = awarded(make_badge_class(live_issuer))
    result = validate(url=serializers.assertion_id(instance), recipient="someone@example.org")
    assert errors(result)


def test_baked_png_is_valid(validator, live_issuer, tmp_path):
    instance = awarded(make_badge_class(live_issuer, image="png"))
    path = tmp_path / "badge.png"
    path.write_bytes(instance.baked_image.open("rb").read())
    assert_valid(validate(baked_path=path, recipient=EMAIL))


def test_baked_svg_is_valid(validator, live_issuer):
    instance = awarded(make_badge_class(live_issuer, slug="svg-badge", image="svg"))
    # The validator reads baked PNGs only ("only URL, JSON, or JWS input implemented"), so
    # the SVG is unbaked with openbadges-bakery and what it carries is validated.
    baked = baking.read_baked(instance.baked_image.open("rb").read())
    assert baked == serializers.assertion_id(instance)
    assert_valid(validate(url=baked, recipient=EMAIL))


def test_signed_assertion_jws_and_its_baked_image_are_valid(validator, live_issuer, tmp_path):
    live_issuer.verification = Issuer.Verification.SIGNED
    live_issuer.save()
    signing.generate_key(live_issuer)
    instance = awarded(make_badge_class(live_issuer))
    assert instance.signature.count(".") == 2
    assert_valid(validate(jws=instance.signature, recipient=EMAIL))
    path = tmp_path / "signed.png"
    path.write_bytes(instance.baked_image.open("rb").read())
    assert_valid(validate(baked_path=path, recipient=EMAIL))


def test_badges_signed_with_a_retired_key_keep_a_valid_signature(validator, live_issuer):
    live_issuer.verification = Issuer.Verification.SIGNED
    live_issuer.save()
    signing.generate_key(live_issuer)
    instance = awarded(make_badge_class(live_issuer))
    signing.generate_key(live_issuer)  # rotation
    result = validate(jws=instance.signature, recipient=EMAIL)
    # The signature, the retired key (still served, owned by the issuer) and the rest verify.
    # This validator accepts a single publicKey on the issuer and so flags only the ownership
    # of a retired key; the key document itself names the issuer as its owner.
    assert [m["name"] for m in errors(result)] == ["VERIFY_KEY_OWNERSHIP"]
    assert result["report"]["warningCount"] == 0


def test_revoked_signed_assertion_is_reported_revoked(validator, live_issuer):
    live_issuer.verification = Issuer.Verification.SIGNED
    live_issuer.save()
    signing.generate_key(live_issuer)
    badge = make_badge_class(live_issuer)
    instance = awarded(badge)
    # Two entries: the validator misses a revocation list with one (our own tests cover it).
    revoke(awarded(badge, "other@example.org"), "Duplicate")
    revoke(instance, "Awarded by mistake")
    result = validate(jws=instance.signature, recipient=EMAIL)
    assert not result["report"]["valid"]
    assert any("revoked" in message["result"] for message in errors(result))


def test_revoked_hosted_assertion_is_not_valid(validator, live_issuer):
    instance = awarded(make_badge_class(live_issuer))
    revoke(instance, "Awarded by mistake")
    result = validate(url=serializers.assertion_id(instance), recipient=EMAIL)
    # The validator ignores the 410 status; our 410 body has no recipient, badge or date, so
    # it is not valid. The 410 and the revocation list are checked by test_issuing.py.
    assert not result["report"]["valid"]
