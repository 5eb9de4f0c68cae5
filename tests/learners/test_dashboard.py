"""The learner's dashboard ("My learning"), the badge backpack and its download, and the link
preview of a shared badge."""

import io
import json
import re
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_opportunity, session
from tests.learners.conftest import make_learner, make_playlist
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)

DASHBOARD = reverse("wagtail_cityoflearning_learners:dashboard")
BACKPACK = reverse("wagtail_cityoflearning_learners:backpack")
DOWNLOAD = reverse("wagtail_cityoflearning_learners:backpack_download")


def enrol(user, playlist, **fields):
    return PlaylistEnrolment.objects.create(user=user, playlist=playlist, **fields)


def opportunity_playlist(parent, opportunity, title, **kwargs):
    """A playlist of one required opportunity step."""
    step = {"opportunity": opportunity, "note": "", "required": True}
    return make_playlist(parent, [("opportunity", step)], title=title, **kwargs)


def pks(items):
    return [item.playlist.pk for item in items]


@pytest.mark.parametrize("url", [DASHBOARD, BACKPACK, DOWNLOAD])
def test_anonymous_visitors_are_asked_to_log_in(client, city, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


# -- playlists ---------------------------------------------------------------------------------


def test_playlists_in_progress_completed_and_saved(
    client, learner, playlist, enrolment, playlist_index, opportunity
):
    Attendance.objects.create(opportunity=opportunity, user=learner)  # 1 of the 3 steps needed
    done = opportunity_playlist(playlist_index, opportunity, "Done already")
    enrol(learner, done, started_at=timezone.now(), completed_at=timezone.now())
    later = opportunity_playlist(playlist_index, opportunity, "For later")
    enrol(learner, later, saved_at=timezone.now())

    client.force_login(learner)
    response = client.get(DASHBOARD)

    assert response.status_code == 200
    context = response.context
    assert pks(context["in_progress"]) == [playlist.pk]
    assert context["in_progress"][0].percent == 33
    assert pks(context["completed"]) == [done.pk]
    assert context["completed"][0].percent == 100
    assert pks(context["saved"]) == [later.pk]
    html = response.content.decode()
    for section in ("in-progress", "completed", "saved"):
        assert f'id="{section}"' in html
    assert '<progress class="col-progress__bar" max="3" value="1"' in html
    step_url = playlist.url + playlist.reverse_subpage(
        "step", kwargs={"step_id": playlist.step_list[1].id}
    )
    assert f'href="{step_url}"' in html  # "continue" leads to the first step not done


def test_another_learners_playlists_are_never_shown(
    client, learner, other_learner, playlist, playlist_index, opportunity
):
    theirs = opportunity_playlist(playlist_index, opportunity, "Theirs")
    enrol(other_learner, theirs, started_at=timezone.now())
    enrol(other_learner, playlist, saved_at=timezone.now())

    client.force_login(learner)
    context = client.get(DASHBOARD).context

    assert context["in_progress"] == context["completed"] == context["saved"] == []


def test_review_feedback_is_shown_with_a_link_back_to_the_step(
    client, learner, playlist, enrolment, editor
):
    plan_step = playlist.step_list[1]
    StepProgress.objects.create(
        enrolment=enrolment,
        step_id=plan_step.id,
        status=StepProgress.Status.CHANGES_REQUESTED,
        text="An app",
        feedback="Tell us who would use your app.",
        reviewed_at=timezone.now(),
        reviewed_by=editor,
    )

    client.force_login(learner)
    response = client.get(DASHBOARD)

    [review] = response.context["reviews"]
    assert review.step == plan_step and review.changes_requested
    html = response.content.decode()
    assert "Tell us who would use your app." in html
    assert f'href="{review.url}"' in html
    assert review.url.endswith(f"/steps/{plan_step.id}/")


def test_changes_asked_for_come_first_then_the_newest_approvals_ten_at_most(
    client, learner, enrolment, editor
):
    now = timezone.now()
    for number in range(12):
        StepProgress.objects.create(
            enrolment=enrolment,
            step_id=f"step-{number}",
            status=(
                StepProgress.Status.CHANGES_REQUESTED
                if number < 2
                else StepProgress.Status.APPROVED
            ),
            text="My evidence",
            reviewed_at=now - timezone.timedelta(days=30 - number),  # the first two oldest
            reviewed_by=editor,
        )
    client.force_login(learner)
    reviews = client.get(DASHBOARD).context["reviews"]
    shown = [review.record.step_id for review in reviews]
    assert shown == ["step-1", "step-0", *(f"step-{n}" for n in range(11, 3, -1))]
    assert all(review.url.endswith(f"/steps/{review.record.step_id}/") for review in reviews)


def test_evidence_waiting_for_review_is_not_an_outcome(client, learner, playlist, enrolment):
    StepProgress.objects.create(
        enrolment=enrolment,
        step_id=playlist.step_list[1].id,
        status=StepProgress.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(learner)
    assert client.get(DASHBOARD).context["reviews"] == []


# -- recommendations ------------------------------------------------------------------------------


@pytest.fixture
def interested_learner(city):
    """Seventeen this year (born 2008 in a 2026 calendar or so), into science and technology."""
    user = make_learner("ana@example.org", site=city["site"])
    user.learner_profile.interests.set([city["interests"]["science-technology"]])
    return user


def test_recommendations_match_interests_and_age_and_leave_out_started_playlists(
    client, city, interested_learner, provider, opportunity, playlist_index
):
    age = interested_learner.learner_profile.age_this_year
    science = city["interests"]["science-technology"]
    arts = city["interests"]["arts"]

    def playlist_for(title, interests, **ages):
        page = opportunity_playlist(playlist_index, opportunity, title, **ages)
        page.interests = interests
        page.save_revision().publish()
        return page

    matching = playlist_for("Matching", [science], age_min=age - 2, age_max=age + 2)
    any_age = playlist_for("Any age", [science, arts])
    playlist_for("Other interest", [arts])
    playlist_for("Too young for it", [science], age_min=age + 1)
    playlist_for("Too old for it", [science], age_max=age - 1)
    started = playlist_for("Started", [science])
    enrol(interested_learner, started, started_at=timezone.now())

    other_interest = make_opportunity(provider, [arts], title="Drawing")
    make_opportunity(provider, [science], title="For adults", age_min=age + 1, age_max=99)
    make_opportunity(provider, [science], title="Over", sessions=[session(-10)])

    client.force_login(interested_learner)
    recommendations = client.get(DASHBOARD).context["recommendations"]

    # Both share one interest; the tie goes A to Z.
    assert [p.pk for p in recommendations.playlists] == [any_age.pk, matching.pk]
    assert [o.pk for o in recommendations.opportunities] == [opportunity.pk]
    assert other_interest.pk not in [o.pk for o in recommendations.opportunities]


def test_recommendations_stay_on_the_learners_own_city(
    client, city, interested_learner, opportunity, playlist_index
):
    from tests.factories import make_city

    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    interested_learner.learner_profile.site = cagliari["site"]
    interested_learner.learner_profile.save()

    client.force_login(interested_learner)
    recommendations = client.get(DASHBOARD).context["recommendations"]

    assert recommendations.opportunities == [] and recommendations.playlists == []


# -- the backpack ---------------------------------------------------------------------------------


@pytest.fixture
def awards(learner, other_learner, step_badge, other_badge, completion_badge):
    """The learner's badges at two verified addresses, one revoked; others' badges too."""
    EmailAddress.objects.create(user=learner, email="maja.school@example.org", verified=True)
    EmailAddress.objects.create(user=learner, email="maja.old@example.org", verified=False)
    return {
        "first": award(step_badge, "maja@example.org"),
        "school": award(other_badge, "Maja.School@example.org"),
        "revoked": revoke(award(completion_badge, "maja@example.org"), "Awarded by mistake"),
        "unverified": award(other_badge, "maja.old@example.org"),
        "others": award(step_badge, "luka@example.org"),
    }


def test_backpack_lists_only_the_learners_badges_revoked_last(client, learner, awards):
    client.force_login(learner)
    response = client.get(BACKPACK)

    assert response.status_code == 200
    badges = response.context["badges"]
    assert [b.award for b in badges] == [awards["school"], awards["first"], awards["revoked"]]
    assert [b.status for b in badges] == ["valid", "valid", "revoked"]
    html = response.content.decode()
    assert str(awards["others"].uuid) not in html
    assert str(awards["unverified"].uuid) not in html


def test_backpack_offers_download_share_link_and_linkedin(client, learner, awards):
    client.force_login(learner)
    response = client.get(BACKPACK)

    first = awards["first"]
    badge = next(b for b in response.context["badges"] if b.award == first)
    html = response.content.decode()
    image_url = reverse("wagtail_cityoflearning_badges:assertion_image", args=[first.uuid])
    assert f'href="{image_url}" download' in html
    assert badge.share_url == f"http://localhost/badges/assertions/{first.uuid}/"
    assert f'value="{badge.share_url}"' in html
    assert f'href="{DOWNLOAD}"' in html

    linkedin = urlsplit(badge.linkedin_url)
    params = {key: value[0] for key, value in parse_qs(linkedin.query).items()}
    assert (linkedin.netloc, linkedin.path) == ("www.linkedin.com", "/profile/add")
    issued = timezone.localtime(first.issued_on)
    assert params == {
        "startTask": "CERTIFICATION_NAME",
        "name": "First app",
        "organizationName": "Mesto učenja Ljubljana",
        "issueYear": str(issued.year),
        "issueMonth": str(issued.month),
        "certUrl": badge.share_url,
        "certId": str(first.uuid),
    }
    # A revoked badge is neither downloadable nor shareable.
    revoked = awards["revoked"]
    assert reverse("wagtail_cityoflearning_badges:assertion_image", args=[revoked.uuid]) not in html


def test_download_holds_each_badges_image_and_assertion_and_nothing_of_others(
    client, learner, step_badge, other_badge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        baked = award(step_badge, "maja@example.org")
        award(step_badge, "luka@example.org")
    pending = award(other_badge, "maja@example.org")  # its background work has not run yet

    client.force_login(learner)
    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = sorted(archive.namelist())
    json_names = [n for n in names if n.endswith(".json") and not n.endswith(".credential.json")]
    assert len(json_names) == 2
    assert len([n for n in names if n.endswith(".png")]) == 1
    assertions = {json.loads(archive.read(n))["id"].split("/")[-2] for n in json_names}
    assert assertions == {str(baked.uuid), str(pending.uuid)}
    # Each award's Open Badges 3.0 credential, in both formats: the one whose background work
    # has not run is signed for the download.
    credential_names = [n for n in names if ".credential." in n]
    assert len(credential_names) == 4
    for instance in (baked, pending):
        instance.refresh_from_db()
        [as_json] = [
            n for n in credential_names if instance.uuid.hex[:8] in n and n.endswith(".json")
        ]
        assert json.loads(archive.read(as_json)) == instance.credential
    [image] = [n for n in names if n.endswith(".png")]
    assert str(baked.uuid.hex[:8]) in image
    baked.refresh_from_db()
    with baked.baked_image.open("rb") as original:
        assert archive.read(image) == original.read()
    assert "README.txt" in names


def test_download_notes_a_badge_image_missing_from_storage(
    client, learner, step_badge, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        baked = award(step_badge, "maja@example.org")
    baked.refresh_from_db()
    baked.baked_image.storage.delete(baked.baked_image.name)

    client.force_login(learner)
    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert [n for n in names if n.endswith(".json")]
    assert not [n for n in names if n.endswith(".png")]
    assert step_badge.name in archive.read("README.txt").decode()


# -- queries ------------------------------------------------------------------------------------


def test_dashboard_queries_do_not_grow_with_the_learners_playlists(
    client,
    learner,
    enrolment,
    playlist_index,
    opportunity,
    step_badge,
    other_badge,
    django_assert_max_num_queries,
):
    client.force_login(learner)
    client.get(DASHBOARD)  # the first request fills per-process caches (sites, settings)
    with CaptureQueriesContext(connection) as one:
        assert client.get(DASHBOARD).status_code == 200
    one_playlist_queries = len(one)  # now: the log is a bounded queue

    steps = [
        ("opportunity", {"opportunity": opportunity, "note": "", "required": True}),
        (
            "activity",
            {
                "title": "Write",
                "instructions": "<p>Write.</p>",
                "evidence": "text",
                "required": True,
                "badge": step_badge,
            },
        ),
        ("badge", {"badge": other_badge, "note": "", "required": False}),
    ]
    for number in range(5):
        page = make_playlist(playlist_index, steps, title=f"More {number}")
        state = {"started_at": timezone.now()} if number % 2 else {"saved_at": timezone.now()}
        more = enrol(learner, page, **state)
        StepProgress.objects.create(
            enrolment=more,
            step_id=page.step_list[1].id,
            status=StepProgress.Status.APPROVED,
            reviewed_at=timezone.now(),
        )
        award(step_badge, "maja@example.org")

    client.get(DASHBOARD)  # the new pages made the page cache stale: it settles again
    with django_assert_max_num_queries(one_playlist_queries):
        response = client.get(DASHBOARD)
    assert len(response.context["in_progress"]) == 3


# -- sharing a badge ------------------------------------------------------------------------------


def test_a_shared_badge_page_has_link_preview_tags(client, step_badge):
    awarded = award(step_badge, "maja@example.org")
    response = client.get(f"/badges/assertions/{awarded.uuid}/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    html = response.content.decode()
    url = f"http://localhost/badges/assertions/{awarded.uuid}/"
    image = f"http://localhost/badges/classes/{step_badge.uuid}/image/"
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<meta property="og:image" content="{image}">' in html
    assert '<meta property="og:type" content="website">' in html
    [title] = re.findall(r'<meta property="og:title" content="([^"]*)">', html)
    assert "First app" in title and "Mesto učenja Ljubljana" in title
    assert f'<meta property="og:description" content="{step_badge.description}">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert f'<meta name="twitter:image" content="{image}">' in html
    assert "maja" not in html.lower()


def test_a_badge_from_the_other_city_links_to_its_own_citys_address(client, learner, city):
    """Badge documents answer only on their issuer's Site: the dashboard links a badge of
    Cagliari to Cagliari's host, and one of Ljubljana to the page's own."""
    from tests.badges.conftest import make_badge_class
    from tests.factories import make_city
    from wagtail_cityoflearning.badges.models import Issuer

    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    issuer = Issuer.objects.create(
        name="Cagliari", url="https://c.example.org", email="c@example.org", site=cagliari["site"]
    )
    theirs = award(make_badge_class(issuer, slug="sardinia"), "maja@example.org")
    ljubljana = Issuer.objects.create(
        name="Ljubljana", url="https://l.example.org", email="l@example.org", site=city["site"]
    )
    ours = award(make_badge_class(ljubljana, slug="ours"), "maja@example.org")
    client.force_login(learner)
    html = client.get(DASHBOARD, HTTP_HOST="localhost").content.decode()
    assertion = "wagtail_cityoflearning_badges:assertion"
    assert f'href="http://cagliari.localhost{reverse(assertion, args=[theirs.uuid])}"' in html
    assert f'href="{reverse(assertion, args=[ours.uuid])}"' in html
    response = client.get(reverse(assertion, args=[theirs.uuid]), HTTP_HOST="cagliari.localhost")
    assert response.status_code == 200
