"""Twenty identical POSTs at the same moment (a double-click, a flaky connection, a retrying
client) each get a proper answer, and the data ends up as if one had been sent.

Each POST runs in its own thread with its own database connection, on a committed data set:
on SQLite the writers queue for the database lock (``transaction_mode: IMMEDIATE`` and a busy
timeout) instead of failing with "database is locked"; on PostgreSQL rows are locked.
"""

import threading

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.badges.conftest import make_badge_class
from tests.factories import ProviderPageFactory, make_city, make_opportunity
from tests.learners.conftest import make_learner, make_playlist, make_playlist_index
from wagtail_cityoflearning.badges.models import Award, ClaimCode, Issuer
from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

pytestmark = pytest.mark.django_db(transaction=True)

TIMES = 20


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()  # claim rate limits
    yield
    cache.clear()


@pytest.fixture
def scene():
    """A city with a playlist (a written answer that earns a badge), a learner and an editor."""
    city = make_city()
    provider = ProviderPageFactory(parent=city["index"])
    opportunity = make_opportunity(provider, [city["interests"]["science-technology"]])
    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )
    step_badge = make_badge_class(issuer, slug="first-app", name="First app")
    index = make_playlist_index(city["home"])
    playlist = make_playlist(
        index,
        [
            (
                "activity",
                {
                    "title": "Plan your app",
                    "instructions": "<p>Describe the app you want to build.</p>",
                    "evidence": "text",
                    "required": True,
                    "badge": step_badge,
                },
            ),
            ("opportunity", {"opportunity": opportunity, "required": False}),
        ],
    )
    learner = make_learner(site=city["site"])
    editor = make_editor()
    return {
        "city": city,
        "opportunity": opportunity,
        "issuer": issuer,
        "step_badge": step_badge,
        "playlist": playlist,
        "learner": learner,
        "editor": editor,
    }


def make_editor():
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    return editor


def clients(user=None):
    """One client per request, signed in as ``user`` (one session each, like 20 tabs)."""
    made = []
    for _ in range(TIMES):
        client = Client()
        if user is not None:
            client.force_login(user)
        made.append(client)
    return made


def post_at_once(clients, path, data=None):
    """POST ``data`` to ``path`` from every client at the same moment; the responses, or the
    exceptions raised instead, in order."""
    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def send(number, client):
        try:
            barrier.wait(timeout=30)
            results[number] = client.post(path, data or {})
        except BaseException as error:  # reported below, with the others
            results[number] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(number, client))
        for number, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def assert_all_answered(results, allowed=(200, 302)):
    problems = [r for r in results if isinstance(r, BaseException) or r is None]
    assert not problems, f"{len(problems)} of {len(results)} failed: {problems[:3]!r}"
    statuses = sorted(r.status_code for r in results)
    assert all(status in allowed for status in statuses), statuses
    for response in results:
        if 400 <= response.status_code < 500:
            assert response.content.strip(), "a refusal without a message"
    return statuses


def route(page, name, **kwargs):
    return page.url + page.reverse_subpage(name, kwargs=kwargs or None)


def test_starting_a_playlist_twenty_times_at_once_starts_it_once(scene):
    playlist, learner = scene["playlist"], scene["learner"]
    results = post_at_once(clients(learner), route(playlist, "start"))
    assert_all_answered(results, allowed=(302,))
    enrolment = PlaylistEnrolment.objects.get(user=learner, playlist=playlist)
    assert enrolment.started_at is not None


def test_sending_the_same_evidence_twenty_times_at_once_keeps_one_record(scene):
    playlist, learner = scene["playlist"], scene["learner"]
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )
    step = playlist.step_list[0]
    results = post_at_once(
        clients(learner), route(playlist, "step", step_id=step.id), {"text": "A bike app"}
    )
    assert_all_answered(results, allowed=(200, 302))
    record = StepProgress.objects.get(enrolment=enrolment, step_id=step.id)
    assert record.status == StepProgress.Status.SUBMITTED
    assert record.text == "A bike app"


def test_submitting_a_learner_playlist_twenty_times_at_once_makes_one_page(scene):
    learner, city = scene["learner"], scene["city"]
    own = LearnerPlaylist.objects.create(owner=learner, site=city["site"], title="Weekend makers")
    LearnerPlaylistStep.objects.create(playlist=own, opportunity=scene["opportunity"])
    pages_before = PlaylistPage.objects.count()
    path = reverse("wagtail_cityoflearning_learners:playlist_submit", args=[own.pk])
    results = post_at_once(clients(learner), path)
    assert_all_answered(results, allowed=(302,))
    assert PlaylistPage.objects.count() == pages_before + 1
    own.refresh_from_db()
    assert own.submitted_page.title == "Weekend makers"
    assert own.submitted_at is not None


def test_approving_evidence_twenty_times_at_once_awards_the_badge_once(scene):
    playlist, learner, editor = scene["playlist"], scene["learner"], scene["editor"]
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )
    step = playlist.step_list[0]
    record = StepProgress.objects.create(
        enrolment=enrolment,
        step_id=step.id,
        status=StepProgress.Status.SUBMITTED,
        submitted_at=timezone.now(),
        text="A bike app",
    )
    record.refresh_from_db()
    mail.outbox.clear()
    results = post_at_once(
        clients(editor),
        reverse("cityoflearning_evidence_review:review", args=[record.pk]),
        {
            "decision": "approve",
            "feedback": "Great plan!",
            "submission": record.submitted_at.isoformat(),
        },
    )
    assert_all_answered(results, allowed=(200, 302))
    record.refresh_from_db()
    assert record.status == StepProgress.Status.APPROVED
    assert record.reviewed_by == editor
    assert Award.objects.filter(badge_class=scene["step_badge"]).count() == 1
    to_learner = [m for m in mail.outbox if learner.email in m.to and "Great plan!" in m.body]
    assert len(to_learner) == 1


def test_claiming_a_badge_twenty_times_at_once_with_one_email_awards_it_once(scene):
    code = ClaimCode.objects.create(badge_class=scene["step_badge"], max_uses=5, label="Fair")
    path = reverse("wagtail_cityoflearning_badges:claim", args=[code.code])
    results = post_at_once(clients(), path, {"email": "ana@example.org"})
    assert_all_answered(results, allowed=(200,))
    assert Award.objects.filter(recipient_email__iexact="ana@example.org").count() == 1
    code.refresh_from_db()
    assert code.uses == 1


def test_twenty_different_emails_at_once_use_a_code_only_as_often_as_it_allows(scene):
    code = ClaimCode.objects.create(badge_class=scene["step_badge"], max_uses=5, label="Fair")
    path = reverse("wagtail_cityoflearning_badges:claim", args=[code.code])
    barrier_clients = clients()
    barrier = threading.Barrier(TIMES)
    results = [None] * TIMES

    def send(number):
        try:
            barrier.wait(timeout=30)
            results[number] = barrier_clients[number].post(
                path, {"email": f"learner{number}@example.org"}
            )
        except BaseException as error:
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(number,)) for number in range(TIMES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    statuses = assert_all_answered(results, allowed=(200, 400))
    assert statuses.count(200) == 5 and statuses.count(400) == TIMES - 5
    code.refresh_from_db()
    assert code.uses == 5
    assert Award.objects.filter(badge_class=scene["step_badge"]).count() == 5
