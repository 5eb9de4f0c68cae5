"""City editors decide on provider requests: who sees which, what approval creates (all of
it or nothing), and the emails the contact gets."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from tests.providers import onboarding_world
from tests.providers.language import slovenian_html
from tests.providers.onboarding_world import HOST
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.models import ProviderPage
from wagtail_cityoflearning.providers.onboarding import approval
from wagtail_cityoflearning.providers.onboarding.models import Invitation, ProviderRequest
from wagtail_cityoflearning.providers.settings import ProviderSettings
from wagtail_cityoflearning.providers.signals import provider_onboarded

INDEX = reverse("cityoflearning_provider_requests:index")


def decide_url(item):
    return reverse("cityoflearning_provider_requests:decide", args=[item.pk])


@pytest.fixture
def w(db):
    return onboarding_world.build()


def listed(client, user):
    client.force_login(user)
    response = client.get(INDEX, **HOST)
    assert response.status_code == 200
    return {row.organisation for row in response.context["object_list"]}


def test_city_editors_see_only_their_city_s_requests(client, w):
    assert listed(client, w["editor_lj"]) == {"Knjižnica Šiška"}
    assert listed(client, w["editor_ca"]) == {"Biblioteca di Cagliari"}
    assert listed(client, w["superuser"]) == {"Knjižnica Šiška", "Biblioteca di Cagliari"}
    assert listed(client, w["staff_a"]) == set()


@pytest.mark.parametrize("role", ["editor_ca", "staff_a", "staff_b"])
def test_a_request_of_another_city_cannot_be_opened_or_decided(client, w, role):
    client.force_login(w[role])
    url = decide_url(w["request_lj"])
    assert client.get(url, **HOST).status_code == 404
    assert client.post(url, {"decision": "approve"}, **HOST).status_code == 404
    assert ProviderRequest.objects.get(pk=w["request_lj"].pk).is_pending


def test_anonymous_visitors_are_sent_to_log_in(client, w):
    response = client.get(decide_url(w["request_lj"]), **HOST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_menu_shows_requests_to_city_editors_only(client, w):
    client.force_login(w["editor_lj"])
    assert INDEX in client.get(reverse("wagtailadmin_home"), **HOST).content.decode()
    client.force_login(w["staff_a"])
    assert INDEX not in client.get(reverse("wagtailadmin_home"), **HOST).content.decode()


def test_approval_creates_the_provider_in_one_step(client, w, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, provider, group, site, **kwargs):
        received.append((provider.pk, group.pk, site.pk))

    provider_onboarded.connect(receiver)
    try:
        client.force_login(w["editor_lj"])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                decide_url(w["request_lj"]),
                {"decision": "approve", "message": "Dobrodošli!"},
                **HOST,
            )
    finally:
        provider_onboarded.disconnect(receiver)
    assert response.status_code == 302
    item = ProviderRequest.objects.get(pk=w["request_lj"].pk)
    assert item.status == ProviderRequest.Status.APPROVED
    assert item.decided_by == w["editor_lj"]

    page = ProviderPage.objects.get(pk=item.provider_id)
    assert page.get_parent().specific == w["lj"]["index"]
    assert page.title == "Knjižnica Šiška"
    assert not page.live  # a draft by default
    assert page.address == "Trg komandanta Staneta 1, 1000 Ljubljana"
    assert (round(page.latitude, 3), round(page.longitude, 3)) == (46.068, 14.488)
    assert page.website == "https://knjiznica.example.org/"
    assert list(page.interests.all()) == [w["lj"]["interests"]["science-technology"]]
    assert page.short_description.startswith("Coding clubs for teenagers.")

    group = Group.objects.get(
        page_permissions__page=page, page_permissions__permission__codename="change_page"
    )
    assert set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
        # The city reviews providers' edits (the default): its staff submit, the city publishes.
    ) == {"add_page", "change_page"}
    collection = Collection.objects.get(name="Knjižnica Šiška")
    assert set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection_id", "permission__codename"
        )
    ) == {
        (collection.pk, codename)
        for codename in (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        )
    }
    issuer = Issuer.objects.get(provider=page)
    assert issuer.email == "mojca@knjiznica.example.org"
    assert received == [(page.pk, group.pk, w["lj"]["site"].pk)]

    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.provider_id, invitation.group) == (
        "mojca@knjiznica.example.org",
        page.pk,
        group,
    )
    # The decision and the invitation, in Slovenian, from the city.
    assert [message.to for message in mail.outbox] == [[item.email], [item.email]]
    decision, invite = mail.outbox
    assert decision.subject.startswith("[Mesto učenja Ljubljana]")
    assert "Dobrodošli!" in decision.body
    assert "Knjižnica Šiška" in invite.subject
    assert "http://localhost/join/invitation/" in invite.body
    assert "/join/invitation/" in invite.alternatives[0][0]


def test_a_city_can_publish_approved_providers_at_once(w):
    provider_settings = ProviderSettings.for_site(w["lj"]["site"])
    provider_settings.publish_new_providers = True
    provider_settings.save()
    page = approval.approve(w["request_lj"], user=w["editor_lj"])
    assert ProviderPage.objects.get(pk=page.pk).live


def test_a_failure_during_approval_leaves_nothing_behind(client, w):
    def failing_receiver(**kwargs):
        raise RuntimeError("the moderation room is down")

    before = {
        "pages": ProviderPage.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "issuers": Issuer.objects.count(),
    }
    provider_onboarded.connect(failing_receiver)
    try:
        with pytest.raises(RuntimeError):
            approval.approve(w["request_lj"], user=w["editor_lj"])
    finally:
        provider_onboarded.disconnect(failing_receiver)
    assert {
        "pages": ProviderPage.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "issuers": Issuer.objects.count(),
    } == before
    assert not Invitation.objects.exists()
    assert ProviderRequest.objects.get(pk=w["request_lj"].pk).is_pending
    assert not mail.outbox


def test_a_city_without_a_provider_index_gets_a_form_error(client, w):
    w["lj"]["index"].delete()
    client.force_login(w["editor_lj"])
    response = client.post(decide_url(w["request_lj"]), {"decision": "approve"}, **HOST)
    assert response.status_code == 200
    message = "This city has no page listing its providers: add a provider index page first."
    assert slovenian_html(message) in response.content.decode()
    assert ProviderRequest.objects.get(pk=w["request_lj"].pk).is_pending


def test_declining_emails_the_message_to_the_contact(client, w, django_capture_on_commit_callbacks):
    client.force_login(w["editor_ca"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            decide_url(w["request_ca"]),
            {"decision": "decline", "message": "Non offrite attività per giovani."},
            **HOST,
        )
    assert response.status_code == 302
    item = ProviderRequest.objects.get(pk=w["request_ca"].pk)
    assert item.status == ProviderRequest.Status.DECLINED
    assert not ProviderPage.objects.filter(title="Biblioteca di Cagliari").exists()
    (message,) = mail.outbox
    assert message.to == ["anna@biblioteca.example.org"]
    assert message.subject.startswith("[Cagliari Città dell'apprendimento]")
    assert "Non offrite attività per giovani." in message.body
    assert "Non offrite attività per giovani." in message.alternatives[0][0]


def test_declining_needs_a_message_and_a_decision_can_be_made_once(client, w):
    client.force_login(w["editor_lj"])
    url = decide_url(w["request_lj"])
    response = client.post(url, {"decision": "decline", "message": "  "}, **HOST)
    assert response.status_code == 200
    assert slovenian_html("Tell the organisation why you decline.") in response.content.decode()
    assert client.post(url, {"decision": "maybe"}, **HOST).status_code == 200
    assert ProviderRequest.objects.get(pk=w["request_lj"].pk).is_pending

    approval.decline(w["request_lj"], user=w["superuser"], message="No.")
    response = client.post(url, {"decision": "approve"}, follow=True, **HOST)
    decided = "This request has already been decided; nothing was changed."
    assert slovenian_html(decided) in response.content.decode()
    assert not ProviderPage.objects.filter(title="Knjižnica Šiška").exists()
    page = client.get(url, **HOST).content.decode()
    assert 'id="decision-form"' not in page and 'id="request-decided"' in page
