"""The Open Badges 3.0 documents: the issuer's ``Profile``, the badge class as an
``Achievement`` and each award as an ``OpenBadgeCredential`` (unsigned; :mod:`.issue` signs).

The recipient is never named: ``credentialSubject.identifier`` holds the salted SHA-256 of the
email (the same hash the Open Badges 2.0 assertion carries), so a holder proves it by giving
the address and the salt.
"""

from dataclasses import dataclass

from django.urls import reverse

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.ob3 import CONTEXT
from wagtail_cityoflearning.badges.ob3.dataintegrity import xml_datetime
from wagtail_cityoflearning.badges.ob3.did import issuer_did

NS = serializers.NS


def _url(issuer, name: str, uuid) -> str:
    return issuer.base_url + reverse(f"{NS}:{name}", kwargs={"uuid": uuid})


def credential_url(award) -> str:
    return _url(award.badge_class.issuer, "credential", award.uuid)


def jwt_url(award) -> str:
    return _url(award.badge_class.issuer, "credential_jwt", award.uuid)


def status_list_url(issuer) -> str:
    return _url(issuer, "status_list", issuer.uuid)


def profile_json(issuer) -> dict:
    """The issuer as an OB 3.0 ``Profile``: its ``did:web`` and, as another identifier, the
    https URL of its Open Badges 2.0 profile."""
    data = {
        "id": issuer_did(issuer),
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
        "otherIdentifier": [
            {
                "type": "IdentifierEntry",
                "identifier": serializers.issuer_id(issuer),
                "identifierType": "identifier",
            }
        ],
    }
    if issuer.description:
        data["description"] = issuer.description
    if issuer.image_id:
        data["image"] = {
            "id": issuer.base_url + issuer.image.get_rendition("max-400x400").url,
            "type": "Image",
        }
    return data


def achievement_json(badge_class, *, endorsements=None) -> dict:
    """The badge class as an ``Achievement``; ``endorsements`` are signed
    EndorsementCredentials to embed."""
    issuer = badge_class.issuer
    criteria = {"narrative": badge_class.criteria_narrative}
    if badge_class.criteria_url:
        criteria["id"] = badge_class.criteria_url
    data = {
        "id": serializers.badge_class_id(badge_class),
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": badge_class.name,
        "description": badge_class.description,
        "criteria": criteria,
        "image": {
            "id": _url(issuer, "badge_class_image", badge_class.uuid),
            "type": "Image",
            "caption": badge_class.name,
        },
        "creator": profile_json(issuer),
        "inLanguage": badge_class.locale.language_code,
    }
    tags = sorted(tag.name for tag in badge_class.tags.all())
    if tags:
        data["tag"] = tags
    alignments = []
    for alignment in badge_class.alignments.all():
        entry = {
            "type": ["Alignment"],
            "targetName": alignment.target_name,
            "targetUrl": alignment.target_url,
        }
        if alignment.target_framework:
            entry["targetFramework"] = alignment.target_framework
        if alignment.target_code:
            entry["targetCode"] = alignment.target_code
        alignments.append(entry)
    if alignments:
        data["alignment"] = alignments
    if endorsements:
        data["endorsement"] = list(endorsements)
    return data


def _endorsements(badge_class) -> list:
    """The signed EndorsementCredentials of the badge's live endorsements."""
    return [e.credential for e in Endorsement.objects.for_badge_class(badge_class) if e.credential]


@dataclass(frozen=True)
class BadgeParts:
    """What every credential of one badge class holds alike: read once for many awards."""

    name: str
    issuer: dict
    achievement: dict
    status_list: str


def badge_parts(badge_class) -> BadgeParts:
    issuer = badge_class.issuer
    return BadgeParts(
        name=badge_class.name,
        issuer=profile_json(issuer),
        achievement=achievement_json(badge_class, endorsements=_endorsements(badge_class)),
        status_list=status_list_url(issuer),
    )


@dataclass(frozen=True)
class AwardValues:
    """What differs from one award's credential to the next."""

    url: str
    identity: str
    salt: str
    narrative: str
    valid_from: str
    valid_until: str | None
    evidence: tuple  # of (url, narrative) pairs
    status_index: int | str | None

    @classmethod
    def of(cls, award) -> "AwardValues":
        return cls(
            url=credential_url(award),
            identity=award.recipient_identity,
            salt=award.salt,
            narrative=award.narrative,
            valid_from=xml_datetime(award.issued_on),
            valid_until=xml_datetime(award.expires) if award.expires else None,
            evidence=tuple((item.url, item.narrative) for item in award.evidence.all()),
            status_index=award.status_index,
        )


def credential_json(award, parts: BadgeParts | None = None) -> dict:
    """The award as an unsigned ``OpenBadgeCredential``; ``parts``: its badge class's, when
    already read (for many awards of one badge)."""
    return build_credential(parts or badge_parts(award.badge_class), AwardValues.of(award))


def build_credential(parts: BadgeParts, values: AwardValues) -> dict:
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": values.identity,
                "identityType": "emailAddress",
                "hashed": True,
                "salt": values.salt,
            }
        ],
        "achievement": parts.achievement,
    }
    if values.narrative:
        subject["narrative"] = values.narrative
    data = {
        "@context": list(CONTEXT),
        "id": values.url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": parts.name,
        "issuer": parts.issuer,
        "validFrom": values.valid_from,
        "credentialSubject": subject,
    }
    if values.valid_until:
        data["validUntil"] = values.valid_until
    evidence = []
    for url, narrative in values.evidence:
        entry = {"type": ["Evidence"]}
        if url:
            entry["id"] = url
        if narrative:
            entry["narrative"] = narrative
        evidence.append(entry)
    if evidence:
        data["evidence"] = evidence
    if values.status_index is not None:
        data["credentialStatus"] = {
            "id": f"{parts.status_list}#{values.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(values.status_index),
            "statusListCredential": parts.status_list,
        }
    return data
