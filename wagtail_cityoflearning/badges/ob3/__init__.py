"""Open Badges 3.0: each award as an ``OpenBadgeCredential`` (a W3C Verifiable Credential),
secured twice, with a Data Integrity proof (``eddsa-rdfc-2022``) and as a VC-JWT.

Rooms, lowest first: :mod:`.jsonld` (bundled contexts, canonicalisation), :mod:`.did`
(``did:web`` identifiers and documents, Multikey), :mod:`.dataintegrity` and :mod:`.vcjwt`
(the two proof formats), :mod:`.credentials` (the documents), :mod:`.status` (the status list)
and :mod:`.issue` (keys and signing for the models).
"""

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
JWT_MEDIA_TYPE = "application/vc+jwt"
JSON_MEDIA_TYPE = "application/vc+ld+json"
