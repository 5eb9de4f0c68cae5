"""What the dashboard shows: sections of figures, each a chart and the table behind it.

Each room of the insight app (and any app of the host site) adds a section with the
``cityoflearning_insight_sections`` hook: a function ``(scope)`` returning a
:class:`Section` (or ``None`` to add nothing) for a :class:`~.scope.Scope`. The dashboard
renders each figure as a chart, a text summary and its table (the accessible alternative),
and offers the table as CSV and XLSX; a figure's ``key`` names its download.

Figures aggregate in the database: a section runs a fixed number of queries whatever the
size of the city. Counts of people go through :func:`.privacy.people`.
"""

from dataclasses import dataclass, field

from wagtail import hooks

SECTIONS_HOOK = "cityoflearning_insight_sections"

BAR = "bar"  # vertical bars: one per label, one colour per series
HBAR = "hbar"  # horizontal bars, for long labels (interests, steps)
LINE = "line"  # over time: labels are periods
# Not a Chart.js chart: ``Chart.data["template"]`` names a template the dashboard includes in
# the chart's place, with ``figure`` and ``scope`` in its context (the coverage room's map).
HEXAGONS = "hexagons"


@dataclass
class Series:
    label: str
    values: list  # numbers, or privacy.FEWER for a hidden count (a gap in the chart)


@dataclass
class Chart:
    kind: str  # BAR, HBAR, LINE or HEXAGONS
    labels: list  # one per point (str)
    series: list  # of Series
    stacked: bool = False
    data: dict | None = None  # extra data for kinds that are not Chart.js charts


@dataclass
class Figure:
    key: str  # unique on the dashboard; a slug (its download's file name)
    title: str
    columns: list  # the table's column headings
    rows: list  # the table's rows: lists of str, numbers, dates or privacy.FEWER
    summary: str  # what the chart shows, in a sentence or two (screen readers, print)
    chart: Chart | None = None
    note: str = ""  # how the figure is counted, shown under it
    empty: str = ""  # shown instead of the table when there are no rows


@dataclass
class Section:
    key: str
    title: str
    figures: list = field(default_factory=list)
    order: int = 100
    intro: str = ""


def sections_for(scope) -> list:
    """Every section the hooks give for ``scope``, in order."""
    sections = []
    for make_section in hooks.get_hooks(SECTIONS_HOOK):
        section = make_section(scope)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))


def find_figure(scope, figure_key: str, section_key: str | None = None):
    """The section and figure whose key is ``figure_key`` (in the section ``section_key``,
    when given), or ``(None, None)``. The hooks are asked one by one and the search stops
    at the first match, so a download does not build the sections after it."""
    for make_section in hooks.get_hooks(SECTIONS_HOOK):
        section = make_section(scope)
        if section is None or (section_key and section.key != section_key):
            continue
        for figure in section.figures:
            if figure.key == figure_key:
                return section, figure
    return None, None
