"""Bulk awards: parse a pasted list or a CSV file, preview every row's errors and who already
holds the badge, then award all (:func:`.awarding.award_many`).

Who holds the badge follows the hook ``cityoflearning_recipient_addresses`` (see
:mod:`.awarding`): a badge sent to another address of the same person counts as held.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_cityoflearning.badges.awarding import (
    Recipient,
    award_many,
    held_awards,
    same_person_addresses,
    same_person_addresses_many,
)
from wagtail_cityoflearning.badges.awarding import active_awards as active_awards_of
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.recipients import recipient_may_receive

MAX_ROWS = 2000
_url = URLValidator(schemes=["http", "https"])


@dataclass
class Row:
    """One line of a bulk award, with what is wrong with it (nothing, when it can be saved)."""

    number: int
    email: str
    evidence: str = ""
    narrative: str = ""
    errors: list[str] = field(default_factory=list)
    held: Award | None = None  # an active award of the badge this recipient already holds
    again: bool = False  # the editor ticked to award it once more

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def to_award(self) -> bool:
        """Awarded on confirmation: unless the recipient holds the badge and nobody ticked
        to award it again."""
        return self.valid and (self.held is None or self.again)


def parse(text: str) -> list[Row]:
    """Rows from CSV text (``email,evidence,narrative``, header optional) or one email a line."""
    text = (text or "").lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    rows = []
    for values in reader:
        values = [value.strip() for value in values]
        if not any(values):
            continue
        if not rows and values and values[0].lower() in ("email", "e-mail", "recipient"):
            continue  # a header line
        rows.append(Row(len(rows) + 1, *(values + ["", ""])[:3]))
    return rows


CONSENT_MISSING = gettext_lazy(
    "This learner's parent or guardian has not agreed yet that the platform keeps their "
    "learning in this city. Award the badge once they have."
)


def active_awards(badge_class, email: str):
    """The awards of ``badge_class`` to the person behind ``email`` that still count: not
    revoked, not expired."""
    return active_awards_of(badge_class, same_person_addresses(email))


def check(rows: list[Row], badge_class=None, again=()) -> list[Row]:
    """Fill each row's ``errors``: invalid email or URL, duplicates, too many rows, and (with
    ``badge_class``) learners whose guardian has not agreed for the badge's city; and
    ``held``, the badge the recipient already holds. ``again``: the numbers of the rows
    ticked to be awarded even so."""
    site = badge_class.issuer.get_site() if badge_class is not None else None
    seen = {}
    addresses = {}  # row number -> the addresses of its recipient
    if len(rows) > MAX_ROWS:
        rows[MAX_ROWS].errors.append(
            _("At most %(max)s rows can be awarded at once.") % {"max": MAX_ROWS}
        )
    for row in rows:
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("“%(email)s” is not an email address.") % {"email": row.email})
        else:
            if site is not None and not recipient_may_receive(row.email, site):
                row.errors.append(str(CONSENT_MISSING))
            if badge_class is not None:
                addresses[row.number] = row.email
        if row.evidence:
            try:
                _url(row.evidence)
            except ValidationError:
                row.errors.append(_("The evidence must be a web address (http or https)."))
        key = row.email.lower()
        if key in seen:
            row.errors.append(_("The same address is on row %(row)s.") % {"row": seen[key]})
        seen.setdefault(key, row.number)
    if addresses:
        found = same_person_addresses_many(addresses.values())
        addresses = {number: found[email] for number, email in addresses.items()}
        held = held_awards(badge_class, addresses)  # one query for all rows
        for row in rows:
            row.held = held.get(row.number)
            row.again = row.held is not None and row.number in again
    return rows


def award_all(badge_class, rows: list[Row], *, awarded_by=None) -> list[Award]:
    """Award every row to be awarded (:attr:`Row.to_award`), all or none. Call :func:`check`
    first; invalid rows raise."""
    if not rows or any(not row.valid for row in rows):
        raise ValidationError(_("Fix every row before awarding."))
    recipients = [
        Recipient(
            row.email,
            evidence=[{"url": row.evidence}] if row.evidence else [],
            narrative=row.narrative,
            again=row.again,
        )
        for row in rows
        if row.to_award
    ]
    with transaction.atomic():
        return award_many(
            badge_class, recipients, awarded_by=awarded_by, source=Award.Source.BULK
        ).awarded
