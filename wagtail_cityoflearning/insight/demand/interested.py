"""\"I'm interested\": what a learner saved, and how many learners saved each opportunity."""

from django.db.models import Count

from wagtail_cityoflearning.insight.demand.models import InterestedLearner
from wagtail_cityoflearning.models.opportunities import OpportunityPage

PROVIDER_PANEL_LIMIT = 30


def is_interested(user, page) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return InterestedLearner.objects.filter(user=user, opportunity_id=page.pk).exists()


def mark(user, page) -> None:
    """Mark ``page`` as interesting to ``user`` (once, however often it is asked)."""
    InterestedLearner.objects.get_or_create(user=user, opportunity_id=page.pk)


def unmark(user, page) -> None:
    """``user`` is not interested in ``page`` any more (nothing happens when they were not)."""
    InterestedLearner.objects.filter(user=user, opportunity_id=page.pk).delete()


def learner_opportunities(user, site=None):
    """The live opportunities ``user`` is interested in (of ``site`` when given), the latest
    first (one query)."""
    found = InterestedLearner.objects.filter(user=user, opportunity__live=True)
    if site is not None:
        found = found.filter(opportunity__path__startswith=site.root_page.path)
    return list(found.select_related("opportunity").order_by("-created_at", "-pk"))


def learner_data(user) -> tuple[str, list[dict]]:
    """The learner's "I'm interested", for the download of their data
    (``cityoflearning_learner_data``): every opportunity, live or not, the latest first."""
    rows = (
        InterestedLearner.objects.filter(user=user)
        .select_related("opportunity")
        .order_by("-created_at", "-pk")
    )
    return "interested", [
        {
            "opportunity": row.opportunity.title,
            "url": row.opportunity.get_full_url() or "",
            "created_at": row.created_at,
        }
        for row in rows
    ]


def provider_counts(provider, limit: int = PROVIDER_PANEL_LIMIT) -> list:
    """The provider's live opportunities with how many learners are interested in each, most
    first (one query)."""
    return list(
        OpportunityPage.objects.live()
        .descendant_of(provider)
        .annotate(interested=Count("interested_learners"))
        .order_by("-interested", "title", "pk")[:limit]
    )
