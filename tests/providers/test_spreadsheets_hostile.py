"""A hostile sheet: the preview finds every bad cell at its row and column, and nothing is
saved; files that cannot be read at all get a message on the upload form."""

import pytest
from django.urls import reverse

from tests.providers.language import slovenian_html
from tests.providers.spreadsheets_support import csv_bytes, editor_of, good_row, upload
from wagtail_cityoflearning.models import OpportunityPage
from wagtail_cityoflearning.providers.models import SheetUpload
from wagtail_cityoflearning.providers.spreadsheets.sheet import MAX_ROWS

BAD_ROWS = [
    # (cells changed from a good row, the column key the error is in)
    ({"Sessions": "2027-02-30 16:00-17:30"}, "sessions"),
    ({"Sessions": "tomorrow at four"}, "sessions"),
    ({"Sessions": "2027-02-02 18:00-16:00"}, "sessions"),
    ({"Sessions": ""}, "sessions"),
    ({"Minimum age": "18", "Maximum age": "13"}, "age_max"),
    ({"Minimum age": "teen"}, "age_min"),
    ({"Maximum age": "130"}, "age_max"),
    ({"Free": "no", "Price": ""}, "price"),
    ({"Free": "perhaps"}, "free"),
    ({"Mode": "by carrier pigeon"}, "mode"),
    ({"Mode": "Online"}, "online_url"),
    ({"Latitude": "", "Longitude": ""}, "latitude"),
    ({"Longitude": ""}, "longitude"),
    ({"Latitude": "95", "Longitude": "14"}, "latitude"),
    ({"Interests": "Underwater basket weaving"}, "interests"),
    ({"Interests": ""}, "interests"),
    ({"Title": ""}, "title"),
    ({"Type": '=HYPERLINK("http://evil.example")'}, "type"),
    ({"Languages": "Klingon"}, "languages"),
    ({"Repeats weekly on": "Funday"}, "repeat_days"),
    ({"Repeats until": "2027-06-15"}, "repeat_days"),
    ({"Except on": "next week"}, "repeat_except"),
    ({"Registration deadline": "2027-03-01"}, "registration_deadline"),
    ({"Contact email": "not an email"}, "contact_email"),
    ({"Online link": "javascript:alert(1)", "Mode": "Hybrid"}, "online_url"),
    ({"Page id": "999999"}, "page"),
    ({"Provider": "Someone else"}, "provider"),
]


@pytest.fixture
def editor_client(client, city):
    client.force_login(editor_of(city["site"]))
    return client


def test_every_bad_cell_is_found_at_its_row_and_column_and_nothing_is_saved(
    editor_client, city, provider
):
    rows = [good_row(n, **cells) for n, (cells, _column) in enumerate(BAD_ROWS, start=1)]
    # Markup and formulas in text cells are text: allowed, shown as typed.
    rows.append(good_row(90, Title="<script>alert(1)</script>", Summary="=1+1"))
    rows.append(good_row(91, **{"External id": "dup"}))
    rows.append(good_row(92, **{"External id": "dup"}))
    headers = list(rows[0]) + [
        "Repeats weekly on", "Repeats until", "Except on", "Registration deadline",
        "Contact email", "Online link", "Page id", "Provider", "Languages",
    ]  # fmt: skip
    response = upload(editor_client, csv_bytes(rows, headers=headers), provider=provider)
    assert response.status_code == 200
    found = {(e["row"], e["key"]) for e in response.context["error_list"]}
    for n, (_cells, column) in enumerate(BAD_ROWS, start=1):
        assert (n + 1, column) in found, (n + 1, column, BAD_ROWS[n - 1])
    assert (len(rows) + 1, "external_id") in found  # the second "dup"
    assert not any(row == len(BAD_ROWS) + 2 for row, _key in found)  # markup row is fine
    body = response.content.decode()
    blocked = slovenian_html(
        "Nothing can be imported until every error is fixed. Correct the file and upload it again."
    )
    assert blocked in body
    assert "<script>alert(1)" not in body
    assert 'action="/admin/opportunity-import/' not in body.split("</form>")[-1]  # no Import button

    # Posting the import anyway saves nothing.
    token = response.context["upload"].token
    url = reverse("wagtail_cityoflearning_spreadsheets:commit", args=[token])
    editor_client.post(url)
    assert not OpportunityPage.objects.exists()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"PK\x03\x04 not really a zip", "sheet.xlsx"),
        (b"Title,Summary\nOne,Two\n", "sheet.xlsx"),
        (b"\x00\x01\x02binary", "sheet.csv"),
        (b"Title,Summary,Interests\n", "sheet.txt"),
        (b"Title;Summary\nA;B\n", "sheet.csv"),  # required columns missing
        (b"Title,Summary,Interests,Colour\nA,B,Music,red\n", "sheet.csv"),  # unknown column
        (b"Title,Title,Summary,Interests\nA,A,B,Music\n", "sheet.csv"),
        (b"", "sheet.csv"),
    ],
)
def test_files_that_cannot_be_read_get_a_message(editor_client, provider, content, name):
    response = upload(editor_client, content, name=name, provider=provider)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not SheetUpload.objects.exists()


def test_too_many_rows(editor_client, provider):
    rows = [good_row(n) for n in range(MAX_ROWS + 1)]
    response = upload(editor_client, csv_bytes(rows), provider=provider)
    assert response.context["form"].errors["file"]
    assert not SheetUpload.objects.exists()


def test_a_huge_file(editor_client, provider, settings):
    content = csv_bytes([good_row(1, Summary="x" * (6 * 1024 * 1024))])
    response = upload(editor_client, content, provider=provider)
    assert "MB" in response.context["form"].errors["file"][0]
    assert not SheetUpload.objects.exists()


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", True), ("utf-8", False), ("cp1250", False), ("utf-16", False)],
)
def test_encodings(editor_client, provider, encoding, bom):
    row = good_row(1, Title="Čarobni šolski vrt", Interests="Narava in okolje")
    response = upload(
        editor_client, csv_bytes([row], bom=bom, encoding=encoding), provider=provider
    )
    assert response.context["counts"]["create"] == 1
    assert response.context["rows"][0].page.title == "Čarobni šolski vrt"


def test_semicolon_separated_csv(editor_client, provider):
    text = "Title;Summary;Interests;Sessions;Mode;Latitude;Longitude;Address\n"
    text += "Vrt;Sadimo;Arts;2027-02-02 16:00-17:00;In person;46,05;14,5;Trubarjeva 1\n"
    response = upload(editor_client, text.encode(), provider=provider)
    assert response.context["counts"]["create"] == 1
