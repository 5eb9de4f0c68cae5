"""Sessions that repeat: an RFC 5545 recurrence rule (``RRULE``) and the dates left out of it.

A session stores its first occurrence (``start``, ``end``), the rule without its ``DTSTART``
(e.g. ``FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270615T215959Z``) and the exception dates (ISO
``YYYY-MM-DD`` strings, dates in the city's time zone). The rule is read with python-dateutil
from the first start in the city's time zone, so a session at 16:00 stays at 16:00 after the
clocks change.

A rule must end (``UNTIL`` or ``COUNT``) and have at most :data:`MAX_OCCURRENCES`
occurrences: the map, the feeds and calendars list every one of them.
"""

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext_lazy

from wagtail_cityoflearning.dates import format_date

MAX_OCCURRENCES = 300

NEVER, WEEKLY_CHOICE, BIWEEKLY, MONTHLY_CHOICE = "", "weekly", "biweekly", "monthly"

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Weekdays as they follow "every" (Slovenian "ob torkih", Italian "ogni martedì").
EVERY_WEEKDAY = {
    0: pgettext_lazy("every weekday", "Monday"),
    1: pgettext_lazy("every weekday", "Tuesday"),
    2: pgettext_lazy("every weekday", "Wednesday"),
    3: pgettext_lazy("every weekday", "Thursday"),
    4: pgettext_lazy("every weekday", "Friday"),
    5: pgettext_lazy("every weekday", "Saturday"),
    6: pgettext_lazy("every weekday", "Sunday"),
}


class RecurrenceError(ValueError):
    """A rule or exception dates that cannot be used; the message is for the editor."""


@dataclass(frozen=True)
class Occurrence:
    """One time a session takes place."""

    start: dt.datetime
    end: dt.datetime | None


def _local(value: dt.datetime, tz) -> dt.datetime:
    return value.astimezone(tz) if value.tzinfo else value.replace(tzinfo=tz)


def too_many_message() -> str:
    return ngettext(
        "A session can repeat at most %(count)s time: a calendar or the map lists each one. "
        "Choose an earlier end date, or add another session.",
        "A session can repeat at most %(count)s times: a calendar or the map lists each one. "
        "Choose an earlier end date, or add another session.",
        MAX_OCCURRENCES,
    ) % {"count": MAX_OCCURRENCES}


def parse_rule(rule: str, start: dt.datetime, tz) -> rrule:
    """The dateutil rule of ``rule`` from ``start`` (in ``tz``); RecurrenceError if unusable."""
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if "DTSTART" in text.upper() or "\n" in text:
        raise RecurrenceError(gettext("This repeat rule cannot be read."))
    try:
        parsed = rrulestr(text, dtstart=_local(start, tz), forceset=False, ignoretz=False)
    except (ValueError, TypeError, KeyError, OverflowError):
        raise RecurrenceError(gettext("This repeat rule cannot be read.")) from None
    if not isinstance(parsed, rrule):
        raise RecurrenceError(gettext("This repeat rule cannot be read."))
    if parsed._until is None and parsed._count is None:  # noqa: SLF001 (dateutil keeps them so)
        raise RecurrenceError(gettext("Say until when the session repeats."))
    return parsed


def parse_exception_dates(values) -> list[dt.date]:
    """Dates from a list of ISO strings or dates; RecurrenceError naming an unreadable one."""
    dates = []
    for value in values or []:
        if isinstance(value, dt.date):
            dates.append(value)
            continue
        try:
            dates.append(dt.date.fromisoformat(str(value).strip()))
        except ValueError:
            raise RecurrenceError(
                gettext("“%(value)s” is not a date: write it as 2027-04-06 or 6.4.2027.")
                % {"value": value}
            ) from None
    return sorted(set(dates))


_DATE_TEXT = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def read_exception_text(text: str) -> list[dt.date]:
    """Dates typed by an editor, one a line or comma-separated: 2027-04-06 or 6.4.2027."""
    values = []
    for part in re.split(r"[,;\n]+", text or ""):
        part = part.strip()
        if not part:
            continue
        match = _DATE_TEXT.match(part.replace(" ", ""))  # "6. 4. 2027" as "6.4.2027"
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                values.append(dt.date(year, month, day))
            except ValueError:
                raise RecurrenceError(
                    gettext("“%(value)s” is not a date: write it as 2027-04-06 or 6.4.2027.")
                    % {"value": part}
                ) from None
        else:
            values.append(part)
    return parse_exception_dates(values)


def expand(
    start: dt.datetime,
    end: dt.datetime | None,
    rule: str,
    exceptions,
    tz,
    *,
    after: dt.datetime | None = None,
    before: dt.datetime | None = None,
) -> list[Occurrence]:
    """The occurrences of a session (one, when it does not repeat) that end at or after
    ``after`` and start before ``before``, soonest first, at most :data:`MAX_OCCURRENCES`.

    A rule that cannot be read gives the first occurrence only.
    """
    duration = (end - start) if end else None
    if rule:
        try:
            starts = list(
                parse_rule(rule, start, tz).xafter(_local(start, tz), MAX_OCCURRENCES, inc=True)
            )
        except RecurrenceError:
            starts = [start]
        try:
            skipped = set(parse_exception_dates(exceptions))
        except RecurrenceError:
            skipped = set()
        starts = [s for s in starts if s.astimezone(tz).date() not in skipped]
    else:
        starts = [start]
    result = []
    for occurrence_start in starts:
        occurrence_end = occurrence_start + duration if duration is not None else None
        if occurrence_end is not None and occurrence_start.tzinfo is not None:
            # The duration in wall-clock time: 16:00-17:30 stays so on the day the clocks change.
            local = occurrence_start.astimezone(tz)
            occurrence_end = (local.replace(tzinfo=None) + duration).replace(tzinfo=tz)
        finish = occurrence_end or occurrence_start
        if after is not None and finish < after:
            continue
        if before is not None and occurrence_start >= before:
            continue
        result.append(Occurrence(occurrence_start, occurrence_end))
    return result


def validate(start, end, rule: str, exceptions, tz) -> dict[str, str]:
    """Errors by field (``repeat``, ``repeat_except``) of a session's repeat."""
    errors = {}
    if not rule or start is None:
        return errors
    try:
        parsed = parse_rule(rule, start, tz)
    except RecurrenceError as error:
        return {"repeat": str(error)}
    until = parsed._until  # noqa: SLF001
    if until is not None and until < _local(start, tz):
        errors["repeat"] = gettext("The repeat ends before the session first starts.")
        return errors
    count = sum(1 for _ in parsed.xafter(_local(start, tz), MAX_OCCURRENCES + 1, inc=True))
    if count > MAX_OCCURRENCES:
        errors["repeat"] = too_many_message()
    try:
        parse_exception_dates(exceptions)
    except RecurrenceError as error:
        errors["repeat_except"] = str(error)
    return errors


# -- building and reading rules (the editor's form) ---------------------------------------------


def build_rule(frequency: str, weekdays, until: dt.date | None, tz) -> str:
    """An RRULE from the editor's choices; UNTIL is the end of ``until`` in ``tz``, in UTC."""
    if not frequency:
        return ""
    parts = {
        WEEKLY_CHOICE: ["FREQ=WEEKLY"],
        BIWEEKLY: ["FREQ=WEEKLY", "INTERVAL=2"],
        MONTHLY_CHOICE: ["FREQ=MONTHLY"],
    }[frequency]
    if frequency in (WEEKLY_CHOICE, BIWEEKLY) and weekdays:
        order = {code: i for i, code in enumerate(WEEKDAY_CODES)}
        parts.append("BYDAY=" + ",".join(sorted(set(weekdays), key=order.__getitem__)))
    if until is not None:
        end_of_day = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=tz)
        parts.append("UNTIL=" + end_of_day.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ"))
    return ";".join(parts)


def rule_parts(rule: str, tz) -> dict:
    """The editor's choices of a rule: frequency, weekdays (codes) and until (a date)."""
    fields = {}
    for part in (rule or "").upper().removeprefix("RRULE:").split(";"):
        name, _sep, value = part.partition("=")
        fields[name.strip()] = value.strip()
    if not rule:
        return {"frequency": NEVER, "weekdays": [], "until": None}
    frequency = {
        ("WEEKLY", "1"): WEEKLY_CHOICE,
        ("WEEKLY", "2"): BIWEEKLY,
        ("MONTHLY", "1"): MONTHLY_CHOICE,
    }.get((fields.get("FREQ"), fields.get("INTERVAL", "1")), WEEKLY_CHOICE)
    weekdays = [d for d in fields.get("BYDAY", "").split(",") if d in WEEKDAY_CODES]
    until = None
    text = fields.get("UNTIL", "")
    try:
        if len(text) >= 15:
            moment = dt.datetime.strptime(text[:15], "%Y%m%dT%H%M%S")
            moment = moment.replace(tzinfo=dt.UTC) if text.endswith("Z") else moment
            until = moment.astimezone(tz).date() if moment.tzinfo else moment.date()
        elif len(text) == 8:
            until = dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        until = None
    return {"frequency": frequency, "weekdays": weekdays, "until": until}


def shift_rule(rule: str, days: int) -> str:
    """The rule with its UNTIL moved by ``days`` days (a copied opportunity's sessions)."""
    if not rule or not days:
        return rule

    def move(match):
        text = match.group(1)
        fmt = "%Y%m%dT%H%M%S" if "T" in text else "%Y%m%d"
        moment = dt.datetime.strptime(text.rstrip("Z"), fmt) + dt.timedelta(days=days)
        return "UNTIL=" + moment.strftime(fmt) + ("Z" if text.endswith("Z") else "")

    return re.sub(r"UNTIL=(\d{8}(?:T\d{6}Z?)?)", move, rule, flags=re.IGNORECASE)


def shift_dates(values, days: int) -> list[str]:
    try:
        dates = parse_exception_dates(values)
    except RecurrenceError:
        return list(values or [])
    return [(d + dt.timedelta(days=days)).isoformat() for d in dates]


# -- in words -------------------------------------------------------------------------------


def join_words(words: list[str]) -> str:
    """“Tuesday”, “Tuesday and Thursday”, “Monday, Wednesday and Friday”."""
    words = [str(w) for w in words]
    if len(words) <= 1:
        return "".join(words)
    return gettext("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}


def describe(start, end, rule: str, exceptions, tz) -> str:
    """The repeat in words in the active language, e.g. “Every Tuesday and Thursday,
    16:00–17:30, from 2 February to 15 June 2027, except 6 April”; "" when it does not
    repeat or cannot be read."""
    if not rule or start is None:
        return ""
    try:
        parsed = parse_rule(rule, start, tz)
    except RecurrenceError:
        return ""
    occurrences = expand(start, end, rule, exceptions, tz)
    if not occurrences:
        return ""
    first = occurrences[0].start.astimezone(tz)
    last = occurrences[-1].start.astimezone(tz)
    interval = parsed._interval  # noqa: SLF001
    frequency = parsed._freq  # noqa: SLF001
    weekdays = sorted(parsed._byweekday or ()) if frequency == WEEKLY else []  # noqa: SLF001
    days = join_words([EVERY_WEEKDAY[d] for d in weekdays])
    if frequency == WEEKLY:
        if interval == 1:
            words = gettext("Every %(days)s") % {"days": days}
        else:
            words = ngettext(
                "Every week on %(days)s", "Every %(count)s weeks on %(days)s", interval
            ) % {"count": interval, "days": days}
    elif frequency == MONTHLY and interval == 1:
        words = gettext("Every month on day %(day)s") % {"day": first.day}
    elif frequency == MONTHLY:
        words = ngettext(
            "Every %(count)s month on day %(day)s",
            "Every %(count)s months on day %(day)s",
            interval,
        ) % {"count": interval, "day": first.day}
    elif frequency == DAILY and interval == 1:
        words = gettext("Every day")
    elif frequency == DAILY:
        words = ngettext("Every %(count)s day", "Every %(count)s days", interval) % {
            "count": interval
        }
    elif frequency == YEARLY and interval == 1:
        words = gettext("Every year")
    elif frequency == YEARLY:
        words = ngettext("Every %(count)s year", "Every %(count)s years", interval) % {
            "count": interval
        }
    else:
        words = gettext("Repeats")
    with timezone.override(tz):
        time = format_date(first, "time")
        if end is not None:
            finish = (first.replace(tzinfo=None) + (end - start)).replace(tzinfo=tz)
            time = gettext("%(start)s–%(end)s") % {
                "start": time,
                "end": format_date(finish, "time"),
            }
        last_text = format_date(last.date(), "date")
        first_text = format_date(first.date(), "day_month" if first.year == last.year else "date")
        text = gettext("%(rule)s, %(time)s, from %(first)s to %(last)s") % {
            "rule": words,
            "time": time,
            "first": first_text,
            "last": last_text,
        }
        try:
            skipped = [
                d for d in parse_exception_dates(exceptions) if first.date() <= d <= last.date()
            ]
        except RecurrenceError:
            skipped = []
        if skipped:
            dates = join_words(
                [format_date(d, "day_month" if d.year == last.year else "date") for d in skipped]
            )
            text += ngettext(", except %(dates)s", ", except %(dates)s", len(skipped)) % {
                "dates": dates
            }
    return text


__all__ = [
    "MAX_OCCURRENCES",
    "Occurrence",
    "RecurrenceError",
    "build_rule",
    "describe",
    "expand",
    "parse_exception_dates",
    "parse_rule",
    "read_exception_text",
    "rule_parts",
    "shift_dates",
    "shift_rule",
    "validate",
]
