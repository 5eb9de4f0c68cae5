"""The email a recipient gets with their badge, in the language of the badge, from the city of
the badge's issuer (:mod:`wagtail_cityoflearning.mail`)."""

from django.template.loader import render_to_string
from django.utils import translation

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.mail import city_email, site_display_name


def award_email(instance, *, site_name: str | None = None, image: tuple | None = None):
    """The email of ``instance``, unsent. Call it in the language of the badge when giving
    ``site_name`` (the issuer's city, as :func:`site_display_name` names it there); ``image``:
    the baked image as (file name, bytes), when at hand, instead of reading it from storage."""
    badge_class = instance.badge_class
    issuer = badge_class.issuer
    context = {
        "award": instance,
        "badge_class": badge_class,
        "issuer": issuer,
        "verify_url": serializers.assertion_id(instance),
        "image_url": serializers.object_url(issuer, "assertion_image", instance.uuid),
    }
    with translation.override(badge_class.locale.language_code):
        if site_name is None:
            site_name = site_display_name(issuer.get_site())
        context["site_name"] = site_name
        subject = render_to_string(
            "wagtail_cityoflearning/badges/email/award_subject.txt", context
        ).strip()
        text = render_to_string("wagtail_cityoflearning/badges/email/award_body.txt", context)
        html = render_to_string("wagtail_cityoflearning/badges/email/award_body.html", context)
        message = city_email(site_name, subject, text, [instance.recipient_email], html=html)
    if image is None and instance.baked_image:
        with instance.baked_image.open("rb") as stored:
            image = (instance.baked_image.name.rsplit("/", 1)[-1], stored.read())
    if image is not None:
        name, content = image
        mime = "image/svg+xml" if name.endswith(".svg") else "image/png"
        message.attach(name, content, mime)
    return message


def send_award_email(instance) -> None:
    award_email(instance).send()


def badge_site_name(badge_class) -> str:
    """What the emails of ``badge_class``'s awards call the city, in the badge's language."""
    with translation.override(badge_class.locale.language_code):
        return str(site_display_name(badge_class.issuer.get_site()))
