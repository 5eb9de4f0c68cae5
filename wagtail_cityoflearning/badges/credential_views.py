"""Open Badges 3.0 endpoints: each award's credential (Data Integrity JSON and VC-JWT), the
issuers' DID documents and their status lists. Like the 2.0 documents, each answers only on
its issuer's Site."""

import json

from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.models import Award, Issuer, IssuerKey
from wagtail_cityoflearning.badges.ob3 import JSON_MEDIA_TYPE, JWT_MEDIA_TYPE, did, issue, status
from wagtail_cityoflearning.badges.views import check_site


def _response(body: str, content_type: str, *, filename: str | None = None, cache=True):
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A status list must be read fresh: it changes the moment a badge is revoked.
    response["Cache-Control"] = "public, max-age=300" if cache else "no-cache"
    return response


def _did_document(issuer) -> HttpResponse:
    """Every Ed25519 key of the issuer, the active one first (a resolver that takes the first
    key finds it), then the retired ones, so credentials they signed still verify."""
    keys = list(
        issuer.keys.filter(algorithm=IssuerKey.Algorithm.ED25519).order_by(
            F("retired_at").desc(nulls_first=True), "-created_at"
        )
    )
    if not any(key.retired_at is None for key in keys):
        keys.insert(0, issue.signing_key(issuer))
    document = did.did_document(issuer, keys)
    return _response(json.dumps(document, indent=2), "application/did+json", cache=False)


def issuer_did(request, uuid):
    """The DID document of an issuer whose ``did:web`` is a path on its Site's host."""
    instance = get_object_or_404(Issuer.objects.select_related("site"), uuid=uuid)
    check_site(request, instance)
    if instance.site_id:
        raise Http404(_("A city's DID document is at /.well-known/did.json."))
    return _did_document(instance)


def site_did(request):
    """The DID document of the city (the issuer of the request's Site)."""
    site = Site.find_for_request(request)
    instance = Issuer.objects.filter(site=site).first() if site is not None else None
    if instance is None:
        raise Http404(_("This site issues no badges of its own."))
    return _did_document(instance)


def status_list(request, uuid):
    """The issuer's revocation list as a signed ``BitstringStatusListCredential``: a VC-JWT,
    or, for a client that asks for JSON-LD, the same with a Data Integrity proof."""
    instance = get_object_or_404(Issuer.objects.select_related("site"), uuid=uuid)
    check_site(request, instance)
    accept = request.headers.get("Accept", "")
    if any(kind in accept for kind in (JSON_MEDIA_TYPE, "application/ld+json", "application/json")):
        document = issue.sign_document(instance, status.status_list_credential(instance))
        response = _response(json.dumps(document), JSON_MEDIA_TYPE, cache=False)
    else:
        response = _response(status.status_list_jwt(instance), JWT_MEDIA_TYPE, cache=False)
    response["Vary"] = "Accept"
    return response


def _award(request, uuid) -> Award:
    instance = get_object_or_404(
        Award.objects.select_related("badge_class__issuer__site", "badge_class__locale"),
        uuid=uuid,
    )
    check_site(request, instance.badge_class.issuer)
    issue.ensure_signed(instance)
    return instance


def _revoked(instance) -> JsonResponse:
    response = JsonResponse(
        {
            "id": serializers.assertion_id(instance),
            "revoked": True,
            "revocationReason": instance.revocation_reason,
        },
        status=410,
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _download(request) -> bool:
    return request.GET.get("download", "").lower() in ("1", "true", "yes")


def _filename(instance, extension: str) -> str:
    name = slugify(instance.badge_class.name) or "badge"
    return f"{name}-{str(instance.uuid)[:8]}.{extension}"


def credential(request, uuid):
    """The award's ``OpenBadgeCredential`` with its Data Integrity proof; ``?download=1``
    gives it as a file, for a wallet. 410 Gone once revoked."""
    instance = _award(request, uuid)
    if instance.revoked:
        return _revoked(instance)
    return _response(
        json.dumps(instance.credential, ensure_ascii=False, indent=2),
        JSON_MEDIA_TYPE,
        filename=_filename(instance, "json") if _download(request) else None,
    )


def credential_jwt(request, uuid):
    """The same credential as a VC-JWT; ``?download=1`` as a file."""
    instance = _award(request, uuid)
    if instance.revoked:
        return _revoked(instance)
    return _response(
        instance.credential_jwt,
        JWT_MEDIA_TYPE,
        filename=_filename(instance, "jwt") if _download(request) else None,
    )
