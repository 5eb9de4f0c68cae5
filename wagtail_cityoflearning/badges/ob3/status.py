"""Revocation through a W3C Bitstring Status List: one bit per award of an issuer, set once the
award is revoked. The list is a credential of the issuer, signed as a VC-JWT and built from
the awards at each request, so it changes the moment a badge is revoked."""

import base64
import gzip
import io
from datetime import timedelta

from django.utils import timezone

from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.badges.ob3.credentials import status_list_url
from wagtail_cityoflearning.badges.ob3.dataintegrity import xml_datetime
from wagtail_cityoflearning.badges.ob3.did import issuer_did
from wagtail_cityoflearning.badges.ob3.issue import sign_jwt

# The specification's minimum length (16 KB), so that one list does not tell how many
# badges an issuer gave; it grows in steps of that size.
MINIMUM_BITS = 131_072


def encode_list(indexes, size: int = MINIMUM_BITS) -> str:
    """Multibase base64url (``u``) of the GZIP of the bitstring with ``indexes`` set."""
    indexes = list(indexes)
    while indexes and max(indexes) >= size:
        size += MINIMUM_BITS
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def decode_list(encoded: str, *, limit: int = 16 * 1024 * 1024) -> bytes:
    """The bitstring of an ``encodedList`` (ValueError when it is not one, or too large)."""
    if not isinstance(encoded, str) or not encoded:
        raise ValueError("No encoded list")
    body = encoded[1:] if encoded[0] == "u" else encoded
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        with gzip.GzipFile(fileobj=io.BytesIO(packed)) as handle:
            bits = handle.read(limit + 1)
    except (ValueError, OSError, EOFError) as error:
        raise ValueError("Not a GZIP-compressed base64url bitstring") from error
    if len(bits) > limit:
        raise ValueError("The status list is too large")
    return bits


def is_set(bits: bytes, index: int) -> bool:
    if index < 0 or index // 8 >= len(bits):
        raise ValueError("The index is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def revoked_indexes(issuer) -> list[int]:
    return list(
        Award.objects.filter(
            badge_class__issuer=issuer, revoked=True, status_index__isnull=False
        ).values_list("status_index", flat=True)
    )


def status_list_credential(issuer) -> dict:
    url = status_list_url(issuer)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(issuer),
        # A minute back, for verifiers whose clocks run a little slow.
        "validFrom": xml_datetime(timezone.now() - timedelta(minutes=1)),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_list(revoked_indexes(issuer)),
        },
    }


def status_list_jwt(issuer) -> str:
    return sign_jwt(issuer, status_list_credential(issuer))
