"""Hosted assertions kept between requests.

A validator, a backpack or an employer's check asks for an award's hosted assertion far more
often than the award changes, and the answer is the same each time: the JSON-LD document is
kept in the page cache's backend (``PAGE_CACHE``, for ``PAGE_CACHE_SECONDS``) with the id of the
Site it answers on, and served without a query.

What makes it stale:

- a change of the award itself (revoked, its narrative, its expiry) or of its evidence: that
  award's entry is dropped (``post_save`` and ``post_delete`` of ``Award`` and
  ``AwardEvidence``);
- a change of a badge class, an issuer, an issuer's key or a Site (which changes the documents'
  addresses): every entry is dropped at once (a new version).

A revoked award is never kept: its answer (410) is read from the database each time. Code that
changes awards with ``QuerySet.update()`` (which sends no signals) must call
:func:`forget_assertions`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from wagtail_cityoflearning.badges.models import Award, AwardEvidence, BadgeClass, Issuer, IssuerKey
from wagtail_cityoflearning.caching import VersionedCache
from wagtail_cityoflearning.conf import cityoflearning_settings

documents = VersionedCache(
    "wagtail_cityoflearning:badges:version",
    alias=lambda: cityoflearning_settings.PAGE_CACHE,
    seconds=lambda: cityoflearning_settings.PAGE_CACHE_SECONDS,
)


def _key(uuid) -> str:
    return documents.key("assertion", str(uuid))


def kept_assertion(uuid):
    """``(site id, document)`` kept for the award ``uuid``, or None."""
    return documents.get(_key(uuid))


def keep_assertion(award, site_id: int | None, document: dict) -> None:
    if not award.revoked:
        documents.set(_key(award.uuid), (site_id, document))


def forget_assertion(uuid) -> None:
    documents.backend.delete(_key(uuid))


def forget_assertions() -> None:
    """Drop every kept document (after changes made without signals)."""
    documents.invalidate()


def on_award_changed(sender, instance, **kwargs):
    forget_assertion(instance.uuid)


def on_evidence_changed(sender, instance, **kwargs):
    try:
        award = instance.award  # loaded already when saved or deleted through its award
    except Award.DoesNotExist:
        return  # deleted with its award, whose own signal dropped the entry
    forget_assertion(award.uuid)


def on_issuing_changed(sender, instance, **kwargs):
    forget_assertions()


def connect() -> None:
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(on_award_changed, sender=Award, dispatch_uid=f"col_assertion_{name}")
        signal.connect(
            on_evidence_changed, sender=AwardEvidence, dispatch_uid=f"col_evidence_{name}"
        )
        for model in (BadgeClass, Issuer, IssuerKey, Site):
            signal.connect(
                on_issuing_changed,
                sender=model,
                dispatch_uid=f"col_assertions_{model._meta.model_name}_{name}",
            )
