"""The \"I'm interested\" button's view: a POST with ``action=add`` or ``action=remove``
(doing it twice changes nothing more) returns to where the button was."""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from wagtail.models import Site

from wagtail_cityoflearning.insight.demand.interested import mark, unmark
from wagtail_cityoflearning.learners.accounts.consent import learning_action
from wagtail_cityoflearning.models.opportunities import OpportunityPage

ANCHOR = "#interested"
MAX_ID = 2**63 - 1  # the largest primary key a database holds
ACTIONS = {"add": mark, "remove": unmark}


def _live_opportunity(request, pk):
    """The live, public opportunity ``pk`` of the request's site, or None."""
    site = Site.find_for_request(request)
    if pk > MAX_ID or site is None:
        return None
    return OpportunityPage.objects.live().public().in_site(site).filter(pk=pk).first()


def _back(request, pk):
    """Where the button was (a ``next`` on this host), else the opportunity's page."""
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    page = _live_opportunity(request, pk)
    url = page.get_url(request) if page is not None else None
    return (url or "/") + ANCHOR


@require_POST
@learning_action(back=_back)
def toggle_interested(request, pk):
    page = _live_opportunity(request, pk)
    if page is None:
        raise Http404
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return HttpResponseBadRequest(gettext("Say whether you are interested or not any more."))
    action(request.user, page)
    return redirect(_back(request, pk))
