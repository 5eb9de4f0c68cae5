"""The participants of an opportunity in the admin: its provider confirms attendance, which
completes the opportunity's step (and what follows from it) in the learners' playlists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ProviderPageFactory, make_city, make_opportunity
from tests.learners.conftest import make_learner, make_playlist, make_provider_staff
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import playlist_progress


def participants_url(opportunity, **params):
    url = reverse("cityoflearning_opportunity_participants:index", args=[opportunity.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.fixture
def attend_playlist(provider, opportunity, step_badge, completion_badge):
    """The provider's playlist of one step: attend the opportunity (which has its own badge)."""
    return make_playlist(
        provider,
        [("opportunity", {"opportunity": opportunity, "required": True, "badge": step_badge})],
        title="Come to the club",
        completion_badge=completion_badge,
    )


@pytest.fixture
def attend_enrolment(learner, attend_playlist):
    return PlaylistEnrolment.objects.create(
        user=learner, playlist=attend_playlist, started_at=timezone.now()
    )


def save_attendance(client, opportunity, *, shown, attended, **params):
    return client.post(
        participants_url(opportunity, **params),
        {"participant": [u.pk for u in shown], "attended": [u.pk for u in attended]},
    )


def test_staff_confirm_attendance_and_the_step_and_playlist_complete(
    client,
    provider_staff,
    opportunity,
    learner,
    attend_enrolment,
    step_badge,
    completion_badge,
    django_capture_on_commit_callbacks,
):
    client.force_login(provider_staff)
    page = client.get(participants_url(opportunity))
    assert page.status_code == 200
    assert [row.user for row in page.context["participants"]] == [learner]
    assert f'for="attended-{learner.pk}">Maja</label>' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = save_attendance(client, opportunity, shown=[learner], attended=[learner])
    assert response.status_code == 302
    attendance = Attendance.objects.get(opportunity=opportunity, user=learner)
    assert attendance.confirmed_by == provider_staff
    step = StepProgress.objects.get(enrolment=attend_enrolment)
    assert step.is_complete and step.award.badge_class == step_badge
    attend_enrolment.refresh_from_db()
    assert attend_enrolment.completion_award.badge_class == completion_badge
    with django_capture_on_commit_callbacks(execute=True):
        save_attendance(client, opportunity, shown=[learner], attended=[learner])
    assert Award.objects.filter(badge_class=completion_badge).count() == 1
    assert Attendance.objects.count() == 1


def test_another_providers_staff_get_404(client, city, opportunity, learner, attend_enrolment):
    other = ProviderPageFactory(parent=city["index"])
    client.force_login(make_provider_staff(other, username="other-staff"))
    assert client.get(participants_url(opportunity)).status_code == 404
    response = save_attendance(client, opportunity, shown=[learner], attended=[learner])
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_only_opportunities_have_participants(client, editor, provider):
    client.force_login(editor)
    assert client.get(participants_url(provider)).status_code == 404


def test_unconfirming_removes_the_attendance_and_reopens_the_step(
    client, provider_staff, opportunity, learner, enrolment, playlist
):
    client.force_login(provider_staff)
    save_attendance(client, opportunity, shown=[learner], attended=[learner])
    assert playlist_progress(playlist, enrolment).states[0].complete
    response = save_attendance(client, opportunity, shown=[learner], attended=[])
    assert response.status_code == 302
    assert not Attendance.objects.exists()
    assert not playlist_progress(playlist, enrolment).states[0].complete
    assert not StepProgress.objects.filter(enrolment=enrolment).exists()


def test_staff_find_a_learner_of_their_other_opportunities_by_email(
    client, city, provider, provider_staff, opportunity, other_learner
):
    # Luka attended another of this provider's opportunities, so the provider may find him.
    earlier = make_opportunity(provider, [city["interests"]["science-technology"]], title="Earlier")
    Attendance.objects.create(user=other_learner, opportunity=earlier)
    client.force_login(provider_staff)
    page = client.get(participants_url(opportunity, email="LUKA@example.org"))
    assert [row.user for row in page.context["participants"]] == [other_learner]
    assert page.context["action_url"] == participants_url(opportunity, email="LUKA%40example.org")
    save_attendance(
        client,
        opportunity,
        shown=[other_learner],
        attended=[other_learner],
        email="luka%40example.org",
    )
    assert Attendance.objects.filter(user=other_learner, opportunity=opportunity).exists()
    # Now confirmed, they stay on the list without a search.
    listed = client.get(participants_url(opportunity)).context["participants"]
    assert [row.user for row in listed] == [other_learner]


def test_the_lookup_finds_nobody_outside_the_providers_learners(
    client, django_user_model, city, provider, provider_staff, opportunity, other_learner
):
    """Learners who never took part with this provider, staff accounts and the other city's
    learners are not found: the lookup does not tell who has an account."""
    other_provider = ProviderPageFactory(parent=city["index"], title="Another provider")
    elsewhere = make_opportunity(
        other_provider, [city["interests"]["science-technology"]], title="Elsewhere"
    )
    Attendance.objects.create(user=other_learner, opportunity=elsewhere)
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    make_learner("giulia@example.org", site=cagliari["site"])
    django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(provider_staff)
    for email in ("luka@example.org", "giulia@example.org", "boss@example.org"):
        page = client.get(participants_url(opportunity, email=email))
        assert page.context["participants"] == [], email
        assert 'id="participants-not-found"' in page.content.decode()
    user = django_user_model.objects.get(email="giulia@example.org")
    save_attendance(
        client, opportunity, shown=[user], attended=[user], email="giulia%40example.org"
    )
    assert not Attendance.objects.filter(user=user).exists()


def test_an_unknown_address_finds_nobody_and_unlisted_ids_are_ignored(
    client, provider_staff, opportunity, other_learner
):
    client.force_login(provider_staff)
    page = client.get(participants_url(opportunity, email="nobody@example.org"))
    assert page.context["participants"] == []
    assert 'id="participants-not-found"' in page.content.decode()
    save_attendance(client, opportunity, shown=[other_learner], attended=[other_learner])
    assert not Attendance.objects.exists()


def test_the_opportunity_page_links_its_participants_for_its_editors(
    client, provider_staff, opportunity, city
):
    client.force_login(provider_staff)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.pk])).content
    assert participants_url(opportunity) in html.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[opportunity.get_parent().pk]))
    assert participants_url(opportunity) in listing.content.decode()


def test_attendance_waits_for_a_parents_consent(
    client, provider_staff, opportunity, city, attend_playlist
):
    young = make_learner("ana@example.org", site=city["site"], consent="pending")
    # Enrolled before consent was asked again, so the provider may look them up.
    PlaylistEnrolment.objects.create(
        user=young, playlist=attend_playlist, started_at=timezone.now()
    )
    client.force_login(provider_staff)
    page = client.get(participants_url(opportunity, email="ana%40example.org"))
    assert f'id="attended-{young.pk}" disabled' in page.content.decode()
    save_attendance(client, opportunity, shown=[young], attended=[young], email="ana%40example.org")
    assert not Attendance.objects.exists()


def test_a_crafted_id_is_a_bad_request(client, provider_staff, opportunity, learner):
    client.force_login(provider_staff)
    response = client.post(participants_url(opportunity), {"participant": "²", "attended": "²"})
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_playlists_of_another_providers_are_not_named(
    client, provider_staff, editor, opportunity, learner, playlist, enrolment, attend_playlist
):
    """The city's ``playlist`` has the opportunity too; its staff may not review it."""
    client.force_login(provider_staff)
    page = client.get(participants_url(opportunity))
    assert [str(label) for label in page.context["playlists"]] == [
        "Come to the club",
        "another playlist",
    ]
    [row] = page.context["participants"]
    assert [str(label) for label in row.playlists] == ["another playlist"]
    assert playlist.title not in page.content.decode()
    client.force_login(editor)
    page = client.get(participants_url(opportunity))
    assert [str(label) for label in page.context["participants"][0].playlists] == [playlist.title]


def test_playlists_of_another_city_are_left_out(client, editor, opportunity, attend_playlist):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    make_playlist(
        cagliari["home"],
        [("opportunity", {"opportunity": opportunity, "required": True})],
        title="Altrove",
    )
    client.force_login(editor)
    page = client.get(participants_url(opportunity))
    assert [str(label) for label in page.context["playlists"]] == ["Come to the club"]


def test_the_participants_queries_do_not_grow_with_the_playlists(
    client,
    provider_staff,
    provider,
    opportunity,
    attend_playlist,
    attend_enrolment,
    other_badge,
    django_assert_max_num_queries,
):
    client.force_login(provider_staff)
    url = participants_url(opportunity)
    client.get(url)  # sessions and caches settle
    with CaptureQueriesContext(connection) as one_playlist:
        client.get(url)
    one_playlist_queries = len(one_playlist)  # now: the log is a bounded queue
    for number in range(5):
        make_playlist(
            provider,
            [
                ("opportunity", {"opportunity": opportunity, "required": True}),
                ("badge", {"badge": other_badge, "required": True}),
            ],
            title=f"Pathway {number}",
        )
    make_playlist(provider, [("badge", {"badge": other_badge, "required": True})], title="Other")
    client.get(url)  # the new pages made the page cache stale: it settles again
    with django_assert_max_num_queries(one_playlist_queries):
        page = client.get(url)
    assert len(page.context["playlists"]) == 6
