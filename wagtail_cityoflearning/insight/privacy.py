"""Aggregates only, and no small groups: the rule every figure about people follows.

A count of people (learners, searches, suggestions, survey answers...) between 1 and
``MIN_PEOPLE - 1`` is never shown, charted or downloaded: :func:`people` turns it into
:data:`FEWER`, which tables and downloads show as "fewer than 5" and charts leave out.
Zero is shown: it identifies no one, and empty places are what the dashboard is for.
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
        return isinstance(other, FewerThan)

    def __hash__(self) -> int:
        return hash("FewerThan")


FEWER = FewerThan()


def people(count):
    """``count`` when it may be shown, else :data:`FEWER`."""
    if count is None:
        return 0
    if 0 < count < MIN_PEOPLE:
        return FEWER
    return count


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
