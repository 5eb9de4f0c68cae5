"""Playlists in the admin and on the public site: editors and providers build them with clear
errors, anyone can read their steps, and a signed-in learner sees their own progress."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from example_site.home.models import HomePage
from tests.learners.conftest import make_playlist
from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage, PlaylistPage
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.models import ProviderPage


def playlist_form_data(opportunity, step_badge, other_badge, interests=(), **overrides):
    """The admin form of a playlist: a required opportunity, a required activity with its own
    badge and an optional badge step."""
    data = {
        "title": "Into coding",
        "slug": "into-coding",
        "intro": rich_text("<p>From zero to your first app.</p>"),
        "age_min": "13",
        "age_max": "19",
        "effort_hours": "6",
        "steps": streamfield(
            [
                ("opportunity", {"opportunity": opportunity.pk, "note": "", "required": "on"}),
                (
                    "activity",
                    {
                        "title": "Plan your app",
                        "instructions": rich_text("<p>Describe your app.</p>"),
                        "evidence": "text",
                        "required": "on",
                        "badge": step_badge.pk,
                    },
                ),
                ("badge", {"badge": other_badge.pk, "note": "Join the club", "required": ""}),
            ]
        ),
        "min_optional_steps": "1",
        "completion_badge": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return {**nested_form_data(data), "interests": [i.pk for i in interests]}


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=("wagtail_cityoflearning_learners", "playlistpage", parent.pk),
    )


# -- the admin -----------------------------------------------------------------------------------


class TestPlaylistTree(WagtailPageTestCase):
    def test_playlists_live_under_the_playlist_index_or_a_provider(self):
        self.assertAllowedParentPageTypes(PlaylistPage, {PlaylistIndexPage, ProviderPage})
        self.assertAllowedSubpageTypes(PlaylistPage, set())

    def test_a_playlist_cannot_go_straight_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, PlaylistPage)
        self.assertCanCreateAt(HomePage, PlaylistIndexPage)
        self.assertCanCreateAt(ProviderPage, PlaylistPage)


def test_editor_creates_and_publishes_a_playlist(
    client, editor, city, playlist_index, opportunity, step_badge, other_badge, completion_badge
):
    client.force_login(editor)
    interests = [city["interests"]["digital-skills"]]
    data = playlist_form_data(
        opportunity, step_badge, other_badge, interests, completion_badge=completion_badge.pk
    )
    response = client.post(add_url(playlist_index), data)
    assert response.status_code == 302, response.context["form"].errors
    page = PlaylistPage.objects.get(slug="into-coding")
    assert page.live
    assert [step.kind for step in page.step_list] == ["opportunity", "activity", "badge"]
    assert [step.required for step in page.step_list] == [True, True, False]
    assert page.step_list[1].badge == step_badge
    assert page.steps_needed == 3
    assert page.completion_badge == completion_badge
    assert list(page.interests.all()) == interests


def test_provider_staff_create_a_playlist_under_their_provider(
    client, provider, provider_staff, opportunity, step_badge, other_badge
):
    client.force_login(provider_staff)
    response = client.post(
        add_url(provider), playlist_form_data(opportunity, step_badge, other_badge)
    )
    assert response.status_code == 302
    assert PlaylistPage.objects.child_of(provider).get().title == "Into coding"


def in_language(message, language):
    with translation.override(language):
        return message()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"min_optional_steps": "2"},
            "min_optional_steps",
            lambda: (
                ngettext(
                    "The playlist has only %(count)d optional step; ask for that many or fewer.",
                    "The playlist has only %(count)d optional steps; ask for that many or fewer.",
                    1,
                )
                % {"count": 1}
            ),
        ),
        (
            {"age_min": "19", "age_max": "13"},
            "age_max",
            lambda: gettext("The maximum age must not be below the minimum age."),
        ),
    ],
)
def test_invalid_playlist_gets_a_field_error_and_nothing_is_saved(
    client, editor, playlist_index, opportunity, step_badge, other_badge, overrides, field, message
):
    client.force_login(editor)
    data = playlist_form_data(opportunity, step_badge, other_badge, **overrides)
    response = client.post(add_url(playlist_index), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    shown = " ".join(errors[field])
    # In the editor's language (English here) or the site's (Slovenian): never untranslated.
    assert any(in_language(message, language) in shown for language in ("en", "sl")), errors
    assert not PlaylistPage.objects.exists()


def test_an_unpublished_completion_badge_is_refused(
    client, editor, playlist_index, opportunity, step_badge, other_badge, completion_badge
):
    completion_badge.unpublish()
    client.force_login(editor)
    data = playlist_form_data(
        opportunity, step_badge, other_badge, completion_badge=completion_badge.pk
    )
    response = client.post(add_url(playlist_index), data)
    assert response.status_code == 200
    assert "Publish this badge first" in " ".join(
        response.context["form"].errors["completion_badge"]
    )
    assert not PlaylistPage.objects.exists()


# -- the public pages ----------------------------------------------------------------------------


def test_the_index_lists_its_live_playlists_as_cards(client, playlist_index, playlist):
    make_playlist(
        playlist_index, playlist.steps.raw_data, title="Draft only", publish=False, live=False
    )
    response = client.get(playlist_index.url)
    assert response.status_code == 200
    assert list(response.context["playlists"]) == [playlist]
    html = response.content.decode()
    assert f'data-playlist-id="{playlist.pk}"' in html
    assert f"/badges/classes/{playlist.completion_badge.uuid}/image/" in html
    assert "Draft only" not in html


def test_a_card_shows_the_intro_as_text_with_its_apostrophes(client, playlist_index, playlist):
    playlist.intro = "<p>Un anno all&#x27;estero, <b>insieme</b>.</p>"
    playlist.save_revision().publish()
    html = client.get(playlist_index.url).content.decode()
    assert "Un anno all&#x27;estero, insieme." in html  # an apostrophe, escaped once
    assert "&amp;#x27;" not in html


def test_the_city_index_also_lists_playlists_kept_by_providers(
    client, city, playlist_index, playlist, provider
):
    from tests.factories import make_city

    providers_own = make_playlist(provider, playlist.steps.raw_data, title="Maker path")
    elsewhere = make_city(hostname="cagliari.localhost", language="it", is_default=False)
    other_index = PlaylistIndexPage(title="Percorsi", slug="percorsi")
    elsewhere["home"].add_child(instance=other_index)
    make_playlist(other_index, playlist.steps.raw_data, title="Altro percorso")
    response = client.get(playlist_index.url)
    assert list(response.context["playlists"]) == [playlist, providers_own]  # A to Z, one city


def test_anyone_can_read_the_steps_and_what_each_asks(client, playlist, opportunity, step_badge):
    response = client.get(playlist.url)
    assert response.status_code == 200
    html = response.content.decode()
    for step in playlist.step_list:
        assert f'id="step-{step.id}"' in html
        assert step.title in html
    assert opportunity.url in html  # the opportunity step links to the opportunity
    assert f"/badges/classes/{step_badge.uuid}/image/" in html  # the activity's own badge
    assert f"/badges/classes/{playlist.completion_badge.uuid}/image/" in html
    assert "data-step-status" not in html  # nobody's progress
    assert 'id="start-button"' not in html
    assert f"{reverse('account_login')}?next={playlist.url}" in html


def test_playlist_under_a_provider_is_public_too(client, provider, opportunity):
    page = make_playlist(
        provider, [("opportunity", {"opportunity": opportunity, "required": True})], title="Ours"
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.context["step_states"][0].step.opportunity == opportunity


def test_a_learner_sees_their_progress_and_where_to_continue(
    client, learner, enrolment, playlist, opportunity
):
    opportunity_step, plan_step, photo_step, badge_step = playlist.step_list
    Attendance.objects.create(opportunity=opportunity, user=learner)
    StepProgress.objects.create(
        enrolment=enrolment,
        step_id=photo_step.id,
        status=StepProgress.Status.CHANGES_REQUESTED,
        feedback="The photo is too dark.",
    )
    client.force_login(learner)
    response = client.get(playlist.url)
    html = response.content.decode()
    assert response.context["progress"].counted == 1
    assert f'data-step-id="{opportunity_step.id}" data-step-status="done"' in html
    assert f'data-step-id="{plan_step.id}" data-step-status="not_started"' in html
    assert f'data-step-id="{photo_step.id}" data-step-status="changes_requested"' in html
    assert "The photo is too dark." in html
    assert '<progress class="col-progress__bar" max="3" value="1"' in html
    continue_url = playlist.url + playlist.reverse_subpage("step", kwargs={"step_id": plan_step.id})
    assert f'id="continue-link" href="{continue_url}"' in html
    assert 'data-playlist-state="started"' in html
    assert 'id="start-button"' not in html


def test_in_order_steps_show_as_locked(client, learner, enrolment, playlist):
    PlaylistPage.objects.filter(pk=playlist.pk).update(in_order=True)
    client.force_login(learner)
    html = client.get(playlist.url).content.decode()
    second = playlist.step_list[1]
    assert f'data-step-id="{second.id}" data-step-status="locked"' in html


def test_a_learner_never_sees_another_learners_progress(
    client, other_learner, enrolment, playlist, learner, opportunity
):
    Attendance.objects.create(opportunity=opportunity, user=learner)
    client.force_login(other_learner)
    html = client.get(playlist.url).content.decode()
    assert "data-step-status" not in html
    assert 'data-playlist-state="none"' in html
    assert 'id="start-button"' in html


def test_a_saved_playlist_says_so_and_is_not_started(client, learner, playlist):
    PlaylistEnrolment.objects.create(user=learner, playlist=playlist, saved_at=timezone.now())
    client.force_login(learner)
    html = client.get(playlist.url).content.decode()
    assert 'data-playlist-state="saved"' in html
    assert 'name="saved" value="0"' in html  # the button removes it from the saved ones
    assert 'id="start-button"' in html


def test_a_completed_playlist_links_to_the_badge(client, learner, enrolment, playlist):
    PlaylistEnrolment.objects.filter(pk=enrolment.pk).update(completed_at=timezone.now())
    client.force_login(learner)
    html = client.get(playlist.url).content.decode()
    assert 'data-playlist-state="completed"' in html
    assert 'id="continue-link"' not in html


def test_a_learner_waiting_for_consent_sees_the_notice_not_the_buttons(client, learner, playlist):
    learner.learner_profile.consent = "pending"
    learner.learner_profile.save()
    client.force_login(learner)
    response = client.get(playlist.url)
    assert response.context["consent_pending"]
    html = response.content.decode()
    assert 'id="start-button"' not in html
    assert 'id="save-button"' not in html


def test_each_step_block_renders_on_its_own(playlist, opportunity, other_badge):
    html = str(playlist.steps)  # as {% include_block %} renders them, without a learner
    assert html.count('class="col-step ') == 4
    assert opportunity.title in html and "Plan your app" in html
    assert f"/badges/classes/{other_badge.uuid}/image/" in html
