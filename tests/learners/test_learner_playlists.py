"""Playlists young people make: composing them, keeping them private or sharing them by link,
and sending them to the city's editors as a draft page in a workflow."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from tests.factories import make_opportunity
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage

NS = "wagtail_cityoflearning_learners"


def url(name, *args):
    return reverse(f"{NS}:{name}", args=args)


def message_levels(response):
    return [m.level_tag for m in get_messages(response.wsgi_request)]


@pytest.fixture
def own_playlist(learner, city):
    return LearnerPlaylist.objects.create(
        owner=learner, site=city["site"], title="Code your way", description="For beginners."
    )


def step_titles(playlist):
    return [
        s.opportunity.title if s.opportunity_id else s.title
        for s in LearnerPlaylistStep.objects.filter(playlist=playlist).order_by("sort_order")
    ]


def edit(client, playlist, action, **data):
    return client.post(url("playlist_edit", playlist.pk), {"action": action, **data})


# -- composing ------------------------------------------------------------------------------------


def test_a_new_playlist_is_private_and_belongs_to_its_maker(client, learner, city):
    client.force_login(learner)
    assert client.get(url("playlist_create")).status_code == 200

    response = client.post(url("playlist_create"), {"title": "Weekend makers", "description": ""})

    playlist = LearnerPlaylist.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("playlist_edit", playlist.pk)
    assert (playlist.owner, playlist.site, playlist.shared) == (learner, city["site"], False)
    listed = client.get(url("playlists")).context["playlists"]
    assert [p.pk for p in listed] == [playlist.pk]


def test_a_playlist_needs_a_title(client, learner):
    client.force_login(learner)
    response = client.post(url("playlist_create"), {"title": "", "description": "Lost?"})

    assert response.status_code == 200
    assert not LearnerPlaylist.objects.exists()
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and 'id="id_title_error"' in html
    assert "Lost?" in html  # what was typed is kept


def test_steps_are_added_reordered_and_removed(client, learner, own_playlist, opportunity):
    client.force_login(learner)
    edit(client, own_playlist, "add_opportunity", **{"opportunity-opportunity": opportunity.pk})
    edit(client, own_playlist, "add_step", **{"step-title": "Read a tutorial"})
    response = edit(
        client,
        own_playlist,
        "add_step",
        **{"step-title": "Build a game", "step-description": "Use Scratch."},
    )
    assert response.status_code == 302
    assert step_titles(own_playlist) == [opportunity.title, "Read a tutorial", "Build a game"]

    last = LearnerPlaylistStep.objects.get(title="Build a game")
    edit(client, own_playlist, "move_up", step=last.pk)
    assert step_titles(own_playlist) == [opportunity.title, "Build a game", "Read a tutorial"]
    first = LearnerPlaylistStep.objects.get(opportunity=opportunity)
    edit(client, own_playlist, "move_down", step=first.pk)
    assert step_titles(own_playlist) == ["Build a game", opportunity.title, "Read a tutorial"]
    edit(
        client,
        own_playlist,
        "move_up",
        step=LearnerPlaylistStep.objects.get(title="Build a game").pk,
    )
    assert step_titles(own_playlist)[0] == "Build a game"  # already first: nothing moves

    edit(client, own_playlist, "remove", step=first.pk)
    assert step_titles(own_playlist) == ["Build a game", "Read a tutorial"]

    page = client.get(url("playlist_edit", own_playlist.pk))
    html = page.content.decode()
    steps = html[html.index('id="steps"') :]
    assert steps.index("Build a game") < steps.index("Read a tutorial")
    assert 'name="action" value="move_up"' in html and 'name="action" value="remove"' in html


@pytest.mark.parametrize("step", ["²", "", "1.0", "one"])
def test_a_step_that_is_no_id_is_a_bad_request(client, learner, own_playlist, step):
    LearnerPlaylistStep.objects.create(playlist=own_playlist, title="Read", sort_order=0)
    client.force_login(learner)
    for action in ("move_up", "move_down", "remove"):
        assert edit(client, own_playlist, action, step=step).status_code == 400
    assert step_titles(own_playlist) == ["Read"]


def test_only_live_opportunities_of_the_city_can_be_added(
    client, learner, own_playlist, provider, opportunity
):
    draft = make_opportunity(provider, [], publish=False, title="Not yet announced")
    client.force_login(learner)

    page = client.get(url("playlist_edit", own_playlist.pk))
    assert list(page.context["opportunity_form"].fields["opportunity"].queryset) == [opportunity]
    response = edit(
        client, own_playlist, "add_opportunity", **{"opportunity-opportunity": draft.pk}
    )

    assert response.status_code == 200
    assert response.context["opportunity_form"].errors
    assert not LearnerPlaylistStep.objects.exists()


def test_searching_narrows_the_opportunities(client, learner, own_playlist, provider, opportunity):
    make_opportunity(provider, [], title="Choir for beginners")
    client.force_login(learner)

    response = client.get(url("playlist_edit", own_playlist.pk), {"q": "choir"})

    choices = response.context["opportunity_form"].fields["opportunity"].queryset
    assert [o.title for o in choices] == ["Choir for beginners"]


def test_an_own_step_needs_a_title_and_keeps_what_was_typed(client, learner, own_playlist):
    client.force_login(learner)
    response = edit(client, own_playlist, "add_step", **{"step-description": "Some tips"})

    assert response.status_code == 200
    assert "title" in response.context["step_form"].errors
    assert "Some tips" in response.content.decode()
    assert not LearnerPlaylistStep.objects.exists()


def test_an_unknown_action_is_a_bad_request(client, learner, own_playlist):
    client.force_login(learner)
    assert edit(client, own_playlist, "explode").status_code == 400


# -- privacy ------------------------------------------------------------------------------------


def test_private_until_shared(client, learner, other_learner, own_playlist):
    shared_url = url("playlist_shared", own_playlist.share_token)
    assert client.get(shared_url).status_code == 404
    client.force_login(other_learner)
    assert client.get(shared_url).status_code == 404
    client.force_login(learner)
    assert client.get(shared_url).status_code == 200  # the owner always sees it

    edit(client, own_playlist, "details", title="Code your way", description="", shared="on")
    own_playlist.refresh_from_db()
    assert own_playlist.shared

    client.logout()
    response = client.get(shared_url)
    assert response.status_code == 200
    assert "Code your way" in response.content.decode()
    client.force_login(other_learner)
    assert client.get(shared_url).status_code == 200


def test_a_shared_playlist_names_only_opportunities_still_listed(
    client, city, provider, composed, opportunity
):
    composed.shared = True
    composed.save()
    withdrawn = make_opportunity(provider, [], title="Secret workshop plans")
    LearnerPlaylistStep.objects.create(playlist=composed, opportunity=withdrawn, sort_order=2)
    withdrawn.unpublish()
    shared_url = url("playlist_shared", composed.share_token)

    html = client.get(shared_url).content.decode()
    assert f'href="{opportunity.url}">{opportunity.title}</a>' in html
    assert "Secret workshop plans" not in html
    assert withdrawn.url_path not in html
    with translation.override("sl"):
        assert translation.gettext("An opportunity that is no longer listed") in html


def test_another_learner_cannot_touch_the_playlist(client, other_learner, own_playlist):
    client.force_login(other_learner)
    assert client.get(url("playlist_edit", own_playlist.pk)).status_code == 404
    assert edit(client, own_playlist, "details", title="Mine now").status_code == 404
    assert client.post(url("playlist_delete", own_playlist.pk)).status_code == 404
    assert client.post(url("playlist_submit", own_playlist.pk)).status_code == 404
    own_playlist.refresh_from_db()
    assert own_playlist.title == "Code your way" and own_playlist.submitted_at is None


def test_anonymous_visitors_are_asked_to_log_in(client, own_playlist):
    for name, args in [
        ("playlists", ()),
        ("playlist_create", ()),
        ("playlist_edit", (own_playlist.pk,)),
    ]:
        response = client.get(url(name, *args))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_deleting_asks_first(client, learner, own_playlist):
    client.force_login(learner)
    assert client.get(url("playlist_delete", own_playlist.pk)).status_code == 200
    assert LearnerPlaylist.objects.exists()

    response = client.post(url("playlist_delete", own_playlist.pk))

    assert response["Location"] == url("playlists")
    assert not LearnerPlaylist.objects.exists()


# -- submitting for publishing ----------------------------------------------------------------------


@pytest.fixture
def composed(own_playlist, opportunity):
    LearnerPlaylistStep.objects.create(playlist=own_playlist, opportunity=opportunity, sort_order=0)
    LearnerPlaylistStep.objects.create(
        playlist=own_playlist,
        title="Make a poster",
        description="Draw <what> you learnt.",
        sort_order=1,
    )
    return own_playlist


def test_submitting_creates_a_draft_page_in_the_editors_workflow(
    client, learner, composed, playlist_index, opportunity, editor
):
    client.force_login(learner)
    response = client.post(url("playlist_submit", composed.pk))

    assert response.status_code == 302
    assert message_levels(response) == ["success"]
    page = PlaylistPage.objects.get()
    assert page.get_parent().pk == playlist_index.pk
    assert not page.live and page.owner is None
    assert page.title == "Code your way"
    assert [(s.kind, s.title) for s in page.step_list] == [
        ("opportunity", opportunity.title),
        ("activity", "Make a poster"),
    ]
    assert page.step_list[0].opportunity.pk == opportunity.pk
    assert page.step_list[1].evidence == "text"
    assert "Draw &lt;what&gt; you learnt." in page.step_list[1].value["instructions"].source

    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "approve" in [
        name for name, *_ in state.current_task_state.task.specific.get_actions(page, editor)
    ]
    composed.refresh_from_db()
    assert composed.submitted_page_id == page.pk and composed.submitted_at is not None


def test_editing_after_submitting_leaves_the_page_alone(client, learner, composed, playlist_index):
    client.force_login(learner)
    client.post(url("playlist_submit", composed.pk))
    edit(client, composed, "details", title="Renamed", description="")
    edit(client, composed, "add_step", **{"step-title": "One more"})

    page = PlaylistPage.objects.get()
    assert page.title == "Code your way" and len(page.step_list) == 2
    composed.refresh_from_db()
    assert composed.title == "Renamed"


def test_submitting_twice_gives_a_message_and_one_page(client, learner, composed, playlist_index):
    client.force_login(learner)
    client.post(url("playlist_submit", composed.pk), follow=True)  # its message is shown
    response = client.post(url("playlist_submit", composed.pk))

    assert response.status_code == 302
    assert message_levels(response) == ["info"]
    assert PlaylistPage.objects.count() == 1


def test_submitting_is_a_post(client, learner, composed, playlist_index):
    client.force_login(learner)
    assert client.get(url("playlist_submit", composed.pk)).status_code == 405
    assert not PlaylistPage.objects.exists()


def test_a_playlist_without_steps_is_not_submitted(client, learner, own_playlist, playlist_index):
    client.force_login(learner)
    response = client.post(url("playlist_submit", own_playlist.pk))

    assert message_levels(response) == ["error"]
    assert not PlaylistPage.objects.exists()


def test_a_city_without_a_playlist_index_answers_404_and_keeps_the_playlist(
    client, learner, composed
):
    client.force_login(learner)
    response = client.post(url("playlist_submit", composed.pk))

    assert response.status_code == 404
    assert response.context["playlist"] == composed
    composed.refresh_from_db()
    assert composed.submitted_at is None


# -- consent --------------------------------------------------------------------------------------


def test_a_learner_waiting_for_consent_sees_why_and_cannot_make_playlists(
    client, learner, composed, playlist_index
):
    LearnerProfile.objects.filter(user=learner).update(
        consent=LearnerProfile.Consent.PENDING, guardian_email="parent@example.org"
    )
    client.force_login(learner)

    response = client.get(url("playlist_create"))
    assert response.status_code == 403
    assert 'id="consent-notice"' in response.content.decode()
    assert client.post(url("playlist_create"), {"title": "New"}).status_code == 403
    assert edit(client, composed, "add_step", **{"step-title": "More"}).status_code == 403
    assert client.post(url("playlist_submit", composed.pk)).status_code == 403

    assert LearnerPlaylist.objects.count() == 1
    assert LearnerPlaylistStep.objects.count() == 2
    assert not PlaylistPage.objects.exists()
    listing = client.get(url("playlists")).content.decode()
    assert 'id="consent-notice"' in listing
    assert url("playlist_create") not in listing
