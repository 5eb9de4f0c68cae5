"""Open Badges 2.0 JSON-LD for issuers, keys, revocation lists, badge classes and assertions."""

from django.urls import reverse

from wagtail_cityoflearning.badges.endorsement_models import Endorsement

CONTEXT = "https://w3id.org/openbadges/v2"
NS = "wagtail_cityoflearning_badges"


def object_url(issuer, name: str, uuid) -> str:
    """The absolute URL (and Open Badges ``id``) of a badge object of ``issuer``."""
    return issuer.base_url + reverse(f"{NS}:{name}", kwargs={"uuid": uuid})


def issuer_id(issuer) -> str:
    return object_url(issuer, "issuer", issuer.uuid)


def badge_class_id(badge_class) -> str:
    return object_url(badge_class.issuer, "badge_class", badge_class.uuid)


def assertion_id(award) -> str:
    return object_url(award.badge_class.issuer, "assertion", award.uuid)


def key_id(key) -> str:
    return object_url(key.issuer, "public_key", key.uuid)


def _iso(moment) -> str:
    return moment.isoformat(timespec="seconds")


def issuer_json(issuer) -> dict:
    data = {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_id(issuer),
        "name": issuer.name,
        "url": issuer.url,
        "email": issuer.email,
        "revocationList": object_url(issuer, "revocation_list", issuer.uuid),
    }
    if issuer.description:
        data["description"] = issuer.description
    if issuer.image_id:
        data["image"] = issuer.base_url + issuer.image.get_rendition("max-400x400").url
    # Validators take one publicKey: the active one. Retired keys stay served at their own
    # URLs (and name this issuer as owner), so badges they signed still verify.
    key = issuer.active_key()
    if key is not None:
        data["publicKey"] = key_id(key)
    return data


def public_key_json(key) -> dict:
    return {
        "@context": CONTEXT,
        "type": "CryptographicKey",
        "id": key_id(key),
        "owner": issuer_id(key.issuer),
        "publicKeyPem": key.public_key_pem,
    }


def revocation_list_json(issuer, revoked_awards) -> dict:
    return {
        "@context": CONTEXT,
        "type": "RevocationList",
        "id": object_url(issuer, "revocation_list", issuer.uuid),
        "issuer": issuer_id(issuer),
        "revokedAssertions": [
            {"id": assertion_id(award), "revocationReason": award.revocation_reason}
            if award.revocation_reason
            else {"id": assertion_id(award)}
            for award in revoked_awards
        ],
    }


def badge_class_json(badge_class) -> dict:
    criteria = {"narrative": badge_class.criteria_narrative}
    if badge_class.criteria_url:
        criteria["id"] = badge_class.criteria_url
    data = {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_id(badge_class),
        "name": badge_class.name,
        "description": badge_class.description,
        "image": object_url(badge_class.issuer, "badge_class_image", badge_class.uuid),
        "criteria": criteria,
        "issuer": issuer_id(badge_class.issuer),
    }
    tags = sorted(tag.name for tag in badge_class.tags.all())
    if tags:
        data["tags"] = tags
    alignments = [
        {
            key: value
            for key, value in (
                ("targetName", a.target_name),
                ("targetUrl", a.target_url),
                ("targetFramework", a.target_framework),
                ("targetCode", a.target_code),
            )
            if value
        }
        for a in badge_class.alignments.all()
    ]
    if alignments:
        data["alignment"] = alignments
    endorsed = [
        object_url(e.endorser, "endorsement", e.uuid)
        for e in Endorsement.objects.for_badge_class(badge_class)
    ]
    if endorsed:
        data["endorsement"] = endorsed
    return data


def assertion_json(award, key=None) -> dict:
    """The assertion; ``key`` (an IssuerKey) makes it a signed assertion."""
    data = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_id(award),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": award.salt,
            "identity": award.recipient_identity,
        },
        "badge": badge_class_id(award.badge_class),
        "issuedOn": _iso(award.issued_on),
        "image": object_url(award.badge_class.issuer, "assertion_image", award.uuid),
        "verification": {"type": "signed", "creator": key_id(key)} if key else {"type": "hosted"},
    }
    if award.expires:
        data["expires"] = _iso(award.expires)
    if award.narrative:
        data["narrative"] = award.narrative
    evidence = []
    for item in award.evidence.all():
        entry = {"type": "Evidence"}
        if item.url:
            entry["id"] = item.url
        if item.narrative:
            entry["narrative"] = item.narrative
        evidence.append(entry)
    if evidence:
        data["evidence"] = evidence
    return data


def revoked_assertion_json(award) -> dict:
    return {
        "@context": CONTEXT,
        "id": assertion_id(award),
        "type": "Assertion",
        "revoked": True,
        "revocationReason": award.revocation_reason,
    }
