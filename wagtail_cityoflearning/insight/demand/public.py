"""What \"I'm interested\" adds to the public pages: the button under an opportunity
(``cityoflearning_page_sections``) and the learner's list on their dashboard
(``cityoflearning_dashboard_sections``), and what they saved in the download of their data
(``cityoflearning_learner_data``)."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.models import Site

from wagtail_cityoflearning.insight.demand.interested import (
    is_interested,
    learner_data,
    learner_opportunities,
)
from wagtail_cityoflearning.models.opportunities import OpportunityPage

TEMPLATES = "wagtail_cityoflearning_insight/demand/"


@hooks.register("cityoflearning_page_sections")
def interested_section(request, page):
    """On a live opportunity: "I'm interested" (or "Interested ✓, undo") for a signed-in
    learner, a link to sign in for anyone else."""
    if not isinstance(page, OpportunityPage) or not page.live or request is None:
        return ""
    user = getattr(request, "user", None)
    context = {
        "page": page,
        "request": request,
        "signed_in": user is not None and user.is_authenticated,
        "interested": is_interested(user, page),
    }
    return render_to_string(TEMPLATES + "interested_section.html", context, request=request)


@hooks.register("cityoflearning_dashboard_sections")
def dashboard_interested(request):
    """ "I'm interested in" on the learner's dashboard, when they saved any of this city."""
    site = Site.find_for_request(request)
    if site is None:
        return ""
    rows = learner_opportunities(request.user, site)
    if not rows:
        return ""
    return render_to_string(TEMPLATES + "dashboard.html", {"rows": rows}, request=request)


hooks.register("cityoflearning_learner_data", learner_data)
