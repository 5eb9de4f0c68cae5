"""Issuer keys (RSA for Open Badges 2.0, Ed25519 for 3.0) and RS256 signatures (JWS) over
Open Badges 2.0 assertions, for signed verification."""

import json

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from django.db import transaction
from django.utils import timezone

from wagtail_cityoflearning.badges.models import IssuerKey


def generate_key(issuer, *, bits: int = 2048, algorithm: str = "RS256") -> IssuerKey:
    """Create a new active key pair of ``algorithm`` ("RS256" for Open Badges 2.0, "Ed25519"
    for 3.0) for ``issuer`` and retire its previous keys of that algorithm.

    Retired keys stay published, so badges signed with them still verify.
    """
    if algorithm == IssuerKey.Algorithm.ED25519:
        private = ed25519.Ed25519PrivateKey.generate()
    elif algorithm == IssuerKey.Algorithm.RS256:
        private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    else:
        raise ValueError(f"Unknown key algorithm {algorithm!r}")
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    with transaction.atomic():
        issuer.keys.filter(retired_at__isnull=True, algorithm=algorithm).update(
            retired_at=timezone.now()
        )
        return IssuerKey.objects.create(
            issuer=issuer,
            algorithm=algorithm,
            public_key_pem=public_pem,
            private_key_pem=private_pem,
        )


def sign(assertion: dict, key: IssuerKey, *, private_key=None) -> str:
    """The compact JWS (RS256) whose payload is the assertion JSON. ``private_key``: the
    key's private key already loaded (:func:`load_private_key`), when signing many."""
    payload = json.dumps(assertion, separators=(",", ":"), ensure_ascii=False).encode()
    return jwt.api_jws.encode(payload, private_key or key.private_key_pem, algorithm="RS256")


def load_private_key(key: IssuerKey):
    return serialization.load_pem_private_key(key.private_key_pem.encode(), password=None)


def verify(token: str, public_key_pem: str) -> dict:
    """The assertion inside a JWS, if the signature matches the public key."""
    return json.loads(jwt.api_jws.decode(token, public_key_pem, algorithms=["RS256"]))
