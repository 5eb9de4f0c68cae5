"""A year of what young people searched for on each demo city's map, as the map would have
counted it (daily aggregates), and the demo learner's "I'm interested".

The searches tell a story an editor can find on the dashboard: in Ljubljana, robotics for
13-15 year olds in Moste and Fužine finds nothing, and neither does music for 19-24 year olds
at the weekend; in Cagliari, coding for 13-15 in Is Mirrionis and Sant'Elia, and music for
19-24 at the weekend. Everything else mostly finds something. Generated from a fixed seed;
running again adds nothing.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail_cityoflearning.insight.demand.models import InterestedLearner, SearchDemand
from wagtail_cityoflearning.insight.demand.recording import combination
from wagtail_cityoflearning.map.places import NearOption
from wagtail_cityoflearning.models import Interest, OpportunityPage

DAYS = 365

# (interest slug or None, filters, searches a day on average, share that found nothing,
# weekends only)
COMMON = [
    ("sports", {}, 6, 0.02, False),
    ("arts", {}, 4, 0.05, False),
    ("music", {}, 4, 0.08, False),
    ("digital-skills", {"age": 16}, 3, 0.1, False),
    ("nature-environment", {"when": "weekend"}, 2, 0.1, False),
    ("languages", {"free": True}, 2, 0.15, False),
    ("volunteering-community", {}, 1.5, 0.05, False),
    (None, {"when": "today"}, 3, 0.2, False),
    (None, {"free": True, "mode": "online"}, 2, 0.05, False),
    ("performing-arts", {"age": 17}, 1.5, 0.1, False),
    # Science on its own finds something; the stories below are where it does not.
    ("science-technology", {}, 3, 0.04, False),
    ("science-technology", {"age": 17}, 2, 0.1, False),
    ("science-technology", {"free": True}, 1.5, 0.12, False),
]
STORIES = {
    "ljubljana": [
        ("science-technology", {"age": 14, "near": "Moste"}, 2.5, 1.0, False),
        ("science-technology", {"age": 13, "near": "Fužine", "q": "robotika"}, 1.5, 1.0, False),
        ("music", {"age": 21, "when": "weekend"}, 4, 0.95, True),
        ("music", {"age": 22, "when": "weekend", "q": "studio"}, 1.5, 1.0, True),
        ("sports", {"age": 15, "near": "Fužine", "free": True}, 1, 0.8, False),
        (None, {"age": 17, "q": "programiranje iger"}, 1, 1.0, False),
    ],
    "cagliari": [
        ("digital-skills", {"age": 14, "near": "Is Mirrionis"}, 2.5, 1.0, False),
        ("digital-skills", {"age": 13, "near": "Sant'Elia", "q": "robotica"}, 1.5, 1.0, False),
        ("music", {"age": 20, "when": "weekend"}, 4, 0.95, True),
        ("music", {"age": 23, "when": "weekend", "q": "sala prove"}, 1.5, 1.0, True),
        ("sports", {"age": 16, "near": "Poetto", "q": "vela"}, 1, 0.7, False),
        (None, {"age": 18, "q": "videogiochi"}, 1, 1.0, False),
    ],
}
# The demo learner is interested in these opportunities (titles as in the city's data).
INTERESTED = {
    "ljubljana": 3,
    "cagliari": 3,
}


def _filters(interest, filters: dict) -> tuple[dict, object]:
    data = {key: value for key, value in filters.items() if key != "near"}
    if interest is not None:
        data["interest"] = [interest]
    near = filters.get("near")
    place = NearOption(near, "", 0.0, 0.0) if near else None
    return data, place


def _searches(site, name: str, today: dt.date) -> list:
    rng = random.Random(f"insight-demand-{name}")  # noqa: S311 (demo data)
    locale = site.root_page.locale
    interests = {i.slug: i for i in Interest.objects.filter(locale=locale)}
    rows = []
    lines = COMMON + STORIES.get(name, [])
    for back in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        weekend = day.weekday() >= 5
        # Fewer searches in August, more in September and when school terms start.
        season = 0.6 if day.month in (7, 8) else 1.3 if day.month in (9, 10) else 1.0
        for slug, filters, per_day, nothing_share, weekends_only in lines:
            if weekends_only and not weekend and day.weekday() != 4:
                continue
            interest = interests.get(slug) if slug else None
            if slug and interest is None:
                continue
            searches = sum(1 for _ in range(int(per_day * 2 * season) + 1) if rng.random() < 0.5)
            if not searches:
                continue
            nothing = sum(1 for _ in range(searches) if rng.random() < nothing_share)
            data, place = _filters(interest, filters)
            fields = combination(data, place)
            rows.append(
                SearchDemand(
                    site=site,
                    day=day,
                    interest=interest,
                    interests_chosen=1 if interest else 0,
                    searches=searches,
                    zero_results=nothing,
                    **fields,
                )
            )
    return rows


def _interested(site, name: str) -> None:
    email = {"ljubljana": "maja@example.org", "cagliari": "giulia@example.org"}.get(name)
    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    if user is None:
        return
    pages = (
        OpportunityPage.objects.live()
        .descendant_of(site.root_page)
        .order_by("title", "pk")[: INTERESTED.get(name, 0)]
    )
    for page in pages:
        InterestedLearner.objects.get_or_create(user=user, opportunity=page)


def load(site, name: str) -> None:
    if not SearchDemand.objects.filter(site=site).exists():
        SearchDemand.objects.bulk_create(
            _searches(site, name, timezone.localdate()), batch_size=500
        )
    _interested(site, name)
