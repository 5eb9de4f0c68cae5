"""Signing the credentials of many awards of one badge class: the same documents, proofs and
VC-JWTs as :func:`.issue.sign_award` gives one by one, for a fraction of the work.

Most of an ``eddsa-rdfc-2022`` proof's cost is the JSON-LD expansion of the document before its
canonicalisation (RDFC-1.0), and the documents of one badge's awards differ only in a few
values: the credential's URL, the recipient's hash and salt, the dates, the narrative, the
evidence and the status list index. So the expansion runs once per *shape* (which of those
values are there, how many evidence items), on a template whose varying values are unique
placeholders; each award then takes the template's RDF, its own values put in place of the
placeholders, and only the canonicalisation proper runs for it. RDFC-1.0's result depends on
the graph alone (not on blank node labels nor the order of statements), so the canonical form,
and with it the proof, is exactly what canonicalising the award's own document gives. Values
the template cannot stand for (an evidence link that is not an absolute http(s) address) go
the long way. The proof options (key and time) are the same for the whole batch, so they are
canonicalised once.
"""

import hashlib
import re
import secrets

from wagtail_cityoflearning.badges.ob3 import CONTEXT, dataintegrity, issue, jsonld, vcjwt
from wagtail_cityoflearning.badges.ob3.credentials import AwardValues, badge_parts, build_credential
from wagtail_cityoflearning.badges.ob3.did import method_id

# What JSON-LD turns into an IRI as it stands (pyld drops relative ones, expands compact ones).
_PLAIN_URL = re.compile(r"^https?://[^\s]*$")


class CredentialSigner:
    """Signs the credentials of awards of ``badge_class`` (its issuer's active Ed25519 key,
    made if there is none), all with a proof ``created`` at the same moment."""

    def __init__(self, badge_class, *, created=None):
        key = issue.signing_key(badge_class.issuer)
        self.secret, self.method = issue.private_key(key), method_id(key)
        self.parts = badge_parts(badge_class)
        self.options = dataintegrity.proof_options(self.method, created)
        self.config_hash = dataintegrity.config_hash(list(CONTEXT), self.options)
        self.templates = {}

    def sign(self, award) -> tuple[dict, str]:
        """The award's credential with its Data Integrity proof, and its VC-JWT."""
        values = AwardValues.of(award)
        document = build_credential(self.parts, values)
        canonical = self.canonical(values, document)
        signature = self.secret.sign(self.config_hash + hashlib.sha256(canonical.encode()).digest())
        secured = {
            **document,
            "proof": {**self.options, "proofValue": dataintegrity.proof_value(signature)},
        }
        # Open Badges 3.0 (8.2): an embedded proof is made before the JWT, which carries it.
        return secured, vcjwt.encode(secured, self.secret, self.method)

    def canonical(self, values: AwardValues, document: dict) -> str:
        """The canonical N-Quads of ``document`` (built from ``values``)."""
        if not all(_PLAIN_URL.match(url) for url, _narrative in values.evidence if url):
            return jsonld.canonize(document)
        shape = _shape(values)
        template = self.templates.get(shape)
        if template is None:
            template = self.templates[shape] = Template(self.parts, values)
        if not template.usable:
            return jsonld.canonize(document)
        return jsonld.canonize_dataset(template.dataset(values))


def _shape(values: AwardValues) -> tuple:
    return (
        bool(values.narrative),
        bool(values.valid_until),
        tuple((bool(url), bool(narrative)) for url, narrative in values.evidence),
        values.status_index is not None,
    )


class Template:
    """The RDF of a credential of one shape, with placeholders for the award's values."""

    def __init__(self, parts, like: AwardValues):
        token = secrets.token_hex(12)
        self.parts = parts
        self.placeholders = AwardValues(
            url=f"https://{token}.invalid/credential",
            identity=f"{token}:identity",
            salt=f"{token}:salt",
            narrative=f"{token}:narrative" if like.narrative else "",
            valid_from=f"{token}:from",
            valid_until=f"{token}:until" if like.valid_until else None,
            evidence=tuple(
                (
                    f"https://{token}.invalid/evidence/{number}" if url else "",
                    f"{token}:evidence:{number}" if narrative else "",
                )
                for number, (url, narrative) in enumerate(like.evidence)
            ),
            status_index=f"{token}status" if like.status_index is not None else None,
        )
        dataset = jsonld.to_dataset(build_credential(parts, self.placeholders))
        self.quads = dataset.get("@default", [])
        present = {component["value"] for quad in self.quads for component in quad.values()}
        # Every placeholder must have become one whole value (and nothing else be in another
        # graph); otherwise this shape goes the long way.
        self.usable = set(dataset) <= {"@default"} and set(self.mapping(like)) <= present

    def mapping(self, values: AwardValues) -> dict:
        """Placeholder -> the award's value."""
        held = self.placeholders
        pairs = [
            (held.url, values.url),
            (held.identity, values.identity),
            (held.salt, values.salt),
            (held.valid_from, values.valid_from),
        ]
        if held.narrative:
            pairs.append((held.narrative, values.narrative))
        if held.valid_until:
            pairs.append((held.valid_until, values.valid_until))
        for (url, narrative), (real_url, real_narrative) in zip(
            held.evidence, values.evidence, strict=True
        ):
            if url:
                pairs.append((url, real_url))
            if narrative:
                pairs.append((narrative, real_narrative))
        if held.status_index is not None:
            status_list = self.parts.status_list
            pairs.append(
                (f"{status_list}#{held.status_index}", f"{status_list}#{values.status_index}")
            )
            pairs.append((str(held.status_index), str(values.status_index)))
        return dict(pairs)

    def dataset(self, values: AwardValues) -> dict:
        """A fresh dataset of the award's credential (the same graph as its document's).

        Two nodes of the template may become one (an evidence link that is also, say, the
        badge's criteria page): the statements they then share are kept once, as JSON-LD
        merges them in the award's own document."""
        mapping = self.mapping(values)
        quads, seen = [], set()
        for quad in self.quads:
            copy = {}
            for name, component in quad.items():
                component = dict(component)
                if component["value"] in mapping:
                    component["value"] = mapping[component["value"]]
                copy[name] = component
            key = tuple(tuple(sorted(component.items())) for component in copy.values())
            if key not in seen:
                seen.add(key)
                quads.append(copy)
        return {"@default": quads}
