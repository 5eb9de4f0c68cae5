"""Open Badges 3.0 credentials: this site's own checked against its keys and records, other
issuers' signature (Data Integrity ``eddsa-rdfc-2022`` or VC-JWT) checked with a ``did:key``
at once or a ``did:web`` key fetched when allowed, and their Bitstring Status List read."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import jwt
from django.utils.translation import gettext as _
from pyld.jsonld import JsonLdError

from wagtail_cityoflearning.badges.ob3 import dataintegrity, did, issue, vcjwt
from wagtail_cityoflearning.badges.ob3 import status as status_lists
from wagtail_cityoflearning.badges.verifier.claims import (
    claimed_expiry,
    claims_ob3,
    issuer_of,
    ob3_recipient,
    subject_of,
)
from wagtail_cityoflearning.badges.verifier.fetching import FetchError, http_failure
from wagtail_cityoflearning.badges.verifier.own import (
    award_recipient,
    did_host,
    from_records,
    is_own_did,
    issued_here,
    own_ref,
    record_status,
)
from wagtail_cityoflearning.badges.verifier.reading import JWS_SHAPE, mapping, read_token
from wagtail_cityoflearning.badges.verifier.report import (
    FAILED,
    NOT_CHECKED,
    OK,
    Report,
    not_fetched,
    signature_broken,
    signed_by,
)

# A credential's signature is checked only when it has at most this many objects without an
# id (blank nodes): canonicalising crafted ones can take very long. A badge has a few dozen.
MAX_BLANK_NODES = 300


class OB3Checks:
    """The Open Badges 3.0 checks, mixed into :class:`~.session.Session` (they use its ``email``
    and ``fetcher``)."""

    def ob3(self, credential: dict, fmt: str, token=None, header=None) -> Report:
        report = Report(version="3.0", format=fmt)
        claims_ob3(report, credential)
        method = verification_method(credential, token, header)
        key = issue.own_key(method) if method else None
        ref = own_ref(credential.get("id"))
        if key is not None or ref is not None or is_own_did(method or issuer_of(credential)):
            self.own_ob3(report, credential, key, ref, token)
        else:
            self.foreign_ob3(report, credential, method, token)
        return report.finish()

    def own_ob3(self, report, credential, key, ref, token) -> None:
        report.ours = True
        if key is None:
            report.add(
                "signature", FAILED, _("The key named in it is not one of this site's keys.")
            )
        else:
            signature_check(report, credential, issue.public_key(key), token, ours=True)
            if report.check("signature").status == OK:
                report.add("signature", OK, signed_by(key.issuer.name))
        award = ref.award() if ref is not None else None
        if award is None:
            report.add("issuer", FAILED, _("This site has issued no badge at this address."))
            return
        from_records(report, award)
        issuer = award.badge_class.issuer
        if key is not None and key.issuer_id != issuer.pk:
            report.add("issuer", FAILED, _("The key that signed it belongs to another issuer."))
        elif issuer_of(credential) != did.issuer_did(issuer):
            report.add("issuer", FAILED, _("It names an issuer other than the one who awarded it."))
        else:
            report.add("issuer", OK, issued_here(issuer))
        record_status(report, award)
        report.recipient = award_recipient(award, self.email)

    def foreign_ob3(self, report, credential, method, token) -> None:
        report.recipient = ob3_recipient(credential, self.email)
        claimed_expiry(report)
        issuer = issuer_of(credential)
        host = did_host(method or issuer) or urlsplit(str(credential.get("id") or "")).hostname
        public_key, reason = None, not_fetched(host)
        if method and method.startswith("did:key:"):
            public_key, reason = did_key(method)
        elif self.fetcher is not None and method:
            try:
                public_key, reason = resolve_key(self.fetcher, method)
            except FetchError as error:
                reason = error.reason
        elif not method:
            reason = _("It names no key to check its signature with.")
        if token is None and not credential.get("proof"):
            report.add("signature", FAILED, _("It carries no proof (signature) at all."))
        elif public_key is None:
            report.add("signature", NOT_CHECKED, reason)
        else:
            signature_check(report, credential, public_key, token, ours=False)
        if method and issuer.startswith("did:") and method.split("#")[0] != issuer:
            report.add("issuer", FAILED, _("It was signed with a key that is not its issuer's."))
        elif method and method.split("#")[0] != issuer:
            report.add(
                "issuer",
                NOT_CHECKED,
                _("Whether the key that signed it belongs to its issuer could not be confirmed."),
            )
        elif issuer.startswith("did:key:"):
            report.add(
                "issuer",
                NOT_CHECKED,
                _("The issuer is named by a key only: who holds that key cannot be confirmed."),
            )
        elif public_key is not None:
            report.add("issuer", OK, _("Signed with a key that %(issuer)s publishes.") % {
                "issuer": host or issuer
            })  # fmt: skip
        else:
            report.add("issuer", NOT_CHECKED, reason)
        self.foreign_status(report, credential, host)

    def foreign_status(self, report, credential, host) -> None:
        entries = credential.get("credentialStatus")
        entries = entries if isinstance(entries, list) else [entries] if entries else []
        entry = next(
            (
                e for e in entries
                if isinstance(e, dict) and e.get("statusPurpose", "revocation") == "revocation"
            ),
            None,
        )  # fmt: skip
        if entry is None:
            report.add(
                "revocation",
                OK,
                _("The issuer keeps no revocation list for it: it cannot be revoked."),
            )
            return
        if self.fetcher is None:
            report.add("revocation", NOT_CHECKED, not_fetched(host))
            return
        try:
            revoked = status_list_bit(self.fetcher, entry, issuer_of(credential))
        except FetchError as error:
            report.add("revocation", NOT_CHECKED, error.reason)
            return
        except (ValueError, TypeError, KeyError):
            report.add("revocation", NOT_CHECKED, _("The issuer's revocation list cannot be read."))
            return
        if revoked:
            report.add("revocation", FAILED, _("The issuer's revocation list says it is revoked."))
        else:
            report.add("revocation", OK, _("Not revoked: checked in the issuer's revocation list."))


# -- keys, signatures and status lists -----------------------------------------------------


def verification_method(credential: dict, token, header) -> str:
    if token is not None:
        kid = mapping(header).get("kid")
        kid = kid if isinstance(kid, str) else ""
        issuer = issuer_of(credential)
        return issuer + kid if kid.startswith("#") and issuer else kid
    proof = credential.get("proof")
    proofs = proof if isinstance(proof, list) else [proof]
    for each in proofs:
        if isinstance(each, dict) and isinstance(each.get("verificationMethod"), str):
            return each["verificationMethod"]
    return ""


def signature_check(report, credential, public_key, token, *, ours: bool) -> None:
    """Whether ``public_key`` signed the credential: its VC-JWT ``token``, or else its Data
    Integrity proof. Dates are left to the expiry check (an expired badge is still genuine)."""
    if token is not None:
        try:
            vcjwt.decode(token, public_key)
        except (jwt.InvalidTokenError, ValueError, TypeError):
            report.add("signature", FAILED, signature_broken())
        else:
            report.add("signature", OK, _("The signature holds."))
        return
    if not credential.get("proof"):
        report.add("signature", FAILED, _("It carries no proof (signature) at all."))
        return
    if blank_nodes(credential) > MAX_BLANK_NODES:
        # Canonicalising many unnamed objects can take very long: such a document is not
        # checked (no badge needs that many).
        report.add(
            "signature",
            FAILED if ours else NOT_CHECKED,
            _("It is too complex to check its signature here."),
        )
        return
    try:
        holds = dataintegrity.verify_proof(credential, public_key)
    except Exception as error:  # ProofError, or what the JSON-LD processor raises on odd input
        if not ours and isinstance(error.__cause__, JsonLdError):
            report.add(
                "signature",
                NOT_CHECKED,
                _("It uses vocabulary (a JSON-LD context) this site does not have."),
            )
        else:
            report.add(
                "signature", FAILED, _("Its proof (signature) is damaged or does not fit it.")
            )
        return
    if holds:
        report.add("signature", OK, _("The signature holds."))
    else:
        report.add("signature", FAILED, signature_broken())


def blank_nodes(value, limit: int = 10_000) -> int:
    """How many JSON objects without an ``id`` the document has (up to about ``limit``)."""
    count, stack = 0, [value]
    while stack and count <= limit:
        item = stack.pop()
        if isinstance(item, dict):
            count += "id" not in item and "@id" not in item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def did_key(method: str):
    """The public key a ``did:key`` method names (no one is contacted)."""
    try:
        key = did.public_key_from_multikey(method[len("did:key:") :].split("#")[0])
    except ValueError:
        return None, _("Its key (did:key) cannot be read.")
    return key, ""


def resolve_key(fetcher, method: str):
    """The public key of a ``did:web`` verification method, from its DID document."""
    identifier = method.split("#")[0]
    if not identifier.startswith("did:web:"):
        return None, _("Its key is of a kind this site cannot look up.")
    try:
        url = did.did_url(identifier)
    except ValueError:
        return None, _("Its key is of a kind this site cannot look up.")
    response = fetcher.get(url, accept="application/did+json, application/json")
    if response.status >= 400:
        return None, http_failure(response)
    document = response.json()
    methods = document.get("verificationMethod") if isinstance(document, dict) else None
    for entry in methods if isinstance(methods, list) else []:
        if not isinstance(entry, dict):
            continue
        entry_id = entry.get("id") if isinstance(entry.get("id"), str) else ""
        if entry_id.startswith("#"):
            entry_id = identifier + entry_id
        if entry_id != method:
            continue
        if entry.get("publicKeyMultibase"):
            try:
                return did.public_key_from_multikey(entry["publicKeyMultibase"]), ""
            except ValueError:
                break
        jwk = entry.get("publicKeyJwk")
        if isinstance(jwk, dict) and jwk.get("crv") == "Ed25519":
            try:
                return jwt.PyJWK(jwk, algorithm="EdDSA").key, ""
            except jwt.PyJWKError:
                break
        break
    return None, _("The issuer does not publish the key named in it.")


def status_list_bit(fetcher, entry: dict, issuer: str) -> bool:
    url = entry.get("statusListCredential")
    index = int(entry.get("statusListIndex"))
    response = fetcher.get(url, accept="application/vc+jwt, application/json")
    if response.status >= 400:
        raise FetchError(http_failure(response))
    body = response.text().strip()
    if JWS_SHAPE.match(body):
        _header, listing = read_token(body)
    else:
        listing = json.loads(body)
    if isinstance(listing, dict) and isinstance(listing.get("vc"), dict):
        listing = listing["vc"]
    if issuer_of(listing) != issuer:
        raise ValueError("another issuer's list")
    bits = status_lists.decode_list(subject_of(listing)["encodedList"])
    return status_lists.is_set(bits, index)
