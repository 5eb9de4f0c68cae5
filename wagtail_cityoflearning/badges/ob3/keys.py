"""An IssuerKey's Ed25519 key pair as ``cryptography`` objects (PEM in the database)."""

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def private_key(key) -> Ed25519PrivateKey:
    return serialization.load_pem_private_key(key.private_key_pem.encode(), password=None)


def public_key(key) -> Ed25519PublicKey:
    return serialization.load_pem_public_key(key.public_key_pem.encode())
