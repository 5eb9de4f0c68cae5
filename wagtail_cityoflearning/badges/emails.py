"""The email a recipient gets with their badge, in the language of the badge, from the city of
the badge's issuer (:mod:`wagtail_cityoflearning.mail`)."""

from django.template.loader import render_to_string
from django.utils import translation

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.mail import city_email, site_display_name


def send_award_email(instance) -> None:
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
        context["site_name"] = site_name = site_display_name(issuer.get_site())
        subject = render_to_string(
            "wagtail_cityoflearning/badges/email/award_subject.txt", context
        ).strip()
        text = render_to_string("wagtail_cityoflearning/badges/email/award_body.txt", context)
        html = render_to_string("wagtail_cityoflearning/badges/email/award_body.html", context)
        message = city_email(site_name, subject, text, [instance.recipient_email], html=html)
    if instance.baked_image:
        with instance.baked_image.open("rb") as image:
            name = instance.baked_image.name.rsplit("/", 1)[-1]
            mime = "image/svg+xml" if name.endswith(".svg") else "image/png"
            message.attach(name, image.read(), mime)
    message.send()
