"""JSON-LD for the proofs: a document loader that serves only the bundled contexts, and
RDF canonicalisation (RDFC-1.0, the algorithm pyld names URDNA2015) with a bound on its work.

Canonicalisation is near-linear for credentials as issuers write them, but a document of
blank nodes that all look alike (a few hundred bytes) can make it take hours: the algorithm
tries every ordering of such nodes. :func:`canonize` refuses, with :class:`TooComplex`, a
document whose nodes would need more than a few thousand of those steps."""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld
from pyld.canon import URDNA2015

FOLDER = Path(__file__).with_name("contexts")
BUNDLED = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
    "https://w3id.org/security/multikey/v1": "security-multikey-v1.json",
}


@cache
def _context(name: str) -> dict:
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def document_loader(url, options=None):
    """pyld's loader over the bundled contexts; any other URL is an error, never a fetch."""
    name = BUNDLED.get(url)
    if name is None:
        raise jsonld.JsonLdError(
            f"The context {url} is not one this site knows.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": _context(name),
        "contentType": "application/ld+json",
    }


# Blank nodes that look alike, related to one node: their orderings are tried one by one
# (6 gives 720). And the N-degree hashing steps one canonicalisation may take in all.
MAX_ALIKE = 6
MAX_STEPS = 500


class TooComplex(ValueError):
    """The document would take too much work to canonicalise."""


class _Bounded(URDNA2015):
    def __init__(self):
        super().__init__()
        self.steps = 0

    def hash_n_degree_quads(self, id_, issuer):
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TooComplex("The document has too many blank nodes that look alike.")
        return super().hash_n_degree_quads(id_, issuer)

    def create_hash_to_related(self, id_, issuer):
        related = super().create_hash_to_related(id_, issuer)
        if any(len(nodes) > MAX_ALIKE for nodes in related.values()):
            raise TooComplex("The document has too many blank nodes that look alike.")
        return related


def canonize(document: dict, loader=None) -> str:
    """The RDFC-1.0 canonical N-Quads of ``document`` (``TooComplex`` past the bound)."""
    return canonize_dataset(to_dataset(document, loader))


def to_dataset(document: dict, loader=None) -> dict:
    """``document`` as RDF: pyld's dataset, graph name -> list of quads (the expensive half
    of :func:`canonize`, the JSON-LD expansion)."""
    return jsonld.to_rdf(
        document, {"documentLoader": loader or document_loader, "produceGeneralizedRdf": False}
    )


def canonize_dataset(dataset: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of a dataset (consumed: its quads are relabelled).

    The result does not depend on the labels of the dataset's blank nodes nor on the order
    of its quads: only on the graph they make."""
    return _Bounded().main(dataset, {"format": "application/n-quads"})
