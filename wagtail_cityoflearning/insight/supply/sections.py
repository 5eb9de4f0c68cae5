"""The dashboard's "Supply" section: live opportunities over the period, by interest, age
band, price, mode, language, day of the week and time of day, and the providers active.

An opportunity counts as live in the period when its page is live and it has a session in
the period, or it is ongoing (no fixed sessions) and was first published before the period
ended. Every figure is an aggregate in the database: the section runs the same few queries
whatever the number of opportunities.
"""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Cast, ExtractHour, ExtractIsoWeekDay, TruncMonth
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, Revision

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.dates import WEEKDAYS as WEEKDAY_NAMES
from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.insight.bands import AGE_BANDS, overlapping_q
from wagtail_cityoflearning.insight.figures import (
    BAR,
    HBAR,
    LINE,
    SECTIONS_HOOK,
    Chart,
    Figure,
    Section,
    Series,
)
from wagtail_cityoflearning.insight.privacy import display
from wagtail_cityoflearning.models.opportunities import OpportunityOccurrence, OpportunityPage
from wagtail_cityoflearning.models.providers import AbstractProviderPage
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.models.taxonomy import Mode

ORDER = 10

# Time of day of a session's start, in the city's time zone: (key, label, first hour).
TIMES_OF_DAY = [
    ("morning", _("morning (before 12:00)"), 0),
    ("afternoon", _("afternoon (12:00–17:00)"), 12),
    ("evening", _("evening (from 17:00)"), 17),
]
TIME_WORDS = {"morning": _("morning"), "afternoon": _("afternoon"), "evening": _("evening")}


def months_of(scope) -> list[dt.date]:
    """The first day of every month the period touches."""
    months, month = [], scope.start.replace(day=1)
    while month <= scope.end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def month_label(month: dt.date) -> str:
    return format_date(month, "month")


def month_key(value) -> dt.date:
    """A ``TruncMonth`` value (a datetime or a date) as the month's first day."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.replace(day=1)


class Supply:
    """The querysets every figure of the section starts from, built once from the scope."""

    def __init__(self, scope):
        self.scope = scope
        self.tz = CityOfLearningSettings.for_site(scope.site).tzinfo
        # Each opportunity counts once: its translations are the same offer.
        live = OpportunityPage.objects.live().filter(scope.pages_q(translations=False))
        # Sessions in the period: they start before it ends and finish after it began.
        self.occurrences = OpportunityOccurrence.objects.filter(
            start__lt=scope.end_before,
            finish__gte=scope.start_at,
            page__live=True,
            page__is_ongoing=False,
        ).filter(scope.pages_q("page__", translations=False))
        self.ongoing = live.filter(is_ongoing=True, first_published_at__lt=scope.end_before)
        self.opportunities = live.filter(
            Q(is_ongoing=True, first_published_at__lt=scope.end_before)
            | Q(Exists(self.occurrences.filter(page_id=OuterRef("pk"))))
        )

    def counts(self) -> dict:
        """Totals by price, mode, age band and language: one query."""
        aggregates = {
            "total": Count("pk"),
            "free": Count("pk", filter=Q(is_free=True)),
            "no_language": Count(
                "pk", filter=Q(languages__isnull=True) | ~Q(languages__icontains='"')
            ),
        }
        for mode in Mode:
            aggregates[f"mode_{mode.value}"] = Count("pk", filter=Q(mode=mode.value))
        for key, _low, _high, _label in AGE_BANDS:
            aggregates[f"band_{key}"] = Count("pk", filter=overlapping_q(key))
        for code, _label in cityoflearning_settings.LANGUAGES:
            aggregates[f"language_{code}"] = Count("pk", filter=Q(languages__icontains=f'"{code}"'))
        return self.opportunities.aggregate(**aggregates)


# -- the figures -----------------------------------------------------------------------------


def over_time(supply: Supply, total: int) -> Figure:
    scope = supply.scope
    months = months_of(scope)
    with_sessions = {
        month_key(row["month"]): row["count"]
        for row in supply.occurrences.order_by()
        .annotate(month=TruncMonth("start", tzinfo=supply.tz))
        .values("month")
        .annotate(count=Count("page_id", distinct=True))
        .values("month", "count")
    }
    # Ongoing opportunities count in every month from the one they were first published in.
    published = {
        month_key(row["month"]): row["count"]
        # ``order_by()``: the page manager orders by path, which would split the groups.
        for row in supply.ongoing.order_by()
        .annotate(month=TruncMonth("first_published_at", tzinfo=supply.tz))
        .values("month")
        .annotate(count=Count("pk"))
        .values("month", "count")
    }
    rows, ongoing_so_far = [], 0
    earlier = sum(count for month, count in published.items() if month < months[0])
    ongoing_so_far = earlier
    for month in months:
        ongoing_so_far += published.get(month, 0)
        sessions = with_sessions.get(month, 0)
        rows.append([month_label(month), sessions, ongoing_so_far, sessions + ongoing_so_far])
    labels = [row[0] for row in rows]
    if total:
        busiest = max(rows, key=lambda row: row[3])
        summary = ngettext(
            "%(total)s opportunity was live in the period; the most in one month were "
            "%(count)s, in %(month)s.",
            "%(total)s opportunities were live in the period; the most in one month were "
            "%(count)s, in %(month)s.",
            total,
        ) % {"total": display(total), "count": display(busiest[3]), "month": busiest[0]}
    else:
        summary = gettext("No opportunities were live in the period.")
    return Figure(
        key="supply-over-time",
        title=gettext("Live opportunities per month"),
        columns=[
            gettext("Month"),
            gettext("With sessions that month"),
            gettext("Ongoing"),
            gettext("Live opportunities"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            LINE,
            labels,
            [
                Series(gettext("Live opportunities"), [row[3] for row in rows]),
                Series(gettext("With sessions that month"), [row[1] for row in rows]),
                Series(gettext("Ongoing"), [row[2] for row in rows]),
            ],
        ),
        note=gettext(
            "An opportunity counts in a month when one of its sessions starts in it, or when it "
            "is ongoing (no fixed sessions) and was published by then. Only pages live today "
            "are counted."
        ),
    )


def by_interest(supply: Supply, total: int) -> Figure:
    through = OpportunityPage.interests.through
    found = list(
        through.objects.filter(opportunitypage__in=supply.opportunities.values("pk"))
        .values("interest_id", "interest__name", "interest__sort_order")
        .annotate(count=Count("opportunitypage_id", distinct=True))
        .order_by("-count", "interest__sort_order", "interest__name")
    )
    rows = [[row["interest__name"], row["count"]] for row in found]
    if rows:
        summary = ngettext(
            "%(total)s opportunity was live; most were in %(interest)s (%(count)s).",
            "%(total)s opportunities were live; most were in %(interest)s (%(count)s).",
            total,
        ) % {"total": display(total), "interest": rows[0][0], "count": display(rows[0][1])}
    else:
        summary = gettext("No live opportunity had an interest in the period.")
    return Figure(
        key="supply-interests",
        title=gettext("Live opportunities by interest"),
        columns=[gettext("Interest"), gettext("Opportunities")],
        rows=rows,
        summary=summary,
        chart=Chart(
            HBAR,
            [row[0] for row in rows],
            [Series(gettext("Opportunities"), [row[1] for row in rows])],
        ),
        note=gettext("An opportunity with several interests counts in each of them."),
        empty=gettext("No live opportunities in the period."),
    )


def by_age_band(supply: Supply, counts: dict) -> Figure:
    rows = [[str(label), counts[f"band_{key}"]] for key, _low, _high, label in AGE_BANDS]
    total = counts["total"]
    if total:
        top = max(rows, key=lambda row: row[1])
        summary = gettext(
            "Most opportunities were open to ages %(band)s (%(count)s of %(total)s)."
        ) % {"band": top[0], "count": display(top[1]), "total": display(total)}
    else:
        summary = gettext("No opportunities were live in the period.")
    return Figure(
        key="supply-age-bands",
        title=gettext("Live opportunities by age band"),
        columns=[gettext("Age band"), gettext("Opportunities")],
        rows=rows,
        summary=summary,
        chart=Chart(
            BAR,
            [row[0] for row in rows],
            [Series(gettext("Opportunities"), [row[1] for row in rows])],
        ),
        note=gettext(
            "An opportunity counts in every age band its age range overlaps; one without an "
            "age range counts in all of them."
        ),
    )


def by_price(counts: dict) -> Figure:
    total, free = counts["total"], counts["free"]
    rows = [[gettext("Free"), free], [gettext("Paid"), total - free]]
    summary = (
        gettext("%(free)s of %(total)s live opportunities were free.")
        % {"free": display(free), "total": display(total)}
        if total
        else gettext("No opportunities were live in the period.")
    )
    return Figure(
        key="supply-price",
        title=gettext("Free or paid"),
        columns=[gettext("Price"), gettext("Opportunities")],
        rows=rows,
        summary=summary,
        chart=Chart(
            BAR,
            [row[0] for row in rows],
            [Series(gettext("Opportunities"), [row[1] for row in rows])],
        ),
    )


def by_mode(counts: dict) -> Figure:
    rows = [[str(mode.label), counts[f"mode_{mode.value}"]] for mode in Mode]
    total = counts["total"]
    if total:
        summary = gettext(
            "Of %(total)s live opportunities, %(in_person)s met in person, %(online)s online "
            "and %(hybrid)s both."
        ) % {
            "total": display(total),
            "in_person": display(counts[f"mode_{Mode.IN_PERSON.value}"]),
            "online": display(counts[f"mode_{Mode.ONLINE.value}"]),
            "hybrid": display(counts[f"mode_{Mode.HYBRID.value}"]),
        }
    else:
        summary = gettext("No opportunities were live in the period.")
    return Figure(
        key="supply-mode",
        title=gettext("In person or online"),
        columns=[gettext("Mode"), gettext("Opportunities")],
        rows=rows,
        summary=summary,
        chart=Chart(
            BAR,
            [row[0] for row in rows],
            [Series(gettext("Opportunities"), [row[1] for row in rows])],
        ),
    )


def by_language(counts: dict) -> Figure:
    rows = [
        [str(label), counts[f"language_{code}"]]
        for code, label in cityoflearning_settings.LANGUAGES
        if counts[f"language_{code}"]
    ]
    rows.sort(key=lambda row: -row[1])
    if counts["no_language"]:
        rows.append([gettext("Not given"), counts["no_language"]])
    if rows and counts["total"]:
        summary = gettext(
            "Most live opportunities were offered in %(language)s (%(count)s of %(total)s)."
        ) % {
            "language": rows[0][0],
            "count": display(rows[0][1]),
            "total": display(counts["total"]),
        }
    else:
        summary = gettext("No opportunities were live in the period.")
    return Figure(
        key="supply-languages",
        title=gettext("Live opportunities by language"),
        columns=[gettext("Language"), gettext("Opportunities")],
        rows=rows,
        summary=summary,
        chart=Chart(
            HBAR,
            [row[0] for row in rows],
            [Series(gettext("Opportunities"), [row[1] for row in rows])],
        ),
        note=gettext("An opportunity offered in several languages counts in each of them."),
        empty=gettext("No live opportunities in the period."),
    )


def by_day_and_time(supply: Supply) -> Figure:
    hour = ExtractHour("start", tzinfo=supply.tz)
    slot = Case(
        *[
            When(hour__gte=first, then=Value(index))
            for index, (_key, _label, first) in reversed(list(enumerate(TIMES_OF_DAY)))
        ],
        default=Value(0),
        output_field=IntegerField(),
    )
    found = {
        (row["weekday"], row["slot"]): row["count"]
        for row in supply.occurrences.order_by()
        .annotate(weekday=ExtractIsoWeekDay("start", tzinfo=supply.tz), hour=hour)
        .annotate(slot=slot)
        .values("weekday", "slot")
        .annotate(count=Count("pk"))
        .values("weekday", "slot", "count")
    }
    # Capitalised in the table and chart only: inside a sentence a weekday keeps the
    # language's own case (lower case in Slovenian and Italian).
    days = [str(WEEKDAYS[number - 1]).capitalize() for number in range(1, 8)]
    rows = []
    for number, day in enumerate(days, start=1):
        cells = [found.get((number, index), 0) for index in range(len(TIMES_OF_DAY))]
        rows.append([day, *cells, sum(cells)])
    total = sum(row[-1] for row in rows)
    if total:
        busiest = max(range(7), key=lambda index: rows[index][-1])  # the first of equals
        slots = [sum(row[index + 1] for row in rows) for index in range(len(TIMES_OF_DAY))]
        slot = max(range(len(slots)), key=lambda index: slots[index])
        summary = ngettext(
            "%(total)s session met in the period. Busiest day: %(day)s (%(day_count)s); "
            "busiest time of day: %(time)s (%(time_count)s).",
            "%(total)s sessions met in the period. Busiest day: %(day)s (%(day_count)s); "
            "busiest time of day: %(time)s (%(time_count)s).",
            total,
        ) % {
            "total": display(total),
            "day": str(WEEKDAY_NAMES[busiest]),
            "day_count": display(rows[busiest][-1]),
            "time": TIME_WORDS[TIMES_OF_DAY[slot][0]],
            "time_count": display(slots[slot]),
        }
    else:
        summary = gettext("No sessions met in the period.")
    return Figure(
        key="supply-day-time",
        title=gettext("Sessions by day of the week and time of day"),
        columns=[
            gettext("Day"),
            *[str(label) for _key, label, _first in TIMES_OF_DAY],
            gettext("All sessions"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            BAR,
            days,
            [
                Series(str(label), [row[index + 1] for row in rows])
                for index, (_key, label, _first) in enumerate(TIMES_OF_DAY)
            ],
            stacked=True,
        ),
        note=gettext(
            "Each time a session meets counts once, at its start in the city's time zone. "
            "Ongoing opportunities have no sessions and are not counted here."
        ),
    )


def providers_active(supply: Supply) -> Figure:
    scope = supply.scope
    providers = Page.objects.type(AbstractProviderPage).filter(scope.pages_q(translations=False))
    counts = providers.aggregate(
        total=Count("pk"),
        active=Count(
            "pk",
            filter=scope.in_period("last_published_at")
            | scope.in_period("latest_revision_created_at"),
        ),
    )
    page_type = ContentType.objects.get_for_model(Page)
    per_month = {
        month_key(row["month"]): row["count"]
        for row in Revision.objects.filter(
            base_content_type=page_type,
            object_id__in=providers.annotate(key=Cast("pk", CharField())).values("key"),
        )
        .filter(scope.in_period("created_at"))
        .order_by()
        .annotate(month=TruncMonth("created_at", tzinfo=supply.tz))
        .values("month")
        .annotate(count=Count("object_id", distinct=True))
        .values("month", "count")
    }
    rows = [[month_label(month), per_month.get(month, 0)] for month in months_of(scope)]
    summary = ngettext(
        "%(active)s of %(total)s provider published or updated their page in the period.",
        "%(active)s of %(total)s providers published or updated their page in the period.",
        counts["total"],
    ) % {"active": display(counts["active"]), "total": display(counts["total"])}
    return Figure(
        key="supply-providers",
        title=gettext("Providers active"),
        columns=[gettext("Month"), gettext("Providers that changed their page")],
        rows=rows,
        summary=summary,
        chart=Chart(
            BAR,
            [row[0] for row in rows],
            [Series(gettext("Providers that changed their page"), [row[1] for row in rows])],
        ),
        note=gettext(
            "A provider is active when its page was published or a new version of it was "
            "saved; each counts once a month however often it changed."
        ),
    )


@hooks.register(SECTIONS_HOOK)
def supply_section(scope) -> Section:
    supply = Supply(scope)
    counts = supply.counts()
    total = counts["total"]
    return Section(
        key="supply",
        title=gettext("Supply"),
        intro=gettext(
            "What was on offer: the opportunities live in the period, who they are for, when "
            "and where they meet, and the providers who kept their pages up to date."
        ),
        order=ORDER,
        figures=[
            over_time(supply, total),
            by_interest(supply, total),
            by_age_band(supply, counts),
            by_price(counts),
            by_mode(counts),
            by_language(counts),
            by_day_and_time(supply),
            providers_active(supply),
        ],
    )
