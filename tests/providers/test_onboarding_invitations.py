"""Invitations to a provider's staff (the link: new account, existing account, expired,
used, tampered) and the staff screen (invite, resend, cancel, remove)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.providers import onboarding_world
from tests.providers.onboarding_world import HOST, staff_user
from wagtail_cityoflearning.providers.onboarding import invitations
from wagtail_cityoflearning.providers.onboarding.models import Invitation

User = get_user_model()


@pytest.fixture
def w(db):
    return onboarding_world.build()


def can_edit(page, user) -> bool:
    """Asked afresh: Wagtail keeps a user's permissions on the user object."""
    return page.permissions_for_user(User.objects.get(pk=user.pk)).can_edit()


def link(token):
    return reverse("wagtail_cityoflearning_providers:invitation", args=[token])


def staff_url(provider):
    return reverse("cityoflearning_provider_staff:staff", args=[provider.pk])


def remove_url(provider, user):
    return reverse("cityoflearning_provider_staff:remove_member", args=[provider.pk, user.pk])


def invite(w, email="nina@example.org"):
    group = invitations.staff_group(w["provider_a"])
    return invitations.invite(email, w["provider_a"], group, invited_by=w["staff_a"], send=False)


NEW_ACCOUNT = {
    "first_name": "Nina",
    "last_name": "Zupan",
    "password1": "a long, unusual passphrase 42",
    "password2": "a long, unusual passphrase 42",
}


def test_a_new_person_sets_a_password_and_lands_in_the_admin(client, w):
    invitation, token = invite(w)
    page = client.get(link(token), **HOST)
    assert page.status_code == 200
    assert 'id="invitation-form"' in page.content.decode()
    response = client.post(link(token), NEW_ACCOUNT, **HOST)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[w["provider_a"].pk])
    user = User.objects.get(email="nina@example.org")
    assert user.get_full_name() == "Nina Zupan"
    assert user.check_password(NEW_ACCOUNT["password1"])
    assert invitation.group in user.groups.all()
    assert can_edit(w["provider_a"], user)
    assert not can_edit(w["provider_b"], user)
    # Signed in: the admin opens.
    assert client.get(reverse("wagtailadmin_home"), **HOST).status_code == 200
    # The link worked once.
    client.logout()
    again = client.get(link(token), **HOST)
    assert again.status_code == 410
    assert 'id="invitation-problem"' in again.content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password2": "something else entirely 42"}, "password2"),
        ({"password1": "123", "password2": "123"}, "password1"),
        # Too like the person's own name or address (the site's validators).
        ({"password1": "ninazupan", "password2": "ninazupan"}, "password1"),
        ({"first_name": ""}, "first_name"),
    ],
)
def test_a_weak_or_mistyped_password_gets_a_form_error(client, w, changes, field):
    _invitation, token = invite(w)
    response = client.post(link(token), {**NEW_ACCOUNT, **changes}, **HOST)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not User.objects.filter(email="nina@example.org").exists()


def test_an_expired_link_is_refused(client, w):
    invitation, token = invite(w)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires=timezone.now() - dt.timedelta(minutes=1)
    )
    for response in (
        client.get(link(token), **HOST),
        client.post(link(token), NEW_ACCOUNT, **HOST),
    ):
        assert response.status_code == 410
    assert not User.objects.filter(email="nina@example.org").exists()


def test_the_expiry_follows_the_setting(w, settings):
    settings.WAGTAIL_CITYOFLEARNING = {"PROVIDER_INVITATION_DAYS": 3}
    invitation, _token = invite(w)
    assert invitation.expires - invitation.created == dt.timedelta(days=3)


@pytest.mark.parametrize("tamper", [lambda t: t[:-1], lambda t: t[:-2] + "xx", lambda t: "x"])
def test_a_tampered_link_is_refused(client, w, tamper):
    _invitation, token = invite(w)
    response = client.post(link(tamper(token)), NEW_ACCOUNT, **HOST)
    assert response.status_code == 404
    assert 'id="invitation-problem"' in response.content.decode()
    assert not User.objects.filter(email="nina@example.org").exists()


def test_an_existing_account_signs_in_first_then_joins(client, w):
    luka = staff_user("luka", email="luka@example.org")
    _invitation, token = invite(w, "Luka@Example.org")
    page = client.get(link(token), **HOST)
    assert 'id="invitation-sign-in"' in page.content.decode()
    assert client.post(link(token), NEW_ACCOUNT, **HOST).status_code == 200
    assert User.objects.filter(email__iexact="luka@example.org").count() == 1  # none made
    client.force_login(luka)
    assert 'id="invitation-join"' in client.get(link(token), **HOST).content.decode()
    response = client.post(link(token), **HOST)
    assert response.status_code == 302
    assert can_edit(w["provider_a"], luka)


def test_someone_signed_in_with_another_account_cannot_use_the_link(client, w):
    _invitation, token = invite(w)
    client.force_login(w["staff_b"])
    assert client.post(link(token), **HOST).status_code == 403
    assert not can_edit(w["provider_a"], w["staff_b"])


# -- the staff screen ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("staff_a", 200),
        ("editor_lj", 200),
        ("superuser", 200),
        ("staff_b", 404),
        ("editor_ca", 404),
    ],
)
def test_the_staff_screen_is_for_the_provider_s_staff_and_city(client, w, role, status):
    client.force_login(w[role])
    response = client.get(staff_url(w["provider_a"]), **HOST)
    assert response.status_code == status
    if status == 200:
        assert "staff-a@example.org" in response.content.decode()


def test_the_staff_list_names_only_one_s_own_providers(client, w):
    client.force_login(w["staff_a"])
    response = client.get(reverse("cityoflearning_provider_staff:index"), **HOST)
    assert [page.title for page in response.context["object_list"]] == ["Maker lab"]
    client.force_login(w["editor_lj"])
    response = client.get(reverse("cityoflearning_provider_staff:index"), **HOST)
    assert {page.title for page in response.context["object_list"]} == {"Maker lab", "Youth centre"}


def test_staff_invite_a_colleague(client, w, django_capture_on_commit_callbacks):
    client.force_login(w["staff_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(staff_url(w["provider_a"]), {"email": "marko@example.org"}, **HOST)
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="marko@example.org")
    assert invitation.invited_by == w["staff_a"]
    assert invitation.provider_id == w["provider_a"].pk
    (message,) = mail.outbox
    assert message.to == ["marko@example.org"]
    assert "Maker lab" in message.subject
    token = message.body.split("/join/invitation/")[1].split("/")[0]
    assert client.get(link(token), **HOST).status_code == 403  # signed in as staff A
    client.logout()
    assert client.get(link(token), **HOST).status_code == 200


def test_inviting_a_member_or_a_bad_address_gets_a_form_error(client, w):
    client.force_login(w["staff_a"])
    for email in ("staff-a@example.org", "not an address"):
        response = client.post(staff_url(w["provider_a"]), {"email": email}, **HOST)
        assert response.status_code == 400
        assert response.context["form"].errors["email"]
    assert not Invitation.objects.exists()


def test_resending_replaces_the_link_and_cancelling_kills_it(client, w):
    invitation, old_token = invite(w)
    client.force_login(w["staff_a"])
    url = staff_url(w["provider_a"])
    client.post(url, {"action": "resend", "invitation": invitation.pk}, **HOST)
    (message,) = mail.outbox
    new_token = message.body.split("/join/invitation/")[1].split("/")[0]
    client.logout()
    assert client.get(link(old_token), **HOST).status_code == 404
    assert client.get(link(new_token), **HOST).status_code == 200
    client.force_login(w["staff_a"])
    client.post(url, {"action": "cancel", "invitation": invitation.pk}, **HOST)
    client.logout()
    assert client.get(link(new_token), **HOST).status_code == 404


def test_staff_of_another_provider_cannot_touch_its_invitations(client, w):
    invitation, _token = invite(w)
    client.force_login(w["staff_b"])
    response = client.post(
        staff_url(w["provider_a"]), {"action": "cancel", "invitation": invitation.pk}, **HOST
    )
    assert response.status_code == 404
    # Nor through their own provider's screen.
    client.post(
        staff_url(w["provider_b"]), {"action": "cancel", "invitation": invitation.pk}, **HOST
    )
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_removing_a_colleague_asks_first(client, w):
    colleague = staff_user("marko", invitations.staff_group(w["provider_a"]))
    client.force_login(w["staff_a"])
    url = remove_url(w["provider_a"], colleague)
    page = client.get(url, **HOST)
    assert page.status_code == 200
    assert 'id="remove-last-warning"' not in page.content.decode()
    assert can_edit(w["provider_a"], colleague)  # asking removes nobody
    response = client.post(url, **HOST)
    assert response.status_code == 302
    assert not can_edit(w["provider_a"], colleague)
    assert User.objects.filter(pk=colleague.pk).exists()  # the account stays


def test_nobody_removes_themselves_by_accident(client, w):
    client.force_login(w["staff_a"])
    url = remove_url(w["provider_a"], w["staff_a"])
    page = client.get(url, **HOST).content.decode()
    assert 'id="remove-self-warning"' in page
    assert 'id="remove-last-warning"' in page  # and the last one
    response = client.post(url, **HOST)
    assert response.status_code == 400
    assert can_edit(w["provider_a"], w["staff_a"])
    response = client.post(url, {"confirm_self": "1"}, **HOST)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not can_edit(w["provider_a"], w["staff_a"])


def test_only_members_of_the_provider_can_be_removed_and_only_by_its_staff(client, w):
    client.force_login(w["staff_a"])
    assert client.get(remove_url(w["provider_a"], w["staff_b"]), **HOST).status_code == 404
    client.force_login(w["staff_b"])
    assert client.post(remove_url(w["provider_a"], w["staff_a"]), **HOST).status_code == 404
    assert can_edit(w["provider_a"], w["staff_a"])
