"""The dashboard's section "What young people look for": searches on the map per day or week,
the combinations of filters that found nothing, the interests searched most, and how many
learners are interested in each opportunity.

City-wide searches are the city's: provider staff see only "Interested, per opportunity",
for their own opportunities. Every figure is one query, aggregated in the database; every
count goes through :func:`~wagtail_cityoflearning.insight.privacy.people`. Nothing is
cached: a search made a moment ago is counted on the next load.
"""

import datetime as dt

from django.db.models import (
    Count,
    F,
    FloatField,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Greatest, TruncWeek
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.insight.bands import BAND_LABELS
from wagtail_cityoflearning.insight.demand.models import (
    COMBINATION_FIELDS,
    Area,
    InterestedLearner,
    SearchDemand,
)
from wagtail_cityoflearning.insight.demand.models import When as WhenChoice
from wagtail_cityoflearning.insight.figures import (
    HBAR,
    LINE,
    SECTIONS_HOOK,
    Chart,
    Figure,
    Section,
    Series,
)
from wagtail_cityoflearning.insight.privacy import (
    FEWER,
    MIN_PEOPLE,
    chart_value,
    display,
    people,
)
from wagtail_cityoflearning.map.filters import MODE_CHOICES
from wagtail_cityoflearning.models.opportunities import language_choices
from wagtail_cityoflearning.models.taxonomy import OpportunityType

SECTION_KEY = "demand"
SECTION_ORDER = 30
DAILY_UP_TO_DAYS = 92  # a longer period is shown per week
TOP_COMBINATIONS = 50
CHARTED_COMBINATIONS = 10
TOP_INTERESTS = 20
TOP_OPPORTUNITIES = 50


def _weighted(field: str):
    """``field`` of a row counted once per search: a search choosing several interests left
    one row for each."""
    return Cast(F(field), FloatField()) / Greatest(F("interests_chosen"), Value(1))


def _searches(scope):
    return SearchDemand.objects.filter(site=scope.site).filter(scope.days_in_period("day"))


# -- searches over time ------------------------------------------------------------------------


def _periods(scope, weekly: bool) -> list[dt.date]:
    if not weekly:
        days = (scope.end - scope.start).days + 1
        return [scope.start + dt.timedelta(days=n) for n in range(days)]
    first = scope.start - dt.timedelta(days=scope.start.weekday())
    weeks = []
    while first <= scope.end:
        weeks.append(first)
        first += dt.timedelta(weeks=1)
    return weeks


def searches_over_time(scope) -> Figure:
    weekly = (scope.end - scope.start).days + 1 > DAILY_UP_TO_DAYS
    period = TruncWeek("day") if weekly else F("day")
    totals = {
        (value.date() if isinstance(value, dt.datetime) else value): (searches, nothing)
        for value, searches, nothing in _searches(scope)
        .annotate(period=period)
        .values("period")
        .annotate(all=Sum(_weighted("searches")), nothing=Sum(_weighted("zero_results")))
        .values_list("period", "all", "nothing")
    }
    labels, rows = [], []
    for start in _periods(scope, weekly):
        searches, nothing = totals.get(start, (0, 0))
        label = (
            gettext("week of %(date)s") % {"date": format_date(start, "date")}
            if weekly
            else format_date(start, "date")
        )
        labels.append(label)
        rows.append([label, people(round(searches or 0)), people(round(nothing or 0))])
    all_searches = sum(round(s or 0) for s, _n in totals.values())
    all_nothing = sum(round(n or 0) for _s, n in totals.values())
    summary = gettext(
        "%(searches)s searches with filters on the map in the period; "
        "%(nothing)s of them found nothing."
    ) % {"searches": display(people(all_searches)), "nothing": display(people(all_nothing))}
    return Figure(
        key="demand-searches",
        title=gettext("Searches on the map, per week")
        if weekly
        else gettext("Searches on the map, per day"),
        columns=[
            gettext("Week") if weekly else gettext("Day"),
            gettext("Searches"),
            gettext("Found nothing"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            LINE,
            labels,
            [
                Series(gettext("Searches"), [chart_value(row[1]) for row in rows]),
                Series(gettext("Found nothing"), [chart_value(row[2]) for row in rows]),
            ],
        ),
        note=gettext(
            "A search is counted when a young person chooses at least one filter on the map "
            "(not when they turn a page). A search for several interests counts once here."
        ),
    )


# -- combinations that found nothing -------------------------------------------------------------

MODE_LABELS = dict(MODE_CHOICES)
TYPE_LABELS = dict(OpportunityType.choices)
WHEN_LABELS = dict(WhenChoice.choices)


def _area_label(area: str, place: str) -> str:
    if area == Area.PLACE:
        return place
    if area in Area.values:
        return str(Area(area).label)
    return ""


def _types_label(types: str) -> str:
    return ", ".join(str(TYPE_LABELS.get(t, t)) for t in types.split(",") if t)


def describe(row: dict, languages: dict) -> list[str]:
    """A combination's cells, in the columns' order (empty when not chosen)."""
    return [
        row["interest__name"] or "",
        str(BAND_LABELS.get(row["age_band"], "")),
        _area_label(row["area"], row["place"]),
        str(WHEN_LABELS.get(row["when"], "")),
        gettext("free only") if row["free"] else "",
        str(MODE_LABELS.get(row["mode"], row["mode"])),
        str(languages.get(row["language"], row["language"])),
        _types_label(row["types"]),
    ]


OTHER_FIELDS = ("interest__name", "age_band", "area", "place", "when", "free", "mode")
OTHER_FIELDS += ("language", "types")


# A combination's own fields (the interest by its id), without its search words.
KEY_FIELDS = tuple(
    "interest_id" if field == "interest" else field
    for field in COMBINATION_FIELDS
    if field != "query"
)


def _words_shown(scope) -> set:
    """The combinations (``KEY_FIELDS`` values and words) whose words at least
    ``MIN_PEOPLE`` searches of the period used with the same other filters: one aggregate."""
    return set(
        _searches(scope)
        .exclude(query="")
        .order_by()
        .values(*KEY_FIELDS, "query")
        .annotate(total=Sum("searches"))
        .filter(total__gte=MIN_PEOPLE)
        .values_list(*KEY_FIELDS, "query")
    )


def _found_nothing(scope) -> list:
    """The combinations that found nothing, as people read them: grouped in the database,
    then every hidden word of a combination merged into one row (``words`` None), so a flood
    of made-up words is one row. Two queries, whatever the size of the log."""
    shown = _words_shown(scope)
    grouped = (
        _searches(scope)
        .filter(zero_results__gt=0)
        .order_by()
        .values(*KEY_FIELDS, *OTHER_FIELDS, "query")
        .annotate(nothing=Sum("zero_results"), all=Sum("searches"))
    )
    merged = {}
    for row in grouped:
        words = row["query"]
        if words and (*(row[field] for field in KEY_FIELDS), words) not in shown:
            words = None
        key = (*(row[field] for field in OTHER_FIELDS), words)
        entry = merged.setdefault(
            key,
            {
                **{field: row[field] for field in OTHER_FIELDS},
                "words": words,
                "nothing": 0,
                "all": 0,
            },
        )
        entry["nothing"] += row["nothing"]
        entry["all"] += row["all"]
    return sorted(
        merged.values(),
        key=lambda row: (
            -row["nothing"],
            -row["all"],
            [str(row[f]) for f in OTHER_FIELDS],
            str(row["words"]),
        ),
    )


def combinations_found_nothing(scope) -> Figure:
    merged = _found_nothing(scope)
    combinations = len(merged)
    found = merged[:TOP_COMBINATIONS]
    languages = dict(language_choices())
    hidden_words = gettext("(words of fewer than %(count)s searches)") % {"count": MIN_PEOPLE}
    rows = []
    for row in found:
        cells = describe(row, languages)
        words = hidden_words if row["words"] is None else row["words"]
        rows.append([*(cell or "–" for cell in cells), words or "–", people(row["nothing"])])
    charted = rows[:CHARTED_COMBINATIONS]
    labels = [" · ".join(c for c in row[:-1] if c != "–") or gettext("any") for row in charted]
    if rows:
        summary = gettext(
            "Combinations of filters that found nothing in the period: %(count)s. The most "
            "frequent: %(combination)s (searches: %(times)s)."
        ) % {
            "count": display(combinations),
            "combination": labels[0],
            "times": display(rows[0][-1]),
        }
    else:
        summary = gettext("No search with filters found nothing in the period.")
    return Figure(
        key="demand-found-nothing",
        title=gettext("Searches that found nothing"),
        columns=[
            gettext("Interest"),
            gettext("Age"),
            gettext("Where"),
            gettext("When"),
            gettext("Free"),
            gettext("In person or online"),
            gettext("Language"),
            gettext("Type"),
            gettext("Search words"),
            gettext("Searches that found nothing"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            HBAR,
            labels,
            [Series(gettext("Searches that found nothing"), [chart_value(r[-1]) for r in charted])],
        )
        if rows
        else None,
        note=gettext(
            "The combinations of filters young people chose when the map found nothing, most "
            "frequent first (at most %(count)s). Search words are shown when at least %(min)s "
            "searches used them."
        )
        % {"count": TOP_COMBINATIONS, "min": MIN_PEOPLE},
        empty=gettext("No search with filters found nothing in the period."),
    )


def hidden_last(rows: list) -> list:
    """``rows`` (largest count first in their second cell) with those whose count is hidden
    last, by title, so that their order says nothing of their size."""
    shown = [row for row in rows if row[1] is not FEWER]
    hidden = [row for row in rows if row[1] is FEWER]
    return shown + sorted(hidden, key=lambda row: str(row[0]).casefold())


# -- interests ----------------------------------------------------------------------------------


def interests_searched(scope) -> Figure:
    found = (
        _searches(scope)
        .filter(interest__isnull=False)
        .values("interest", "interest__name")
        .annotate(all=Sum("searches"), nothing=Sum("zero_results"))
        .order_by("-all", "interest__name")[:TOP_INTERESTS]
    )
    rows = []
    for row in found:
        searches, nothing = people(row["all"]), people(row["nothing"])
        share = None
        if searches is not FEWER and nothing is not FEWER and row["all"]:
            share = round(100 * row["nothing"] / row["all"])
        rows.append([row["interest__name"], searches, nothing, share])
    rows = hidden_last(rows)
    if rows and rows[0][1] is FEWER:
        summary = gettext("Too few searches chose an interest in the period to show them.")
    elif rows:
        summary = gettext("Searched most: %(interest)s (%(searches)s searches).") % {
            "interest": rows[0][0],
            "searches": display(rows[0][1]),
        }
    else:
        summary = gettext("No search chose an interest in the period.")
    return Figure(
        key="demand-interests",
        title=gettext("Interests searched most"),
        columns=[
            gettext("Interest"),
            gettext("Searches"),
            gettext("Found nothing"),
            gettext("Found nothing (%)"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            HBAR,
            [row[0] for row in rows],
            [
                Series(gettext("Searches"), [chart_value(row[1]) for row in rows]),
                Series(gettext("Found nothing"), [chart_value(row[2]) for row in rows]),
            ],
        )
        if rows
        else None,
        empty=gettext("No search chose an interest in the period."),
    )


# -- "I'm interested" ----------------------------------------------------------------------------


def interested_per_opportunity(scope) -> Figure:
    found = (
        InterestedLearner.objects.filter(scope.pages_q("opportunity__"))
        .filter(scope.in_period("created_at"))
        .values("opportunity", "opportunity__title")
        .annotate(learners=Count("pk"))
        .order_by("-learners", "opportunity__title", "opportunity")[:TOP_OPPORTUNITIES]
    )
    rows = hidden_last([[row["opportunity__title"], people(row["learners"])] for row in found])
    if rows and rows[0][1] is FEWER:
        summary = gettext(
            "Too few learners said they were interested in each opportunity in the period to "
            "show how many."
        )
    elif rows:
        summary = gettext("Most interested: %(title)s (%(count)s learners).") % {
            "title": rows[0][0],
            "count": display(rows[0][1]),
        }
    else:
        summary = gettext("No learner said they were interested in an opportunity in the period.")
    return Figure(
        key="demand-interested",
        title=gettext("Interested, per opportunity"),
        columns=[gettext("Opportunity"), gettext("Learners interested")],
        rows=rows,
        summary=summary,
        chart=Chart(
            HBAR,
            [row[0] for row in rows[:CHARTED_COMBINATIONS]],
            [
                Series(
                    gettext("Learners interested"),
                    [chart_value(row[1]) for row in rows[:CHARTED_COMBINATIONS]],
                )
            ],
        )
        if rows
        else None,
        note=gettext(
            "Learners who pressed “I'm interested” on the opportunity's page in the period "
            "and have not undone it (at most %(count)s opportunities)."
        )
        % {"count": TOP_OPPORTUNITIES},
        empty=gettext("No learner said they were interested in an opportunity in the period."),
    )


# -- the section ----------------------------------------------------------------------------------


@hooks.register(SECTIONS_HOOK)
def demand_section(scope):
    if scope.is_city:
        figures = [
            searches_over_time(scope),
            combinations_found_nothing(scope),
            interests_searched(scope),
            interested_per_opportunity(scope),
        ]
        intro = _(
            "What young people searched for on the map, and above all the searches that found "
            "nothing: the gaps between what they want and what the city offers. Counted per "
            "day, with no user, IP address or session stored."
        )
    else:
        figures = [interested_per_opportunity(scope)]
        intro = _("Learners who said “I'm interested” in your opportunities.")
    return Section(
        key=SECTION_KEY,
        title=str(_("What young people look for")),
        figures=figures,
        order=SECTION_ORDER,
        intro=str(intro),
    )
