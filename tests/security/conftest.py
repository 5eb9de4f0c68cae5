"""A data set like the demo's, built once per test: two cities with providers, opportunities
and maps, a playlist with every kind of step, badges with an award and a claim code, and a
learner with an enrolment, evidence and a playlist of their own."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.badges.conftest import make_badge_class
from tests.factories import make_city, make_opportunity, make_provider, session
from tests.learners.conftest import (
    make_evidence,
    make_learner,
    make_playlist,
    make_playlist_index,
)
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import ClaimCode, Issuer
from wagtail_cityoflearning.badges.signing import generate_key
from wagtail_cityoflearning.learners.accounts.consent import make_token
from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment
from wagtail_cityoflearning.models import OpportunityMapPage

PASSWORD = "a-long-passphrase-42"


def activity(title, evidence, *, required=True, badge=None):
    value = {
        "title": title,
        "instructions": f"<p>{title}</p>",
        "evidence": evidence,
        "required": required,
    }
    if badge is not None:
        value["badge"] = badge
    return ("activity", value)


def _map(home, title="Map"):
    page = OpportunityMapPage(title=title, slug="map")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _city(hostname, language, is_default, name, point):
    city = make_city(hostname, language, is_default=is_default, name=name)
    interests = city["interests"]
    provider = make_provider(city, location=f"SRID=4326;POINT({point})")
    opportunities = [
        make_opportunity(
            provider,
            [interests["science-technology"], interests["digital-skills"]],
            location=f"SRID=4326;POINT({point})",
        ),
        make_opportunity(
            provider,
            [interests["music"]],
            title=f"{name} choir",
            is_free=False,
            price="5 EUR",
            sessions=[session(1), session(40)],
            location=f"SRID=4326;POINT({point})",
        ),
        make_opportunity(
            provider,
            [interests["volunteering-community"]],
            title=f"{name} food bank",
            sessions=[],
            is_ongoing=True,
            opportunity_type="volunteering",
        ),
        make_opportunity(
            provider,
            [interests["digital-skills"]],
            title=f"{name} web design online",
            mode="online",
            address="",
            location="",
            online_url="https://meet.example.org/w",
            languages=["en"],
        ),
        make_opportunity(
            provider, [interests["music"]], title=f"{name} last concert", sessions=[session(-30)]
        ),
    ]
    city.update(provider=provider, opportunities=opportunities, map=_map(city["home"]))
    return city


def build_world() -> dict:
    """Every kind of object a public route shows, in two cities."""
    ljubljana = _city("localhost", "sl", True, "Ljubljana", "14.5058 46.0513")
    cagliari = _city("cagliari.localhost", "it", False, "Cagliari", "9.11 39.22")
    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=ljubljana["site"],
    )
    generate_key(issuer, bits=1024)  # a key to verify signed badges with
    step_badge = make_badge_class(issuer, slug="first-app", name="First app")
    completion = make_badge_class(issuer, slug="digital-explorer", name="Digital explorer")
    svg_badge = make_badge_class(issuer, slug="code-club", name="Code club", image="svg")
    index = make_playlist_index(ljubljana["home"])
    playlist = make_playlist(
        index,
        [
            ("opportunity", {"opportunity": ljubljana["opportunities"][0], "required": True}),
            activity("Plan your app", "text", badge=step_badge),
            activity("Share a link", "link"),
            activity("Upload a file", "file", required=False),
            activity("Show your screen", "photo", required=False),
            activity("Try it", "none", required=False),
            ("badge", {"badge": svg_badge, "note": "Join the code club", "required": False}),
        ],
        completion_badge=completion,
        min_optional_steps=1,
    )
    learner = make_learner(site=ljubljana["site"])
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )
    evidence = make_evidence(enrolment, playlist.step_list[3].id, "plan.txt", b"My plan")
    own = LearnerPlaylist.objects.create(
        owner=learner, site=ljubljana["site"], title="Code your way", description="For all."
    )
    LearnerPlaylistStep.objects.create(
        playlist=own, opportunity=ljubljana["opportunities"][0], sort_order=0
    )
    LearnerPlaylistStep.objects.create(
        playlist=own, title="Read a book", description="Any book", sort_order=1
    )
    shared = LearnerPlaylist.objects.create(
        owner=learner, site=ljubljana["site"], title="Shared", shared=True
    )
    awarded = award(step_badge, learner.email)
    claim_code = ClaimCode.objects.create(badge_class=completion, max_uses=10**6, label="Fuzz")
    return {
        "cities": [ljubljana, cagliari],
        "issuer": issuer,
        "badges": [step_badge, completion, svg_badge],
        "award": awarded,
        "claim_code": claim_code,
        "playlist_index": index,
        "playlist": playlist,
        "learner": learner,
        "enrolment": enrolment,
        "evidence": evidence,
        "own_playlist": own,
        "shared_playlist": shared,
        "consent_token": make_token(learner.learner_profile),
        "expires": timezone.now() + dt.timedelta(days=1),
    }


@pytest.fixture
def world(transactional_db):
    """The data set, committed (requests run as they do on a server: not inside a test's
    transaction, so a database error in one request cannot spoil the next)."""
    return build_world()
