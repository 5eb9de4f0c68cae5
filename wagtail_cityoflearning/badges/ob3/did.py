"""``did:web`` identifiers for issuers, their DID documents and Multikey public keys.

A city's issuer is the Site itself, ``did:web:ljubljana.example``, whose document is served at
``/.well-known/did.json``; any other issuer (a provider's) has a path on its Site's host,
``did:web:ljubljana.example:badges:issuers:<uuid>``, served at ``…/issuers/<uuid>/did.json``
(the path follows where the site mounts the badges' URLs). Documents list every Ed25519 key of
the issuer, the retired ones too, so credentials they signed still verify.
"""

from urllib.parse import quote, unquote, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.urls import reverse

from wagtail_cityoflearning.badges.ob3.keys import public_key

DID_CONTEXT = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
ED25519_PREFIX = b"\xed\x01"  # the multicodec of an Ed25519 public key
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, rest = divmod(number, 58)
        text = ALPHABET[rest] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


# Longer than any key or signature this package reads (a signature is 88 characters): the
# decoding's cost grows with the square of the length, so longer input is refused unread.
MAX_BASE58 = 128


def base58btc_decode(text: str) -> bytes:
    if len(text) > MAX_BASE58:
        raise ValueError("Too long for a key or a signature")
    number = 0
    for char in text:
        index = ALPHABET.find(char)
        if index < 0:
            raise ValueError("Not base58btc")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def multikey(public_key: Ed25519PublicKey) -> str:
    """The key as ``publicKeyMultibase``: "z" + base58btc(0xed01 + the 32 raw bytes)."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return "z" + base58btc_encode(ED25519_PREFIX + raw)


def public_key_from_multikey(text: str) -> Ed25519PublicKey:
    """The Ed25519 public key of a ``z6Mk…`` Multikey; ValueError for anything else."""
    if not isinstance(text, str) or not text.startswith("z"):
        raise ValueError("Not a base58btc multibase key")
    data = base58btc_decode(text[1:])
    if not data.startswith(ED25519_PREFIX) or len(data) != 34:
        raise ValueError("Not an Ed25519 Multikey")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def _host(issuer) -> str:
    # The Site's host, with a port written as %3A (did:web's rule).
    return quote(urlsplit(issuer.base_url).netloc, safe="")


def issuer_did(issuer) -> str:
    if issuer.site_id:
        return f"did:web:{_host(issuer)}"
    path = reverse("wagtail_cityoflearning_badges:issuer_did", kwargs={"uuid": issuer.uuid})
    segments = [quote(part, safe="") for part in path.strip("/").split("/")[:-1]]
    return ":".join([f"did:web:{_host(issuer)}", *segments])


def did_url(did: str) -> str:
    """The https URL of a ``did:web`` identifier's document (ValueError for other DIDs)."""
    if not did.startswith("did:web:") or "#" in did:
        raise ValueError("Not a did:web identifier")
    host, *path = (unquote(part) for part in did[len("did:web:") :].split(":"))
    if not host or "/" in host:
        raise ValueError("A did:web identifier needs a host")
    if not path:
        return f"https://{host}/.well-known/did.json"
    return f"https://{host}/{'/'.join(quote(part) for part in path)}/did.json"


def method_id(key) -> str:
    return f"{issuer_did(key.issuer)}#{key.uuid}"


def did_document(issuer, keys) -> dict:
    """The DID document of ``issuer`` listing ``keys`` (its Ed25519 IssuerKeys)."""
    did = issuer_did(issuer)
    methods = [
        {
            "id": f"{did}#{key.uuid}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": multikey(public_key(key)),
        }
        for key in keys
    ]
    return {
        "@context": DID_CONTEXT,
        "id": did,
        "alsoKnownAs": [issuer.base_url + _issuer_path(issuer)],
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def _issuer_path(issuer) -> str:
    return reverse("wagtail_cityoflearning_badges:issuer", kwargs={"uuid": issuer.uuid})
