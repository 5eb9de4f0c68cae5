"""JSON-LD for the proofs: a document loader that serves only the bundled contexts, and
RDF canonicalisation (RDFC-1.0, the algorithm pyld names URDNA2015)."""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

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


def canonize(document: dict, loader=None) -> str:
    """The RDFC-1.0 canonical N-Quads of ``document``."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": loader or document_loader,
        },
    )
