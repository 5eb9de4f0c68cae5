"""``{{ value|local_date:"name" }}``: a date in one of the package's named formats.

The names and what they look like in each language: :mod:`wagtail_cityoflearning.dates`.
The value is shown in the template's current timezone (``{% timezone %}``), like Django's
``date`` filter; an empty value gives an empty string.
"""

from django import template

from wagtail_cityoflearning.dates import format_date

register = template.Library()


@register.filter(expects_localtime=True)
def local_date(value, name="date"):
    if value in (None, ""):
        return ""
    try:
        return format_date(value, name, localtime=False)
    except (AttributeError, TypeError):
        # Not a date (Django's ``date`` filter gives "" too); an unknown name raises.
        return ""


__all__ = ["local_date"]
