"""The account adapter (``ACCOUNT_ADAPTER``): allauth's defaults, with the city's name on
every email and editors sent to the admin rather than to a learner's dashboard."""

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_cityoflearning.learners.accounts.consent import remember_device
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

__all__ = ["LearnerAccountAdapter", "is_admin_user"]


def is_admin_user(user) -> bool:
    """City editors and provider staff: people who work in the Wagtail admin."""
    return bool(
        user.is_authenticated
        and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def city_name(request) -> str:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    return CityOfLearningSettings.for_site(site).city_name


class LearnerAccountAdapter(DefaultAccountAdapter):
    """Learners' accounts. The learner's profile is made by the signup form
    (:class:`~wagtail_cityoflearning.learners.accounts.forms.LearnerSignupForm`), which also emails
    the parent or guardian when the learner is younger than the city's consent age.
    A site's own adapter should subclass this one, so that logging in and signing up keep
    marking the learner's browser."""

    def format_email_subject(self, subject: str) -> str:
        """Emails start with "[Ljubljana City of Learning]" rather than the host name."""
        name = city_name(context.request)
        if app_settings.EMAIL_SUBJECT_PREFIX is not None or not name:
            return super().format_email_subject(subject)
        prefix = _("%(city)s City of Learning") % {"city": name}
        return f"[{prefix}] {subject}"

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
