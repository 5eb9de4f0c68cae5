"""Editors award, revoke, list and export badges in the Wagtail admin."""

import pytest
from django.core import mail
from django.urls import reverse

from wagtail_cityoflearning.badges.models import Award


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def test_editor_awards_a_badge_with_evidence(
    client, editor, badge_class, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cityoflearning_awards:add"),
            {
                "badge_class": badge_class.pk,
                "recipient_email": "maja@example.org",
                "narrative": "Built a lamp",
                "evidence_url": "https://example.org/lamp",
                "evidence_narrative": "Photos",
            },
        )
    assert response.status_code == 302
    instance = Award.objects.get()
    assert instance.awarded_by == editor
    assert instance.source == Award.Source.ADMIN
    assert instance.evidence.get().url == "https://example.org/lamp"
    assert instance.baking_state == Award.State.DONE
    assert len(mail.outbox) == 1


def test_bad_email_gets_a_form_error_and_nothing_is_saved(client, editor, badge_class):
    response = client.post(
        reverse("cityoflearning_awards:add"),
        {"badge_class": badge_class.pk, "recipient_email": "nope"},
    )
    assert response.status_code == 200
    assert "recipient_email" in response.context["form"].errors
    assert not Award.objects.exists()


def test_draft_badges_are_not_offered(client, editor, badge_class):
    badge_class.unpublish()
    response = client.post(
        reverse("cityoflearning_awards:add"),
        {"badge_class": badge_class.pk, "recipient_email": "a@example.org"},
    )
    assert "badge_class" in response.context["form"].errors


def test_editor_revokes_with_a_reason(client, editor, badge_class):
    from wagtail_cityoflearning.badges.awarding import award

    instance = award(badge_class, "a@example.org")
    url = reverse("cityoflearning_awards:edit", args=(instance.pk,))
    empty = client.post(url, {"revocation_reason": ""})
    assert empty.status_code == 200 and "revocation_reason" in empty.context["form"].errors
    assert client.post(url, {"revocation_reason": "Mistake"}).status_code == 302
    instance.refresh_from_db()
    assert instance.revoked and instance.revocation_reason == "Mistake"
    again = client.post(url, {"revocation_reason": "Twice"})
    assert again.status_code == 200
    instance.refresh_from_db()
    assert instance.revocation_reason == "Mistake"


def test_awards_are_listed_searched_and_exported(client, editor, badge_class):
    from wagtail_cityoflearning.badges.awarding import award

    award(badge_class, "maja@example.org")
    award(badge_class, "luka@example.org")
    listing = client.get(reverse("cityoflearning_awards:index"), {"q": "maja"})
    html = listing.content.decode()
    assert "maja@example.org" in html and "luka@example.org" not in html
    export = client.get(reverse("cityoflearning_awards:index"), {"export": "csv"})
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "maja@example.org" in body and "luka@example.org" in body


def test_bulk_award_previews_every_error_before_anything_is_saved(client, editor, badge_class):
    url = reverse("cityoflearning_awards:bulk")
    assert f'href="{url}"' in client.get(reverse("cityoflearning_awards:index")).content.decode()
    pasted = (
        "email,evidence,narrative\nmaja@example.org,https://example.org/m,Lamp\nnot-an-email,,\n"
    )
    preview = client.post(url, {"badge_class": badge_class.pk, "rows": pasted, "confirm": "1"})
    assert preview.status_code == 200
    html = preview.content.decode()
    rows = preview.context["rows"]
    assert [row.valid for row in rows] == [True, False]
    assert "not-an-email" in " ".join(rows[1].errors)  # the message names the bad address
    assert 'name="confirm"' not in html
    assert not Award.objects.exists()


def test_bulk_award_from_an_uploaded_csv_after_preview(
    client, editor, badge_class, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sheet = SimpleUploadedFile(
        "awards.csv", b"email,evidence,narrative\nmaja@example.org,,\nluka@example.org,,Well done\n"
    )
    url = reverse("cityoflearning_awards:bulk")
    preview = client.post(url, {"badge_class": badge_class.pk, "csv_file": sheet})
    assert preview.context["ready"] and len(preview.context["rows"]) == 2
    assert not Award.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            url,
            {"badge_class": badge_class.pk, "rows": preview.context["pasted"], "confirm": "1"},
        )
    assert done.status_code == 302
    assert sorted(Award.objects.values_list("recipient_email", flat=True)) == [
        "luka@example.org",
        "maja@example.org",
    ]
    assert set(Award.objects.values_list("source", flat=True)) == {Award.Source.BULK}
    assert len(mail.outbox) == 2


def test_bulk_award_without_recipients_is_a_form_error(client, editor, badge_class):
    response = client.post(
        reverse("cityoflearning_awards:bulk"), {"badge_class": badge_class.pk, "rows": " "}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_provider_staff_award_only_their_own_providers_badges(client, city, issuer, badge_class):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from tests.badges.conftest import make_badge_class
    from tests.factories import ProviderPageFactory
    from wagtail_cityoflearning.badges.awarding import award
    from wagtail_cityoflearning.badges.models import Issuer

    mine = ProviderPageFactory(parent=city["index"])
    theirs = ProviderPageFactory(parent=city["index"])
    staff = Group.objects.create(name="Youth centre staff")
    staff.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["add_award", "change_award", "view_award"]),
    )
    GroupPagePermission.objects.create(
        group=staff, page=mine, permission=Permission.objects.get(codename="change_page")
    )
    own_badge = make_badge_class(
        Issuer.objects.create(
            name="Mine", url="https://m.example.org", email="m@example.org", provider=mine
        ),
        slug="own",
    )
    other_badge = make_badge_class(
        Issuer.objects.create(
            name="Theirs", url="https://t.example.org", email="t@example.org", provider=theirs
        ),
        slug="other",
    )
    award(other_badge, "someone@example.org")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("worker", "w@example.org", "pw")
    user.groups.add(staff)
    client.force_login(user)
    form = client.get(reverse("cityoflearning_awards:add")).context["form"]
    assert set(form.fields["badge_class"].queryset) == {own_badge}  # not the city's, not theirs
    refused = client.post(
        reverse("cityoflearning_awards:add"),
        {"badge_class": other_badge.pk, "recipient_email": "x@example.org"},
    )
    assert "badge_class" in refused.context["form"].errors
    listing = client.get(reverse("cityoflearning_awards:index")).content.decode()
    assert "someone@example.org" not in listing
    other_award = Award.objects.get()
    assert (
        client.get(reverse("cityoflearning_awards:edit", args=(other_award.pk,))).status_code == 404
    )
