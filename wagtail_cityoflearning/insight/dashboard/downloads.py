"""A figure's table as a spreadsheet (CSV or XLSX through tablib).

Cells go through :func:`~wagtail_cityoflearning.insight.privacy.display` where they are
hidden counts, so a count under five stays "fewer than 5" in the file too; text cells that
a spreadsheet would run as a formula are neutralised."""

import datetime as dt

import tablib
from django.http import HttpResponse
from django.utils.text import slugify

from wagtail_cityoflearning.exports import neutralise_cell
from wagtail_cityoflearning.insight.privacy import FewerThan, display

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cell(value, export_format):
    if value is None:
        return ""
    if isinstance(value, FewerThan):
        return display(value)
    if isinstance(value, bool):
        return display(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.date):
        return value if export_format == "xlsx" else value.isoformat()
    return neutralise_cell(str(value))


def dataset(figure, export_format) -> tablib.Dataset:
    data = tablib.Dataset(headers=[neutralise_cell(str(column)) for column in figure.columns])
    data.title = str(figure.title)[:31]
    for row in figure.rows:
        data.append([cell(value, export_format) for value in row])
    return data


def filename(scope, figure, export_format) -> str:
    parts = [slugify(scope.site.site_name or scope.site.hostname) or "city"]
    if scope.provider is not None:
        parts.append(slugify(scope.provider.slug))
    parts += [figure.key, scope.start.isoformat(), scope.end.isoformat()]
    return "-".join(part for part in parts if part) + "." + export_format


def response(scope, figure, export_format) -> HttpResponse:
    content = dataset(figure, export_format).export(export_format)
    answer = HttpResponse(content, content_type=FORMATS[export_format])
    answer["Content-Disposition"] = (
        f'attachment; filename="{filename(scope, figure, export_format)}"'
    )
    return answer
