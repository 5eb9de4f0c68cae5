"""The emails of onboarding, formal, in the city's language, from the city
(:mod:`wagtail_cityoflearning.mail`): the decision on a provider's request and the invitation
to join a provider's staff."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail_cityoflearning.languages import site_language
from wagtail_cityoflearning.mail import city_email, site_display_name

TEMPLATES = "wagtail_cityoflearning_providers/onboarding/email"


def _send(site, language, name, context, to):
    with translation.override(language or site_language(site)):
        context = {**context, "site_name": site_display_name(site), "formal": True}
        subject = render_to_string(f"{TEMPLATES}/{name}_subject.txt", context).strip()
        text = render_to_string(f"{TEMPLATES}/{name}_body.txt", context)
        html = render_to_string(f"{TEMPLATES}/{name}_body.html", context)
        message = city_email(context["site_name"], subject, text, [to], html=html)
    message.send()


def invitation_url(site, token: str) -> str:
    path = reverse("wagtail_cityoflearning_providers:invitation", args=[token])
    return (site.root_url if site is not None else "") + path


def send_decision_email(provider_request) -> None:
    """Tell the contact whether their organisation was accepted, with the editor's message."""
    site = provider_request.site
    _send(
        site,
        site_language(site),
        "decision",
        {
            "request": provider_request,
            "approved": provider_request.status == provider_request.Status.APPROVED,
            "message": provider_request.decision_message,
        },
        provider_request.email,
    )


def send_invitation_email(invitation, token: str, site) -> None:
    """The link to join the provider's staff (the token is never stored, only its digest)."""
    provider = invitation.provider
    inviter = invitation.invited_by
    _send(
        site,
        provider.locale.language_code,
        "invitation",
        {
            "invitation": invitation,
            "provider": provider,
            "inviter": (inviter.get_full_name() or inviter.get_username()) if inviter else "",
            "url": invitation_url(site, token),
            "days": max(1, (invitation.expires - invitation.created).days),
        },
        invitation.email,
    )
