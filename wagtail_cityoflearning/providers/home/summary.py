"""What a provider's home shows, gathered in a fixed number of queries whatever the provider's
size: their opportunities by state, the next sessions, evidence waiting for review and the
badges awarded this month."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState

from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.admin.review import describe, waiting_for_review
from wagtail_cityoflearning.models.opportunities import OpportunityPage, OpportunitySession

SHOWN = 10  # opportunities of each group, sessions and evidence shown


LABELS = {
    "in_moderation": _("Awaiting review"),
    "drafts": _("Drafts"),
    "upcoming": _("Live: upcoming and ongoing"),
    "past": _("Past"),
}
EMPTY = {
    "in_moderation": _("No opportunity is waiting for the city's review."),
    "drafts": _("No drafts."),
    "upcoming": _("No live opportunity is upcoming."),
    "past": _("No past opportunities."),
}


@dataclass
class Group:
    key: str
    items: list = field(default_factory=list)
    count: int = 0

    @property
    def label(self):
        return LABELS[self.key]

    @property
    def empty_message(self):
        return EMPTY[self.key]


@dataclass
class ProviderSummary:
    provider: object
    drafts: Group
    in_moderation: Group
    upcoming: Group
    past: Group
    next_sessions: list
    evidence_count: int
    evidence: list
    awards_this_month: int
    awards_by_badge: list

    @property
    def groups(self):
        return [self.in_moderation, self.drafts, self.upcoming, self.past]


def _in_moderation_ids(pages) -> set[int]:
    keys = pages.annotate(key=Cast("pk", CharField())).values("key")
    return {
        int(object_id)
        for object_id in WorkflowState.objects.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=keys,
        ).values_list("object_id", flat=True)
    }


def month_start(now):
    local = timezone.localtime(now)  # the admin user's timezone
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def summarise(provider, user, now=None) -> ProviderSummary:
    """The home of ``provider`` as ``user`` sees it (evidence only of playlists they review)."""
    now = now or timezone.now()
    opportunities = OpportunityPage.objects.descendant_of(provider)
    moderated = _in_moderation_ids(opportunities)
    groups = {key: Group(key) for key in ("drafts", "in_moderation", "upcoming", "past")}
    listed = opportunities.only(
        "title",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "starts_at",
        "ends_at",
        "is_ongoing",
        "path",
        "depth",
        "latest_revision_created_at",
    ).order_by("starts_at", "title")
    for page in listed:
        if page.pk in moderated:
            key = "in_moderation"
        elif not page.live:
            key = "drafts"
        elif page.is_ongoing or page.ends_at is None or page.ends_at >= now:
            key = "upcoming"
        else:
            key = "past"
        group = groups[key]
        group.count += 1
        if key == "past":  # the most recent first
            group.items.insert(0, page)
            del group.items[SHOWN:]
        elif len(group.items) < SHOWN:
            group.items.append(page)

    next_sessions = list(
        OpportunitySession.objects.filter(page__in=opportunities.live().values("pk"))
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .select_related("page")
        .only("start", "end", "page__title", "page__draft_title")
        .order_by("start")[:SHOWN]
    )

    waiting = waiting_for_review(user).filter(enrolment__playlist__path__startswith=provider.path)
    evidence_count = waiting.count()
    evidence = describe(waiting[:5]) if evidence_count else []

    awards = Award.objects.filter(
        badge_class__issuer__provider=provider, revoked=False, issued_on__gte=month_start(now)
    )
    by_badge = list(
        awards.values("badge_class", "badge_class__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "badge_class__name")
    )
    return ProviderSummary(
        provider=provider,
        next_sessions=next_sessions,
        evidence_count=evidence_count,
        evidence=evidence,
        awards_this_month=sum(row["count"] for row in by_badge),
        awards_by_badge=by_badge,
        **groups,
    )
