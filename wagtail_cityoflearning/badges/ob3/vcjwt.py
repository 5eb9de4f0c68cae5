"""VC-JWT (Open Badges 3.0, section 8.2): the credential as the payload of a compact JWS
signed with EdDSA (Ed25519), with the registered claims iss, jti, nbf and exp (and sub when
the subject has an id; ours are identified by a hashed email instead). The payload is the
credential with its Data Integrity proof, which the specification asks to be made first."""

import json
from datetime import datetime

import jwt

# Open Badges 3.0 (8.2.4.1): "typ", if present, MUST be "JWT"; no other JOSE headers.
TYPE = "JWT"


def _seconds(text: str | None) -> int | None:
    if not text:
        return None
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def claims(credential: dict) -> dict:
    issuer = credential.get("issuer")
    subject = credential.get("credentialSubject") or {}
    payload = dict(credential)
    payload["iss"] = issuer.get("id") if isinstance(issuer, dict) else issuer
    payload["jti"] = credential.get("id")
    if isinstance(subject, dict) and subject.get("id"):
        payload["sub"] = subject["id"]
    payload["nbf"] = _seconds(credential.get("validFrom"))
    expires = _seconds(credential.get("validUntil"))
    if expires is not None:
        payload["exp"] = expires
    return {key: value for key, value in payload.items() if value is not None}


def encode(credential: dict, private_key, kid: str) -> str:
    return jwt.encode(
        claims(credential), private_key, algorithm="EdDSA", headers={"kid": kid, "typ": TYPE}
    )


def decode(token: str, public_key, *, verify_dates: bool = False) -> dict:
    """The payload, if ``public_key`` signed it (``jwt.InvalidTokenError`` otherwise).

    Dates are read by the caller (an expired badge is still a genuine one)."""
    return jwt.decode(
        token,
        public_key,
        algorithms=["EdDSA"],
        options={"verify_exp": verify_dates, "verify_nbf": verify_dates, "verify_aud": False},
    )


def unverified(token: str) -> tuple[dict, dict]:
    """The header and payload of a compact JWS, unchecked (ValueError if it is not one)."""
    if not isinstance(token, str) or token.count(".") != 2:
        raise ValueError("Not a compact JWS")
    try:
        header = jwt.get_unverified_header(token)
        payload = jwt.decode(token, options={"verify_signature": False})
    except (jwt.InvalidTokenError, json.JSONDecodeError, UnicodeError) as error:
        raise ValueError("Not a readable JWS") from error
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise ValueError("Not a JWS of a JSON object")
    return header, payload
