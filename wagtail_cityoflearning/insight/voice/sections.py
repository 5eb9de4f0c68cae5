"""The dashboard's "Youth voice" section: suggestions per month, by kind, interest,
neighbourhood and what happened to them. For a provider's scope, only the suggestions
forwarded to that provider (or made into its drafts).

Five queries whatever the number of suggestions, each an aggregate in the database; every
count goes through :func:`~wagtail_cityoflearning.insight.privacy.people`.
"""

import datetime as dt

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_cityoflearning.dates import format_date
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
from wagtail_cityoflearning.insight.privacy import (
    FewerThan,
    chart_value,
    display,
    people,
    suppress_row,
)
from wagtail_cityoflearning.insight.voice.access import SHARED_WITH_PROVIDER
from wagtail_cityoflearning.insight.voice.models import Suggestion

ORDER = 31  # right after the searches that found nothing


def suggestions_in(scope):
    queryset = Suggestion.objects.filter(site=scope.site).filter(scope.days_in_period("created_on"))
    if scope.provider is not None:
        queryset = queryset.filter(provider=scope.provider.pk, status__in=SHARED_WITH_PROVIDER)
    return queryset


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of each month from ``start``'s to ``end``'s."""
    month, last, found = start.replace(day=1), end.replace(day=1), []
    while month <= last:
        found.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return found


def _month_key(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _shown(pairs) -> list:
    """(label, count as it may be shown) for each pair. Each figure splits the same
    suggestions, so the total is in the section whatever the figure: where one count is
    hidden, a second one is too (:func:`suppress_row`), so the total less the counts shown
    gives no hidden count back. Rows of hidden counts come last, by label, so their order
    says nothing of their size."""
    total = sum(count for _label, count in pairs)
    cells = suppress_row([people(count) for _label, count in pairs], people(total))
    return [(label, cell) for (label, _count), cell in zip(pairs, cells, strict=True)]


def _by_size(pairs) -> list:
    """``pairs`` as a list of counts orders them: the largest first, hidden ones by label."""
    shown = _shown(pairs)
    visible = [pair for pair, (_label, cell) in zip(pairs, shown, strict=True) if not _hidden(cell)]
    hiding = [pair for pair, (_label, cell) in zip(pairs, shown, strict=True) if _hidden(cell)]
    return visible + sorted(hiding, key=lambda pair: str(pair[0]).casefold())


def _hidden(cell) -> bool:
    return isinstance(cell, FewerThan)


def _counted(title, key, heading, pairs, summary, kind=HBAR, note="") -> Figure:
    rows = [[label, cell] for label, cell in _shown(pairs)]
    return Figure(
        key=key,
        title=title,
        columns=[heading, gettext("Suggestions")],
        rows=rows,
        summary=summary,
        chart=Chart(
            kind,
            [str(row[0]) for row in rows],
            [Series(gettext("Suggestions"), [chart_value(row[1]) for row in rows])],
        )
        if rows
        else None,
        note=note,
        empty=gettext("No suggestions in this period."),
    )


def _count(count) -> str:
    """A count as a summary says it: localised, small ones hidden."""
    return display(people(count))


def _total(pairs) -> str:
    """The number of suggestions (the counts beside it are hidden so that it gives none of
    them back: :func:`_shown`)."""
    total = sum(count for _label, count in pairs)
    return gettext("Suggestions in the period: %(count)s.") % {"count": _count(total)}


def _most(pairs, sentence: str) -> str:
    """``sentence`` about the largest count (one shown), or ""."""
    shown = [(label, cell) for label, cell in _shown(pairs) if not _hidden(cell) and cell]
    if not shown:
        return ""
    label, cell = max(shown, key=lambda pair: pair[1])
    return sentence % {"label": label, "count": display(cell)}


def _each(pairs) -> str:
    """Every label with its count: "New: 12. Declined: fewer than 5."."""
    return " ".join(
        gettext("%(label)s: %(count)s.") % {"label": label, "count": display(cell)}
        for label, cell in _shown(pairs)
    )


def _sentences(*parts) -> str:
    return " ".join(part for part in parts if part)


def per_month(queryset, scope) -> Figure:
    counts = {
        _month_key(row["month"]): row["count"]
        for row in queryset.annotate(month=TruncMonth("created_on"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    }
    pairs = [
        (format_date(month, "month"), counts.get(month, 0))
        for month in months(scope.start, scope.end)
    ]
    return _counted(
        gettext("Suggestions per month"),
        "voice-per-month",
        gettext("Month"),
        pairs,
        _sentences(_total(pairs), _most(pairs, gettext("Busiest month: %(label)s (%(count)s)."))),
        kind=LINE,
    )


def by_kind(queryset) -> Figure:
    labels = dict(Suggestion.Kind.choices)
    counts = {
        row["kind"]: row["count"]
        for row in queryset.values("kind").annotate(count=Count("pk")).order_by()
    }
    pairs = [(labels[key], counts.get(key, 0)) for key in Suggestion.Kind.values] if counts else []
    return _counted(
        gettext("What young people suggest"),
        "voice-by-kind",
        gettext("Kind"),
        pairs,
        _sentences(_total(pairs), _each(pairs)),
        kind=BAR,
    )


def by_interest(queryset) -> Figure:
    pairs = [
        (row["interest__name"] or gettext("No interest chosen"), row["count"])
        for row in queryset.values("interest__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "interest__name")
    ]
    pairs = _by_size(pairs)
    return _counted(
        gettext("Suggestions by interest"),
        "voice-by-interest",
        gettext("Interest"),
        pairs,
        _sentences(_total(pairs), _most(pairs, gettext("Most chose: %(label)s (%(count)s)."))),
    )


def by_neighbourhood(queryset) -> Figure:
    where = dict(Suggestion.Where.choices)
    pairs = [
        (
            row["neighbourhood"]
            if row["where"] == Suggestion.Where.NEIGHBOURHOOD
            else where.get(row["where"], gettext("Not said")),
            row["count"],
        )
        for row in queryset.values("where", "neighbourhood")
        .annotate(count=Count("pk"))
        .order_by("-count", "where", "neighbourhood")
    ]
    pairs = _by_size(pairs)
    return _counted(
        gettext("Suggestions by neighbourhood"),
        "voice-by-neighbourhood",
        gettext("Where"),
        pairs,
        _sentences(_total(pairs), _most(pairs, gettext("Most chose: %(label)s (%(count)s)."))),
        note=gettext("Neighbourhoods come from the city's insight settings."),
    )


def by_status(queryset) -> Figure:
    labels = dict(Suggestion.Status.choices)
    counts = {
        row["status"]: row["count"]
        for row in queryset.values("status").annotate(count=Count("pk")).order_by()
    }
    pairs = (
        [(labels[key], counts.get(key, 0)) for key in Suggestion.Status.values] if counts else []
    )
    return _counted(
        gettext("What happened to the suggestions"),
        "voice-by-status",
        gettext("Status"),
        pairs,
        _sentences(_total(pairs), _each(pairs)),
        kind=BAR,
    )


@hooks.register(SECTIONS_HOOK)
def voice_section(scope):
    queryset = suggestions_in(scope)
    return Section(
        key="voice",
        title=_("Youth voice"),
        order=ORDER,
        intro=gettext(
            "What young people suggested with “Suggest an opportunity”: anonymous, counted by "
            "the day they were sent."
        )
        if scope.is_city
        else gettext("The suggestions the city's editors forwarded to this provider."),
        figures=[
            per_month(queryset, scope),
            by_kind(queryset),
            by_interest(queryset),
            by_neighbourhood(queryset),
            by_status(queryset),
        ],
    )
