"""Finishing many awards at once (the task :func:`.tasks.process_awards`): what
:func:`.tasks.process_award` does for one, with the work they share done once.

Per badge: the image read and decoded once (:class:`.baking.Baker`), the issuer's keys loaded
once, the credentials signed together (:class:`.ob3.batch.CredentialSigner`). Per batch: every
email over one connection. The guarantees are those of one award: an award already baked is
not baked again (one image each), an award already notified gets no second email, and an
award that fails stays pending for ``cityoflearning_retry_pending`` without holding up the
others.
"""

import json
import logging
from itertools import groupby

from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone

from wagtail_cityoflearning.badges import baking, serializers, signing
from wagtail_cityoflearning.badges.baking import Baker
from wagtail_cityoflearning.badges.emails import award_email, badge_site_name
from wagtail_cityoflearning.badges.models import Award, BadgeClass
from wagtail_cityoflearning.badges.ob3.batch import CredentialSigner

logger = logging.getLogger(__name__)


class BatchIncomplete(RuntimeError):
    """Some awards of a batch failed; they stay pending (the others are done)."""


def process_batch(award_ids) -> None:
    ids = sorted({int(pk) for pk in award_ids})
    classes = {}
    failed = []
    images = bake_batch(ids, classes, failed)
    notify_batch(ids, classes, images)
    if failed:
        raise BatchIncomplete(
            f"{len(failed)} of {len(ids)} awards could not be baked and stay pending: "
            + ", ".join(str(pk) for pk in failed)
        )


def _locked(queryset):
    # Lock the awards' rows only (PostgreSQL would otherwise lock what they join too).
    if db_connection.features.has_select_for_update_of:
        return queryset.select_for_update(of=("self",))
    return queryset.select_for_update()


def _badge_classes(awards, classes: dict) -> None:
    """Give each award its badge class, one shared object per badge (read once)."""
    missing = {a.badge_class_id for a in awards} - set(classes)
    if missing:
        classes.update(BadgeClass.objects.select_related("issuer", "locale").in_bulk(list(missing)))
    for instance in awards:
        instance.badge_class = classes[instance.badge_class_id]


class BadgeBatch:
    """What baking the awards of one badge shares: its image, its issuer's keys."""

    def __init__(self, badge_class):
        issuer = badge_class.issuer
        self.key = None
        if issuer.verification == issuer.Verification.SIGNED:
            self.key = issuer.active_key() or signing.generate_key(issuer)
            self.private_key = signing.load_private_key(self.key)
        self.signer = CredentialSigner(badge_class, created=timezone.now())
        with badge_class.image.open("rb") as source:
            self.baker = Baker(source.read())

    def bake(self, instance: Award) -> tuple[str, bytes]:
        """Sign ``instance`` (its status index set) and bake its image: returns the image's
        kind and bytes. The caller stores the image and saves the award."""
        data = serializers.assertion_json(instance, key=self.key)
        if self.key is not None:
            instance.signature = signing.sign(data, self.key, private_key=self.private_key)
            content = instance.signature
        else:
            content = json.dumps(data, ensure_ascii=False)
        instance.credential, instance.credential_jwt = self.signer.sign(instance)
        baked, kind = self.baker.bake(content, instance.credential_jwt)
        return kind, baked


def bake_batch(ids, classes: dict, failed: list) -> dict:
    """Bake the awards of ``ids`` that are not yet; their images by id, as (file name, bytes).

    The signing and baking happen outside any transaction (another worker's batch is not held
    up meanwhile); then, with the awards locked, only those still not baked by anyone else
    get their image stored and their state saved."""
    awards = list(
        Award.objects.filter(pk__in=ids, revoked=False)
        .exclude(baking_state=Award.State.DONE)
        .order_by("badge_class_id", "pk")
    )
    if not awards:
        return {}
    _badge_classes(awards, classes)
    _number(awards)
    prefetch_related_objects(awards, "evidence")
    baked = {}
    for badge_class_id, group in groupby(awards, key=lambda a: a.badge_class_id):
        group = list(group)
        try:
            batch = BadgeBatch(classes[badge_class_id])
        except Exception:
            logger.exception("Could not prepare the awards of badge %s", badge_class_id)
            failed.extend(a.pk for a in group)
            continue
        for instance in group:
            try:
                baked[instance.pk] = (instance, *batch.bake(instance))
            except Exception:
                logger.exception("Could not bake award %s", instance.uuid)
                failed.append(instance.pk)
    images = {}
    if not baked:
        return images
    with transaction.atomic():
        waiting = set(
            _locked(Award.objects.filter(pk__in=list(baked), revoked=False))
            .exclude(baking_state=Award.State.DONE)
            .values_list("pk", flat=True)
        )
        done = []
        for pk, (instance, kind, data) in baked.items():
            if pk not in waiting:
                continue  # baked by another run meanwhile, or revoked: its image stands
            baking.store_image(instance, data, kind)
            instance.baking_state = Award.State.DONE
            images[pk] = (instance.baked_image.name.rsplit("/", 1)[-1], data)
            done.append(instance)
        if done:
            _save(done, baking.BAKED_FIELDS)
    return images


def _number(awards) -> None:
    """A status index for each award without one (awarded before Open Badges 3.0), kept."""
    for instance in awards:
        if instance.status_index is not None:
            continue
        with transaction.atomic():
            locked = _locked(Award.objects.filter(pk=instance.pk)).get()
            if locked.status_index is None:
                locked.status_index = instance.badge_class.issuer.allocate_status_index()
                locked.save(update_fields=["status_index"])
        instance.status_index = locked.status_index


def _save(awards, names) -> None:
    """Save the fields ``names`` of ``awards``: one statement run for each (one round trip
    where the database driver batches them), without the ORM's ``CASE`` for every row."""
    meta = Award._meta
    quote = db_connection.ops.quote_name
    fields = [meta.get_field(name) for name in names]
    # Only the model's own table and column names go into the statement; values are params.
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608
        quote(meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(meta.pk.column),
    )
    params = [
        [field.get_db_prep_save(getattr(a, field.attname), db_connection) for field in fields]
        + [a.pk]
        for a in awards
    ]
    with db_connection.cursor() as cursor:
        cursor.executemany(sql, params)


def notify_batch(ids, classes: dict, images: dict) -> None:
    """Email every baked award of ``ids`` not notified yet, over one connection.

    The emails are written outside any transaction; then, with the awards locked, those not
    notified by anyone else meanwhile are sent and marked, and those sent are marked even
    when a later one fails (a retry sends only the rest)."""
    awards = list(
        Award.objects.filter(
            pk__in=ids,
            revoked=False,
            baking_state=Award.State.DONE,
            notification_state=Award.State.PENDING,
        ).order_by("badge_class_id", "pk")
    )
    if not awards:
        return
    _badge_classes(awards, classes)
    messages = []
    for _badge_class_id, group in groupby(awards, key=lambda a: a.badge_class_id):
        group = list(group)
        site_name = badge_site_name(group[0].badge_class)
        messages += [
            (instance, award_email(instance, site_name=site_name, image=images.get(instance.pk)))
            for instance in group
        ]
    error = None
    with transaction.atomic():
        waiting = set(
            _locked(
                Award.objects.filter(
                    pk__in=[instance.pk for instance, _message in messages],
                    revoked=False,
                    notification_state=Award.State.PENDING,
                )
            ).values_list("pk", flat=True)
        )
        if not waiting:
            return
        sent = []
        mail = get_connection()
        try:
            mail.open()
            for instance, message in messages:
                if instance.pk in waiting:
                    message.connection = mail
                    mail.send_messages([message])
                    sent.append(instance.pk)
        except Exception as failure:  # the emails sent so far are recorded all the same
            error = failure
        finally:
            mail.close()
            if sent:
                Award.objects.filter(pk__in=sent).update(notification_state=Award.State.DONE)
    if error is not None:
        raise error
