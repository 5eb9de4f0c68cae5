"""Background work for awards: baking, signing and the recipient's email. Idempotent."""

import json
import logging

from django.db import transaction
from django_tasks import task

from wagtail_cityoflearning.badges import baking, processing, serializers, signing
from wagtail_cityoflearning.badges.emails import send_award_email
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.badges.ob3 import issue

logger = logging.getLogger(__name__)


def bake_award(instance: Award) -> None:
    """Sign the Open Badges 3.0 credential (both formats), sign the 2.0 assertion (for signed
    issuers) and bake both into the award's image, unless done already."""
    if instance.baking_state == Award.State.DONE:
        return
    issuer = instance.badge_class.issuer
    key = issuer.active_key() if issuer.verification == issuer.Verification.SIGNED else None
    if issuer.verification == issuer.Verification.SIGNED and key is None:
        key = signing.generate_key(issuer)
    data = serializers.assertion_json(instance, key=key)
    if key is not None:
        instance.signature = signing.sign(data, key)
        content = instance.signature
    else:
        content = json.dumps(data, ensure_ascii=False)
    issue.sign_award(instance)
    with instance.badge_class.image.open("rb") as source:
        baked, kind = baking.bake_image(source.read(), content, instance.credential_jwt)
    baking.store_image(instance, baked, kind)
    instance.baking_state = Award.State.DONE
    instance.save(update_fields=baking.BAKED_FIELDS)


@task()
def process_award(award_id: str) -> None:
    """Bake, sign and notify; safe to run twice (no second image, no second email)."""
    with transaction.atomic():
        instance = Award.objects.select_for_update().filter(pk=award_id).first()
        if instance is None or instance.revoked:
            return
        bake_award(instance)
    with transaction.atomic():
        instance = Award.objects.select_for_update().get(pk=award_id)
        if instance.notification_state == Award.State.DONE:
            return
        send_award_email(instance)
        instance.notification_state = Award.State.DONE
        instance.save(update_fields=["notification_state"])


@task()
def process_awards(award_ids: list[str]) -> None:
    """:func:`process_award` for a batch of awards (of one badge, as a bulk award makes
    them): the badge's image read once, its keys loaded once, every email over one
    connection. Safe to run twice: awards baked or notified already are left alone."""
    processing.process_batch(award_ids)
