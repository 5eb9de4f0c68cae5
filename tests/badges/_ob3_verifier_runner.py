"""Verify one Open Badges 3.0 credential with openbadgeslib 4.6.3 (``[ldp]``).

This script runs under the verifier's own virtualenv (see ``ob3_verifier.py``), never in the
project's environment: it may use only the standard library and that virtualenv's packages.

It reads one JSON object on stdin and prints one JSON object on stdout.

Verify (the default action)::

    {"format": "jwt" | "json", "credential": compact JWS | credential document,
     "documents": {https URL: body text}}

    -> {"valid": bool, "error": str | null, "issuer": str | null, "revoked": bool,
        "id": str | null, "requested": [URL, ...]}

A VC-JWT is verified with ``OB3Verifier.for_issuer_did(iss)`` and ``verify``; a Data
Integrity document with ``OB3LdpVerifier().verify``; both with ``check_status=True`` and
``verify_status_list=True`` (the status list must be a VC-JWT signed by the issuer's key).
``"format": "proof"`` checks only the Data Integrity proof of any document (an
EndorsementCredential, say) with ``verify_data_integrity_proof``, its verification method
resolved from the document's ``did:web`` issuer, which must own it.
Every fetch the verifier makes goes through a download function that answers from
``documents`` and raises for any other URL, so nothing reaches the network.

Issue (used to test this harness with credentials the library makes itself)::

    {"action": "issue", "did": "did:web:...", "status_url": https URL,
     "index": int, "revoked": bool, "valid_until": ISO datetime | null}

    -> {"jwt": compact JWS, "json": secured document,
        "documents": {DID document URL: text, status_url: status list VC-JWT}}

Exit status 0 whenever a verdict (or an issued credential) was printed, valid or not; 2 on
harness errors (bad input, a crash of the harness itself), with a message on stderr.
"""

import json
import os
import re
import sys
import traceback

# Python puts this script's folder first on sys.path; nothing there is meant for this process.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

HARNESS_ERROR = 2
REVOKED = re.compile(r"Credential status '(revocation|suspension)' is set at index")


class HarnessError(Exception):
    pass


class NotServed(OSError):
    """A URL the test did not hand over: the verifier may not fetch it."""


def downloader(documents, requested):
    def download(url, *args, **kwargs):
        requested.append(url)
        if url not in documents:
            raise NotServed(f"{url} is not available offline")
        return documents[url].encode("utf-8")

    return download


def _unverified(kind, credential):
    """The issuer and id the credential names, read without checking anything. A VC-JWT
    whose payload cannot be read names its issuer's DID in its ``kid``, so that the verifier
    still gets to check (and fail) the signature."""
    try:
        if kind == "jwt":
            import jwt

            try:
                body = jwt.decode(credential, options={"verify_signature": False})
            except (jwt.InvalidTokenError, ValueError):
                kid = jwt.get_unverified_header(credential).get("kid")
                return (kid.partition("#")[0] if isinstance(kid, str) else None), None
            return body.get("iss") or _issuer_id(body.get("issuer")), body.get("jti")
        return _issuer_id(credential.get("issuer")), credential.get("id")
    except Exception:
        return None, None


def _issuer_id(issuer):
    if isinstance(issuer, str):
        return issuer
    if isinstance(issuer, dict) and isinstance(issuer.get("id"), str):
        return issuer["id"]
    return None


def verify(request):
    from openbadgeslib.ob3 import OB3Verifier
    from openbadgeslib.ob3.ldp import OB3LdpVerifier
    from openbadgeslib.ob3.verifier import OB3VerificationError

    kind = request.get("format")
    credential = request.get("credential")
    documents = request.get("documents") or {}
    if kind not in ("jwt", "json", "proof"):
        raise HarnessError(f"format must be 'jwt', 'json' or 'proof', not {kind!r}")
    if kind == "jwt" and not isinstance(credential, str):
        raise HarnessError("a 'jwt' credential is a compact JWS string")
    if kind in ("json", "proof") and not isinstance(credential, dict):
        raise HarnessError(f"a {kind!r} credential is a JSON object")
    if not isinstance(documents, dict) or not all(
        isinstance(url, str) and isinstance(body, str) for url, body in documents.items()
    ):
        raise HarnessError("documents maps URLs to text")

    requested = []
    download = downloader(documents, requested)
    issuer, credential_id = _unverified(kind, credential)
    result = {
        "valid": False,
        "error": None,
        "issuer": issuer,
        "revoked": False,
        "id": credential_id,
        "requested": requested,
    }
    try:
        if kind == "jwt":
            if not isinstance(issuer, str) or not issuer.startswith("did:"):
                raise OB3VerificationError(f"the credential's issuer {issuer!r} is not a DID")
            verifier = OB3Verifier.for_issuer_did(issuer, download=download)
            verified = verifier.verify(
                credential, check_status=True, verify_status_list=True, download=download
            )
        elif kind == "proof":
            check_proof(credential, issuer, download)
            result.update(valid=True)
            return result
        else:
            verified = OB3LdpVerifier().verify(
                credential, check_status=True, verify_status_list=True, download=download
            )
    except OB3VerificationError as exc:
        message = str(exc)
        result["error"] = message
        result["revoked"] = bool(REVOKED.search(message))
        return result
    result.update(valid=True, issuer=verified.issuer.id, id=verified.id)
    return result


def check_proof(document, issuer, download):
    """The document's Data Integrity proof, by a key its DID issuer publishes (or raise)."""
    from openbadgeslib.ob3 import resolve_verification_method, verify_data_integrity_proof
    from openbadgeslib.ob3.verifier import OB3VerificationError

    proof = document.get("proof")
    method = proof.get("verificationMethod") if isinstance(proof, dict) else None
    if not isinstance(method, str):
        raise OB3VerificationError("the document has no single proof with a verificationMethod")
    if not isinstance(issuer, str) or method.partition("#")[0] != issuer:
        raise OB3VerificationError(
            f"the proof's verificationMethod {method!r} does not belong to the issuer {issuer!r}"
        )
    verify_data_integrity_proof(document, resolve_verification_method(method, download=download))


def issue(request):
    """A credential issued by the library itself, in both formats, with its documents."""
    from datetime import datetime, timedelta, timezone
    from urllib.parse import unquote

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from openbadgeslib.ob3 import (
        Achievement,
        IdentityObject,
        Issuer,
        OB3LdpSigner,
        OB3Signer,
        OpenBadgeCredential,
        build_status_list_credential,
        multikey_from_pem,
        sign_status_list_credential,
        status_entry,
    )

    did = request["did"]
    status_url = request["status_url"]
    index = int(request.get("index", 0))
    if not did.startswith("did:web:"):
        raise HarnessError("issue needs a did:web")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    method = f"{did}#key-1"
    did_document = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [
            {
                "id": method,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": multikey_from_pem(public_pem),
            }
        ],
        "assertionMethod": [method],
    }
    parts = [unquote(part) for part in did[len("did:web:") :].split(":")]
    if len(parts) > 1:
        did_url = "https://{}/{}/did.json".format(parts[0], "/".join(parts[1:]))
    else:
        did_url = f"https://{parts[0]}/.well-known/did.json"

    now = datetime.now(timezone.utc).replace(microsecond=0)  # noqa: UP017 -- Python 3.10 too
    valid_until = request.get("valid_until")
    credential = OpenBadgeCredential(
        issuer=Issuer(id=did, name="Harness issuer", url="https://issuer.example/"),
        recipient_id=None,
        identifiers=[IdentityObject.create("ana@example.org", salt="pepper")],
        achievement=Achievement(
            id="https://issuer.example/achievements/1",
            name="Harness badge",
            description="Issued by the verifier's own library.",
            criteria_narrative="Be issued by the test.",
        ),
        issuance_date=now - timedelta(minutes=1),
        expiration_date=datetime.fromisoformat(valid_until) if valid_until else None,
        credential_status=[status_entry(status_url, "revocation", index)],
    )
    status_list = build_status_list_credential(
        did, status_url, "revocation", [index] if request.get("revoked") else [index + 1]
    )
    return {
        "jwt": OB3Signer(private_pem, algorithm="EdDSA").sign(credential),
        "json": OB3LdpSigner(private_pem, verification_method=method).sign(credential),
        "documents": {
            did_url: json.dumps(did_document),
            status_url: sign_status_list_credential(status_list, private_pem, "EdDSA"),
        },
    }


def benchmark(request):
    """Median milliseconds of openbadgeslib's own signing and verifying of one credential:
    the Data Integrity building blocks (the same work as ours: canonicalisation and Ed25519),
    its full Data Integrity verifier with the key pinned, and its VC-JWT verifier."""
    import statistics
    import time

    from openbadgeslib.ob3.ldp import (
        OB3LdpVerifier,
        add_data_integrity_proof,
        verify_data_integrity_proof,
    )
    from openbadgeslib.ob3.verifier import OB3Verifier

    document, secured, token = request["document"], request["secured"], request["token"]
    private_pem = request["private_pem"].encode()
    public_pem = request["public_pem"].encode()
    method = request["method"]
    runs = int(request.get("runs", 100))
    ldp = OB3LdpVerifier(pubkey_pem=public_pem)
    jwt_verifier = OB3Verifier(public_pem)
    work = {
        "OB 3.0 Data Integrity, sign": lambda: add_data_integrity_proof(
            document, private_pem, method
        ),
        "OB 3.0 Data Integrity, verify": lambda: verify_data_integrity_proof(secured, public_pem),
        "OB 3.0 Data Integrity, full verifier": lambda: ldp.verify(secured),
        "OB 3.0 VC-JWT, verify": lambda: jwt_verifier.verify(token),
    }
    checks = []
    for name, run in work.items():
        try:
            run()
        except Exception as exc:  # a verdict, reported, not a harness error
            checks.append([f"{name}: {type(exc).__name__}: {exc}"[:300], False])
    failed = {text.split(":")[0] for text, ok in checks if not ok}
    checks.append(["accepts our credential in both formats and reproduces the work", not failed])
    times = {name: [] for name in work if name not in failed}
    for _ in range(runs):
        for name in times:
            started = time.perf_counter()
            work[name]()
            times[name].append((time.perf_counter() - started) * 1000)
    return {
        "medians": {name: statistics.median(values) for name, values in times.items()},
        "checks": checks,
    }


def main():
    try:
        try:
            request = json.loads(sys.stdin.read())
        except ValueError as exc:
            raise HarnessError(f"stdin is not JSON: {exc}") from exc
        if not isinstance(request, dict):
            raise HarnessError("stdin is not a JSON object")
        action = request.get("action", "verify")
        if action == "verify":
            answer = verify(request)
        elif action == "issue":
            answer = issue(request)
        elif action == "verify_batch":
            # Many credentials in one process: {"items": [{"format", "credential"}],
            # "documents": {...}} -> {"results": [verdict, ...]}, in order.
            documents = request.get("documents") or {}
            answer = {
                "results": [
                    verify({**item, "documents": documents}) for item in request.get("items", [])
                ]
            }
        elif action == "benchmark":
            answer = benchmark(request)
        else:
            raise HarnessError(f"unknown action {action!r}")
        text = json.dumps(answer, indent=2, sort_keys=True)
    except HarnessError as exc:
        print(f"ob3-verifier harness error: {exc}", file=sys.stderr)
        return HARNESS_ERROR
    except Exception:
        print("ob3-verifier harness error: the harness raised", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return HARNESS_ERROR
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
