"""A parent's or guardian's consent for young learners (GDPR article 8).

Below the city's age of digital consent (``CityOfLearningSettings.age_of_digital_consent``)
a learner names a parent or guardian. Until that person opens the emailed link and agrees,
the profile stays ``pending`` and nothing beyond the account is stored. The link carries a
signed, expiring token (``CONSENT_LINK_DAYS``); it names the profile and a digest of the
guardian's address, so a link sent to a mistyped address stops working once it is corrected.

One install can serve several cities, each with its own age. What decides whether a learner
may store anything is :func:`consent_status` for the Site they act on (:func:`may_store` is
its yes or no), and every view that stores learning goes through :func:`learning_action`.
A guardian's agreement counts for the city it was asked for: the profile's own consent for
the profile's city, a :class:`~.models.SiteConsent` for any other city.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps

from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.languages import site_or_active_language
from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts.addresses import account_emails
from wagtail_cityoflearning.learners.accounts.models import (
    LearnerProfile,
    SiteConsent,
    current_year,
    youngest_possible_age,
)
from wagtail_cityoflearning.mail import site_display_name
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.page_cache import site_setting

logger = logging.getLogger(__name__)

SALT = "wagtail_cityoflearning.learners.accounts.consent"
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
    return site_setting(CityOfLearningSettings, site=site).age_of_digital_consent


def needs_consent(year_of_birth: int, site) -> bool:
    """True when someone born in ``year_of_birth`` may be younger than the consent age.

    The age is the youngest possible (:func:`~.models.youngest_possible_age`: the birthday
    may still be to come this year), so nobody under the age slips through.
    """
    return youngest_possible_age(year_of_birth) < consent_age(site)


def youngest_year_without_consent(site) -> int:
    """The latest year of birth that needs no consent (for help texts)."""
    return current_year() - consent_age(site) - 1


# -- whose consent, for which city ---------------------------------------------------------------

ALLOWED = "allowed"  # may store learning on this site
ANONYMOUS = "anonymous"  # nobody is logged in
NO_PROFILE = "no_profile"  # an account without a profile: its age is unknown
PENDING = "pending"  # the guardian was asked and has not answered yet
NEEDED = "needed"  # below this city's age and no guardian was asked for it yet


def same_mailbox(first: str, second: str) -> bool:
    """True when two addresses reach the same person: case and a ``+tag`` are ignored."""

    def mailbox(address):
        local, _sep, domain = (address or "").strip().lower().rpartition("@")
        return f"{local.split('+', 1)[0]}@{domain}"

    return bool(first and second) and mailbox(first) == mailbox(second)


def is_learners_own_address(user, guardian_email: str, *extra: str) -> bool:
    """A guardian's address must not be one of the learner's own (nor ``extra`` ones)."""
    return any(same_mailbox(guardian_email, own) for own in {*account_emails(user), *extra})


@dataclass
class ConsentStatus:
    """Whether a person may store learning on one Site, and what is missing if not."""

    state: str
    site: object = None
    profile: LearnerProfile | None = None
    site_consent: SiteConsent | None = None

    @property
    def may_store(self) -> bool:
        return self.state == ALLOWED

    @property
    def is_pending(self) -> bool:
        return self.state == PENDING

    @property
    def is_needed(self) -> bool:
        return self.state == NEEDED

    @property
    def asks_guardian(self) -> bool:
        """A learner's consent is missing here (awaited or not asked for yet)."""
        return self.state in (PENDING, NEEDED)

    @property
    def guardian_email(self) -> str:
        if self.site_consent is not None:
            return self.site_consent.guardian_email
        return self.profile.guardian_email if self.profile is not None else ""

    @property
    def consent_age(self) -> int:
        return consent_age(self.site)

    @property
    def city_name(self) -> str:
        return city_name(self.site)

    @property
    def message(self) -> str:
        """Why nothing is stored, for a message or a notice."""
        if self.state == PENDING:
            return str(
                _(
                    "We are waiting for your parent’s or guardian’s consent. "
                    "Until they agree, we cannot save your progress."
                )
            )
        if self.state == NEEDED:
            return str(
                _(
                    "In %(city)s, young people under %(age)d need a parent’s or guardian’s "
                    "consent before we save their learning. Give their email address and "
                    "we ask them."
                )
                % {"city": self.city_name or self.site, "age": self.consent_age}
            )
        if self.state == NO_PROFILE:
            return str(
                _(
                    "Complete your profile first: we need your year of birth to know whether "
                    "a parent or guardian has to agree."
                )
            )
        return ""


def city_name(site) -> str:
    if site is None:
        return ""
    return CityOfLearningSettings.for_site(site).city_name or site.site_name or ""


def is_home(profile: LearnerProfile, site) -> bool:
    """The profile's own city (a profile without a city, or no site, counts as home)."""
    return site is None or profile.site_id is None or profile.site_id == site.pk


def consent_status(user, site) -> ConsentStatus:
    """The one rule on storing learning: may ``user`` store it on ``site``?

    - an account without a profile may not (its age is unknown);
    - while the guardian's answer to the profile's own request is awaited, nothing is stored
      on any site;
    - on the profile's own city, a guardian's consent given for it, or an age at or above
      the city's age of digital consent, allows it;
    - on another city, the age counts against that city's age of consent, and below it only
      a guardian's consent given for that city (a :class:`SiteConsent`) allows it.
    """
    if user is None or not user.is_authenticated:
        return ConsentStatus(ANONYMOUS, site)
    return consent_status_with(user, site, LearnerProfile.objects.for_user(user))


def consent_status_with(user, site, profile) -> ConsentStatus:
    """:func:`consent_status` of a logged-in ``user`` whose ``profile`` (or None: the account
    has none) the caller has read already, with its site."""
    return _decide(site, profile, lambda: SiteConsent.objects.filter(user=user, site=site).first())


def consent_statuses(users, site) -> dict:
    """:func:`consent_status` of each of ``users`` (logged-in accounts) on ``site``, by user
    id: two queries, whatever their number (the participants of an opportunity)."""
    users = list(users)
    profiles = {
        profile.user_id: profile
        for profile in LearnerProfile.objects.select_related("site").filter(user__in=users)
    }
    records = {
        record.user_id: record for record in SiteConsent.objects.filter(user__in=users, site=site)
    }
    return {
        user.pk: _decide(site, profiles.get(user.pk), lambda pk=user.pk: records.get(pk))
        for user in users
    }


def _decide(site, profile, site_consent) -> ConsentStatus:
    """The rule of :func:`consent_status` for a loaded ``profile`` (or None);
    ``site_consent()`` gives the learner's :class:`SiteConsent` for ``site``, when needed."""
    if profile is None:
        return ConsentStatus(NO_PROFILE, site)
    if profile.waiting_for_consent:
        return ConsentStatus(PENDING, profile.site or site, profile)
    if is_home(profile, site):
        if profile.consent == LearnerProfile.Consent.GIVEN:
            return ConsentStatus(ALLOWED, site, profile)
        if not needs_consent(profile.year_of_birth, site or profile.site):
            return ConsentStatus(ALLOWED, site, profile)
        return ConsentStatus(NEEDED, site or profile.site, profile)
    if not needs_consent(profile.year_of_birth, site):
        return ConsentStatus(ALLOWED, site, profile)
    record = site_consent()
    if record is None:
        return ConsentStatus(NEEDED, site, profile)
    return ConsentStatus(ALLOWED if record.is_given else PENDING, site, profile, record)


def may_store(user, site=None) -> bool:
    """True when ``user`` may store learning on ``site`` (None: their profile's own city; see
    :func:`consent_status`)."""
    return consent_status(user, site).may_store


def site_of(request):
    """The Site (city) of ``request``."""
    return Site.find_for_request(request) if request is not None else None


def learner_site(profile, request=None) -> Site | None:
    """The learner's own city site, else the site of the request."""
    if profile is not None and profile.site_id:
        return profile.site
    return site_of(request)


def profile_page(back_url: str) -> str:
    """The profile page, returning to ``back_url`` once the profile is complete."""
    return f"{reverse('wagtail_cityoflearning_learners:profile')}?{urlencode({'next': back_url})}"


REFUSAL_TEMPLATE = "wagtail_cityoflearning/learners/consent_required.html"


def refusal(request, status: ConsentStatus, template: str = REFUSAL_TEMPLATE, back_url: str = ""):
    """The 403 page: why nothing is stored here, with what the learner can do about it."""
    return render_page(
        request,
        template,
        {
            "learner_consent": status,
            "consent_pending": True,
            "profile": status.profile,
            "back_url": back_url,
        },
        status=403,
    )


def learning_action(view=None, *, back=None, template: str = REFUSAL_TEMPLATE):
    """Decorate every view that stores a learner's learning. It lets the view run only for a
    logged-in learner who :func:`may_store` on the request's Site:

    - anonymous: to the login page, then back;
    - an account without a profile: to the profile page to complete it, then back;
    - otherwise without consent for this Site: with ``back`` (a function of the view's
      arguments giving the page to return to), back there with the reason as an error
      message; without it, a 403 page saying why (``template``).

    The view finds the status in ``request.learner_consent``.
    """

    def decorator(func):
        @wraps(func)
        def wrapped(request, *args, **kwargs):
            from django.contrib import messages
            from django.contrib.auth.views import redirect_to_login
            from django.shortcuts import redirect

            back_url = back(request, *args, **kwargs) if back else request.get_full_path()
            if not request.user.is_authenticated:
                return redirect_to_login(back_url)
            status = consent_status(request.user, site_of(request))
            request.learner_consent = status
            if status.state == NO_PROFILE:
                messages.info(request, status.message)
                return redirect(profile_page(back_url))
            if not status.may_store:
                if back is not None:
                    messages.error(request, status.message)
                    return redirect(back_url)
                return refusal(request, status, template)
            return func(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator


# -- the learner's device ------------------------------------------------------------------------
# Logging in or signing up marks the browser as a learner's (the mark stays after logging out),
# so a learner cannot open their own guardian's link on it and agree in the guardian's place.

DEVICE_COOKIE = "col_learner_device"
DEVICE_SALT = SALT + ".device"
DEVICE_MAX_AGE = 365 * 24 * 3600
DEVICE_MAX_ACCOUNTS = 8  # a family's or a library's shared computer


def _device_mark(user_id) -> str:
    return salted_hmac(DEVICE_SALT, str(user_id)).hexdigest()[:20]


def _device_marks(request) -> list[str]:
    try:
        value = request.get_signed_cookie(DEVICE_COOKIE, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except (KeyError, signing.BadSignature):
        return []
    return [mark for mark in value.split(".") if mark][:DEVICE_MAX_ACCOUNTS]


def remember_device(request, response, user) -> None:
    """Mark the browser of ``request`` as used by ``user`` (set on ``response``)."""
    if response is None or user is None or user.pk is None:
        return
    mark = _device_mark(user.pk)
    marks = [mark] + [m for m in _device_marks(request) if m != mark]
    response.set_signed_cookie(
        DEVICE_COOKIE,
        ".".join(marks[:DEVICE_MAX_ACCOUNTS]),
        salt=DEVICE_SALT,
        max_age=DEVICE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def is_learners_device(request, user_id) -> bool:
    """True when this browser was used to log in or sign up as the learner ``user_id``."""
    return _device_mark(user_id) in _device_marks(request)


# -- the signed link ---------------------------------------------------------------------------


def _guardian_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


@dataclass
class GuardianRequest:
    """What a guardian is asked to agree to: the profile's own consent (``site_consent``
    None) or the consent for one other city."""

    profile: LearnerProfile
    site_consent: SiteConsent | None = None

    @property
    def site(self):
        return self.site_consent.site if self.site_consent is not None else self.profile.site

    @property
    def guardian_email(self) -> str:
        if self.site_consent is not None:
            return self.site_consent.guardian_email
        return self.profile.guardian_email

    @property
    def is_given(self) -> bool:
        if self.site_consent is not None:
            return self.site_consent.is_given
        return self.profile.consent == LearnerProfile.Consent.GIVEN

    @property
    def is_pending(self) -> bool:
        if self.site_consent is not None:
            return not self.site_consent.is_given
        return self.profile.waiting_for_consent

    def token(self) -> str:
        if self.site_consent is not None:
            data = {"c": self.site_consent.pk, "g": _guardian_digest(self.guardian_email)}
        else:
            data = {"p": self.profile.pk, "g": _guardian_digest(self.guardian_email)}
        return signing.dumps(data, salt=SALT)

    def confirm(self) -> bool:
        """Record the guardian's consent. False when it had been recorded already."""
        if self.site_consent is None:
            return confirm(self.profile)
        changed = SiteConsent.objects.filter(pk=self.site_consent.pk, given_at__isnull=True).update(
            given_at=timezone.now()
        )
        self.site_consent.refresh_from_db(fields=["given_at"])
        return bool(changed)


def _as_request(target) -> GuardianRequest:
    if isinstance(target, GuardianRequest):
        return target
    if isinstance(target, SiteConsent):
        profile = LearnerProfile.objects.select_related("site").get(user_id=target.user_id)
        return GuardianRequest(profile, target)
    return GuardianRequest(target)


def make_token(target) -> str:
    """The token of a guardian's link, for a profile or a :class:`SiteConsent`."""
    return _as_request(target).token()


def link_days() -> int:
    return cityoflearning_settings.CONSENT_LINK_DAYS


def read_token(token: str) -> GuardianRequest:
    """What a consent link asks for; :class:`InvalidConsentLink` for any bad link."""
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
    found = None
    if "c" in data:
        record = SiteConsent.objects.select_related("site").filter(pk=data.get("c")).first()
        profile = (
            LearnerProfile.objects.select_related("user").for_user(record.user_id)
            if record is not None
            else None
        )
        if profile is not None:
            found = GuardianRequest(profile, record)
    else:
        profile = (
            LearnerProfile.objects.select_related("user", "site").filter(pk=data.get("p")).first()
        )
        if profile is not None:
            found = GuardianRequest(profile)
    if found is None or _guardian_digest(found.guardian_email) != data.get("g"):
        raise InvalidConsentLink(
            _("This link is no longer valid: the account was deleted or a newer link was sent.")
        )
    return found


def consent_url(request, target) -> str:
    guardian_request = _as_request(target)
    path = reverse(
        "wagtail_cityoflearning_learners:consent_confirm", args=[guardian_request.token()]
    )
    site = guardian_request.site
    if request is not None and (site is None or site_of(request) == site):
        return request.build_absolute_uri(path)
    root = site.root_url if site else ""
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


def request_site_consent(request, profile: LearnerProfile, site, guardian_email: str) -> bool:
    """Ask the guardian to agree for ``site``: for the profile's own city through the profile,
    for another city through a :class:`SiteConsent` (a new address replaces the old one and
    stops its link working). False when the email failed."""
    if is_home(profile, site):
        profile.guardian_email = guardian_email
        profile.save(update_fields=["guardian_email"])
        return request_consent(request, profile)
    record, _created = SiteConsent.objects.update_or_create(
        user_id=profile.user_id,
        site=site,
        defaults={
            "guardian_email": guardian_email,
            "requested_at": timezone.now(),
            "given_at": None,
        },
    )
    return send_consent_email(request, record)


def may_resend(target) -> bool:
    """Guardians are not flooded: one email every :data:`RESEND_INTERVAL`."""
    if isinstance(target, SiteConsent):
        requested = target.requested_at
    else:
        requested = target.consent_requested_at
    return requested is None or timezone.now() - requested >= RESEND_INTERVAL


def email_context(request, target) -> dict:
    """The guardian's email, from the city they are asked to agree for (its ``site_name``
    names the email's sender, subject, greeting and sign-off)."""
    guardian_request = _as_request(target)
    site = guardian_request.site
    city_settings = CityOfLearningSettings.for_site(site) if site else None
    return {
        "site_name": site_display_name(site or site_of(request)),
        "profile": guardian_request.profile,
        "learner_name": guardian_request.profile.display_name,
        "city_name": getattr(city_settings, "city_name", "") or "",
        "contact_email": getattr(city_settings, "contact_email", "") or "",
        "consent_url": consent_url(request, guardian_request),
        "link_days": link_days(),
        "consent_age": consent_age(site),
        "for_another_city": guardian_request.site_consent is not None,
    }


def send_consent_email(request, target) -> bool:
    """Email the guardian in the city's language, from the city, through the account adapter
    (so a site's own adapter decides how mail is sent). Returns False, and logs, when sending
    failed.
    ``target`` is a profile or a :class:`SiteConsent`."""
    from allauth.account.adapter import get_adapter
    from allauth.core import context

    guardian_request = _as_request(target)
    try:
        with (
            translation.override(site_or_active_language(guardian_request.site)),
            context.request_context(request),
        ):
            get_adapter(request).send_mail(
                EMAIL_TEMPLATE_PREFIX,
                guardian_request.guardian_email,
                email_context(request, guardian_request),
            )
    except Exception:
        logger.warning(
            "Could not send the consent email for profile %s",
            guardian_request.profile.pk,
            exc_info=True,
        )
        return False
    return True


def confirm(profile: LearnerProfile) -> bool:
    """Record the guardian's consent. False when it had been recorded already."""
    changed = LearnerProfile.objects.filter(
        pk=profile.pk, consent=LearnerProfile.Consent.PENDING
    ).update(consent=LearnerProfile.Consent.GIVEN, consent_given_at=timezone.now())
    profile.refresh_from_db(fields=["consent", "consent_given_at"])
    return bool(changed)


def page_site(page):
    """The Site (city) a page belongs to: learning on it is stored under that Site's consent."""
    try:
        return page.get_site()
    except Exception:
        return None
