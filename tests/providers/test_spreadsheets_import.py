"""Importing a sheet through the admin: preview, import, update by external id, scope."""

import pytest
from django.urls import reverse

from tests.factories import make_provider
from tests.providers.language import slovenian_html
from tests.providers.spreadsheets_support import (
    csv_bytes,
    editor_of,
    good_row,
    staff_of,
    upload,
    xlsx_bytes,
)
from wagtail_cityoflearning.models import OpportunityPage
from wagtail_cityoflearning.providers.models import ProviderSettings, SheetUpload


def commit(client, response):
    token = response.context["upload"].token
    url = reverse("wagtail_cityoflearning_spreadsheets:commit", args=[token])
    return client.post(url, follow=True)


@pytest.fixture
def editor(city):
    return editor_of(city["site"])


def test_editor_imports_a_sheet_and_the_pages_go_live(client, city, provider, editor):
    client.force_login(editor)
    rows = [good_row(1), good_row(2, Interests="Glasba; Scienza e tecnologia")]
    response = upload(client, csv_bytes(rows), provider=provider)
    assert response.status_code == 200
    assert response.context["counts"] == {"create": 2, "update": 0, "unchanged": 0, "error": 0}
    assert not OpportunityPage.objects.exists()  # the preview saves nothing

    response = commit(client, response)
    created = slovenian_html(
        "%(created)s opportunity created", "%(created)s opportunities created", 2, created=2
    )
    assert created in response.content.decode()
    pages = OpportunityPage.objects.child_of(provider).order_by("external_id")
    assert [p.external_id for p in pages] == ["ext-1", "ext-2"]
    page = pages[0]
    assert page.live
    assert page.sessions.count() == 3
    assert {i.slug for i in page.interests.all()} == {"music", "science-technology"}
    # 16:00 in Ljubljana (winter, UTC+1)
    assert page.sessions.order_by("start").first().start.hour == 15
    assert (page.latitude, page.longitude) == (46.0514, 14.506)
    assert {i.slug for i in pages[1].interests.all()} == {"music", "science-technology"}


def test_interests_by_name_in_each_language_and_by_slug(client, city, provider, editor):
    client.force_login(editor)
    rows = [
        good_row(1, Interests="Umetnost"),
        good_row(2, Interests="Arte"),
        good_row(3, Interests="Arts"),
        good_row(4, Interests="ARTS"),
        good_row(5, Interests="Narava in okolje, sports"),
    ]
    commit(client, upload(client, csv_bytes(rows), provider=provider))
    pages = OpportunityPage.objects.order_by("external_id")
    assert [sorted(i.slug for i in p.interests.all()) for p in pages] == [
        ["arts"],
        ["arts"],
        ["arts"],
        ["arts"],
        ["nature-environment", "sports"],
    ]
    assert all(i.locale_id == provider.locale_id for p in pages for i in p.interests.all())


def test_reimporting_updates_by_external_id_and_unchanged_rows_make_no_revision(
    client, city, provider, editor
):
    client.force_login(editor)
    rows = [good_row(1), good_row(2)]
    commit(client, upload(client, csv_bytes(rows), provider=provider))
    first = OpportunityPage.objects.get(external_id="ext-1")
    revisions = first.revisions.count()

    rows[1]["Title"] = "Robotics for everyone"
    response = upload(client, csv_bytes(rows), provider=provider)
    assert response.context["counts"]["unchanged"] == 1
    assert response.context["counts"]["update"] == 1
    commit(client, response)
    assert OpportunityPage.objects.count() == 2
    assert OpportunityPage.objects.get(external_id="ext-2").title == "Robotics for everyone"
    assert first.revisions.count() == revisions


def test_xlsx_import(client, city, provider, editor):
    client.force_login(editor)
    response = upload(client, xlsx_bytes([good_row(1)]), name="sheet.xlsx", provider=provider)
    assert response.context["counts"]["create"] == 1
    commit(client, response)
    assert OpportunityPage.objects.get().title == "Robotics 1"


def test_weekly_repeat_columns(client, city, provider, editor):
    client.force_login(editor)
    row = good_row(
        1,
        Sessions="2027-02-02 16:00-17:30",
        **{
            "Repeats weekly on": "TU, th",
            "Repeats until": "2027-06-15",
            "Except on": "2027-04-06, 2027-04-08",
        },
    )
    commit(client, upload(client, csv_bytes([row]), provider=provider))
    session = OpportunityPage.objects.get().sessions.get()
    assert session.repeat == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270615T215959Z"
    assert session.repeat_except == ["2027-04-06", "2027-04-08"]


def test_registration_columns(client, city, provider, editor):
    client.force_login(editor)
    rows = [
        good_row(1, Capacity="12", **{"Registration on this site": "yes", "Waiting list": "no"}),
        good_row(2, Capacity="0", **{"Registration on this site": "yes"}),
    ]
    response = upload(client, csv_bytes(rows), provider=provider)
    errors = {(row.number, column) for row in response.context["rows"] for column in row.errors}
    assert {column for _number, column in errors} == {"capacity"}  # 0 places cannot register

    rows[1]["Capacity"] = ""  # no limit
    commit(client, upload(client, csv_bytes(rows), provider=provider))
    first, second = OpportunityPage.objects.child_of(provider).order_by("external_id")
    assert (first.takes_registrations, first.has_waiting_list, first.capacity) == (True, False, 12)
    assert (second.takes_registrations, second.capacity) == (True, None)


def test_provider_staff_import_into_their_own_provider_as_drafts(client, city, provider):
    other = make_provider(city)
    staff = staff_of(provider)
    client.force_login(staff)
    response = upload(client, csv_bytes([good_row(1)]), provider=other)
    assert response.status_code == 200
    assert "provider" in response.context["form"].errors  # not a choice for them
    response = upload(client, csv_bytes([good_row(1, Provider=other.title)]), provider=provider)
    assert response.context["error_list"][0]["key"] == "provider"

    response = upload(client, csv_bytes([good_row(1)]), provider=provider)
    commit(client, response)
    page = OpportunityPage.objects.get()
    assert page.get_parent().pk == provider.pk
    # The city reviews providers' edits (the default): a draft for the editors.
    assert not page.live
    assert page.revisions.count() == 1


def test_provider_staff_publish_when_the_city_does_not_review(client, city, provider):
    settings = ProviderSettings.for_site(city["site"])
    settings.review_provider_edits = False
    settings.save()
    client.force_login(staff_of(provider))
    commit(client, upload(client, csv_bytes([good_row(1)]), provider=provider))
    assert OpportunityPage.objects.get().live


def test_editor_names_the_provider_in_a_column(client, city, provider, editor):
    other = make_provider(city)
    client.force_login(editor)
    rows = [good_row(1, Provider=provider.title), good_row(2, Provider=other.slug)]
    commit(client, upload(client, csv_bytes(rows)))
    assert OpportunityPage.objects.get(external_id="ext-1").get_parent().pk == provider.pk
    assert OpportunityPage.objects.get(external_id="ext-2").get_parent().pk == other.pk


def test_the_same_external_id_in_another_provider_is_another_page(client, city, provider, editor):
    other = make_provider(city)
    client.force_login(editor)
    commit(client, upload(client, csv_bytes([good_row(1)]), provider=provider))
    response = upload(client, csv_bytes([good_row(1)]), provider=other)
    assert response.context["counts"]["create"] == 1
    commit(client, response)
    assert OpportunityPage.objects.filter(external_id="ext-1").count() == 2


def test_an_upload_is_its_uploaders_only(client, city, provider, editor):
    client.force_login(editor)
    response = upload(client, csv_bytes([good_row(1)]), provider=provider)
    token = response.context["upload"].token
    client.force_login(staff_of(provider))
    url = reverse("wagtail_cityoflearning_spreadsheets:preview", args=[token])
    assert client.get(url).status_code == 404
    assert client.post(url + "import/").status_code == 404
    assert not OpportunityPage.objects.exists()
    assert SheetUpload.objects.count() == 1


def test_someone_without_a_provider_cannot_import(client, city, django_user_model):
    user = django_user_model.objects.create_user("nobody", "n@example.org", "pw")
    client.force_login(user)
    response = client.get(reverse("wagtail_cityoflearning_spreadsheets:index"))
    assert response.status_code in (302, 403)
