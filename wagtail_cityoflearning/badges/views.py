"""Verification endpoints: JSON-LD for machines, a readable page for people.

Each document answers only on the Site of its issuer (the host its ``id`` names); on any
other city's host it is not found. Uploaded images are sent with headers under which a
browser runs nothing in them.
"""

import json

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_cityoflearning.badges import documents, serializers
from wagtail_cityoflearning.badges.models import Award, BadgeClass, Issuer, IssuerKey
from wagtail_cityoflearning.badges.tasks import bake_award
from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.uploads import protect_image_response

JSON_TYPES = ("application/ld+json", "application/json")


def wants_json(request) -> bool:
    """JSON unless the client asks for HTML (browsers do; validators and apps do not)."""
    accept = request.headers.get("Accept", "")
    if any(kind in accept for kind in JSON_TYPES):
        return True
    return "text/html" not in accept


def json_response(request, data: dict, status: int = 200) -> HttpResponse:
    accept = request.headers.get("Accept", "")
    content_type = (
        "application/json"
        if "application/json" in accept and "application/ld+json" not in accept
        else "application/ld+json"
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type=f"{content_type}; charset=utf-8",
        status=status,
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Vary"] = "Accept"
    return response


def render_document(request, template: str, context: dict, status: int = 200):
    """The page for people of a document that also answers as JSON (so it varies on Accept)."""
    response = render_page(request, template, context, status=status)
    response["Vary"] = "Accept"
    return response


def issuer_site_id(instance: Issuer) -> int | None:
    """The id of the Site whose host the issuer's documents use (None when there is none).

    A city issuer names its Site; for the others the Site is looked up once, and the
    issuer's ``base_url``, which the documents need next, is filled from the same lookup.
    """
    if instance.site_id:
        return instance.site_id
    site = instance.get_site()
    if "base_url" not in instance.__dict__:
        root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
        instance.__dict__["base_url"] = root.rstrip("/")
    return site.pk if site is not None else None


def check_site(request, instance: Issuer) -> None:
    """404 unless the request came to the issuer's own Site.

    A host no Site names is served by the default Site (as Wagtail routes pages), so a
    single-site install answers on any host; with no Site at all, only issuers without
    one answer.
    """
    site = Site.find_for_request(request)
    if issuer_site_id(instance) != (site.pk if site is not None else None):
        raise Http404(_("This badge is not issued on this site."))


def issuer(request, uuid):
    instance = get_object_or_404(Issuer.objects.select_related("site"), uuid=uuid)
    check_site(request, instance)
    if wants_json(request):
        return json_response(request, serializers.issuer_json(instance))
    return render_document(
        request, "wagtail_cityoflearning/badges/issuer.html", {"issuer": instance}
    )


def public_key(request, uuid):
    key = get_object_or_404(
        IssuerKey.objects.filter(algorithm=IssuerKey.Algorithm.RS256).select_related(
            "issuer__site"
        ),
        uuid=uuid,
    )
    check_site(request, key.issuer)
    return json_response(request, serializers.public_key_json(key))


def revocation_list(request, uuid):
    instance = get_object_or_404(Issuer.objects.select_related("site"), uuid=uuid)
    check_site(request, instance)
    revoked = Award.objects.filter(badge_class__issuer=instance, revoked=True).select_related(
        "badge_class__issuer"
    )
    return json_response(request, serializers.revocation_list_json(instance, revoked))


def _live_badge_class(request, uuid):
    instance = get_object_or_404(
        BadgeClass.objects.filter(live=True).select_related("issuer__site", "locale"), uuid=uuid
    )
    check_site(request, instance.issuer)
    return instance


def badge_class(request, uuid):
    instance = _live_badge_class(request, uuid)
    if wants_json(request):
        return json_response(request, serializers.badge_class_json(instance))
    return render_document(
        request, "wagtail_cityoflearning/badges/badge_class.html", {"badge_class": instance}
    )


def badge_class_image(request, uuid):
    instance = _live_badge_class(request, uuid)
    return _file(instance.image)


def _file(field):
    svg = field.name.lower().endswith(".svg")
    response = FileResponse(field.open("rb"), content_type="image/svg+xml" if svg else "image/png")
    response["Access-Control-Allow-Origin"] = "*"
    return protect_image_response(response, svg=svg)


def _award(request, uuid):
    instance = get_object_or_404(
        Award.objects.select_related("badge_class__issuer__site", "badge_class__locale"),
        uuid=uuid,
    )
    check_site(request, instance.badge_class.issuer)
    return instance


def assertion(request, uuid):
    """The hosted assertion; 410 Gone once revoked. No plain email is ever shown.

    The JSON-LD document of an award that is not revoked is kept between requests
    (``documents``): answered on its issuer's Site without a query."""
    if wants_json(request):
        kept = documents.kept_assertion(uuid)
        if kept is not None:
            site_id, document = kept
            site = Site.find_for_request(request)
            if site_id != (site.pk if site is not None else None):
                raise Http404(_("This badge is not issued on this site."))
            return json_response(request, document)
    instance = _award(request, uuid)
    if wants_json(request):
        if instance.revoked:
            return json_response(request, serializers.revoked_assertion_json(instance), status=410)
        document = serializers.assertion_json(instance)
        documents.keep_assertion(instance, issuer_site_id(instance.badge_class.issuer), document)
        return json_response(request, document)
    checked = None
    email = request.GET.get("email", "").strip()
    if email:
        checked = instance.is_for(email)
    return render_document(
        request,
        "wagtail_cityoflearning/badges/assertion.html",
        {
            "award": instance,
            "badge_class": instance.badge_class,
            "issuer": instance.badge_class.issuer,
            "checked": checked,
            "checked_email": email,
            "status_text": _("Revoked") if instance.revoked else _("Valid"),
            # Absolute URLs for the link previews (Open Graph) of a shared badge.
            "share_url": serializers.assertion_id(instance),
            "share_image_url": serializers.object_url(
                instance.badge_class.issuer, "badge_class_image", instance.badge_class.uuid
            ),
        },
        status=410 if instance.revoked else 200,
    )


def assertion_image(request, uuid):
    """The baked image (baked now if the background work has not run yet)."""
    instance = _award(request, uuid)
    if instance.revoked:
        response = JsonResponse(
            {"id": serializers.assertion_id(instance), "revoked": True}, status=410
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response
    if not instance.baked_image:
        bake_award(instance)
    return _file(instance.baked_image)
