"""Every email the package sends comes from the city.

One rule for all of them (allauth's account emails through the account adapter, the review
decision, the guardian's consent request, the badge award):

- the From header carries the city's name: ``"Ljubljana City of Learning" <learning@…>``, the
  address part of ``DEFAULT_FROM_EMAIL`` under :func:`site_display_name`;
- the subject starts with the city's name in brackets, ``[Ljubljana City of Learning] …``
  (a site's ``ACCOUNT_EMAIL_SUBJECT_PREFIX``, when set, instead);
- the body opens with the city's greeting and ends with its sign-off, from the shared templates
  ``wagtail_cityoflearning/email/_greeting.txt`` and ``_signoff.txt`` (the context's
  ``site_name``; ``formal`` for parents and guardians).

Call these in the language of the email: the city's name is translated.
"""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.translation import gettext as _

from wagtail_cityoflearning.models.settings import CityOfLearningSettings

__all__ = ["city_email", "from_email", "site_display_name", "subject_line"]


def site_display_name(site) -> str:
    """What emails call a city's site, in the active language: "Ljubljana City of Learning",
    else the Site's name, else "City of Learning"; never a host name."""
    name = CityOfLearningSettings.for_site(site).city_name if site is not None else ""
    if name:
        return _("%(city)s City of Learning") % {"city": name}
    if site is not None and site.site_name:
        return site.site_name
    return _("City of Learning")


def from_address() -> str:
    """The bare address of ``DEFAULT_FROM_EMAIL`` (which may carry a name of its own)."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return address or settings.DEFAULT_FROM_EMAIL


def from_email(display_name: str) -> str:
    """The From header: ``"Ljubljana City of Learning" <learning@…>`` (quoted where the name
    needs it; Django encodes a name that is not ASCII when it sends)."""
    address = from_address()
    if not display_name:
        return address
    try:
        return str(Address(display_name=display_name, addr_spec=address))
    except (ValueError, IndexError):  # an address the header parser does not accept
        return address


def subject_line(subject: str, display_name: str) -> str:
    """The subject on one line, after ``[display_name] `` (or ``ACCOUNT_EMAIL_SUBJECT_PREFIX``)."""
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", None)
    if prefix is None:
        prefix = f"[{display_name}] " if display_name else ""
    return prefix + " ".join(str(subject).split())


def city_email(
    display_name: str, subject: str, body: str, to: list[str], html: str = ""
) -> EmailMultiAlternatives:
    """An email from the city called ``display_name`` (its From and subject by the rule above),
    with an HTML alternative when ``html`` is given; the caller sends it."""
    message = EmailMultiAlternatives(
        subject_line(subject, display_name), body, from_email(display_name), to
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message
