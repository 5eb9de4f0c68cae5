"""Every row and cell of a sheet checked with the admin form's rules, before anything is saved.

Each row becomes an :class:`~wagtail_cityoflearning.models.OpportunityPage` in memory (a new
one, or the existing page with the same page id or external id, changed), checked with the
model's own ``full_clean()`` and each session's ``clean()``, plus the rules the admin form
adds (a session or "ongoing", the registration deadline); each error is mapped back to its
column. What every row needs is fetched once for the whole sheet: the providers, the
interests, the existing pages with their sessions and interests, the slugs in use.

The same functions write a page's row for the export, and tell an unchanged row from a
changed one: a row whose cells read back the same as the page's gets no new revision.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Page

from wagtail_cityoflearning import access
from wagtail_cityoflearning.interests import DEFAULT_INTERESTS
from wagtail_cityoflearning.models import Interest, OpportunityPage, OpportunitySession
from wagtail_cityoflearning.models.opportunities import language_choices
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.models.taxonomy import Mode, OpportunityType
from wagtail_cityoflearning.providers.spreadsheets.sheet import (
    COLUMNS_BY_KEY,
    HEADER_LANGUAGES,
    fold,
)

# The model's fields, and the column that shows each one's errors ("" is the whole row).
FIELD_COLUMNS = {
    "title": "title",
    "summary": "summary",
    "opportunity_type": "type",
    "is_ongoing": "ongoing",
    "registration_deadline": "registration_deadline",
    "mode": "mode",
    "address": "address",
    "location": "latitude",
    "online_url": "online_url",
    "age_min": "age_min",
    "age_max": "age_max",
    "is_free": "free",
    "price": "price",
    "languages": "languages",
    "capacity": "capacity",
    "registration_url": "registration_url",
    "contact_name": "contact_name",
    "contact_email": "contact_email",
    "contact_phone": "contact_phone",
    "accessibility": "accessibility",
    "external_id": "external_id",
}
TEXT_COLUMNS = {
    "title": "title",
    "summary": "summary",
    "address": "address",
    "online_url": "online_url",
    "price": "price",
    "registration_url": "registration_url",
    "contact_name": "contact_name",
    "contact_email": "contact_email",
    "contact_phone": "contact_phone",
    "accessibility": "accessibility",
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d. %m. %Y", "%d/%m/%Y")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = {
    **{code.casefold(): code for code in DAYS},
    **dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), DAYS, strict=True)),
    **dict(zip(("pon", "tor", "sre", "čet", "pet", "sob", "ned"), DAYS, strict=True)),
    **dict(zip(("lun", "mar", "mer", "gio", "ven", "sab", "dom"), DAYS, strict=True)),
}
YES = {"yes", "y", "true", "1", "x", "da", "sì", "si", "✓"}
NO = {"no", "n", "false", "0", "ne", ""}
SPLIT = re.compile(r"[,;\n]")
SESSION = re.compile(
    r"^(?P<day>\S+(?: \d+\. ?\d{4})?)\s+(?P<start>\d{1,2}[:.]\d{2})"
    r"(?:\s*[-–]\s*(?:(?P<end_day>\S+)\s+)?(?P<end>\d{1,2}[:.]\d{2}))?$"
)


class CellError(Exception):
    """A cell that cannot be read; the message is for the uploader."""


@dataclass
class Row:
    """One row of the sheet: its cells, errors by column key ("" for the whole row), and
    what an import does with it."""

    number: int
    cells: dict
    errors: dict = field(default_factory=dict)
    provider: object = None
    page: OpportunityPage | None = None
    sessions: list = field(default_factory=list)
    interests: list = field(default_factory=list)
    existing: bool = False
    changed: bool = True
    time_zone: object = None

    def error(self, column: str, message) -> None:
        self.errors.setdefault(column, []).append(str(message))

    @property
    def action(self) -> str:
        if self.errors:
            return "error"
        if not self.existing:
            return "create"
        return "update" if self.changed else "unchanged"


def choice_names(choices) -> dict:
    """Folded values and labels (in every header language) of ``choices`` to their value."""
    names = {}
    for value, label in choices:
        names[fold(value)] = value
        for language in HEADER_LANGUAGES:
            with translation.override(language):
                names[fold(str(label))] = value
    return names


def parse_bool(text: str, default: bool) -> bool:
    if not text:
        return default
    value = fold(text)
    if value in YES or value == fold(gettext("yes")):
        return True
    if value in NO or value == fold(gettext("no")):
        return False
    raise CellError(gettext("Write yes or no."))


def parse_int(text: str):
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise CellError(gettext("Write a whole number.")) from None


def parse_float(text: str):
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise CellError(gettext("Write a number, e.g. 46.0514.")) from None


def parse_date(text: str):
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), date_format).date()
        except ValueError:
            continue
    raise CellError(gettext("“%(value)s” is not a date such as 2027-02-02.") % {"value": text})


def parse_time(text: str) -> time:
    try:
        return datetime.strptime(text.replace(".", ":"), "%H:%M").time()
    except ValueError:
        message = gettext("“%(value)s” is not a time such as 16:00.") % {"value": text}
        raise CellError(message) from None


def parse_datetime(text: str, zone, end_of_day=False):
    parts = text.split()
    day = parse_date(" ".join(parts[:-1]) if len(parts) > 1 and ":" in parts[-1] else text)
    moment = (
        parse_time(parts[-1])
        if len(parts) > 1 and ":" in parts[-1]
        else (time(23, 59) if end_of_day else time(0, 0))
    )
    return datetime.combine(day, moment, zone)


def parse_sessions(text: str, zone) -> list[tuple[datetime, datetime | None]]:
    sessions = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        match = SESSION.match(line)
        if not match:
            raise CellError(
                gettext("“%(value)s” is not a session such as 2027-02-02 16:00-17:30.")
                % {"value": line}
            )
        day = parse_date(match["day"])
        start = datetime.combine(day, parse_time(match["start"]), zone)
        end = None
        if match["end"]:
            end_day = parse_date(match["end_day"]) if match["end_day"] else day
            end = datetime.combine(end_day, parse_time(match["end"]), zone)
        sessions.append((start, end))
    return sessions


def weekly_rule(days: str, until: str, zone) -> str:
    """The RRULE of the repeat columns; a full rule (``FREQ=...``) is taken as written."""
    if not days:
        if until:
            raise CellError(gettext("Give the days it repeats on, e.g. TU,TH."))
        return ""
    if days.upper().startswith("FREQ="):
        rule = days.upper().replace(" ", "")
    else:
        codes = []
        for part in re.split(r"[,;\s]+", days.strip()):
            code = DAY_NAMES.get(part.casefold().rstrip(".")[:3]) or DAY_NAMES.get(part.casefold())
            if code is None:
                raise CellError(
                    gettext("“%(value)s” is not a day; use MO, TU, WE, TH, FR, SA or SU.")
                    % {"value": part}
                )
            if code not in codes:
                codes.append(code)
        rule = "FREQ=WEEKLY;BYDAY=" + ",".join(sorted(codes, key=DAYS.index))
        if until:
            last = datetime.combine(parse_date(until), time(23, 59, 59), zone).astimezone(UTC)
            rule += f";UNTIL={last:%Y%m%dT%H%M%SZ}"
    if "DTSTART" in rule:
        raise CellError(gettext("Leave the start out of the rule: it is the session's start."))
    try:
        rrulestr(rule, dtstart=datetime(2027, 1, 1, tzinfo=UTC))
    except (ValueError, TypeError):
        raise CellError(gettext("This repeat cannot be read.")) from None
    return rule


def rule_columns(rule: str, zone) -> tuple[str, str]:
    """The repeat columns of a rule: days and until for a weekly rule, else the rule itself."""
    if not rule:
        return "", ""
    match = re.fullmatch(r"FREQ=WEEKLY;BYDAY=([A-Z,]+)(?:;UNTIL=(\d{8}T\d{6}Z))?", rule)
    if not match:
        return rule, ""
    until = ""
    if match[2]:
        moment = datetime.strptime(match[2], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        until = moment.astimezone(zone).date().isoformat()
    return match[1], until


# -- a page as a row ---------------------------------------------------------------------------


def _moment(value, zone) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""


def session_text(session, zone) -> str:
    start = session.start.astimezone(zone)
    text = start.strftime("%Y-%m-%d %H:%M")
    if session.end:
        end = session.end.astimezone(zone)
        text += (
            end.strftime("-%H:%M")
            if end.date() == start.date()
            else end.strftime(" - %Y-%m-%d %H:%M")
        )
    return text


def page_row(page, sessions, interests, zone, provider_title="") -> dict:
    """The cells of ``page`` as the template and the export write them."""
    sessions = sorted(sessions, key=lambda s: s.start)
    first = sessions[0] if sessions else None
    days, until = rule_columns(first.repeat if first else "", zone)
    types, modes = dict(OpportunityType.choices), dict(Mode.choices)
    row = {key: getattr(page, name) for name, key in TEXT_COLUMNS.items()}
    row.update(
        external_id=page.external_id,
        page=page.pk or "",
        provider=provider_title,
        type=str(types.get(page.opportunity_type, page.opportunity_type)),
        interests=", ".join(sorted(interest.name for interest in interests)),
        sessions="\n".join(session_text(s, zone) for s in sessions),
        repeat_days=days,
        repeat_until=until,
        repeat_except=", ".join(first.repeat_except or []) if first else "",
        ongoing=gettext("yes") if page.is_ongoing else gettext("no"),
        registration_deadline=_moment(page.registration_deadline, zone),
        mode=str(modes.get(page.mode, page.mode)),
        latitude=page.latitude if page.latitude is not None else "",
        longitude=page.longitude if page.longitude is not None else "",
        age_min=page.age_min if page.age_min is not None else "",
        age_max=page.age_max if page.age_max is not None else "",
        free=gettext("yes") if page.is_free else gettext("no"),
        languages=", ".join(page.languages or []),
        capacity=page.capacity if page.capacity is not None else "",
        registrations=gettext("yes") if page.takes_registrations else gettext("no"),
        waiting_list=gettext("yes") if page.has_waiting_list else gettext("no"),
    )
    return row


# -- the checks --------------------------------------------------------------------------------


class Checker:
    """Checks the rows of a sheet for ``user``, importing into ``provider`` or, when it is
    None, into the provider each row names in its provider column."""

    def __init__(self, user, provider=None):
        self.user = user
        self.providers = list(access.provider_pages(user).specific().order_by("path"))
        self.provider = provider
        self.types = choice_names(OpportunityType.choices)
        self.modes = choice_names(Mode.choices)
        self.languages = choice_names(language_choices())
        self._zones = {}

    # what every row needs, fetched once

    def _load(self, rows) -> None:
        self.interests_by_name = {}
        self.interests_by_key = {}
        # An interest's slug is the same in every language: names of any language lead to it.
        for slug, _colour, _icon, names in DEFAULT_INTERESTS:
            for name in names.values():
                self.interests_by_name[fold(name)] = slug
        for interest in Interest.objects.all():
            self.interests_by_name.setdefault(fold(interest.name), interest.slug)
            self.interests_by_name[fold(interest.slug)] = interest.slug
            self.interests_by_key[(interest.slug, interest.locale_id)] = interest
        paths = {p.path: p for p in self.providers}
        page_ids, external_ids = set(), set()
        for row in rows:
            if row.cells.get("page", "").isdigit():
                page_ids.add(int(row.cells["page"]))
            if row.cells.get("external_id"):
                external_ids.add(row.cells["external_id"])
        self.by_pk, self.by_external = {}, {}
        if page_ids or external_ids:
            found = (
                OpportunityPage.objects.filter(
                    Q(pk__in=page_ids) | Q(external_id__in=external_ids),
                    depth__in={p.depth + 1 for p in self.providers},
                )
                .prefetch_related("sessions", "interests")
                .order_by("path")
            )
            for page in found:
                provider = paths.get(page.path[: -Page.steplen])
                if provider is None:
                    continue  # not one of this user's providers
                page._provider = provider
                self.by_pk[page.pk] = page
                if page.external_id:
                    self.by_external.setdefault((provider.pk, page.external_id), []).append(page)
        self.slugs = set()
        if self.providers:
            depths = Q()
            for provider in self.providers:
                depths |= Q(path__startswith=provider.path, depth=provider.depth + 1)
            for path, slug in Page.objects.filter(depths).values_list("path", "slug"):
                self.slugs.add((path[: -Page.steplen], slug))

    def zone(self, provider):
        if provider.pk not in self._zones:
            site = provider.get_site()
            settings = CityOfLearningSettings.for_site(site) if site else None
            self._zones[provider.pk] = settings.tzinfo if settings else UTC
        return self._zones[provider.pk]

    def _provider_of(self, row):
        named = row.cells.get("provider", "")
        if self.provider is not None:
            if named and fold(named) not in (fold(self.provider.title), fold(self.provider.slug)):
                row.error(
                    "provider",
                    gettext("You are importing into %(provider)s; leave this empty or name it.")
                    % {"provider": self.provider.title},
                )
            return self.provider
        if not named:
            row.error("provider", gettext("Name the provider, or choose one above the upload."))
            return None
        for provider in self.providers:
            if fold(named) in (fold(provider.title), fold(provider.slug)):
                return provider
        row.error(
            "provider",
            gettext("“%(value)s” is none of the providers you may edit.") % {"value": named},
        )
        return None

    def check(self, cells_list: list[dict]) -> list["Row"]:
        rows = [Row(number=n + 2, cells=cells) for n, cells in enumerate(cells_list)]
        self._load(rows)
        seen = {}
        for row in rows:
            row.provider = self._provider_of(row)
            if row.provider is None:
                continue
            key = ("page", row.cells.get("page")) if row.cells.get("page") else None
            external = row.cells.get("external_id")
            for mark, column in (
                (key, "page"),
                (external and (row.provider.pk, external), "external_id"),
            ):
                if not mark:
                    continue
                if mark in seen:
                    message = gettext("Row %(row)s has the same “%(column)s”.")
                    label = COLUMNS_BY_KEY[column].label
                    row.error(column, message % {"row": seen[mark], "column": label})
                else:
                    seen[mark] = row.number
            self._check_row(row)
        return rows

    def _existing(self, row):
        text = row.cells.get("page", "")
        if text:
            page = self.by_pk.get(int(text)) if text.isdigit() else None
            if page is None or page._provider.pk != row.provider.pk:
                row.error("page", gettext("No opportunity of this provider has this page id."))
                return None
            return page
        external = row.cells.get("external_id", "")
        if external:
            pages = self.by_external.get((row.provider.pk, external), [])
            if len(pages) > 1:
                row.error("external_id", gettext("Several pages have this external id."))
                return None
            return pages[0] if pages else None
        return None

    def _check_row(self, row) -> None:
        provider, cells = row.provider, row.cells
        zone = row.time_zone = self.zone(provider)
        known = len(row.errors)
        page = self._existing(row)
        if len(row.errors) > known:
            return  # the page it names is not there: the other checks would mislead
        row.existing = page is not None
        if page is None:
            page = OpportunityPage(locale_id=provider.locale_id, owner=self.user)
            before = None
            old_sessions, old_interests = [], []
        else:
            old_sessions, old_interests = list(page.sessions.all()), list(page.interests.all())
            before = page_row(page, old_sessions, old_interests, zone)
        row.page = page
        for name, key in TEXT_COLUMNS.items():
            if key in cells:
                setattr(page, name, cells[key])
        if "external_id" in cells:
            page.external_id = cells["external_id"]
        self._cell(row, "type", lambda v: self._choice(v, self.types, "opportunity_type", page))
        self._cell(row, "mode", lambda v: self._choice(v, self.modes, "mode", page))
        self._cell(row, "ongoing", lambda v: setattr(page, "is_ongoing", parse_bool(v, False)))
        self._cell(
            row, "free", lambda v: setattr(page, "is_free", parse_bool(v, not page.price.strip()))
        )
        self._cell(
            row,
            "registrations",
            lambda v: setattr(page, "takes_registrations", parse_bool(v, False)),
        )
        self._cell(
            row, "waiting_list", lambda v: setattr(page, "has_waiting_list", parse_bool(v, True))
        )
        for key in ("age_min", "age_max", "capacity"):
            self._cell(row, key, lambda v, key=key: setattr(page, key, parse_int(v)))
        self._cell(
            row,
            "registration_deadline",
            lambda v: setattr(
                page, "registration_deadline", parse_datetime(v, zone, True) if v else None
            ),
        )
        self._cell(row, "languages", lambda v: setattr(page, "languages", self._languages(v)))
        self._location(row, page)
        row.interests = old_interests
        self._cell(row, "interests", lambda v: setattr(row, "interests", self._interests(v, row)))
        row.sessions = old_sessions
        if "sessions" in cells or "repeat_days" in cells:
            self._sessions(row, zone)
        self._full_clean(row, page)
        if row.errors:
            return
        if not row.existing:
            page.slug = self._slug(provider, page.title)
        page.interests.set(row.interests)
        if before is not None:
            after = page_row(page, row.sessions, row.interests, zone)
            row.changed = any(str(before[k]) != str(after[k]) for k in cells if k in before)

    def _cell(self, row, key, apply) -> None:
        if key not in row.cells:
            return
        try:
            apply(row.cells[key])
        except CellError as error:
            row.error(key, error)

    def _choice(self, value, names, name, page) -> None:
        if not value:
            return
        found = names.get(fold(value))
        if found is None:
            raise CellError(
                gettext("“%(value)s” is not allowed; see the sheet “Allowed values”.")
                % {"value": value}
            )
        setattr(page, name, found)

    def _languages(self, value) -> list[str]:
        codes = []
        for part in SPLIT.split(value):
            if not part.strip():
                continue
            code = self.languages.get(fold(part))
            if code is None:
                raise CellError(gettext("“%(value)s” is not a language.") % {"value": part.strip()})
            if code not in codes:
                codes.append(code)
        return codes

    def _interests(self, value, row) -> list:
        found, unknown = [], []
        for part in SPLIT.split(value):
            if not part.strip():
                continue
            key = self.interests_by_name.get(fold(part))
            interest = self.interests_by_key.get((key, row.provider.locale_id)) if key else None
            if interest is None:
                unknown.append(part.strip())
            elif interest not in found:
                found.append(interest)
        if unknown:
            raise CellError(
                gettext("Unknown interests: %(names)s. See the sheet “Allowed values”.")
                % {"names": ", ".join(unknown)}
            )
        if not found:
            raise CellError(gettext("Give at least one interest."))
        return found

    def _location(self, row, page) -> None:
        if "latitude" not in row.cells and "longitude" not in row.cells:
            return
        lat, lng = row.cells.get("latitude", ""), row.cells.get("longitude", "")
        if not lat and not lng:
            page.location, page.latitude, page.longitude = "", None, None
            return
        if not lat or not lng:
            row.error("latitude" if not lat else "longitude", gettext("Give both coordinates."))
            return
        try:
            lat, lng = parse_float(lat), parse_float(lng)
        except CellError as error:
            row.error("latitude", error)
            return
        if not (-90 <= lat <= 90 and -180 <= lng <= 180):
            row.error("latitude", gettext("This point is not on the globe."))
            return
        page.set_location(lat, lng)

    def _sessions(self, row, zone) -> None:
        cells = row.cells
        try:
            times = parse_sessions(cells.get("sessions", ""), zone)
        except CellError as error:
            row.error("sessions", error)
            return
        try:
            rule = weekly_rule(cells.get("repeat_days", ""), cells.get("repeat_until", ""), zone)
        except CellError as error:
            row.error("repeat_days", error)
            return
        except_dates = []
        for part in SPLIT.split(cells.get("repeat_except", "")):
            if part.strip():
                try:
                    except_dates.append(parse_date(part).isoformat())
                except CellError as error:
                    row.error("repeat_except", error)
                    return
        if (rule or except_dates) and not times:
            row.error("repeat_days", gettext("A repeat needs a session to start from."))
            return
        sessions = []
        for start, end in times:
            session = OpportunitySession(
                start=start, end=end, repeat=rule, repeat_except=except_dates
            )
            try:
                session.clean()
            except ValidationError as error:
                for message in error.messages:
                    row.error("sessions", f"{_moment(session.start, zone)}: {message}")
            sessions.append(session)
        row.sessions = sessions

    def _full_clean(self, row, page) -> None:
        """The model's checks, then those the admin form adds for the sessions."""
        page._check_slug_is_unique = lambda: None  # slugs are made unique in bulk
        exclude = [
            f.name
            for f in OpportunityPage._meta.fields
            if f.name not in FIELD_COLUMNS or FIELD_COLUMNS[f.name] in row.errors
        ]
        try:
            page.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = FIELD_COLUMNS.get(name, "")
                if column == "latitude" and "latitude" not in row.cells and "address" in row.cells:
                    column = "address"
                for message in messages:
                    row.error(column, message)
        repeat_errors = {"sessions", "repeat_days", "repeat_until", "repeat_except"} & set(
            row.errors
        )
        if not page.is_ongoing and not row.sessions and not repeat_errors:
            row.error(
                "sessions", gettext("Add at least one session, or write yes under “Ongoing”.")
            )
        starts = [s.start for s in row.sessions]
        deadline = page.registration_deadline
        if deadline and starts and deadline > max(starts):
            row.error(
                "registration_deadline",
                gettext("The registration deadline is after the last session starts."),
            )

    def _slug(self, provider, title) -> str:
        base = slugify(title, allow_unicode=True)[:200] or "opportunity"
        slug, n = base, 1
        while (provider.path, slug) in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add((provider.path, slug))
        return slug
