"""The learner's dashboard in at most ``DASHBOARD_QUERIES`` SQL queries once the site has been
visited, as many for a learner with one playlist as for one with twenty; and what it keeps
between requests (the suggestions, the city's map, the playlists' cards, which opportunities
award a badge) never outlives a change of the pages, never crosses from one learner to
another, and never holds back the learner's own progress."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.badges.conftest import make_badge_class
from tests.factories import make_opportunity, make_provider
from tests.learners.conftest import make_learner, make_playlist
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import OpportunityBadge
from wagtail_cityoflearning.caching import VersionedCache
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.home import views as dashboard_views
from wagtail_cityoflearning.learners.progress.links import step_url
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.page_cache import pages

DASHBOARD = reverse("wagtail_cityoflearning_learners:dashboard")
# Three are the request's own (the Site, the session, the account) and two come from other
# apps' sections (the learner's registrations, the opportunities they are interested in).
DASHBOARD_QUERIES = 15


def dashboard_queries(client) -> tuple[int, str]:
    """The queries of a third visit (the first ones fill the page cache, as the learner's
    earlier visits do) and their SQL, for the failure message."""
    for _visit in range(2):
        assert client.get(DASHBOARD).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(captured), "\n".join(query["sql"][:160] for query in captured)


def steps(opportunity, badge, other_badge):
    return [
        ("opportunity", {"opportunity": opportunity, "note": "", "required": True}),
        (
            "activity",
            {
                "title": "Write about it",
                "instructions": "<p>What did you make?</p>",
                "evidence": "text",
                "required": True,
                "badge": badge,
            },
        ),
        (
            "activity",
            {
                "title": "Try it",
                "instructions": "<p>Try it at home.</p>",
                "evidence": "none",
                "required": True,
            },
        ),
        ("badge", {"badge": other_badge, "note": "", "required": False}),
    ]


@pytest.fixture
def content(city, provider, playlist_index, issuer):
    """Opportunities, badges and 24 playlists, four more than anyone is enrolled in, so there
    is always something to suggest."""
    interests = [city["interests"]["science-technology"], city["interests"]["digital-skills"]]
    opportunities = [make_opportunity(provider, interests) for _ in range(3)]
    badges = [make_badge_class(issuer, slug=f"badge-{n}", name=f"Badge {n}") for n in range(3)]
    playlists = []
    for number in range(24):
        playlist = make_playlist(
            playlist_index,
            steps(opportunities[number % 3], badges[0], badges[1]),
            title=f"Path {number:02d}",
            completion_badge=badges[2],
            interests=interests[:1],
        )
        playlists.append(playlist)
    return {
        "interests": interests,
        "opportunities": opportunities,
        "badges": badges,
        "playlists": playlists,
    }


def busy_learner(email, chosen, content, reviewer):
    """A learner with interests, a badge, an attended opportunity and ``chosen`` playlists:
    started (with evidence reviewed), completed and saved in turn."""
    user = make_learner(email, site=content["opportunities"][0].get_site())
    LearnerProfile.objects.get(user=user).interests.set(content["interests"][:1])
    award(content["badges"][0], email)
    Attendance.objects.create(opportunity=content["opportunities"][0], user=user)
    now = timezone.now()
    for number, playlist in enumerate(chosen):
        state = ("started", "completed", "saved")[number % 3]
        enrolment = PlaylistEnrolment.objects.create(
            user=user,
            playlist=playlist,
            started_at=None if state == "saved" else now,
            completed_at=now if state == "completed" else None,
            saved_at=now if state == "saved" else None,
        )
        if state == "started":
            StepProgress.objects.create(
                enrolment=enrolment,
                step_id=playlist.step_list[1].id,
                status=StepProgress.Status.CHANGES_REQUESTED,
                text="An app",
                feedback=f"Tell us more, {email}",
                reviewed_at=now,
                reviewed_by=reviewer,
            )
    return user


def test_the_dashboard_in_at_most_15_queries_with_1_or_20_playlists(client, content, editor):
    one = busy_learner("one@example.org", content["playlists"][:1], content, editor)
    twenty = busy_learner("twenty@example.org", content["playlists"][:20], content, editor)

    client.force_login(one)
    one_count, one_sql = dashboard_queries(client)
    client.force_login(twenty)
    twenty_count, twenty_sql = dashboard_queries(client)
    html = client.get(DASHBOARD).content.decode()

    assert one_count <= DASHBOARD_QUERIES, one_sql
    assert twenty_count == one_count, twenty_sql
    # Each section shows its most recent playlists (seven started, seven completed, six saved,
    # the newest made last), and leads to the rest; the suggestions come beyond them.
    shown = cityoflearning_settings.DASHBOARD_PLAYLISTS_SHOWN
    assert shown < 6
    chosen = content["playlists"][:20]
    for state, section in enumerate(("in-progress", "completed", "saved")):
        newest_first = chosen[state::3][::-1]
        for playlist in newest_first[:shown]:
            assert f'data-playlist-id="{playlist.pk}"' in html
        for playlist in newest_first[shown:]:
            assert f'data-playlist-id="{playlist.pk}"' not in html
        assert f"/learning/joined/{section}/" in html
    # A section that holds no more than it shows has no link to more.
    with override_settings(WAGTAIL_CITYOFLEARNING={"DASHBOARD_PLAYLISTS_SHOWN": 6}):
        html = client.get(DASHBOARD).content.decode()
    assert "/learning/joined/in-progress/" in html and "/learning/joined/completed/" in html
    assert "/learning/joined/saved/" not in html  # all six are shown
    assert 'id="recommended-playlists"' in html
    assert f'data-playlist-id="{content["playlists"][20].pk}"' in html
    # The oldest one started is not among the six, but the review of its evidence is shown.
    assert html.count("Tell us more, twenty@example.org") == 7


def test_a_section_page_lists_all_its_playlists_a_page_at_a_time(client, content, editor):
    user = busy_learner("twenty@example.org", content["playlists"][:20], content, editor)
    client.force_login(user)
    started = content["playlists"][:20][0::3]
    page = client.get(reverse("wagtail_cityoflearning_learners:section", args=["in-progress"]))
    assert page.status_code == 200
    html = page.content.decode()
    for playlist in started:
        assert f'data-playlist-id="{playlist.pk}"' in html
    assert html.count("col-button--primary") >= len(started)  # each can be continued
    for playlist in content["playlists"][1:20:3]:  # the completed ones are on their own page
        assert f'data-playlist-id="{playlist.pk}"' not in html
    # The section's own link is marked as the current page, with how many it holds.
    assert re.search(r'href="[^"]*/joined/in-progress/" aria-current="page">[^<]*\(7\)', html)
    assert re.search(r'href="[^"]*/joined/completed/">[^<]*\(7\)', html)
    for wrong in ("nowhere", "in_progress"):
        url = reverse("wagtail_cityoflearning_learners:section", args=[wrong])
        assert client.get(url).status_code == 404
    # A page number past the end or not a number still answers, with a page of playlists.
    for number in ("99", "x"):
        again = client.get(page.request["PATH_INFO"] + "?page=" + number)
        assert again.status_code == 200
        assert f'data-playlist-id="{started[0].pk}"' in again.content.decode()


# -- the suggestions follow what is published ------------------------------------------------


@pytest.fixture
def learner_with_interests(learner, city):
    LearnerProfile.objects.get(user=learner).interests.set([city["interests"]["digital-skills"]])
    return learner


def suggested_opportunities(client) -> list[int]:
    return [o.pk for o in client.get(DASHBOARD).context["recommendations"].opportunities]


def test_a_newly_published_opportunity_is_suggested_at_once(client, city, learner_with_interests):
    provider = make_provider(city, title="Makerspace")
    first = make_opportunity(provider, [city["interests"]["digital-skills"]], title="Soldering")
    client.force_login(learner_with_interests)
    assert suggested_opportunities(client) == [first.pk]
    assert suggested_opportunities(client) == [first.pk]  # now kept

    second = make_opportunity(provider, [city["interests"]["digital-skills"]], title="Arduino")

    assert set(suggested_opportunities(client)) == {first.pk, second.pk}


def test_an_unpublished_opportunity_is_no_longer_suggested(client, city, learner_with_interests):
    provider = make_provider(city, title="Makerspace")
    first = make_opportunity(provider, [city["interests"]["digital-skills"]], title="Soldering")
    second = make_opportunity(provider, [city["interests"]["digital-skills"]], title="Arduino")
    client.force_login(learner_with_interests)
    assert set(suggested_opportunities(client)) == {first.pk, second.pk}

    first.unpublish()

    assert suggested_opportunities(client) == [second.pk]
    assert "Soldering" not in client.get(DASHBOARD).content.decode()


def test_a_renamed_playlist_shows_its_new_title_on_the_dashboard_at_once(client, learner, playlist):
    PlaylistEnrolment.objects.create(user=learner, playlist=playlist, started_at=timezone.now())
    client.force_login(learner)
    assert "Digital explorer" in client.get(DASHBOARD).content.decode()  # its card is kept

    playlist.title = "Coding for everyone"
    playlist.save_revision().publish()

    html = client.get(DASHBOARD).content.decode()
    assert "Coding for everyone" in html and "Digital explorer</a>" not in html


def test_an_unpublished_completion_badge_leaves_the_kept_card(
    client, learner, playlist, completion_badge
):
    PlaylistEnrolment.objects.create(user=learner, playlist=playlist, started_at=timezone.now())
    client.force_login(learner)
    assert 'class="col-playlist-badge"' in client.get(DASHBOARD).content.decode()

    completion_badge.live = False
    completion_badge.save()

    assert 'class="col-playlist-badge"' not in client.get(DASHBOARD).content.decode()


def test_the_map_link_appears_once_the_citys_map_is_published(client, city, learner):
    from wagtail_cityoflearning.models import OpportunityMapPage

    client.force_login(learner)
    assert client.get(DASHBOARD).context["map_url"] == ""

    map_page = OpportunityMapPage(title="Map", slug="map")
    city["home"].add_child(instance=map_page)
    map_page.save_revision().publish()

    assert client.get(DASHBOARD).context["map_url"] == map_page.url


# -- the learner's own data ------------------------------------------------------------------


def test_one_learner_never_sees_anothers_data(client, content, editor):
    maja = busy_learner("maja@example.org", content["playlists"][:3], content, editor)
    luka = make_learner("luka@example.org", site=content["opportunities"][0].get_site())
    LearnerProfile.objects.get(user=luka).interests.set(content["interests"][:1])

    client.force_login(maja)
    for _visit in range(2):
        maja_html = client.get(DASHBOARD).content.decode()
    client.force_login(luka)
    for _visit in range(2):
        response = client.get(DASHBOARD)
    luka_html = response.content.decode()

    assert "Tell us more, maja@example.org" in maja_html
    assert "Tell us more" not in luka_html
    assert "Badge 0" in maja_html and "Badge 0</a>" not in luka_html
    context = response.context
    assert context["in_progress"] == [] and context["completed"] == [] and context["saved"] == []
    assert context["badge_count"] == 0 and context["reviews"] == []
    assert "Maja" not in luka_html
    # Maja's playlists are suggested to Luka, who has not started them.
    assert content["playlists"][0].pk in [p.pk for p in context["recommendations"].playlists]


def test_progress_shows_at_once_after_a_step_is_marked_done(client, content, editor):
    learner = busy_learner("maja@example.org", content["playlists"][:1], content, editor)
    playlist = content["playlists"][0]
    client.force_login(learner)
    [item] = client.get(DASHBOARD).context["in_progress"]
    before = item.progress.counted  # the attended opportunity

    try_it = playlist.step_list[2]
    response = client.post(step_url(playlist, try_it.id), {})
    assert response.status_code == 302

    [item] = client.get(DASHBOARD).context["in_progress"]
    assert item.progress.counted == before + 1
    assert f'<progress class="col-progress__bar" max="3" value="{before + 1}"' in (
        client.get(DASHBOARD).content.decode()
    )


def test_a_badge_an_opportunity_awards_completes_its_step_once_linked(
    client, learner, playlist, opportunity, other_badge
):
    """Which opportunities award a badge is kept with the pages: a link written on its own
    (not through publishing) still shows at once."""
    PlaylistEnrolment.objects.create(user=learner, playlist=playlist, started_at=timezone.now())
    award(other_badge, "maja@example.org")  # the optional badge step: 1 of 3 needed
    client.force_login(learner)
    [item] = client.get(DASHBOARD).context["in_progress"]
    assert item.progress.counted == 1

    OpportunityBadge.objects.create(page=opportunity, badge_class=other_badge)

    [item] = client.get(DASHBOARD).context["in_progress"]
    assert item.progress.counted == 2  # the opportunity step is complete too


def test_a_new_award_shows_at_once(client, learner, step_badge):
    client.force_login(learner)
    assert client.get(DASHBOARD).context["badge_count"] == 0
    award(step_badge, "MAJA@example.org")  # any case of the learner's verified address
    response = client.get(DASHBOARD)
    assert response.context["badge_count"] == 1
    assert step_badge.name in response.content.decode()


# -- the cache's version -----------------------------------------------------------------------


def test_keys_read_together_are_the_keys_read_one_by_one(db):
    cache = VersionedCache("test:version", alias=lambda: "default", seconds=lambda: 60)
    parts = [("card", 1, "sl"), ("card", 2, "sl")]
    assert cache.keys(parts) == [cache.key(*each) for each in parts]
    cache.set_many(dict.fromkeys(cache.keys(parts), "kept"))
    assert cache.get_many(cache.keys(parts)) == dict.fromkeys(cache.keys(parts), "kept")

    cache.invalidate()

    assert cache.get_many(cache.keys(parts)) == {}


def test_a_publish_makes_kept_cards_stale_in_the_same_process(client, learner, playlist):
    PlaylistEnrolment.objects.create(user=learner, playlist=playlist, started_at=timezone.now())
    client.force_login(learner)
    client.get(DASHBOARD)
    before = pages.current_version()

    playlist.save_revision().publish()

    assert pages.current_version() != before


def test_a_long_section_is_paged(client, content, editor, monkeypatch):
    monkeypatch.setattr(dashboard_views, "SECTION_PAGE_SIZE", 3)
    user = busy_learner("twenty@example.org", content["playlists"][:20], content, editor)
    client.force_login(user)
    url = reverse("wagtail_cityoflearning_learners:section", args=["completed"])
    newest_first = content["playlists"][1:20:3][::-1]  # seven completed
    seen = []
    for number in (1, 2, 3):
        html = client.get(f"{url}?page={number}").content.decode()
        ids = re.findall(r'data-playlist-id="(\d+)"', html)
        seen.extend(int(pk) for pk in ids if int(pk) in {p.pk for p in newest_first})
        assert ('rel="next"' in html) == (number < 3)
        assert ('rel="prev"' in html) == (number > 1)
    assert seen == [playlist.pk for playlist in newest_first]
