"""The public side of registration: register (the opportunity's questions as a form) and
cancel (after a confirmation). Changes are POSTs with a CSRF token; registering needs a
signed-in learner whose consent allows us to store their learning on this city's site
(:func:`~wagtail_cityoflearning.learners.accounts.consent.learning_action`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts.consent import learning_action
from wagtail_cityoflearning.learners.progress.links import MAX_ID
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.providers.registration import places
from wagtail_cityoflearning.providers.registration.forms import RegistrationForm
from wagtail_cityoflearning.providers.registration.models import Registration

TEMPLATES = "wagtail_cityoflearning_providers/registration/"
SECTION_ANCHOR = "#registration"


def live_opportunity(page_id: int):
    """The live opportunity taking registrations, or 404."""
    if page_id > MAX_ID:
        raise Http404
    page = BasePage.objects.live().filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if page is None or not places.takes_registrations(page):
        raise Http404
    return page


def page_url(request, page) -> str:
    return (page.get_url(request) or "/") + SECTION_ANCHOR


def _back(request, page_id):
    return page_url(request, live_opportunity(page_id))


@require_http_methods(["GET", "POST"])
@learning_action(back=_back)
def register(request, page_id):
    """GET: the form on a page of its own; POST: take a place, or one on the waiting list."""
    page = live_opportunity(page_id)
    back = page_url(request, page)
    reason = places.closed_reason(page)
    if reason is not None:
        messages.error(request, reason.message)
        return redirect(back)
    current = Registration.objects.filter(opportunity_id=page.pk, user=request.user).first()
    if current is not None and not current.is_cancelled:
        messages.info(request, _("You are already registered for this opportunity."))
        return redirect(back)
    form = RegistrationForm(page, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = places.register(page, request.user, form.answers())
        except places.RegistrationClosed as closed:
            messages.error(request, closed.reason.message)
            return redirect(back)
        if outcome.result == Registration.Status.WAITING:
            messages.success(
                request,
                _(
                    "All places are taken, so you are on the waiting list, number %(position)d. "
                    "We email you as soon as a place is yours."
                )
                % {"position": outcome.registration.place_in_line},
            )
        else:
            messages.success(request, _("You are registered. We sent you a confirmation by email."))
        return redirect(back)
    context = {
        "page": page,
        "form": form,
        "places": places.places(page),
        "back_url": back,
        "status": 400 if form.is_bound else 200,
    }
    return render_page(request, TEMPLATES + "register.html", context, status=context["status"])


@require_http_methods(["GET", "POST"])
@login_required
def cancel(request, pk):
    """GET: are you sure?; POST: cancel. Only the learner's own registration."""
    if pk > MAX_ID:
        raise Http404
    registration = (
        Registration.objects.active()
        .filter(pk=pk, user=request.user)
        .select_related("opportunity")
        .first()
    )
    if registration is None:
        raise Http404
    page = registration.opportunity.specific
    if request.method == "POST":
        places.cancel(registration, page)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(page_url(request, page) if page.live else "/")
    return render_page(
        request,
        TEMPLATES + "cancel.html",
        {"page": page, "registration": registration, "back_url": page_url(request, page)},
    )
