"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa).

Signing: canonicalise (RDFC-1.0) the document without its proof and the proof's options with
the document's ``@context``; hash each with SHA-256; sign the proof options' hash followed by
the document's with Ed25519; the signature travels as a base58btc multibase ``proofValue``.
"""

import copy
import hashlib
from datetime import UTC

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.utils import timezone
from pyld.jsonld import JsonLdError

from wagtail_cityoflearning.badges.ob3.did import base58btc_decode, base58btc_encode
from wagtail_cityoflearning.badges.ob3.jsonld import TooComplex, canonize

CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """The document or its proof cannot be read as an ``eddsa-rdfc-2022`` proof."""


def xml_datetime(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def hash_data(document: dict, options: dict, loader=None) -> bytes:
    """SHA-256 of the canonical proof options followed by SHA-256 of the canonical document."""
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = {key: value for key, value in options.items() if key != "proofValue"}
    config["@context"] = unsecured.get("@context")
    try:
        canonical_config = canonize(config, loader)
        canonical_document = canonize(unsecured, loader)
    except TooComplex:
        raise
    except (JsonLdError, ValueError, TypeError, KeyError, RecursionError) as error:
        raise ProofError(f"The document cannot be canonicalised: {error}") from error
    return (
        hashlib.sha256(canonical_config.encode()).digest()
        + hashlib.sha256(canonical_document.encode()).digest()
    )


def proof_options(verification_method: str, created=None) -> dict:
    """The options of a new proof by ``verification_method`` (without its value)."""
    return {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": xml_datetime(created or timezone.now()),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }


def config_hash(context, options: dict, loader=None) -> bytes:
    """SHA-256 of the canonical proof options (the first half of :func:`hash_data`), for a
    document whose ``@context`` is ``context``: the same for every document signed with the
    same options."""
    config = {key: value for key, value in options.items() if key != "proofValue"}
    config["@context"] = context
    return hashlib.sha256(canonize(config, loader).encode()).digest()


def proof_value(signature: bytes) -> str:
    return "z" + base58btc_encode(signature)


def add_proof(
    document: dict,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    *,
    created=None,
    loader=None,
    options: dict | None = None,
) -> dict:
    """A copy of ``document`` with a DataIntegrityProof (``eddsa-rdfc-2022``).

    ``options`` replaces the proof options entirely (for the published test vectors)."""
    options = dict(options) if options else proof_options(verification_method, created)
    options.pop("@context", None)
    signature = private_key.sign(hash_data(document, options, loader))
    secured = copy.deepcopy({key: value for key, value in document.items() if key != "proof"})
    secured["proof"] = {**options, "proofValue": proof_value(signature)}
    return secured


def read_proof(document: dict) -> dict:
    """The one ``eddsa-rdfc-2022`` proof of ``document`` (ProofError if there is not one)."""
    if not isinstance(document, dict):
        raise ProofError("A credential is a JSON object.")
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("The credential carries no single proof.")
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("The proof is not an eddsa-rdfc-2022 Data Integrity proof.")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("The proof is not for an assertion.")
    if not isinstance(proof.get("verificationMethod"), str):
        raise ProofError("The proof names no key.")
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofError("The proof value is not base58btc.")
    return proof


def verify_proof(document: dict, public_key: Ed25519PublicKey, *, loader=None) -> bool:
    """Whether ``document``'s proof is a valid signature of ``public_key`` over it."""
    proof = read_proof(document)
    try:
        signature = base58btc_decode(proof["proofValue"][1:])
    except ValueError as error:
        raise ProofError("The proof value is not base58btc.") from error
    if len(signature) != 64:
        return False
    options = {key: value for key, value in proof.items() if key != "@context"}
    try:
        public_key.verify(signature, hash_data(document, options, loader))
    except InvalidSignature:
        return False
    return True
