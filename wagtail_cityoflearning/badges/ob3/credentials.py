"""The Open Badges 3.0 documents: the issuer's ``Profile``, the badge class as an
``Achievement`` and each award as an ``OpenBadgeCredential`` (unsigned; :mod:`.issue` signs).

The recipient is never named: ``credentialSubject.identifier`` holds the salted SHA-256 of the
email (the same hash the Open Badges 2.0 assertion carries), so a holder proves it by giving
the address and the salt.
"""

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


def credential_json(award) -> dict:
    """The award as an unsigned ``OpenBadgeCredential``."""
    badge_class = award.badge_class
    issuer = badge_class.issuer
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": award.recipient_identity,
                "identityType": "emailAddress",
                "hashed": True,
                "salt": award.salt,
            }
        ],
        "achievement": achievement_json(badge_class, endorsements=_endorsements(badge_class)),
    }
    if award.narrative:
        subject["narrative"] = award.narrative
    data = {
        "@context": list(CONTEXT),
        "id": credential_url(award),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": badge_class.name,
        "issuer": profile_json(issuer),
        "validFrom": xml_datetime(award.issued_on),
        "credentialSubject": subject,
    }
    if award.expires:
        data["validUntil"] = xml_datetime(award.expires)
    evidence = []
    for item in award.evidence.all():
        entry = {"type": ["Evidence"]}
        if item.url:
            entry["id"] = item.url
        if item.narrative:
            entry["narrative"] = item.narrative
        evidence.append(entry)
    if evidence:
        data["evidence"] = evidence
    if award.status_index is not None:
        list_url = status_list_url(issuer)
        data["credentialStatus"] = {
            "id": f"{list_url}#{award.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(award.status_index),
            "statusListCredential": list_url,
        }
    return data
