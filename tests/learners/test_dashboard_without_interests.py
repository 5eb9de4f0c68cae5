"""A learner who has chosen no interests (a young learner's interests are not kept while their
parent or guardian has not agreed) is never told that suggestions are "for your interests": the
dashboard says they are popular and coming up for their age, and asks them to choose interests,
with a link to the interests on their profile."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tests.learners.conftest import make_learner, make_playlist
from tests.learners.test_first_impression_13 import (
    Elements,
    in_2026,  # noqa: F401
    in_language,
    thirteen_year_old,
)
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment

DASHBOARD = reverse("wagtail_cityoflearning_learners:dashboard")
PROFILE = reverse("wagtail_cityoflearning_learners:profile")


@pytest.fixture
def suggestions(city, provider, opportunity, playlist_index):
    """Two playlists for a 13-year-old, one taken by two others, and an opportunity."""
    step = {"opportunity": opportunity, "note": "", "required": True}
    quiet = make_playlist(playlist_index, [("opportunity", step)], title="A quiet one")
    popular = make_playlist(playlist_index, [("opportunity", step)], title="Zoo of bots")
    for email in ("a@example.org", "b@example.org"):
        PlaylistEnrolment.objects.create(
            user=make_learner(email, site=city["site"]), playlist=popular, started_at=timezone.now()
        )
    return {"playlists": [popular, quiet], "opportunity": opportunity}


def test_without_interests_the_suggestions_do_not_claim_to_match_them(
    client,
    city,
    in_2026,  # noqa: F811
    suggestions,
):
    learner = thirteen_year_old(city)
    assert not learner.learner_profile.interests.exists()

    client.force_login(learner)
    response = client.get(DASHBOARD)
    html = response.content.decode()
    recommendations = response.context["recommendations"]

    # Popular first, and the opportunity coming up: for the age, not for interests.
    assert [p.pk for p in recommendations.playlists] == [p.pk for p in suggestions["playlists"]]
    assert [o.pk for o in recommendations.opportunities] == [suggestions["opportunity"].pk]
    assert not recommendations.has_interests

    page = Elements(html)
    language = response["Content-Language"]
    assert page.find("section", id="recommended-playlists", data_suggestions="popular")
    assert page.find("section", id="recommended-opportunities", data_suggestions="upcoming")
    assert page.text("h2", id="recommended-playlists-title") == in_language(
        language, lambda: gettext("Popular playlists in your city")
    )
    assert page.text("h2", id="recommended-opportunities-title") == in_language(
        language, lambda: gettext("Coming up in your city")
    )
    for claim in (
        "Picked for your interests and age.",
        "Coming up, for your interests and age.",
        "Playlists for you",
        "Opportunities for you",
        # Nor that interests were tried and matched nothing.
        "None of the playlists matches your interests yet, so here are the ones most taken, "
        "for your age.",
    ):
        assert in_language(language, lambda claim=claim: gettext(claim)) not in html


def test_without_interests_the_dashboard_asks_for_them_with_a_link_to_the_profile(
    client,
    city,
    in_2026,  # noqa: F811
    suggestions,
):
    learner = thirteen_year_old(city)
    client.force_login(learner)
    response = client.get(DASHBOARD)
    page = Elements(response.content.decode())
    language = response["Content-Language"]

    choose = in_language(language, lambda: gettext("Choose your interests"))
    assert page.text("h2", id="choose-interests-title") == choose
    links = [attrs["href"] for attrs, text in page.find("a") if text == choose]
    assert links and set(links) == {f"{PROFILE}#id_interests"}

    # The link leads to the interests on the profile, which the learner may now choose.
    profile = Elements(client.get(PROFILE).content.decode())
    fieldset = profile.find("fieldset", id="id_interests")
    assert fieldset, "the profile's interests have the link's target"
    boxes = profile.find("input", name="interests")
    assert boxes and not any("disabled" in attrs for attrs, _ in boxes)


def test_with_interests_there_is_no_request_to_choose_them(
    client,
    city,
    in_2026,  # noqa: F811
    suggestions,
):
    learner = thirteen_year_old(city)
    learner.learner_profile.interests.set([city["interests"]["arts"]])
    client.force_login(learner)
    response = client.get(DASHBOARD)
    page = Elements(response.content.decode())

    assert response.context["recommendations"].has_interests
    assert not page.find("section", id="choose-interests")


def test_while_consent_is_awaited_the_learner_is_not_asked_for_interests_they_cannot_keep(
    client,
    city,
    in_2026,  # noqa: F811
    suggestions,
):
    learner = make_learner(
        "tina@example.org",
        year_of_birth=2013,
        site=city["site"],
        consent="pending",
        guardian_email="parent@example.org",
    )
    client.force_login(learner)
    response = client.get(DASHBOARD)
    page = Elements(response.content.decode())
    language = response["Content-Language"]

    assert response.context["consent_pending"]
    assert not page.find("section", id="choose-interests")
    choose = in_language(language, lambda: gettext("Choose your interests"))
    assert choose not in [text for _, text in page.find("a")]
    # Still honest about what the suggestions are.
    if page.find("section", id="recommended-playlists"):
        assert page.find("section", id="recommended-playlists", data_suggestions="popular")
