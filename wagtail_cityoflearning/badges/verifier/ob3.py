"""Open Badges 3.0 credentials: this site's own checked against its keys and records (the copy
it keeps is what is shown), other issuers' signature (Data Integrity ``eddsa-rdfc-2022`` or an
EdDSA VC-JWT) checked with a ``did:key`` at once or a ``did:web`` key fetched when allowed, and
their Bitstring Status Lists (revocation and suspension) read, when signed by their issuer.

A Data Integrity proof signs the credential's RDF, not its JSON, and JSON-LD can write the same
RDF in JSON that reads differently (a date under its full IRI, a term mapped anew by an inline
context, an object that RDF drops). So a credential is checked only when it is written in the
plain form: ``@context`` a list of the contexts this package bundles, the Verifiable
Credentials 2.0 one first; no key with ``:`` or starting with ``@``; every ``id`` an absolute
IRI (no blank node ``_:``)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import jwt
from django.utils.translation import gettext as _
from pyld.jsonld import JsonLdError

from wagtail_cityoflearning.badges.ob3 import dataintegrity, did, issue, jsonld, vcjwt
from wagtail_cityoflearning.badges.ob3 import status as status_lists
from wagtail_cityoflearning.badges.verifier.claims import (
    claimed_expiry,
    claims_ob3,
    issuer_of,
    ob3_recipient,
    one,
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
    refused_form,
    signature_broken,
    signed_by,
    too_complex,
    unsupported_signature,
)

# Another issuer's credential is canonicalised only when it has at most this many objects
# without an id (blank nodes): canonicalising crafted ones can take very long. A badge has a
# few dozen. (This site's own are compared with the copy it keeps instead.)
MAX_BLANK_NODES = 300
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S*$")
PROOF_TYPE, CRYPTOSUITE = "DataIntegrityProof", dataintegrity.CRYPTOSUITE
JWT_ALGORITHM = "EdDSA"
STATUS_PURPOSES = ("revocation", "suspension")

# How a credential is written: in the plain form, refused, or naming contexts this site
# does not have.
PLAIN, REFUSED, UNKNOWN_CONTEXT = "plain", "refused", "unknown_context"


class StatusUnchecked(Exception):
    """A status list that cannot be relied on; ``reason`` says why, in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def unreadable_list() -> str:
    return _("The issuer's status list cannot be read.")


class OB3Checks:
    """The Open Badges 3.0 checks, mixed into :class:`~.session.Session` (they use its ``email``
    and ``fetcher``)."""

    def ob3(self, credential: dict, fmt: str, token=None, header=None, payload=None) -> Report:
        """``credential``: the credential, or the one a VC-JWT ``token`` carries (with its
        ``header`` and whole ``payload``)."""
        report = Report(version="3.0", format=fmt)
        claims_ob3(report, credential, payload if token is not None else None)
        method = verification_method(credential, token, header)
        key = issue.own_key(method) if method else None
        ref = own_ref(credential.get("id"))
        if key is not None or ref is not None or is_own_did(method or issuer_of(credential)):
            self.own_ob3(report, credential, key, ref, token)
        else:
            self.foreign_ob3(report, credential, method, token, header)
        return report.finish()

    # -- this site's own -----------------------------------------------------------------

    def own_ob3(self, report, credential, key, ref, token) -> None:
        """Checked with this site's key and against the copy it keeps, which is then what the
        report shows: the presented one must be that copy (its ``id`` and proof value, or
        the very token)."""
        report.ours = True
        award = ref.award() if ref is not None else None
        stored = award.credential if award is not None else None
        stored = stored if isinstance(stored, dict) and stored else None
        if key is None:
            report.add(
                "signature", FAILED, _("The key named in it is not one of this site's keys.")
            )
        elif token is not None:
            jwt_signature(report, token, issue.public_key(key))
            stored_token = award.credential_jwt if award is not None else None
            if stored_token is not None and signature_holds(report) and token != stored_token:
                report.add("hosted", FAILED, differs_from_kept())
        else:
            own_proof(report, credential, issue.public_key(key), stored)
        if key is not None and signature_holds(report):
            report.add("signature", OK, signed_by(key.issuer.name))
        if award is None:
            report.add("issuer", FAILED, _("This site has issued no badge at this address."))
            return
        kept = stored or credential
        claims_ob3(report, kept)
        from_records(report, award)
        issuer = award.badge_class.issuer
        if key is not None and key.issuer_id != issuer.pk:
            report.add("issuer", FAILED, _("The key that signed it belongs to another issuer."))
        elif issuer_of(kept) != did.issuer_did(issuer):
            report.add("issuer", FAILED, _("It names an issuer other than the one who awarded it."))
        else:
            report.add("issuer", OK, issued_here(issuer))
        record_status(report, award)
        report.recipient = award_recipient(award, self.email)

    # -- other issuers' ------------------------------------------------------------------

    def foreign_ob3(self, report, credential, method, token, header) -> None:
        report.recipient = ob3_recipient(credential, self.email)
        claimed_expiry(report)
        issuer = issuer_of(credential)
        host = did_host(method or issuer) or urlsplit(str(credential.get("id") or "")).hostname
        public_key, reason = None, not_fetched(host)
        proof = None
        if token is not None:
            checkable = mapping(header).get("alg") == JWT_ALGORITHM
            if not checkable:
                reason = unsupported_signature()
                report.add("signature", NOT_CHECKED, reason)
        else:
            proof = proof_precheck(report, credential, ours=False)
            checkable = proof is not None
            if not checkable:
                reason = report.check("signature").reason
        if checkable:
            if not method:
                reason = _("It names no key to check its signature with.")
            elif method.startswith("did:key:"):
                public_key, reason = did_key(method)
            elif self.fetcher is not None:
                try:
                    public_key, reason = resolve_key(self.fetcher, method)
                except FetchError as error:
                    reason = error.reason
            if public_key is None:
                report.add("signature", NOT_CHECKED, reason)
            elif token is not None:
                jwt_signature(report, token, public_key)
            else:
                proof_signature(report, credential, proof, public_key, ours=False)
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
        """Revocation and suspension, from the issuer's status lists the credential names."""
        entries = credential.get("credentialStatus")
        entries = entries if isinstance(entries, list) else [entries]
        wanted = [
            (purpose, entry) for entry in entries
            if isinstance(entry, dict)
            and (purpose := entry.get("statusPurpose", "revocation")) in STATUS_PURPOSES
        ][:4]  # fmt: skip
        if not wanted:
            report.add(
                "revocation",
                OK,
                _("The issuer keeps no revocation list for it: it cannot be revoked."),
            )
            return
        if self.fetcher is None:
            report.add("revocation", NOT_CHECKED, not_fetched(host))
            return
        found, unchecked = set(), ""
        for purpose, entry in wanted:
            try:
                if status_bit(self.fetcher, entry, issuer_of(credential), purpose):
                    found.add(purpose)
            except FetchError as error:
                unchecked = unchecked or error.reason
            except StatusUnchecked as error:
                unchecked = unchecked or error.reason
        if "revocation" in found:
            report.add("revocation", FAILED, _("The issuer's revocation list says it is revoked."))
        elif "suspension" in found:
            report.suspended = True
            report.add("revocation", FAILED, _("The issuer's status list says it is suspended."))
        elif unchecked:
            report.add("revocation", NOT_CHECKED, unchecked)
        else:
            report.add("revocation", OK, _("Not revoked: checked in the issuer's revocation list."))


# -- signatures ----------------------------------------------------------------------------


def signature_holds(report) -> bool:
    check = report.check("signature")
    return check is not None and check.status == OK


def differs_from_kept() -> str:
    return _("It differs from the copy of this badge the issuer keeps, so it cannot be confirmed.")


def verification_method(credential: dict, token, header) -> str:
    if token is not None:
        kid = mapping(header).get("kid")
        kid = kid if isinstance(kid, str) else ""
        issuer = issuer_of(credential)
        return issuer + kid if kid.startswith("#") and issuer else kid
    proof = eddsa_proof(credential)
    if proof is None:
        proofs = credential.get("proof")
        proofs = proofs if isinstance(proofs, list) else [proofs]
        proof = next((p for p in proofs if isinstance(p, dict)), {})
    method = proof.get("verificationMethod")
    return method if isinstance(method, str) else ""


def proofs_of(document: dict) -> list:
    proof = document.get("proof")
    return [p for p in (proof if isinstance(proof, list) else [proof]) if p]


def eddsa_proof(document: dict) -> dict | None:
    """The document's ``eddsa-rdfc-2022`` Data Integrity proof, if it has one."""
    for proof in proofs_of(document):
        if (
            isinstance(proof, dict)
            and proof.get("type") == PROOF_TYPE
            and proof.get("cryptosuite") == CRYPTOSUITE
        ):
            return proof
    return None


def written_form(document: dict) -> str:
    """PLAIN when ``document`` is written so that its JSON reads as the RDF its proof signs;
    UNKNOWN_CONTEXT when it names a context this package does not bundle; REFUSED otherwise."""
    context = document.get("@context")
    if (
        not isinstance(context, list)
        or not context
        or not all(isinstance(each, str) for each in context)
        or context[0] != VC2_CONTEXT
    ):
        return REFUSED
    stack = [(document, True)]
    while stack:
        value, top = stack.pop()
        if isinstance(value, list):
            stack.extend((item, False) for item in value)
            continue
        if not isinstance(value, dict):
            continue
        for key, item in value.items():
            if key == "@context":
                if top:
                    continue
                # An embedded credential (an endorsement) names its contexts again.
                if not isinstance(item, list) or not all(each in jsonld.BUNDLED for each in item):
                    return REFUSED
                continue
            if not isinstance(key, str) or ":" in key or key.startswith("@"):
                return REFUSED
            if key == "id" and not (
                isinstance(item, str) and ABSOLUTE_IRI.match(item) and not item.startswith("_:")
            ):
                return REFUSED
            if top and key == "proof":
                # Not part of what is signed; a proof's own "@context" is not read.
                proofs = item if isinstance(item, list) else [item]
                stack.extend(
                    ({k: v for k, v in p.items() if k != "@context"}, False)
                    if isinstance(p, dict)
                    else (p, False)
                    for p in proofs
                )
                continue
            stack.append((item, False))
    if not all(each in jsonld.BUNDLED for each in context):
        return UNKNOWN_CONTEXT
    return PLAIN


def proof_precheck(report, document: dict, *, ours: bool) -> dict | None:
    """The ``eddsa-rdfc-2022`` proof to check, or None with the reason added to ``report``
    (no proof, a kind of proof this site cannot check, a form it does not accept)."""
    if not proofs_of(document):
        report.add("signature", FAILED, _("It carries no proof (signature) at all."))
        return None
    proof = eddsa_proof(document)
    if proof is None:
        if ours:
            report.add("signature", FAILED, damaged())
        else:
            report.add("signature", NOT_CHECKED, unsupported_signature())
        return None
    form = written_form(document)
    if form == REFUSED or (ours and form != PLAIN):
        report.add("signature", FAILED, refused_form())
        return None
    if form == UNKNOWN_CONTEXT:
        report.add("signature", NOT_CHECKED, unknown_context())
        return None
    if not ours and blank_nodes(document) > MAX_BLANK_NODES:
        report.add("signature", NOT_CHECKED, too_complex())
        return None
    return proof


def damaged() -> str:
    return _("Its proof (signature) is damaged or does not fit it.")


def unknown_context() -> str:
    return _("It uses vocabulary (a JSON-LD context) this site does not have.")


def proof_signature(report, document: dict, proof: dict, public_key, *, ours: bool) -> None:
    """Whether ``public_key`` made ``proof`` over ``document`` (checked by
    :func:`proof_precheck` first). Dates are left to the expiry check."""
    try:
        holds = dataintegrity.verify_proof(dict(document, proof=proof), public_key)
    except Exception as error:  # ProofError, or what the JSON-LD processor raises on odd input
        if is_too_complex(error):
            report.add("signature", NOT_CHECKED, too_complex())
        elif not ours and caused_by(error, JsonLdError):
            report.add("signature", NOT_CHECKED, unknown_context())
        else:
            report.add("signature", FAILED, damaged())
        return
    if holds:
        report.add("signature", OK, _("The signature holds."))
    else:
        report.add("signature", FAILED, signature_broken())


def own_proof(report, credential: dict, public_key, stored: dict | None) -> None:
    """This site's credential with a Data Integrity proof: it must be the copy kept (the same
    ``id`` and proof value); when it is not that very JSON, its proof is checked too."""
    proof = proof_precheck(report, credential, ours=True)
    if proof is None:
        return
    kept = eddsa_proof(stored) if stored is not None else None
    if (
        kept is None
        or credential.get("id") != stored.get("id")
        or proof.get("proofValue") != kept.get("proofValue")
    ):
        report.add("hosted", FAILED, differs_from_kept())
        return
    if credential == stored:
        report.add("signature", OK, _("The signature holds."))
    else:
        proof_signature(report, credential, proof, public_key, ours=True)


def jwt_signature(report, token: str, public_key) -> None:
    try:
        vcjwt.decode(token, public_key)
    except (jwt.InvalidTokenError, ValueError, TypeError, RecursionError):
        report.add("signature", FAILED, signature_broken())
    else:
        report.add("signature", OK, _("The signature holds."))


def caused_by(error: BaseException, kind) -> bool:
    """Whether ``error`` or one it was raised from (or wraps, as pyld does) is a ``kind``."""
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, kind):
            return True
        error = error.__cause__ or error.__context__ or getattr(error, "cause", None)
        seen += 1
    return False


def is_too_complex(error: BaseException) -> bool:
    return caused_by(error, jsonld.TooComplex)


def blank_nodes(value, limit: int = 10_000) -> int:
    """How many JSON objects without an ``id`` (or with a blank node's) the document has (up
    to about ``limit``)."""
    count, stack = 0, [value]
    while stack and count <= limit:
        item = stack.pop()
        if isinstance(item, dict):
            node = item.get("id", item.get("@id"))
            count += not isinstance(node, str) or node.startswith("_:")
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


# -- keys ----------------------------------------------------------------------------------


def did_key(method: str):
    """The public key a ``did:key`` method names (no one is contacted)."""
    try:
        key = did.public_key_from_multikey(method[len("did:key:") :].split("#")[0])
    except ValueError:
        return None, _("Its key (did:key) cannot be read.")
    return key, ""


def key_for(fetcher, method: str):
    """(the public key of ``method``, or None and the reason)."""
    if method.startswith("did:key:"):
        return did_key(method)
    if fetcher is None:
        return None, not_fetched(did_host(method))
    return resolve_key(fetcher, method)


def resolve_key(fetcher, method: str):
    """The public key of a ``did:web`` verification method, from its DID document: the
    document must be the DID's own, and list the method for making assertions."""
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
    try:
        document = response.json()
    except ValueError:
        document = None
    if not isinstance(document, dict):
        return None, _("The issuer's DID document cannot be read.")
    if document.get("id") != identifier:
        return None, _("The issuer's DID document is not the document of its DID.")

    def full(entry_id) -> str:
        if not isinstance(entry_id, str):
            return ""
        return identifier + entry_id if entry_id.startswith("#") else entry_id

    listed = document.get("assertionMethod")
    listed = listed if isinstance(listed, list) else []
    embedded = [entry for entry in listed if isinstance(entry, dict)]
    if method not in {full(e.get("id") if isinstance(e, dict) else e) for e in listed}:
        return None, _("The issuer does not publish the key named in it for signing badges.")
    methods = document.get("verificationMethod")
    for entry in embedded + (methods if isinstance(methods, list) else []):
        if not isinstance(entry, dict) or full(entry.get("id")) != method:
            continue
        if entry.get("controller", identifier) != identifier:
            break
        if entry.get("publicKeyMultibase"):
            try:
                return did.public_key_from_multikey(entry["publicKeyMultibase"]), ""
            except ValueError:
                break
        jwk = entry.get("publicKeyJwk")
        if isinstance(jwk, dict) and jwk.get("crv") == "Ed25519":
            try:
                return jwt.PyJWK(jwk, algorithm="EdDSA").key, ""
            except (jwt.PyJWKError, ValueError, TypeError):
                break
        break
    return None, _("The issuer does not publish the key named in it.")


# -- status lists --------------------------------------------------------------------------


def status_bit(fetcher, entry: dict, issuer: str, purpose: str) -> bool:
    """Whether the issuer's status list sets the entry's bit. The list must be signed by the
    credential's issuer (a VC-JWT or an ``eddsa-rdfc-2022`` proof) and be for ``purpose``;
    StatusUnchecked (or FetchError) says why it cannot be relied on."""
    url = entry.get("statusListCredential")
    try:
        index = int(entry.get("statusListIndex"))
    except (TypeError, ValueError):
        raise StatusUnchecked(unreadable_list()) from None
    if not isinstance(url, str) or index < 0:
        raise StatusUnchecked(unreadable_list())
    response = fetcher.get(url, accept="application/vc+jwt, application/json")
    if response.status >= 400:
        raise FetchError(http_failure(response))
    body = response.text().strip()
    if JWS_SHAPE.match(body):
        listing = jwt_listing(fetcher, body, issuer)
    else:
        try:
            listing = response.json()
        except ValueError:
            raise StatusUnchecked(unreadable_list()) from None
        if not isinstance(listing, dict):
            raise StatusUnchecked(unreadable_list())
        listing = proof_listing(fetcher, listing, issuer)
    if issuer_of(listing) != issuer:
        raise StatusUnchecked(_("The status list it names is not its issuer's."))
    subject = subject_of(listing)
    if one(subject.get("statusPurpose", purpose)) != purpose:
        raise StatusUnchecked(unreadable_list())
    try:
        return status_lists.is_set(status_lists.decode_list(subject.get("encodedList")), index)
    except (ValueError, TypeError):
        raise StatusUnchecked(unreadable_list()) from None


def not_signed_by_issuer() -> str:
    return _("The issuer's status list is not signed with its key, so it cannot be relied on.")


def jwt_listing(fetcher, token: str, issuer: str) -> dict:
    header, payload = read_token(token)
    if header is None or not isinstance(payload, dict):
        raise StatusUnchecked(unreadable_list())
    if header.get("alg") != JWT_ALGORITHM:
        raise StatusUnchecked(
            _("The issuer's status list is signed in a way this site cannot check.")
        )
    kid = header.get("kid") if isinstance(header.get("kid"), str) else ""
    method = issuer + kid if kid.startswith("#") else kid
    if not method or method.split("#")[0] != issuer:
        raise StatusUnchecked(not_signed_by_issuer())
    public_key, reason = key_for(fetcher, method)
    if public_key is None:
        raise StatusUnchecked(reason)
    try:
        payload = vcjwt.decode(token, public_key)
    except (jwt.InvalidTokenError, ValueError, TypeError, RecursionError):
        raise StatusUnchecked(not_signed_by_issuer()) from None
    if not isinstance(payload, dict):
        raise StatusUnchecked(unreadable_list())
    return payload["vc"] if isinstance(payload.get("vc"), dict) else payload


def proof_listing(fetcher, listing: dict, issuer: str) -> dict:
    if not proofs_of(listing):
        raise StatusUnchecked(
            _("The issuer's status list is not signed, so it cannot be relied on.")
        )
    scratch = Report()
    proof = proof_precheck(scratch, listing, ours=False)
    if proof is None:
        raise StatusUnchecked(
            _("The issuer's status list is signed in a way this site cannot check.")
        )
    method = proof.get("verificationMethod")
    if not isinstance(method, str) or method.split("#")[0] != issuer:
        raise StatusUnchecked(not_signed_by_issuer())
    public_key, reason = key_for(fetcher, method)
    if public_key is None:
        raise StatusUnchecked(reason)
    proof_signature(scratch, listing, proof, public_key, ours=False)
    check = scratch.check("signature")
    if check.status != OK:
        raise StatusUnchecked(
            check.reason if check.status == NOT_CHECKED else not_signed_by_issuer()
        )
    return listing
