"""Which playlists have an opportunity as a step, read from the stored step data.

Used by the participants page and by the access policy (who may be looked up by email), so it
depends on nothing but the page models.
"""

from wagtail_cityoflearning.learners.playlists.models import AbstractPlaylistPage
from wagtail_cityoflearning.learners.steps.blocks import StepKind
from wagtail_cityoflearning.models.base import BasePage


def opportunity_step_ids(playlist, opportunity, *, any_of=None) -> list[str]:
    """The ids of ``playlist``'s steps that are ``opportunity`` (or any page id in ``any_of``).

    Read from the stored step data, so no chooser is resolved (no query per playlist).
    """
    wanted = {str(pk) for pk in any_of} if any_of is not None else {str(opportunity.pk)}
    ids = []
    for item in playlist.steps.raw_data:
        value = item.get("value")
        if item.get("type") != StepKind.OPPORTUNITY or not isinstance(value, dict):
            continue
        if str(value.get("opportunity")) in wanted:
            ids.append(item.get("id"))
    return ids


def playlists_with_opportunities(opportunity, any_of=None) -> list:
    """The playlists (specific pages) of the opportunity's site that have it (or any page id
    in ``any_of``) as a step."""
    site = opportunity.get_site()
    if site is None:
        return []
    pages = (
        BasePage.objects.type(AbstractPlaylistPage)
        .descendant_of(site.root_page)
        .specific()
        .order_by("title")
    )
    return [page for page in pages if opportunity_step_ids(page, opportunity, any_of=any_of)]


def playlists_with_opportunity(opportunity) -> list:
    """The playlists (specific pages) of the opportunity's site that have it as a step."""
    return playlists_with_opportunities(opportunity)
