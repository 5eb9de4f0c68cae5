"""A parent's or guardian's consent for young learners (GDPR article 8).

Below the city's age of digital consent (``CityOfLearningSettings.age_of_digital_consent``)
a learner names a parent or guardian. Until that person opens the emailed link and agrees,
the profile stays ``pending`` and nothing beyond the account is stored. The link carries a
signed, expiring token (``CONSENT_LINK_DAYS``); it names the profile and a digest of the
guardian's address, so a link sent to a mistyped address stops working once it is corrected.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ..conf import cityoflearning_settings
from .models import LearnerProfile, current_year

logger = logging.getLogger(__name__)

SALT = "wagtail_cityoflearning.learners.consent"
EMAIL_TEMPLATE_PREFIX = "wagtail_cityoflearning/learners/email/consent"
DEFAULT_CONSENT_AGE = 16  # GDPR article 8, where a country has not set a lower age
RESEND_INTERVAL = timedelta(minutes=2)


class InvalidConsentLink(Exception):
    """The link was altered, has expired or no longer names a waiting learner."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# -- who needs consent -------------------------------------------------------------------------


def consent_age(site) -> int:
    """The city's age of digital consent."""
    if site is None:
        return DEFAULT_CONSENT_AGE
    from ..models import CityOfLearningSettings

    return CityOfLearningSettings.for_site(site).age_of_digital_consent


def needs_consent(year_of_birth: int, site) -> bool:
    """True when someone born in ``year_of_birth`` may be younger than the consent age.

    The age is counted as its lower bound (the birthday may still be to come this year),
    as :attr:`LearnerProfile.age` does, so nobody under the age slips through.
    """
    return current_year() - year_of_birth - 1 < consent_age(site)


def youngest_year_without_consent(site) -> int:
    """The latest year of birth that needs no consent (for help texts)."""
    return current_year() - consent_age(site) - 1


def site_language(site) -> str:
    """The language the city's site speaks: that of its root page."""
    if site is not None:
        return site.root_page.locale.language_code
    return translation.get_language() or "en"


# -- the signed link ---------------------------------------------------------------------------


def _guardian_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_token(profile: LearnerProfile) -> str:
    return signing.dumps(
        {"p": profile.pk, "g": _guardian_digest(profile.guardian_email)}, salt=SALT
    )


def link_days() -> int:
    return cityoflearning_settings.CONSENT_LINK_DAYS


def read_token(token: str) -> LearnerProfile:
    """The profile a consent link names; :class:`InvalidConsentLink` for any bad link."""
    try:
        data = signing.loads(token, salt=SALT, max_age=timedelta(days=link_days()))
    except signing.SignatureExpired as error:
        raise InvalidConsentLink(
            _("This link has expired. Ask the young person to send a new one from their account.")
        ) from error
    except signing.BadSignature as error:
        raise InvalidConsentLink(
            _("This link is not valid. Check that you copied all of it from the email.")
        ) from error
    if not isinstance(data, dict):
        raise InvalidConsentLink(_("This link is not valid."))
    profile = LearnerProfile.objects.select_related("user", "site").filter(pk=data.get("p")).first()
    if profile is None or _guardian_digest(profile.guardian_email) != data.get("g"):
        raise InvalidConsentLink(
            _("This link is no longer valid: the account was deleted or a newer link was sent.")
        )
    return profile


def consent_url(request, profile: LearnerProfile) -> str:
    path = reverse("wagtail_cityoflearning_learners:consent_confirm", args=[make_token(profile)])
    if request is not None:
        return request.build_absolute_uri(path)
    root = profile.site.root_url if profile.site else ""
    return root + path


# -- asking and confirming ---------------------------------------------------------------------


def request_consent(request, profile: LearnerProfile) -> bool:
    """Mark the profile as waiting and email the guardian. False when the email failed:
    the learner can send it again from their account."""
    profile.consent = LearnerProfile.Consent.PENDING
    profile.consent_requested_at = timezone.now()
    profile.consent_given_at = None
    profile.save(update_fields=["consent", "consent_requested_at", "consent_given_at"])
    return send_consent_email(request, profile)


def may_resend(profile: LearnerProfile) -> bool:
    """Guardians are not flooded: one email every :data:`RESEND_INTERVAL`."""
    requested = profile.consent_requested_at
    return requested is None or timezone.now() - requested >= RESEND_INTERVAL


def email_context(request, profile: LearnerProfile) -> dict:
    from ..models import CityOfLearningSettings

    city_settings = CityOfLearningSettings.for_site(profile.site) if profile.site else None
    return {
        "profile": profile,
        "learner_name": profile.display_name,
        "city_name": getattr(city_settings, "city_name", "") or "",
        "contact_email": getattr(city_settings, "contact_email", "") or "",
        "consent_url": consent_url(request, profile),
        "link_days": link_days(),
        "consent_age": consent_age(profile.site),
    }


def send_consent_email(request, profile: LearnerProfile) -> bool:
    """Email the guardian in the city's language, through the account adapter (so a site's
    own adapter decides how mail is sent). Returns False, and logs, when sending failed."""
    from allauth.account.adapter import get_adapter
    from allauth.core import context

    try:
        with translation.override(site_language(profile.site)), context.request_context(request):
            get_adapter(request).send_mail(
                EMAIL_TEMPLATE_PREFIX, profile.guardian_email, email_context(request, profile)
            )
    except Exception:
        logger.warning("Could not send the consent email for profile %s", profile.pk, exc_info=True)
        return False
    return True


def confirm(profile: LearnerProfile) -> bool:
    """Record the guardian's consent. False when it had been recorded already."""
    changed = LearnerProfile.objects.filter(
        pk=profile.pk, consent=LearnerProfile.Consent.PENDING
    ).update(consent=LearnerProfile.Consent.GIVEN, consent_given_at=timezone.now())
    profile.refresh_from_db(fields=["consent", "consent_given_at"])
    return bool(changed)
