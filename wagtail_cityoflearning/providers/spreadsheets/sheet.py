"""The spreadsheet's columns, and reading and writing files of them with tablib.

A sheet has one opportunity a row. Its first row names the columns, in any of the package's
languages (English, Slovenian, Italian) or by their keys (``title``, ``age_min``...); the
template and the export write them in the editor's language. Reading accepts CSV (UTF-8,
with or without a byte order mark, or UTF-16 with one; also Windows-1250 and Windows-1252
when the text is not UTF-8) and XLSX, and refuses files over :data:`MAX_BYTES` or
:data:`MAX_ROWS` rows.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

import tablib
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.exports import neutralise_cell

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
HEADER_LANGUAGES = ("en", "sl", "it")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    help: str = ""
    required: bool = False


COLUMNS = [
    Column("external_id", _("External id"), _("Your own id of the opportunity; keep it.")),
    Column("page", _("Page id"), _("Filled in by the export; leave as it is.")),
    Column("provider", _("Provider"), _("The provider's name, when you import for several.")),
    Column("title", _("Title"), required=True),
    Column("summary", _("Summary"), _("One sentence shown on cards."), required=True),
    Column("type", _("Type"), _("One of the types on the sheet “Allowed values”.")),
    Column("interests", _("Interests"), _("Names or slugs, separated by commas."), True),
    Column("sessions", _("Sessions"), _("One a line: 2027-02-02 16:00-17:30.")),
    Column("repeat_days", _("Repeats weekly on"), _("Days, e.g. TU,TH.")),
    Column("repeat_until", _("Repeats until"), _("A date, e.g. 2027-06-15.")),
    Column("repeat_except", _("Except on"), _("Dates, separated by commas.")),
    Column("ongoing", _("Ongoing"), _("yes when there are no fixed sessions.")),
    Column("registration_deadline", _("Registration deadline"), _("E.g. 2027-01-31 23:59.")),
    Column("mode", _("Mode"), _("In person, online or hybrid.")),
    Column("address", _("Address")),
    Column("latitude", _("Latitude"), _("E.g. 46.0514.")),
    Column("longitude", _("Longitude"), _("E.g. 14.5060.")),
    Column("online_url", _("Online link")),
    Column("age_min", _("Minimum age")),
    Column("age_max", _("Maximum age")),
    Column("free", _("Free"), _("yes or no.")),
    Column("price", _("Price"), _("E.g. 20 EUR.")),
    Column("languages", _("Languages"), _("Codes or names, separated by commas.")),
    Column("capacity", _("Capacity"), _("The number of places; empty for no limit.")),
    Column(
        "registrations",
        _("Registration on this site"),
        _("yes to take registrations here, with places and a waiting list."),
    ),
    Column("waiting_list", _("Waiting list"), _("yes or no: a waiting list when places run out.")),
    Column("registration_url", _("Registration link")),
    Column("contact_name", _("Contact name")),
    Column("contact_email", _("Contact email")),
    Column("contact_phone", _("Contact phone")),
    Column("accessibility", _("Accessibility notes")),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED_KEYS = [column.key for column in COLUMNS if column.required]


class SheetError(Exception):
    """The file as a whole cannot be read; the message says why, for the uploader."""


def header_names() -> dict[str, str]:
    """Every accepted header, folded, to its column's key."""
    names = {}
    for column in COLUMNS:
        names[fold(column.key)] = column.key
        for language in HEADER_LANGUAGES:
            with translation.override(language):
                names[fold(str(column.label))] = column.key
    return names


def fold(text) -> str:
    return " ".join(str(text).split()).casefold()


def headers() -> list[str]:
    """The column headers in the active language."""
    return [str(column.label) for column in COLUMNS]


# -- reading -----------------------------------------------------------------------------------


def read_sheet(data: bytes, filename: str) -> tuple[list[str], list[dict]]:
    """The column keys found and the rows (dicts of key to cell) of an uploaded file.

    Raises :class:`SheetError` for a file that cannot be read as a whole."""
    if len(data) > MAX_BYTES:
        raise SheetError(
            gettext("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1024 // 1024}
        )
    if filename.lower().endswith(".xlsx"):
        table = _read_xlsx(data)
    elif filename.lower().endswith(".csv"):
        table = _read_csv(data)
    else:
        raise SheetError(gettext("Upload a .csv or .xlsx file."))
    table = [row for row in table if any(_present(cell) for cell in row)]
    if not table:
        raise SheetError(gettext("The file is empty."))
    if len(table) - 1 > MAX_ROWS:
        raise SheetError(
            gettext("The file has more than %(rows)s rows; split it into smaller files.")
            % {"rows": MAX_ROWS}
        )
    names = header_names()
    keys = []
    unknown = []
    for cell in table[0]:
        key = names.get(fold(cell if cell is not None else ""))
        if key is None:
            if _present(cell):
                unknown.append(str(cell))
        elif key in keys:
            raise SheetError(gettext("The column “%(name)s” appears twice.") % {"name": cell})
        keys.append(key)
    missing = [str(COLUMNS_BY_KEY[key].label) for key in REQUIRED_KEYS if key not in keys]
    if missing:
        raise SheetError(
            gettext("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    if unknown:
        raise SheetError(
            gettext("Unknown columns: %(columns)s. Use the headers of the template.")
            % {"columns": ", ".join(unknown)}
        )
    rows = []
    for values in table[1:]:
        row = {}
        for key, value in zip(keys, values, strict=False):
            if key is not None:
                row[key] = _cell(value)
        rows.append(row)
    return [key for key in keys if key], rows


def _present(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def _cell(value):
    """A cell as the checks read it: text (dates of XLSX cells in ISO form), stripped; a
    leading apostrophe the export put before a formula character is taken off again."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else ""
        return text or value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1] in "=+-@":
        text = text[1:]
    return text


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise SheetError(gettext("This file is not text; upload a CSV or an XLSX file."))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Spreadsheets saved as "CSV" on Windows in Slovenia or Italy.
    for encoding in ("cp1250", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetError(gettext("The file's characters could not be read; save it as UTF-8 CSV."))


def _read_csv(data: bytes) -> list[list]:
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as error:
        message = gettext("The CSV file could not be read: %(error)s") % {"error": error}
        raise SheetError(message) from None


def _read_xlsx(data: bytes) -> list[list]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise SheetError(gettext("This is not an XLSX file; save it again as .xlsx or .csv."))
    try:
        book = tablib.Databook()
        book.load(data, format="xlsx")
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise SheetError(gettext("The XLSX file could not be read; save it again.")) from None
    sheets = book.sheets()
    if not sheets:
        raise SheetError(gettext("The file is empty."))
    first = sheets[0]
    table = [list(first.headers or [])] + [list(row) for row in first]
    return table


# -- writing -----------------------------------------------------------------------------------


def dataset(rows: list[dict], title: str = "") -> tablib.Dataset:
    """The rows (dicts by column key) as a dataset with the headers in the active language;
    text that a spreadsheet would run as a formula is made safe."""
    data = tablib.Dataset(headers=headers(), title=title[:31] or None)
    for row in rows:
        data.append([neutralise_cell(row.get(column.key, "")) for column in COLUMNS])
    return data


def as_file(book_sheets: list[tablib.Dataset], file_format: str) -> bytes:
    """CSV (UTF-8 with a byte order mark, so spreadsheet programs read the letters; the first
    sheet only) or XLSX (every sheet)."""
    if file_format == "csv":
        return ("\ufeff" + book_sheets[0].export("csv")).encode("utf-8")
    return tablib.Databook(book_sheets).export("xlsx")
