"""Keys and signing for Open Badges 3.0: each issuer signs with its active Ed25519 key (made
on first use); :func:`sign_award` secures an award's credential in both formats."""

import uuid

from django.db import transaction

from wagtail_cityoflearning.badges.models import Award, IssuerKey
from wagtail_cityoflearning.badges.ob3 import credentials, dataintegrity, did, vcjwt
from wagtail_cityoflearning.badges.ob3.keys import private_key, public_key
from wagtail_cityoflearning.badges.signing import generate_key

ED25519 = IssuerKey.Algorithm.ED25519
__all__ = [
    "ensure_signed",
    "own_key",
    "private_key",
    "public_key",
    "sign_award",
    "sign_document",
    "sign_jwt",
    "signing_key",
]


def signing_key(issuer):
    """The issuer's active Ed25519 key, made now if it has none."""
    return issuer.active_key(ED25519) or generate_key(issuer, algorithm=ED25519)


def sign_document(issuer, document: dict) -> dict:
    """``document`` with an ``eddsa-rdfc-2022`` proof by the issuer's active key."""
    key = signing_key(issuer)
    return dataintegrity.add_proof(document, private_key(key), did.method_id(key))


def sign_jwt(issuer, document: dict) -> str:
    key = signing_key(issuer)
    return vcjwt.encode(document, private_key(key), did.method_id(key))


def sign_award(award) -> None:
    """Fill ``award.credential`` (Data Integrity) and ``award.credential_jwt`` (VC-JWT);
    the caller saves them."""
    issuer = award.badge_class.issuer
    if award.status_index is None:
        award.status_index = issuer.allocate_status_index()
    key = signing_key(issuer)
    secret, method = private_key(key), did.method_id(key)
    award.credential = dataintegrity.add_proof(credentials.credential_json(award), secret, method)
    # Open Badges 3.0 (8.2): an embedded proof is made before the JWT, which carries it.
    award.credential_jwt = vcjwt.encode(award.credential, secret, method)


def ensure_signed(award) -> None:
    """Sign ``award`` now if it has no credential yet (an award made before Open Badges 3.0,
    or whose background work has not run): once, even for two requests at the same time."""
    if award.revoked or award.credential:
        return
    with transaction.atomic():
        locked = Award.objects.select_for_update().get(pk=award.pk)
        if not locked.credential:
            sign_award(locked)
            locked.save(update_fields=["credential", "credential_jwt", "status_index"])
    award.credential, award.credential_jwt = locked.credential, locked.credential_jwt
    award.status_index = locked.status_index


def own_key(method: str):
    """Our Ed25519 IssuerKey a verification method (or JWT ``kid``) names, or None.

    The method must be ``<the issuer's DID>#<key uuid>``: a key of one issuer named under
    another's DID is not found."""
    if not isinstance(method, str) or "#" not in method:
        return None
    did_part, _, fragment = method.partition("#")
    key = (
        IssuerKey.objects.filter(uuid=fragment, algorithm=ED25519)
        .select_related("issuer__site")
        .first()
        if _is_uuid(fragment)
        else None
    )
    if key is None or did.issuer_did(key.issuer) != did_part:
        return None
    return key


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
