"""What registration adds to the public pages: the section on an opportunity's page
(``cityoflearning_page_sections``), the learner's registrations on their dashboard
(``cityoflearning_dashboard_sections``) and the stylesheets these need."""

from datetime import UTC, datetime

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail import hooks

from wagtail_cityoflearning.learners.accounts.consent import NO_PROFILE, consent_status, site_of
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.providers.registration import places
from wagtail_cityoflearning.providers.registration.forms import RegistrationForm
from wagtail_cityoflearning.providers.registration.models import Registration

TEMPLATES = "wagtail_cityoflearning_providers/registration/"
STYLESHEETS = [
    "wagtail_cityoflearning/css/accounts.css",
    "wagtail_cityoflearning_providers/css/registration.css",
]


def section_context(request, page) -> dict:
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    registration = (
        Registration.objects.active().filter(opportunity_id=page.pk, user=user).first()
        if signed_in
        else None
    )
    status = consent_status(user, site_of(request)) if signed_in else None
    reason = places.closed_reason(page)
    return {
        "page": page,
        "registration": registration,
        "places": places.places(page),
        "closed": reason,
        "learner_consent": status,
        "consent_missing": status is not None and not status.may_store,
        "needs_profile": status is not None and status.state == NO_PROFILE,
        "form": RegistrationForm(page) if reason is None and registration is None else None,
        "request": request,
    }


@hooks.register("cityoflearning_page_sections")
def registration_section(request, page):
    """On an opportunity that takes registrations: places, the learner's own registration,
    and the form to register (or why they cannot)."""
    if not isinstance(page, AbstractOpportunityPage) or not page.takes_registrations:
        return ""
    return render_to_string(
        TEMPLATES + "section.html", section_context(request, page), request=request
    )


def learner_registrations(user, now=None) -> list[dict]:
    """The learner's registrations and waiting-list places for opportunities still to come,
    soonest first."""
    now = now or timezone.now()
    rows = []
    for registration in (
        Registration.objects.active().filter(user=user).select_related("opportunity")
    ):
        page = registration.opportunity.specific
        if not isinstance(page, AbstractOpportunityPage) or places.is_over(page, now):
            continue
        session = page.next_session
        rows.append({"registration": registration, "page": page, "session": session})
    far = datetime.max.replace(tzinfo=UTC)
    rows.sort(key=lambda row: (row["session"].start if row["session"] else far, row["page"].title))
    return rows


@hooks.register("cityoflearning_dashboard_sections")
def dashboard_registrations(request):
    """ "My registrations" on the learner's dashboard, when they have any."""
    rows = learner_registrations(request.user)
    if not rows:
        return ""
    return render_to_string(TEMPLATES + "dashboard.html", {"rows": rows}, request=request)


@hooks.register("cityoflearning_head_stylesheets")
def registration_stylesheets(request, page):
    if isinstance(page, AbstractOpportunityPage) and page.takes_registrations:
        return STYLESHEETS
    match = getattr(request, "resolver_match", None)
    if page is None and match is not None:
        if match.namespace == "wagtail_cityoflearning_providers" and match.url_name in (
            "register",
            "cancel_registration",
        ):
            return STYLESHEETS
        if match.namespace == "wagtail_cityoflearning_learners" and match.url_name == "dashboard":
            return STYLESHEETS[1:]
    return []
