"""Dates and times as visitors read them: a few named formats, one per use, in every language.

The package's templates show dates only through these names (``{% load cityoflearning_dates %}``
then ``{{ value|local_date:"weekday_date" }}``; in Python, :func:`format_date`):

==========================  =========================  ======================  ======================
name                        Slovenian                  Italian                 English
==========================  =========================  ======================  ======================
``date``                    7. decembra 2026           7 dicembre 2026         Dec. 7, 2026
``weekday_date``            ponedeljek, 7. decembra    lunedì 7 dicembre 2026  Monday, Dec. 7, 2026
                            2026
``short_weekday_date``      pon., 7. decembra 2026     lun 7 dicembre 2026     Mon Dec. 7, 2026
``weekday_day_month``       pon., 7. decembra          lun 7 dicembre          Mon December 7
``day_month``               7. decembra                7 dicembre              December 7
``time``                    17:30                      17:30                   5:30 p.m.
``datetime``                7. decembra 2026, 17:30    7 dicembre 2026, 17:30  Dec. 7, 2026, 5:30 p.m.
``short_datetime``          7. 12. 2026, 17:30         07/12/2026 17:30        12/07/2026 5:30 p.m.
``month``                   december 2026              dicembre 2026           December 2026
==========================  =========================  ======================  ======================

Each language the package ships formats for has a module in :mod:`wagtail_cityoflearning.formats`
(``sl``, ``it``, ``en``) with one Django date format string per name. In those strings ``E`` is
the month's name as it stands in a date (Slovenian genitive, *decembra*; Italian lower case,
*dicembre*), ``D`` the abbreviated weekday (*pet.*, *ven*) and ``l`` the weekday (*petek*,
*venerdì*), all from the package's own catalogue (contexts ``month in a date``, ``abbreviated
weekday`` and ``weekday``), so the host site's other dates are left as they are. A language
without a module falls back to Django's formats for it (``DATE_FORMAT``, ``TIME_FORMAT``...).

Times are shown in the current timezone (templates wrap them in ``{% timezone %}`` with the
city's timezone); the timezone's name is never shown.
"""

from datetime import datetime
from importlib import import_module

from django.utils import dateformat, formats, timezone, translation
from django.utils.translation import pgettext_lazy

FORMAT_NAMES = (
    "date",
    "weekday_date",
    "short_weekday_date",
    "weekday_day_month",
    "day_month",
    "time",
    "datetime",
    "short_datetime",
    "month",
)

# A language without a module of its own: Django's formats for it, with the weekday added.
FALLBACK_FORMATS = {
    "date": "{DATE_FORMAT}",
    "weekday_date": "l, {DATE_FORMAT}",
    "short_weekday_date": "D, {DATE_FORMAT}",
    "weekday_day_month": "D, {MONTH_DAY_FORMAT}",
    "day_month": "{MONTH_DAY_FORMAT}",
    "time": "{TIME_FORMAT}",
    "datetime": "{DATETIME_FORMAT}",
    "short_datetime": "{SHORT_DATETIME_FORMAT}",
    "month": "{YEAR_MONTH_FORMAT}",
}
DJANGO_FORMATS = (
    "DATE_FORMAT",
    "TIME_FORMAT",
    "DATETIME_FORMAT",
    "MONTH_DAY_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
)
FORMAT_MODULE = "wagtail_cityoflearning.formats.{}"

MONTHS_IN_DATE = {
    1: pgettext_lazy("month in a date", "January"),
    2: pgettext_lazy("month in a date", "February"),
    3: pgettext_lazy("month in a date", "March"),
    4: pgettext_lazy("month in a date", "April"),
    5: pgettext_lazy("month in a date", "May"),
    6: pgettext_lazy("month in a date", "June"),
    7: pgettext_lazy("month in a date", "July"),
    8: pgettext_lazy("month in a date", "August"),
    9: pgettext_lazy("month in a date", "September"),
    10: pgettext_lazy("month in a date", "October"),
    11: pgettext_lazy("month in a date", "November"),
    12: pgettext_lazy("month in a date", "December"),
}
WEEKDAYS = {
    0: pgettext_lazy("weekday", "Monday"),
    1: pgettext_lazy("weekday", "Tuesday"),
    2: pgettext_lazy("weekday", "Wednesday"),
    3: pgettext_lazy("weekday", "Thursday"),
    4: pgettext_lazy("weekday", "Friday"),
    5: pgettext_lazy("weekday", "Saturday"),
    6: pgettext_lazy("weekday", "Sunday"),
}
WEEKDAYS_ABBR = {
    0: pgettext_lazy("abbreviated weekday", "Mon"),
    1: pgettext_lazy("abbreviated weekday", "Tue"),
    2: pgettext_lazy("abbreviated weekday", "Wed"),
    3: pgettext_lazy("abbreviated weekday", "Thu"),
    4: pgettext_lazy("abbreviated weekday", "Fri"),
    5: pgettext_lazy("abbreviated weekday", "Sat"),
    6: pgettext_lazy("abbreviated weekday", "Sun"),
}


class PackageDateFormat(dateformat.DateFormat):
    """Django's date formatting with the package's month and weekday names."""

    def D(self):  # noqa: N802 (Django's format character)
        return str(WEEKDAYS_ABBR[self.data.weekday()])

    def E(self):  # noqa: N802
        return str(MONTHS_IN_DATE[self.data.month])

    def l(self):  # noqa: E743 (Django's format character)
        return str(WEEKDAYS[self.data.weekday()])


def _language_module(language: str | None):
    """The package's format module for ``language`` (``sl``, ``it``, ``en``), or None."""
    if not language:
        return None
    for code in dict.fromkeys([language.lower().replace("-", "_"), language.split("-")[0]]):
        try:
            return import_module(FORMAT_MODULE.format(code))
        except ImportError:
            continue
    return None


def format_string(name: str, language: str | None = None) -> tuple[str, bool]:
    """The Django format string for the named format in ``language`` (default: the active one),
    and whether it uses the package's names (True) or Django's (a fallback language)."""
    if name not in FORMAT_NAMES:
        raise ValueError(f"Unknown date format {name!r}: use one of {', '.join(FORMAT_NAMES)}.")
    language = language or translation.get_language()
    module = _language_module(language)
    if module is not None and hasattr(module, name.upper()):
        return getattr(module, name.upper()), True
    pattern = FALLBACK_FORMATS[name]
    for setting in DJANGO_FORMATS:
        pattern = pattern.replace(f"{{{setting}}}", formats.get_format(setting, language))
    return pattern, False


def format_date(value, name: str = "date", *, localtime: bool = True) -> str:
    """``value`` (a date or datetime) in the named format of the active language.

    An aware datetime is first converted to the current timezone (``localtime=False`` when the
    caller has done so already, as the template filter has).
    """
    if value in (None, ""):
        return ""
    if localtime and isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    pattern, own_names = format_string(name)
    if own_names:
        return PackageDateFormat(value).format(pattern)
    return dateformat.format(value, pattern)


__all__ = ["FORMAT_NAMES", "PackageDateFormat", "format_date", "format_string"]
