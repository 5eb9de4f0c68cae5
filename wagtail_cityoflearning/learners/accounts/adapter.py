"""The account adapter (``ACCOUNT_ADAPTER``): allauth's defaults, with the city's name on
every email, the learner's own language in their emails, the package's own wording of
allauth's messages, and editors sent to the admin rather than to a learner's dashboard.

Learners never see a username: they sign up and log in with their email address and are
greeted by their display name. The package's own templates for allauth's pages and emails
(``templates/account/``) show no username; allauth still fills the user model's
``username`` field, which must be unique, with a generated value nobody is shown.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from wagtail_cityoflearning import mail
from wagtail_cityoflearning.learners.accounts.consent import remember_device
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile

__all__ = ["LearnerAccountAdapter", "is_admin_user"]


def is_admin_user(user) -> bool:
    """City editors and provider staff: people who work in the Wagtail admin."""
    return bool(
        user.is_authenticated
        and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def site_display_name(request) -> str:
    """What emails and pages call the site of ``request`` (see
    :func:`wagtail_cityoflearning.mail.site_display_name`)."""
    return mail.site_display_name(Site.find_for_request(request) if request is not None else None)


def current_request():
    """The request allauth is handling (set by its ``AccountMiddleware``)."""
    return context.request


# allauth's account emails (not the package's own, such as the guardian's, which are in the
# city's language).
ACCOUNT_EMAIL_PREFIX = "account/email/"


def learner_language(email: str, user=None) -> str | None:
    """The preferred language of the learner ``user`` (or of the account of ``email``)."""
    if user is None or not getattr(user, "pk", None):
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address is not None else None
    profile = LearnerProfile.objects.for_user(user) if user is not None else None
    return (profile.preferred_language or None) if profile is not None else None


class LearnerAccountAdapter(DefaultAccountAdapter):
    """Learners' accounts. The learner's profile is made by the signup form
    (:class:`~wagtail_cityoflearning.learners.accounts.forms.LearnerSignupForm`), which also emails
    the parent or guardian when the learner is younger than the city's consent age.
    A site's own adapter should subclass this one, so that logging in and signing up keep
    marking the learner's browser."""

    # allauth's messages for the package's forms, in the package's words.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": gettext_lazy("This account is switched off."),
        "cannot_remove_primary_email": gettext_lazy(
            "You cannot remove your main email address. Make another one the main address first."
        ),
        "duplicate_email": gettext_lazy("This email address is already in your account."),
        "email_password_mismatch": gettext_lazy(
            "That email address and password do not match. Check them and try again."
        ),
        "email_taken": gettext_lazy(
            "Someone already has an account with this email address. If it is you, log in."
        ),
        "enter_current_password": gettext_lazy("Type your current password."),
        "incorrect_password": gettext_lazy("That is not your password."),
        "invalid_or_expired_key": gettext_lazy("This link is not valid or has expired."),
        "invalid_password_reset": gettext_lazy(
            "This link to choose a new password is not valid or was already used."
        ),
        "too_many_login_attempts": gettext_lazy(
            "Too many attempts to log in. Wait a few minutes and try again."
        ),
        "unknown_email": gettext_lazy("No account has this email address."),
        "unverified_primary_email": gettext_lazy("Confirm your main email address first."),
        "same_as_current": gettext_lazy("The new one must be different from the current one."),
        "rate_limited": gettext_lazy("Too many tries in a short time. Wait a moment."),
    }

    # The name of the city the email being rendered comes from (its context's ``site_name``).
    sender_name = ""

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every email comes from the city named by its context's ``site_name``: in the From
        header and the subject, by the package's one rule (:mod:`wagtail_cityoflearning.mail`)."""
        self.sender_name = context.get("site_name") or site_display_name(current_request())
        return super().render_mail(template_prefix, email, context, headers=headers)

    def _sender_name(self) -> str:
        return self.sender_name or site_display_name(current_request())

    def get_from_email(self) -> str:
        """``"Ljubljana City of Learning" <learning@…>`` rather than the bare address."""
        return mail.from_email(self._sender_name())

    def format_email_subject(self, subject: str) -> str:
        """Emails start with "[Ljubljana City of Learning]" rather than the host name."""
        return mail.subject_line(subject, self._sender_name())

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every email gets ``site_name`` (:func:`site_display_name`); allauth's account
        emails to a learner are written in the learner's preferred language."""
        request = current_request()
        context = {"site_name": site_display_name(request), **context}
        language = None
        if template_prefix.startswith(ACCOUNT_EMAIL_PREFIX):
            language = learner_language(email, context.get("user"))
        if language is None:
            return super().send_mail(template_prefix, email, context)
        with translation.override(language):
            context["site_name"] = site_display_name(request)
            return super().send_mail(template_prefix, email, context)

    def post_login(self, request, user, **kwargs):
        """Logging in marks the browser as the learner's (see :func:`.consent.remember_device`):
        it cannot then be used to agree to their guardian's consent link."""
        response = super().post_login(request, user, **kwargs)
        remember_device(request, response, user)
        return response

    def respond_email_verification_sent(self, request, user):
        """Signing up (before the address is verified) marks the browser as well."""
        response = super().respond_email_verification_sent(request, user)
        if user is not None:
            remember_device(request, response, user)
        return response

    def get_login_redirect_url(self, request) -> str:
        """Editors and provider staff without a learner profile go to the admin."""
        user = request.user
        if is_admin_user(user) and LearnerProfile.objects.for_user(user) is None:
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)
