"""Aggregates only, and no small groups: the rule every figure about people follows.

A count of people (learners, searches, suggestions, survey answers...) between 1 and
``MIN_PEOPLE - 1`` is never shown, charted or downloaded: :func:`people` turns it into
:data:`FEWER`, which tables and downloads show as "fewer than 5" and charts leave out.
Zero is shown: it identifies no one, and empty places are what the dashboard is for.

A hidden count must not be recoverable by subtraction either: where a total is shown beside
cells of which exactly one is hidden, :func:`suppress_row` hides a second cell (the smallest
other count), shown as "not shown" (:data:`WITHHELD`).
"""

from django.utils.formats import number_format
from django.utils.translation import gettext

MIN_PEOPLE = 5


class FewerThan:
    """A count of people too small to show."""

    def __str__(self) -> str:
        return gettext("fewer than %(count)s") % {"count": MIN_PEOPLE}

    def __repr__(self) -> str:
        return "FEWER"

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)


class Withheld(FewerThan):
    """A count of five or more hidden so that a hidden small count cannot be worked out from
    a total ("secondary suppression"). Hidden like :class:`FewerThan` everywhere."""

    def __str__(self) -> str:
        return gettext("not shown")

    def __repr__(self) -> str:
        return "WITHHELD"


FEWER = FewerThan()
WITHHELD = Withheld()


def people(count):
    """``count`` when it may be shown, else :data:`FEWER`."""
    if count is None:
        return 0
    if 0 < count < MIN_PEOPLE:
        return FEWER
    return count


def suppress_row(cells: list, total) -> list:
    """``cells`` (counts through :func:`people`) with a second one hidden when a reader could
    otherwise subtract: ``total`` (the count they add up to, shown beside them; None when
    none is shown) is shown and exactly one cell is hidden. The smallest other non-zero count
    is then :data:`WITHHELD`, so the total minus the shown cells is the sum of two hidden
    counts, not one."""
    hidden = [index for index, cell in enumerate(cells) if isinstance(cell, FewerThan)]
    if total is None or isinstance(total, FewerThan) or len(hidden) != 1:
        return list(cells)
    others = [
        index
        for index, cell in enumerate(cells)
        if not isinstance(cell, FewerThan | bool) and isinstance(cell, int) and cell > 0
    ]
    if not others:
        return list(cells)
    smallest = min(others, key=lambda index: cells[index])
    return [WITHHELD if index == smallest else cell for index, cell in enumerate(cells)]


def chart_value(value):
    """A table cell's value as a chart draws it: hidden counts are a gap (``None``)."""
    if isinstance(value, FewerThan):
        return None
    return value


def display(value) -> str:
    """A table cell as people read it, in the active language."""
    if value is None:
        return "–"
    if isinstance(value, FewerThan):
        return str(value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float):
        return number_format(value, force_grouping=True)
    return str(value)
