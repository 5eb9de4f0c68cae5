"""Awarding and revoking badges. An award is saved first; baking, signing and the email
follow in a background task, and an award whose task could not be queued stays pending
until ``cityoflearning_retry_pending`` finishes it.

:func:`award` awards one badge; :func:`award_many` awards a badge to many recipients at once
(the bulk award, the command line), in batches: each batch is saved in one transaction and
finished by one background task.

Hooks: ``cityoflearning_recipient_addresses(email) -> iterable of str``: the other addresses
of the person behind ``email`` (an app that knows accounts answers), so that a badge sent to
any of them counts as held. A hook function may offer the same for many addresses at once as
its ``many`` attribute (a function of a list of addresses answering a dict of address to
addresses): the bulk award then asks it once per batch.
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail import hooks

from wagtail_cityoflearning.badges import tasks
from wagtail_cityoflearning.badges.models import Award, AwardEvidence, Issuer

logger = logging.getLogger(__name__)

# Awards saved in one transaction and finished by one background task.
BATCH_SIZE = 100


def normalise_email(email: str) -> str:
    email = (email or "").strip()
    validate_email(email)
    return email


@transaction.atomic
def award(
    badge_class,
    email: str,
    *,
    evidence: Iterable[dict] = (),
    narrative: str = "",
    awarded_by=None,
    source: str = Award.Source.ADMIN,
    issued_on=None,
) -> Award:
    """Award ``badge_class`` to ``email``. Evidence items are dicts with ``url``/``narrative``.

    Raises ``ValidationError`` for bad input; nothing is saved then.
    """
    if not badge_class.live:
        raise ValidationError({"badge_class": "Only a published badge can be awarded."})
    issued_on = issued_on or timezone.now()
    instance = Award(
        badge_class=badge_class,
        recipient_email=normalise_email(email),
        issued_on=issued_on,
        expires=badge_class.expires_for(issued_on),
        narrative=narrative,
        awarded_by=awarded_by,
        source=source,
        status_index=badge_class.issuer.allocate_status_index(),
    )
    instance.full_clean(exclude=["badge_class", "awarded_by"])
    instance.save()
    for order, item in enumerate(evidence):
        item = AwardEvidence(
            award=instance,
            url=(item.get("url") or "").strip(),
            narrative=(item.get("narrative") or "").strip(),
            sort_order=order,
        )
        item.full_clean(exclude=["award"])
        item.save()
    transaction.on_commit(lambda: enqueue(instance))
    return instance


def enqueue(instance: Award) -> bool:
    """Queue the award's background work; False (and the award stays pending) on failure."""
    try:
        tasks.process_award.enqueue(str(instance.pk))
    except Exception:
        logger.warning("Could not queue award %s; it stays pending", instance.uuid, exc_info=True)
        return False
    return True


def same_person_addresses(email: str) -> set[str]:
    """``email`` and the other addresses of the same person (lower case)."""
    addresses = {email.strip().lower()}
    for answer in hooks.get_hooks("cityoflearning_recipient_addresses"):
        addresses.update(address.strip().lower() for address in answer(email))
    return addresses


def same_person_addresses_many(emails: Iterable[str]) -> dict[str, set[str]]:
    """:func:`same_person_addresses` of each of ``emails``: a hook function with a ``many``
    attribute is asked once for all of them, any other once for each."""
    emails = list(dict.fromkeys(emails))
    found = {email: {email.strip().lower()} for email in emails}
    for answer in hooks.get_hooks("cityoflearning_recipient_addresses"):
        many = getattr(answer, "many", None)
        answers = many(emails) if many else {email: answer(email) for email in emails}
        for email, addresses in answers.items():
            if email in found:
                found[email].update(address.strip().lower() for address in addresses)
    return found


def active_awards(badge_class, addresses: Iterable[str] | None = None):
    """The awards of ``badge_class`` (to any of ``addresses``, lower case, when given) that
    still count: not revoked, not expired; the latest first."""
    awards = Award.objects.filter(badge_class=badge_class, revoked=False).filter(
        Q(expires__isnull=True) | Q(expires__gt=timezone.now())
    )
    if addresses is None:
        return awards
    return (
        awards.annotate(email_lower=Lower("recipient_email"))
        .filter(email_lower__in=set(addresses))
        .order_by("-issued_on", "-pk")
    )


def held_awards(badge_class, addresses_by_key: dict) -> dict:
    """For each key of ``addresses_by_key`` (key -> set of lower-case addresses of one
    person), the latest active award of ``badge_class`` to one of them, or None: one query."""
    wanted = set().union(*addresses_by_key.values()) if addresses_by_key else set()
    latest = {}
    if wanted:
        for instance in active_awards(badge_class, wanted):
            latest.setdefault(instance.email_lower, instance)
    held = {}
    for key, addresses in addresses_by_key.items():
        found = [latest[address] for address in addresses if address in latest]
        held[key] = max(found, key=lambda a: (a.issued_on, a.pk)) if found else None
    return held


@dataclass
class Recipient:
    """One recipient of :func:`award_many`. ``evidence``: dicts with ``url``/``narrative``;
    ``again``: award even if they hold the badge already."""

    email: str
    evidence: Sequence[dict] = ()
    narrative: str = ""
    again: bool = False


class InvalidRecipient(ValidationError):
    """A recipient of :func:`award_many` that cannot be awarded: nothing was saved."""

    def __init__(self, number: int, email: str, error: ValidationError):
        super().__init__(error.messages)
        self.number, self.email = number, email


@dataclass
class BulkAwards:
    """What :func:`award_many` did: the new awards, and the recipients skipped because they
    hold the badge already, with the award they hold."""

    awarded: list = field(default_factory=list)
    held: list = field(default_factory=list)  # (Recipient, Award) pairs


def award_many(
    badge_class,
    recipients: Iterable,
    *,
    awarded_by=None,
    source: str = Award.Source.BULK,
    issued_on=None,
    batch_size: int | None = None,
) -> BulkAwards:
    """Award ``badge_class`` to each of ``recipients`` (:class:`Recipient` or an address)
    who does not hold it yet (an active award to any of their addresses) or is to have it
    ``again``; an address twice in the list is awarded once.

    Every recipient is checked first: a bad one raises :class:`InvalidRecipient` and nothing
    is saved. Then the awards are saved in batches of ``batch_size`` (:data:`BATCH_SIZE`), each in one transaction
    (inside the caller's, if any: then all or none), and each batch is queued as one task
    once committed; a batch that cannot be queued stays pending, as :func:`award` does, until
    ``cityoflearning_retry_pending`` finishes it. Running it again awards nobody twice.
    """
    if not badge_class.live:
        raise ValidationError({"badge_class": "Only a published badge can be awarded."})
    issued_on = issued_on or timezone.now()
    expires = badge_class.expires_for(issued_on)
    prepared = []
    for number, recipient in enumerate(recipients, start=1):
        if isinstance(recipient, str):
            recipient = Recipient(recipient)
        try:
            instance = Award(
                badge_class=badge_class,
                recipient_email=normalise_email(recipient.email),
                issued_on=issued_on,
                expires=expires,
                narrative=recipient.narrative,
                awarded_by=awarded_by,
                source=source,
            )
            # The uuid is new: no query to check that it is unique.
            instance.full_clean(exclude=["badge_class", "awarded_by"], validate_unique=False)
            evidence = []
            for order, item in enumerate(recipient.evidence):
                item = AwardEvidence(
                    url=(item.get("url") or "").strip(),
                    narrative=(item.get("narrative") or "").strip(),
                    sort_order=order,
                )
                item.full_clean(exclude=["award"], validate_unique=False)
                evidence.append(item)
        except ValidationError as error:
            raise InvalidRecipient(number, recipient.email, error) from error
        prepared.append((recipient, instance, evidence))
    result = BulkAwards()
    batch_size = batch_size or BATCH_SIZE
    taken = {}  # lower-case address -> the award it holds from this call
    for start in range(0, len(prepared), batch_size):
        _save_batch(badge_class, prepared[start : start + batch_size], taken, result)
    return result


def _save_batch(badge_class, batch, taken: dict, result: BulkAwards) -> None:
    with transaction.atomic():
        # The issuer's row is written first: concurrent bulk awards of its badges wait here,
        # so each sees what the other saved before it checks who holds the badge.
        issuer = badge_class.issuer
        Issuer.objects.filter(pk=issuer.pk).update(status_list_next=F("status_list_next"))
        emails = [instance.recipient_email for _recipient, instance, _evidence in batch]
        if active_awards(badge_class).count() > len(result.awarded):
            # Someone else holds the badge: under any of a recipient's addresses.
            found = same_person_addresses_many(emails)
        else:
            # Only the awards of this call: no one's other addresses can hold it.
            found = {email: {email.lower()} for email in emails}
        addresses = {number: found[email] for number, email in enumerate(emails)}
        held = held_awards(badge_class, addresses)
        new = []
        for number, (recipient, instance, evidence) in enumerate(batch):
            holding = held[number] or next(
                (taken[address] for address in addresses[number] if address in taken), None
            )
            if holding is not None and not recipient.again:
                result.held.append((recipient, holding))
                continue
            new.append((instance, evidence))
            for address in addresses[number]:
                taken[address] = instance
        if not new:
            return
        first = issuer.allocate_status_indexes(len(new))
        for offset, (instance, _evidence) in enumerate(new):
            instance.status_index = first + offset
        awards = Award.objects.bulk_create([instance for instance, _evidence in new])
        if any(instance.pk is None for instance in awards):  # a database that returns no ids
            ids = dict(
                Award.objects.filter(uuid__in=[a.uuid for a in awards]).values_list("uuid", "pk")
            )
            for instance in awards:
                instance.pk = ids[instance.uuid]
        items = []
        for instance, evidence in new:
            for item in evidence:
                item.award = instance
                items.append(item)
        if items:
            AwardEvidence.objects.bulk_create(items)
        result.awarded.extend(awards)
        ids = [str(instance.pk) for instance in awards]
        transaction.on_commit(lambda: enqueue_batch(ids))


def enqueue_batch(award_ids: list[str]) -> bool:
    """Queue one task finishing the awards ``award_ids``; False (and they stay pending) on
    failure."""
    try:
        tasks.process_awards.enqueue(list(award_ids))
    except Exception:
        logger.warning(
            "Could not queue %s awards; they stay pending", len(award_ids), exc_info=True
        )
        return False
    return True


@transaction.atomic
def revoke(instance: Award, reason: str) -> Award:
    """Revoke an award. Its hosted assertion then answers 410 Gone with the reason, and its
    bit in the issuer's Open Badges 3.0 status list is set (the list is built from the awards)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"revocation_reason": "Give a reason for revoking the badge."})
    instance.revoked = True
    instance.revocation_reason = reason[:255]
    instance.revoked_at = timezone.now()
    instance.save(update_fields=["revoked", "revocation_reason", "revoked_at"])
    return instance
