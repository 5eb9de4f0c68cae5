"""The learners' answers to the badges' questions about recipients (see
:mod:`wagtail_cityoflearning.recipients`): nothing is awarded to, or claimed by, a learner who
may not have anything stored on the city's site. Registered in ``learners/wagtail_hooks.py``."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts.adapter import is_admin_user
from wagtail_cityoflearning.learners.accounts.consent import (
    NO_PROFILE,
    consent_status,
    profile_page,
)

CLAIM_TEMPLATE = "wagtail_cityoflearning/badges/claim.html"


def recipient_may_receive(email: str, site) -> bool:
    """False when ``email`` is an address of a learner's account that may not store learning
    on ``site`` (below its age of digital consent without a guardian's consent for it).
    Addresses of no account, or of an account without a profile, may receive badges."""
    user_model = get_user_model()
    listed = EmailAddress.objects.filter(email__iexact=email).values("user_id")
    users = user_model.objects.filter(email__iexact=email) | user_model.objects.filter(
        pk__in=listed
    )
    for user in users.distinct():
        status = consent_status(user, site)
        if not status.may_store and status.state != NO_PROFILE:
            return False
    return True


def claim_refusal(request, site, claim_code):
    """For a logged-in learner who may not store anything on ``site``: the answer (to complete
    the profile, or why not); None when they may claim. Editors claim as anyone does."""
    user = request.user
    if not user.is_authenticated or is_admin_user(user):
        return None
    status = consent_status(user, site)
    if status.state == NO_PROFILE:
        messages.info(request, status.message)
        return redirect(profile_page(request.get_full_path()))
    if status.may_store:
        return None
    context = {
        "claim_code": claim_code,
        "badge_class": claim_code.badge_class,
        "form": None,
        "learner_consent": status,
        "consent_refused": _(
            "You can claim this badge once your parent or guardian has agreed. Nothing is "
            "stored until then."
        ),
    }
    return render_page(request, CLAIM_TEMPLATE, context, status=403)
