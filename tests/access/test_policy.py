"""The access policy where the matrix does not reach: Wagtail's choosers and bulk actions, the
forms that pick an issuer, the staff groups, and spreadsheet exports that cannot run formulas."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.access import world
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.bulk import CONSENT_MISSING
from wagtail_cityoflearning.badges.models import Award, BadgeClass, Issuer
from wagtail_cityoflearning.exports import neutralise_cell

HOST = {"HTTP_HOST": "localhost"}


@pytest.fixture
def w(db, media_root):
    return world.build()


def test_the_issuer_chooser_offers_only_the_users_issuers(client, w):
    client.force_login(w.users["other_provider_staff"])
    url = reverse("wagtailsnippetchoosers_wagtail_cityoflearning_badges_issuer:choose")
    html = client.get(url, **HOST).content.decode()
    assert "Youth centre" in html
    assert "Maker lab" not in html and "Cagliari" not in html
    chosen = reverse(
        "wagtailsnippetchoosers_wagtail_cityoflearning_badges_issuer:chosen", args=[w.issuer_a.pk]
    )
    assert client.get(chosen, **HOST).status_code == 404


def test_a_badge_cannot_be_given_another_providers_issuer(client, w):
    """The chooser only shows; the form refuses an issuer outside the user's scope."""
    client.force_login(w.users["other_provider_staff"])
    url = reverse("wagtailsnippets_wagtail_cityoflearning_badges_badgeclass:add")
    form = client.get(url, **HOST).context["form"]
    assert list(form.fields["issuer"].queryset.values_list("name", flat=True)) == ["Youth centre"]


def test_an_issuer_cannot_be_moved_to_another_provider_or_a_city(client, w):
    client.force_login(w.users["provider_staff"])
    url = reverse("wagtailsnippets_wagtail_cityoflearning_badges_issuer:edit", args=[w.issuer_a.pk])
    form = client.get(url, **HOST).context["form"]
    assert not form.fields["site"].queryset.exists()
    assert list(form.fields["provider"].queryset) == [w.provider_a.specific]


def test_bulk_delete_of_badges_skips_what_is_not_the_users(client, w):
    client.force_login(w.users["other_city_editor"])
    url = (
        reverse("wagtail_bulk_action", args=["wagtail_cityoflearning", "badgeclass", "delete"])
        + f"?id={w.badge_a.pk}"
    )
    client.post(url, **HOST)
    assert BadgeClass.objects.filter(pk=w.badge_a.pk).exists()


def test_revisions_of_another_providers_badge_are_not_found(client, w):
    client.force_login(w.users["other_provider_staff"])
    revision = w.badge_a.latest_revision
    url = reverse(
        "wagtailsnippets_wagtail_cityoflearning_badges_badgeclass:revisions_revert",
        args=[w.badge_a.pk, revision.pk],
    )
    assert client.get(url, **HOST).status_code == 404
    client.force_login(w.users["provider_staff"])
    assert client.get(url, **HOST).status_code == 200


def test_the_copy_of_an_award_does_not_exist(client, w):
    client.force_login(w.users["superuser"])
    response = client.get(f"/admin/awards/copy/{w.award_a.pk}/", **HOST)
    assert response.status_code == 404


def test_cityoflearning_roles_makes_a_group_per_city_and_provider_and_can_run_again(w):
    """Each group is named in its city's language, and running the command again adds none."""
    from django.contrib.auth.models import Group

    call_command("cityoflearning_roles", stdout=io.StringIO())
    before = Group.objects.count()
    call_command("cityoflearning_roles", stdout=io.StringIO())
    assert Group.objects.count() == before
    names = set(Group.objects.values_list("name", flat=True))
    expected = {"Uredniki mesta Ljubljana", "Redattori di Cagliari", "Osebje: Maker lab"}
    assert expected <= names, names
    assert "Osebje: Youth centre" in names


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2@example.org", "'=1+2@example.org"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("maja@example.org", "maja@example.org"),
        (3, 3),
    ],
)
def test_a_cell_that_would_be_a_formula_is_written_as_text(value, written):
    assert neutralise_cell(value) == written


def test_the_awards_csv_does_not_carry_a_claimants_formula(client, w):
    award(w.badge_a, "=1+2@example.org", source=Award.Source.CLAIM_CODE)
    client.force_login(w.users["provider_staff"])
    response = client.get(reverse("cityoflearning_awards:index") + "?export=csv", **HOST)
    text = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=1+2@example.org" in cells
    assert "=1+2@example.org" not in cells


def test_a_city_issuer_without_a_site_belongs_to_the_default_sites_editors(client, w):
    lost = Issuer.objects.create(name="Unplaced", url="https://e.org", email="u@example.org")

    assert badge_access.issuers(w.users["city_editor"]).filter(pk=lost.pk).exists()
    assert not badge_access.issuers(w.users["other_city_editor"]).filter(pk=lost.pk).exists()
    assert not badge_access.issuers(w.users["provider_staff"]).filter(pk=lost.pk).exists()
    assert not badge_access.issuers(w.users["learner"]).exists()


@pytest.mark.parametrize(
    ("url_name", "field"),
    [
        ("cityoflearning_awards:index", "badge_class"),
        ("cityoflearning_claim_codes:index", "badge_class"),
        ("wagtailsnippets_wagtail_cityoflearning_badges_badgeclass:list", "issuer"),
    ],
)
def test_list_filters_offer_only_the_users_badges_and_issuers(client, w, url_name, field):
    client.force_login(w.users["other_provider_staff"])
    filters = client.get(reverse(url_name), **HOST).context["filters"]
    names = {str(choice) for choice in filters.form.fields[field].queryset}
    assert names == ({"Youth"} if field == "badge_class" else {"Youth centre"})


def test_no_badge_is_awarded_in_the_admin_to_a_learner_awaiting_consent(client, w):
    """Ana (13, Ljubljana) waits for her guardian: neither one award nor a bulk award stores
    anything for her, and the editor is told why."""
    client.force_login(w.users["provider_staff"])
    response = client.post(
        reverse("cityoflearning_awards:add"),
        {"badge_class": w.badge_a.pk, "recipient_email": "ana@example.org", "narrative": ""},
        **HOST,
    )
    assert str(CONSENT_MISSING) in response.context["form"].errors["recipient_email"]
    response = client.post(
        reverse("cityoflearning_awards:bulk"),
        {"badge_class": w.badge_a.pk, "rows": "ana@example.org\nnew@example.org", "confirm": "1"},
        **HOST,
    )
    ana, new = response.context["rows"]
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        assert (ana.errors, new.errors) == ([str(CONSENT_MISSING)], [])
    assert not Award.objects.filter(recipient_email__in=["ana@example.org", "new@example.org"])
