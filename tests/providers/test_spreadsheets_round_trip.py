"""Export, edit, import: only what changed changes. The template. Queries per row."""

import csv
import io

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_opportunity, make_provider, session
from tests.providers.spreadsheets_support import (
    csv_bytes,
    editor_of,
    good_row,
    staff_of,
    upload,
)
from wagtail_cityoflearning.models import OpportunityPage
from wagtail_cityoflearning.providers.spreadsheets.checks import Checker
from wagtail_cityoflearning.providers.spreadsheets.importing import import_rows


def commit(client, response):
    token = response.context["upload"].token
    return client.post(
        reverse("wagtail_cityoflearning_spreadsheets:commit", args=[token]), follow=True
    )


def export(client, file_format, provider):
    url = reverse("wagtail_cityoflearning_spreadsheets:export", args=[file_format])
    response = client.get(url, {"provider": provider.pk})
    assert response.status_code == 200
    return response.content


@pytest.fixture
def editor(city):
    return editor_of(city["site"])


def test_round_trip_changes_only_the_edited_row(client, city, provider, editor):
    client.force_login(editor)
    rows = [good_row(n) for n in range(1, 4)]
    rows[0]["Summary"] = "=1+1 is two"
    commit(client, upload(client, csv_bytes(rows), provider=provider))
    # One page made in the admin, without an external id: the page id column finds it.
    make_opportunity(provider, [city["interests"]["arts"]], sessions=[session(5)])
    revisions = {p.pk: p.revisions.count() for p in OpportunityPage.objects.all()}

    content = export(client, "csv", provider).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(content)))
    assert len(table) == 5
    assert "'=1+1 is two" in table[1]  # a formula is written as text
    table[2][table[0].index("Naziv")] = "Robotics, renamed"  # headers in the editor's language

    out = io.StringIO()
    csv.writer(out).writerows(table)
    response = upload(client, out.getvalue().encode(), provider=provider)
    assert response.context["counts"] == {"create": 0, "update": 1, "unchanged": 3, "error": 0}
    commit(client, response)

    assert OpportunityPage.objects.count() == 4
    changed = OpportunityPage.objects.get(external_id="ext-2")
    assert changed.title == "Robotics, renamed"
    assert OpportunityPage.objects.get(external_id="ext-1").summary == "=1+1 is two"
    for page in OpportunityPage.objects.exclude(pk=changed.pk):
        assert page.revisions.count() == revisions[page.pk]
    assert changed.revisions.count() == revisions[changed.pk] + 1


def test_xlsx_round_trip_is_unchanged(client, city, provider, editor):
    client.force_login(editor)
    row = good_row(1, **{"Repeats weekly on": "TU", "Repeats until": "2027-06-15"})
    commit(client, upload(client, csv_bytes([row]), provider=provider))
    content = export(client, "xlsx", provider)
    book = tablib.Databook()
    book.load(content, format="xlsx")
    assert len(book.sheets()) == 2  # the opportunities and the allowed values
    file = io.BytesIO(content)
    response = upload(client, file.getvalue(), name="export.xlsx", provider=provider)
    assert response.context["counts"]["unchanged"] == 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_template_has_headers_an_example_and_the_allowed_values(
    client, city, provider, editor, file_format
):
    client.force_login(editor)
    url = reverse("wagtail_cityoflearning_spreadsheets:template", args=[file_format])
    response = client.get(url)
    assert response.status_code == 200
    assert f'filename="opportunities.{file_format}"' in response["Content-Disposition"]
    if file_format == "csv":
        table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert "Naslov" in table[0] and len(table) == 2
    else:
        book = tablib.Databook()
        book.load(response.content, format="xlsx")
        allowed = book.sheets()[1]
        assert "Glasba" in allowed.get_col(0)
    # The template's example imports as it is.
    response = upload(client, response.content, name=f"t.{file_format}", provider=provider)
    assert response.context["counts"]["create"] == 1, response.context["error_list"]


def test_export_is_scoped_to_the_users_providers(client, city, provider, django_user_model):

    other = make_provider(city)
    client.force_login(staff_of(provider))
    url = reverse("wagtail_cityoflearning_spreadsheets:export", args=["csv"])
    assert client.get(url, {"provider": other.pk}).status_code == 404
    assert client.get(url.replace(".csv", ".pdf")).status_code == 404


def _queries(user, provider, n):
    cells = [good_row(i) for i in range(n)]
    keyed = [
        {
            "external_id": c["External id"], "title": c["Title"], "summary": c["Summary"],
            "interests": c["Interests"], "sessions": c["Sessions"], "mode": c["Mode"],
            "address": c["Address"], "latitude": c["Latitude"], "longitude": c["Longitude"],
        }
        for c in cells
    ]  # fmt: skip
    with CaptureQueriesContext(connection) as checked:
        Checker(user, provider).check(keyed)
    with CaptureQueriesContext(connection) as imported:
        result = import_rows(user, provider, keyed)
    assert result["created"] == n
    return len(checked), len(imported)


def test_queries_per_row_are_constant(city, provider, editor):
    _queries(editor, provider, 1)  # caches the site's settings, as any request does
    OpportunityPage.objects.all().delete()
    checked_5, imported_5 = _queries(editor, provider, 5)
    OpportunityPage.objects.all().delete()
    checked_15, imported_15 = _queries(editor, provider, 15)
    assert checked_5 == checked_15  # the checks: a fixed number for the whole sheet
    per_row = (imported_15 - imported_5) / 10
    assert imported_15 - 15 * per_row == imported_5 - 5 * per_row
    assert per_row < 200  # Wagtail's own saving, revision, publishing and search index
