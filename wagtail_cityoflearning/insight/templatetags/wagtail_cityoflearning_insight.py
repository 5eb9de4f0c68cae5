"""Filters of the insight dashboard's templates: table cells as people read them."""

from django import template

from wagtail_cityoflearning.insight.privacy import FewerThan, display

register = template.Library()


@register.filter
def insight_cell(value) -> str:
    """A table cell, with hidden counts as "fewer than 5" (:func:`.privacy.display`)."""
    return display(value)


@register.filter
def insight_is_number(value) -> bool:
    """True for a count (shown aligned right), hidden or not."""
    return isinstance(value, FewerThan) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )
