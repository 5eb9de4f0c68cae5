"""What the dashboard suggests next: live opportunities and playlists on the learner's city
site that match their interests and age, leaving out playlists already on their dashboard.

A learner who has chosen no interests (one whose interests were not kept while a parent or
guardian had not yet agreed, for instance) gets the same lists for their age, and the dashboard
says so and invites them to choose interests. When nothing matches the learner's interests, the
dashboard shows what suits their age anyway:
the city's most popular playlists and its soonest opportunities, and says so. Ages are the age
the learner reaches this year (:attr:`LearnerProfile.age_this_year`): a learner born in 2013
is offered what is for 13-year-olds all through 2026.

The suggestions are the same for every learner of one city, age and set of interests who has
the same playlists on their dashboard and attended the same opportunities, so they are kept in
the page cache (``page_cache.pages``) under those, and go stale with it whenever a page is
published, unpublished, moved or deleted. They are also worked out afresh every
:data:`SUGGESTIONS_MINUTES` minutes, so an opportunity that has ended leaves them and the most
popular playlists follow the enrolments. What the learner did themselves (a playlist started,
an opportunity attended, interests changed) changes the key, so it shows at once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page, Site

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.learners.accounts.consent import learner_site
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage
from wagtail_cityoflearning.learners.progress.models import Attendance, PlaylistEnrolment
from wagtail_cityoflearning.models.map_page import AbstractOpportunityMapPage
from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.page_cache import remembered

# How long kept suggestions may be used at most, whatever is published in the meantime.
SUGGESTIONS_MINUTES = 10


@dataclass
class Recommendations:
    opportunities: list = field(default_factory=list)
    playlists: list = field(default_factory=list)
    # False when nothing matched the learner's interests and the list holds, for their age,
    # the city's soonest opportunities or its most popular playlists instead.
    opportunities_match_interests: bool = True
    playlists_match_interests: bool = True
    # False when the learner has chosen no interests: nothing is matched to interests then,
    # and the dashboard invites them to choose some.
    has_interests: bool = True

    def __bool__(self) -> bool:
        return bool(self.opportunities or self.playlists)


def suggestion_age(profile: LearnerProfile | None) -> int | None:
    """The age suggestions are chosen for: the age reached this year (None: not known)."""
    return profile.age_this_year if profile else None


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
        .suitable_for_age(suggestion_age(profile))
    )
    queryset = _for_interests(queryset, interest_ids)
    # The best match first; among equals, the soonest (ongoing ones after dated ones).
    ordering = ["-shared_interests"] if interest_ids else []
    queryset = queryset.order_by(*ordering, F("starts_at").asc(nulls_last=True), "title")
    return list(queryset[: cityoflearning_settings.RECOMMENDATIONS_SHOWN])


def _playlists_for(site: Site, profile: LearnerProfile | None, exclude_ids) -> QuerySet:
    """Live playlists on ``site`` that suit the learner's age, leaving out ``exclude_ids``."""
    return (
        PlaylistPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .exclude(pk__in=exclude_ids)
        .select_related("cover_image", "completion_badge")
        .prefetch_related("interests", "cover_image__renditions")
        .suitable_for_age(suggestion_age(profile))
    )


def _cards(queryset: QuerySet) -> list:
    # The cards count the steps without resolving them (``step_count``).
    return list(queryset[: cityoflearning_settings.RECOMMENDATIONS_SHOWN])


def recommended_playlists(
    site: Site, profile: LearnerProfile | None, interest_ids: list[int], *, exclude_ids=()
) -> list:
    """Live playlists on ``site`` for this learner that they have not started or saved."""
    return _cards(_for_interests(_playlists_for(site, profile, exclude_ids), interest_ids))


def popular_playlists(site: Site, profile: LearnerProfile | None, *, exclude_ids=()) -> list:
    """Live playlists on ``site`` for the learner's age, the most enrolled first (enrolments in
    any translation of a playlist count for it)."""
    enrolments = (
        PlaylistEnrolment.objects.filter(playlist__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("playlist__translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    queryset = (
        _playlists_for(site, profile, exclude_ids)
        .annotate(enrolment_count=Coalesce(Subquery(enrolments), 0))
        .order_by("-enrolment_count", "title")
    )
    return _cards(queryset)


def city_map_page(site: Site | None):
    """The city's first live, public map of opportunities (None when the site has none),
    kept in the page cache."""
    if site is None:
        return None

    def find():
        page = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .type(AbstractOpportunityMapPage)
            .order_by("path")
            .first()
        )
        return [page]  # a list, so that "no map" is kept too

    return remembered(("city-map-page", site.pk), find)[0]


def city_map_url(site: Site | None, request=None) -> str:
    """The address of the city's map of opportunities ('' when the site has none live)."""
    map_page = city_map_page(site)
    return (map_page.get_url(request) or "") if map_page else ""


def recommendations_for(
    user,
    request=None,
    profile: LearnerProfile | None = None,
    *,
    interest_ids=None,
    on_dashboard_ids=None,
    attended_ids=None,
):
    """Opportunities and playlists to suggest to ``user`` on their dashboard.

    Playlists the learner has started or saved are left out: the dashboard lists them already.
    A learner without interests, or a list with nothing for the learner's interests, gets what
    suits their age: the soonest opportunities, the most popular playlists.

    The dashboard, which has read them already, passes the learner's interests
    (``interest_ids``), the playlists on their dashboard (``on_dashboard_ids``) and the
    opportunities they attended (``attended_ids``); otherwise they are read here.
    """
    if profile is None:
        profile = LearnerProfile.objects.for_user(user)
    site = learner_site(profile, request)
    if site is None:
        return Recommendations()
    if interest_ids is None:
        interest_ids = list(profile.interests.values_list("pk", flat=True)) if profile else []
    if on_dashboard_ids is None:
        on_dashboard_ids = PlaylistEnrolment.objects.filter(user=user).values_list(
            "playlist_id", flat=True
        )
    if attended_ids is None:
        attended_ids = Attendance.objects.filter(user=user).values_list("opportunity_id", flat=True)
    interest_ids = sorted(set(interest_ids))
    on_dashboard_ids = sorted(set(on_dashboard_ids))
    attended_ids = sorted(set(attended_ids))
    key = (
        "dashboard-suggestions",
        site.pk,
        suggestion_age(profile),
        interest_ids,
        on_dashboard_ids,
        attended_ids,
        int(time.time() // (SUGGESTIONS_MINUTES * 60)),
    )
    return remembered(
        key,
        lambda: _suggestions(site, profile, interest_ids, on_dashboard_ids, attended_ids),
    )


def _suggestions(site, profile, interest_ids, on_dashboard, attended) -> Recommendations:
    if not interest_ids:
        # Nothing to match: the soonest opportunities and the most popular playlists for
        # their age, never presented as chosen for interests they do not have.
        return Recommendations(
            opportunities=recommended_opportunities(site, profile, [], exclude_ids=attended),
            playlists=popular_playlists(site, profile, exclude_ids=on_dashboard),
            opportunities_match_interests=False,
            playlists_match_interests=False,
            has_interests=False,
        )
    result = Recommendations(
        opportunities=recommended_opportunities(site, profile, interest_ids, exclude_ids=attended),
        playlists=recommended_playlists(site, profile, interest_ids, exclude_ids=on_dashboard),
    )
    if not result.opportunities:
        result.opportunities = recommended_opportunities(site, profile, [], exclude_ids=attended)
        result.opportunities_match_interests = False
    if not result.playlists:
        result.playlists = popular_playlists(site, profile, exclude_ids=on_dashboard)
        result.playlists_match_interests = False
    return result


__all__ = [
    "SUGGESTIONS_MINUTES",
    "Recommendations",
    "city_map_page",
    "city_map_url",
    "popular_playlists",
    "recommendations_for",
    "recommended_opportunities",
    "recommended_playlists",
    "suggestion_age",
]
