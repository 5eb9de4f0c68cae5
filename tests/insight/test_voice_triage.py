"""The city editors' triage of suggestions in the admin: the list and its filters, forward
(with the provider staff's email), turn into an opportunity draft, decline, delete; and who
reaches what."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.insight import voice_world
from tests.insight.voice_world import HOST, suggestion
from tests.learners.conftest import make_learner
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.models import OpportunityPage

INDEX = reverse("cityoflearning_suggestions:index")


def sl(message: str) -> str:
    """``message`` as the admin of a Slovenian city shows it."""
    with translation.override("sl"):
        return translation.gettext(message)


def nothing_changed() -> str:  # noqa: N802
    """The end of the message when an action would change nothing, in the admin's language."""
    return escape(
        sl("This suggestion is already “%(status)s”: nothing was changed.").split(":")[-1]
    )


def triage_url(item):
    return reverse("cityoflearning_suggestions:triage", args=[item.pk])


@pytest.fixture
def world(db):
    return voice_world.build()


@pytest.fixture
def editor(client, world):
    client.force_login(world["users"]["city_editor"])
    return client


def test_the_list_shows_the_city_s_suggestions_newest_first(editor, world):
    suggestion(world["lj"], text="Older idea", created_on=dt.date(2026, 1, 5))
    suggestion(world["lj"], text="Newer idea", created_on=dt.date(2026, 4, 5))
    suggestion(world["ca"], text="Idea of Cagliari")
    response = editor.get(INDEX, **HOST)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Newer idea") < body.index("Older idea")
    assert "Idea of Cagliari" not in body


def test_the_list_filters_by_status_kind_interest_and_neighbourhood(editor, world):
    music = world["lj"]["interests"]["music"]
    suggestion(
        world["lj"], text="Band room", interest=music, where="neighbourhood", neighbourhood="Moste"
    )
    suggestion(world["lj"], text="Climbing wall", kind="place", status="declined")
    cases = {
        "status=declined": "Climbing wall",
        "kind=place": "Climbing wall",
        f"interest={music.pk}": "Band room",
        "neighbourhood=Moste": "Band room",
    }
    for query, shown in cases.items():
        body = editor.get(f"{INDEX}?{query}", **HOST).content.decode()
        hidden = "Band room" if shown == "Climbing wall" else "Climbing wall"
        assert shown in body and hidden not in body, query


def test_forwarding_emails_the_provider_s_staff_in_the_city_s_language(
    editor, world, mailoutbox, django_capture_on_commit_callbacks
):
    item = suggestion(world["lj"], text="Snemanje videov", where="anywhere")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            triage_url(item),
            {
                "action": "forward",
                "forward-provider": world["provider_a"].pk,
                "forward-message": "Bi lahko to ponudili poleti?",
            },
            **HOST,
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Suggestion.Status.FORWARDED
    assert item.provider_id == world["provider_a"].pk
    assert item.decided_by == world["users"]["city_editor"]
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["staff-a@example.org"]
    assert mail.subject.startswith("[Mesto učenja Ljubljana]")  # in Slovenian
    assert "Maker lab" in mail.subject
    assert "Snemanje videov" in mail.body
    assert "Bi lahko to ponudili poleti?" in mail.body
    assert f"http://localhost{triage_url(item)}" in mail.body
    assert mail.body.startswith("Pozdravljeni, piše vam Mesto učenja Ljubljana.")


def test_a_provider_of_another_city_cannot_be_chosen(editor, world, mailoutbox):
    item = suggestion(world["lj"])
    response = editor.post(
        triage_url(item),
        {"action": "forward", "forward-provider": world["provider_ca"].pk},
        **HOST,
    )
    assert response.status_code == 400
    assert "provider" in response.context["forms"]["forward"].errors
    item.refresh_from_db()
    assert item.status == Suggestion.Status.NEW
    assert not mailoutbox


def test_turning_into_a_draft_makes_an_opportunity_draft_and_opens_it(editor, world):
    music = world["lj"]["interests"]["music"]
    item = suggestion(
        world["lj"], text="Rada bi igrala v bendu po šoli.", interest=music, age_band="16-18"
    )
    response = editor.post(
        triage_url(item), {"action": "draft", "draft-provider": world["provider_a"].pk}, **HOST
    )
    page = OpportunityPage.objects.get(title="Rada bi igrala v bendu po šoli.")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.get_parent().pk == world["provider_a"].pk
    assert list(page.interests.all()) == [music]
    assert (page.age_min, page.age_max) == (16, 18)
    assert page.latest_revision is not None
    assert page.address == world["provider_a"].address
    item.refresh_from_db()
    assert item.status == Suggestion.Status.DRAFTED
    assert item.opportunity_id == page.pk
    assert editor.get(response["Location"], **HOST).status_code == 200


def test_a_suggestion_is_drafted_once_however_often_the_button_is_pressed(editor, world):
    music = world["lj"]["interests"]["music"]
    item = suggestion(world["lj"], text="Bend po šoli.", interest=music)
    draft = {"action": "draft", "draft-provider": world["provider_a"].pk}
    assert editor.post(triage_url(item), draft, **HOST).status_code == 302
    again = editor.post(triage_url(item), draft, **HOST)
    assert again.status_code == 400
    assert nothing_changed() in str(again.context["forms"]["draft"].non_field_errors())
    assert nothing_changed() in again.content.decode()
    assert OpportunityPage.objects.filter(title="Bend po šoli.").count() == 1
    declined = editor.post(triage_url(item), {"action": "decline"}, **HOST)
    assert declined.status_code == 400
    item.refresh_from_db()
    assert item.status == Suggestion.Status.DRAFTED


def test_forwarding_twice_to_the_same_provider_sends_one_email(
    editor, world, mailoutbox, django_capture_on_commit_callbacks
):
    item = suggestion(world["lj"])
    forward = {"action": "forward", "forward-provider": world["provider_a"].pk}
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(triage_url(item), forward, **HOST).status_code == 302
        again = editor.post(triage_url(item), forward, **HOST)
    assert again.status_code == 400
    assert (
        escape(
            sl("This suggestion was already forwarded to %(provider)s: nothing was changed.")
            % {"provider": "Maker lab"}
        )
        in again.content.decode()
    )
    assert len(mailoutbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        other = {"action": "forward", "forward-provider": world["provider_b"].pk}
        editor.post(triage_url(item), other, **HOST)  # another provider may get it
    item.refresh_from_db()
    assert item.provider_id == world["provider_b"].pk


def test_a_declined_suggestion_is_not_declined_again(editor, world):
    item = suggestion(world["lj"], status="declined")
    response = editor.post(triage_url(item), {"action": "decline"}, **HOST)
    assert response.status_code == 400
    assert nothing_changed() in response.content.decode()


def test_declining_keeps_a_note_for_the_city(editor, world):
    item = suggestion(world["lj"])
    response = editor.post(
        triage_url(item),
        {"action": "decline", "decline-note": "Already offered by the library."},
        **HOST,
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Suggestion.Status.DECLINED
    assert item.note == "Already offered by the library."
    page = editor.get(triage_url(item), **HOST).content.decode()
    assert "Already offered by the library." in page


def test_deleting_needs_the_box_ticked(editor, world):
    item = suggestion(world["lj"])
    editor.post(triage_url(item), {"action": "delete"}, **HOST)
    assert Suggestion.objects.filter(pk=item.pk).exists()
    response = editor.post(triage_url(item), {"action": "delete", "confirm": "1"}, **HOST)
    assert response.status_code == 302
    assert not Suggestion.objects.filter(pk=item.pk).exists()


def test_provider_staff_see_what_was_forwarded_to_them_read_only(client, world):
    forwarded = suggestion(
        world["lj"],
        text="For the maker lab",
        status="forwarded",
        provider=world["provider_a"],
        note="City's own note",
    )
    suggestion(world["lj"], text="Still new")
    suggestion(
        world["lj"], text="For the youth centre", status="forwarded", provider=world["provider_b"]
    )
    client.force_login(world["users"]["provider_staff"])
    body = client.get(INDEX, **HOST).content.decode()
    assert "For the maker lab" in body
    assert "Still new" not in body and "For the youth centre" not in body
    page = client.get(triage_url(forwarded), **HOST)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'id="forward-form"' not in text and "City's own note" not in text
    refused = client.post(triage_url(forwarded), {"action": "decline"}, **HOST)
    # Wagtail answers a refusal by sending back to the admin's home with a message.
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    forwarded.refresh_from_db()
    assert forwarded.status == Suggestion.Status.FORWARDED


@pytest.mark.parametrize("role", ["other_city_editor", "other_provider_staff"])
def test_others_cannot_see_or_handle_a_suggestion(client, world, role):
    item = suggestion(
        world["lj"], text="Ljubljana only", status="forwarded", provider=world["provider_a"]
    )
    client.force_login(world["users"][role])
    assert "Ljubljana only" not in client.get(INDEX, **HOST).content.decode()
    assert client.get(triage_url(item), **HOST).status_code == 404
    for action in ("forward", "draft", "decline"):
        response = client.post(
            triage_url(item),
            {"action": action, f"{action}-provider": world["provider_a"].pk},
            **HOST,
        )
        assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == Suggestion.Status.FORWARDED


def test_visitors_and_learners_do_not_reach_the_admin(client, world):
    item = suggestion(world["lj"])
    for url in (INDEX, triage_url(item)):
        response = client.get(url, **HOST)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(make_learner("maja@example.org", site=world["lj"]["site"]))
    for url in (INDEX, triage_url(item)):
        assert client.get(url, **HOST).status_code in (302, 403, 404)
    client.post(triage_url(item), {"action": "decline"}, **HOST)
    item.refresh_from_db()
    assert item.status == Suggestion.Status.NEW
