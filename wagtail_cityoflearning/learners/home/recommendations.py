"""What the dashboard suggests next: live opportunities and playlists on the learner's city
site that match their interests and age, leaving out playlists already on their dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from wagtail.models import Site

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.learners.accounts.consent import learner_site
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage
from wagtail_cityoflearning.learners.playlists.prefetch import prefetch_steps
from wagtail_cityoflearning.learners.progress.models import Attendance, PlaylistEnrolment
from wagtail_cityoflearning.models.opportunities import OpportunityPage


@dataclass
class Recommendations:
    opportunities: list = field(default_factory=list)
    playlists: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.opportunities or self.playlists)


def _for_interests(queryset: QuerySet, interest_ids: list[int]) -> QuerySet:
    """Keep pages sharing an interest with the learner, the most shared first.

    A learner who chose no interests gets everything that suits their age instead of nothing.
    """
    if not interest_ids:
        return queryset.order_by("title")
    return (
        queryset.annotate(shared_interests=Count("interests", filter=Q(interests__in=interest_ids)))
        .filter(shared_interests__gt=0)
        .order_by("-shared_interests", "title")
    )


def recommended_opportunities(
    site: Site, profile: LearnerProfile | None, interest_ids: list[int], *, exclude_ids=()
) -> list:
    """Upcoming live opportunities on ``site`` for this learner, soonest first."""
    queryset = (
        OpportunityPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .upcoming()
        .exclude(pk__in=exclude_ids)
        .for_listing()
        .with_provider_title()
        .suitable_for_age(profile.age if profile else None)
    )
    queryset = _for_interests(queryset, interest_ids)
    # The best match first; among equals, the soonest (ongoing ones after dated ones).
    ordering = ["-shared_interests"] if interest_ids else []
    queryset = queryset.order_by(*ordering, F("starts_at").asc(nulls_last=True), "title")
    return list(queryset[: cityoflearning_settings.RECOMMENDATIONS_SHOWN])


def recommended_playlists(
    site: Site, profile: LearnerProfile | None, interest_ids: list[int], *, exclude_ids=()
) -> list:
    """Live playlists on ``site`` for this learner that they have not started or saved."""
    queryset = (
        PlaylistPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .exclude(pk__in=exclude_ids)
        .select_related("cover_image", "completion_badge")
        .prefetch_related("interests", "cover_image__renditions")
        .suitable_for_age(profile.age if profile else None)
    )
    queryset = _for_interests(queryset, interest_ids)
    playlists = list(queryset[: cityoflearning_settings.RECOMMENDATIONS_SHOWN])
    prefetch_steps(playlists)  # their cards count the steps
    return playlists


def recommendations_for(user, request=None, profile: LearnerProfile | None = None):
    """Opportunities and playlists to suggest to ``user`` on their dashboard.

    Playlists the learner has started or saved are left out: the dashboard lists them already.
    """
    if profile is None:
        profile = LearnerProfile.objects.for_user(user)
    site = learner_site(profile, request)
    if site is None:
        return Recommendations()
    interest_ids = list(profile.interests.values_list("pk", flat=True)) if profile else []
    on_dashboard = PlaylistEnrolment.objects.filter(user=user).values_list("playlist_id", flat=True)
    attended = Attendance.objects.filter(user=user).values_list("opportunity_id", flat=True)
    return Recommendations(
        opportunities=recommended_opportunities(site, profile, interest_ids, exclude_ids=attended),
        playlists=recommended_playlists(site, profile, interest_ids, exclude_ids=on_dashboard),
    )


__all__ = [
    "Recommendations",
    "recommendations_for",
    "recommended_opportunities",
    "recommended_playlists",
]
