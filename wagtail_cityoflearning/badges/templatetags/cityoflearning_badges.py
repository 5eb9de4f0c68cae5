"""Template tags of the badges' app: ``{% load cityoflearning_badges %}``."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from wagtail.models import Site

from wagtail_cityoflearning.badges import thumbnails
from wagtail_cityoflearning.badges.serializers import object_url

register = template.Library()


BADGE_DOCUMENTS = {
    ("award", False): "assertion",
    ("award", True): "assertion_image",
    ("badgeclass", False): "badge_class",
    ("badgeclass", True): "badge_class_image",
    ("issuer", False): "issuer",
}


@register.simple_tag(takes_context=True)
def badge_url(context, obj, image=False) -> str:
    """``{% badge_url award %}``, ``{% badge_url badge_class image=True %}``: the address of a
    badge document (an assertion, a badge class, an issuer, or an image of the first two).
    Badge documents answer only on their issuer's Site: on that Site the link is relative,
    elsewhere (a badge earned in the other city) it is the document's full address. Each
    issuer's Site is looked up once per request."""
    model = obj._meta.model_name
    issuer = obj if model == "issuer" else (obj.badge_class if model == "award" else obj).issuer
    name = BADGE_DOCUMENTS[(model, bool(image))]
    request = context.get("request")
    if request is None:
        return object_url(issuer, name, obj.uuid)
    sites = getattr(request, "cityoflearning_issuer_sites", None)
    if sites is None:
        sites = request.cityoflearning_issuer_sites = {}
    if issuer.pk not in sites:
        site = None if issuer.site_id else issuer.get_site()
        sites[issuer.pk] = issuer.site_id or (site.pk if site else None)
    here = Site.find_for_request(request)
    path = reverse(f"wagtail_cityoflearning_badges:{name}", kwargs={"uuid": obj.uuid})
    if here is not None and here.pk == sites[issuer.pk]:
        return path
    return issuer.base_url + path


@register.simple_tag(takes_context=True)
def badge_image(context, badge_class, size: int, css_class: str = "", alt: str = "") -> str:
    """``{% badge_image badge_class 64 "col-backpack__image" %}``: the badge class's image
    shown at ``size`` CSS pixels, from an image of that size and, for high-density screens,
    one of twice it (see ``thumbnails``); ``alt`` is empty as the badge's name is beside it."""
    sizes = thumbnails.SIZES
    size_1x = size if size in sizes else next((each for each in sizes if each >= size), sizes[-1])
    size_2x = next((each for each in sizes if each >= 2 * size), sizes[-1])
    version = thumbnails.version(badge_class)

    def address(pixels):
        # On the page's own address: the content security policy allows images from it only.
        path = reverse(
            "wagtail_cityoflearning_badges:badge_class_thumbnail",
            kwargs={"uuid": badge_class.uuid, "size": pixels},
        )
        return f"{path}?v={version}"

    return format_html(
        '<img{} src="{}" srcset="{} 2x" alt="{}" width="{}" height="{}" loading="lazy">',
        format_html(' class="{}"', css_class) if css_class else "",
        address(size_1x),
        address(size_2x),
        alt,
        size,
        size,
    )
