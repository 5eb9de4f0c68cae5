"""The provider's admin home: how many learners are interested in each opportunity
(``cityoflearning_provider_home_panels``, a hook of the providers' app, which this module
does not import)."""

from django.template.loader import render_to_string
from wagtail import hooks

from wagtail_cityoflearning.insight.demand.interested import PROVIDER_PANEL_LIMIT, provider_counts
from wagtail_cityoflearning.insight.privacy import MIN_PEOPLE, people


@hooks.register("cityoflearning_provider_home_panels")
def provider_interested_panel(request, provider):
    """The provider's live opportunities and the learners interested in each."""
    opportunities = provider_counts(provider)
    if not opportunities:
        return None
    rows = [{"page": page, "count": people(page.interested)} for page in opportunities]
    return render_to_string(
        "wagtail_cityoflearning_insight/demand/provider_panel.html",
        {
            "rows": rows,
            "min_people": MIN_PEOPLE,
            "limited": len(opportunities) >= PROVIDER_PANEL_LIMIT,
        },
        request=request,
    )
