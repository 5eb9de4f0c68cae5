"""The \"I'm interested\" button's view: a POST toggles it and returns to the page."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from wagtail_cityoflearning.insight.demand.interested import toggle
from wagtail_cityoflearning.learners.accounts.consent import learning_action
from wagtail_cityoflearning.models.opportunities import OpportunityPage

ANCHOR = "#interested"
MAX_ID = 2**63 - 1  # the largest primary key a database holds


def _live_opportunity(pk):
    if pk > MAX_ID:
        return None
    return OpportunityPage.objects.live().public().filter(pk=pk).first()


def _opportunity(pk):
    page = _live_opportunity(pk)
    if page is None:
        raise Http404
    return page


def _back(request, pk):
    page = _live_opportunity(pk)
    url = page.get_url(request) if page is not None else None
    return (url or "/") + ANCHOR


@require_POST
@learning_action(back=_back)
def toggle_interested(request, pk):
    page = _opportunity(pk)
    toggle(request.user, page)
    return redirect((page.get_url(request) or "/") + ANCHOR)
