"""\"I'm interested\": what a learner saved, and how many learners saved each opportunity."""

from django.db.models import Count

from wagtail_cityoflearning.insight.demand.models import InterestedLearner
from wagtail_cityoflearning.models.opportunities import OpportunityPage

PROVIDER_PANEL_LIMIT = 30


def is_interested(user, page) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return InterestedLearner.objects.filter(user=user, opportunity_id=page.pk).exists()


def toggle(user, page) -> bool:
    """Mark ``page`` as interesting to ``user``, or unmark it; True when it is now marked."""
    deleted, _kinds = InterestedLearner.objects.filter(user=user, opportunity_id=page.pk).delete()
    if deleted:
        return False
    InterestedLearner.objects.get_or_create(user=user, opportunity_id=page.pk)
    return True


def learner_opportunities(user):
    """The live opportunities ``user`` is interested in, the latest first (one query)."""
    return list(
        InterestedLearner.objects.filter(user=user, opportunity__live=True)
        .select_related("opportunity")
        .order_by("-created_at", "-pk")
    )


def provider_counts(provider, limit: int = PROVIDER_PANEL_LIMIT) -> list:
    """The provider's live opportunities with how many learners are interested in each, most
    first (one query)."""
    return list(
        OpportunityPage.objects.live()
        .descendant_of(provider)
        .annotate(interested=Count("interested_learners"))
        .order_by("-interested", "title", "pk")[:limit]
    )
