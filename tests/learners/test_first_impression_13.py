"""A young learner's first look: ages counted the right way for each question, suggestions
that are never empty without saying so, evidence waiting for review shown with the progress,
and the evidence form asking what is required first."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from tests.factories import make_opportunity
from tests.learners.conftest import make_learner, make_playlist
from wagtail_cityoflearning.learners.accounts import consent
from wagtail_cityoflearning.learners.accounts import models as account_models
from wagtail_cityoflearning.learners.accounts.models import age_this_year, youngest_possible_age
from wagtail_cityoflearning.learners.progress.evidence_forms import EvidenceForm
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.models import OpportunityMapPage
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

DASHBOARD = reverse("wagtail_cityoflearning_learners:dashboard")
A_DAY_IN_2026 = dt.date(2026, 3, 14)


class Elements(HTMLParser):
    """The text and attributes of each element of a page, in document order."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.elements = []  # [tag, attrs, text]
        self.open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element[2] += data

    def find(self, tag=None, **attrs):
        """The elements with ``tag`` (any when None) whose attributes include ``attrs``."""
        attrs = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [
            (element[1], " ".join(element[2].split()))
            for element in self.elements
            if (tag is None or element[0] == tag)
            and all(element[1].get(name) == value for name, value in attrs.items())
        ]

    def text(self, tag=None, **attrs) -> str:
        found = self.find(tag, **attrs)
        assert found, f"no {tag or 'element'} with {attrs}"
        return found[0][1]


def in_language(language, message):
    with translation.override(language):
        return message()


@pytest.fixture
def in_2026(monkeypatch):
    """Today is a day in 2026 for every age the package counts."""
    monkeypatch.setattr(account_models, "today", lambda: A_DAY_IN_2026)
    return A_DAY_IN_2026


def thirteen_year_old(city, **profile):
    """Born in 2013, with their guardian's consent given."""
    return make_learner(
        "nina@example.org", year_of_birth=2013, site=city["site"], consent="given", **profile
    )


# -- the two ages ------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [dt.date(2026, 1, 1), A_DAY_IN_2026, dt.date(2026, 12, 31)])
def test_born_2013_is_12_for_consent_and_13_for_suggestions_all_through_2026(day):
    assert youngest_possible_age(2013, on=day) == 12
    assert age_this_year(2013, on=day) == 13


def test_a_profile_gives_both_ages_counted_from_today(city, in_2026):
    profile = thirteen_year_old(city).learner_profile
    assert (profile.youngest_possible_age, profile.age_this_year) == (12, 13)


def test_consent_still_counts_the_youngest_possible_age(city, in_2026):
    settings = CityOfLearningSettings.for_site(city["site"])
    settings.age_of_digital_consent = 13
    settings.save()
    # Born in 2013: maybe still 12 in 2026, so a guardian is asked.
    assert consent.needs_consent(2013, city["site"])
    # Born in 2012: at least 13 all year.
    assert not consent.needs_consent(2012, city["site"])


# -- suggestions for a 13-year-old -------------------------------------------------------------


def test_a_13_year_old_sees_what_is_for_13_year_olds(
    client, city, in_2026, provider, playlist_index
):
    science = city["interests"]["science-technology"]
    learner = thirteen_year_old(city)
    learner.learner_profile.interests.set([science])
    for_13 = make_opportunity(provider, [science], title="Robots from 13", age_min=13, age_max=19)
    make_opportunity(provider, [science], title="Robots from 14", age_min=14, age_max=19)
    step = {"opportunity": for_13, "note": "", "required": True}
    playlist = make_playlist(
        playlist_index, [("opportunity", step)], title="First robot", age_min=13, age_max=15
    )
    playlist.interests = [science]
    playlist.save_revision().publish()

    client.force_login(learner)
    response = client.get(DASHBOARD)
    recommendations = response.context["recommendations"]

    assert [p.pk for p in recommendations.playlists] == [playlist.pk]
    assert [o.title for o in recommendations.opportunities] == ["Robots from 13"]
    page = Elements(response.content.decode())
    assert page.find("section", id="recommended-playlists", data_suggestions="interests")
    assert "First robot" in page.text("section", id="recommended-playlists")
    language = response["Content-Language"]
    suggestions_below = in_language(
        language,
        lambda: gettext("You have not started a playlist yet. Pick one of the suggestions below."),
    )
    assert page.text("p", data_empty_in_progress="suggestions") == suggestions_below


# -- nothing matches: popular and upcoming, and the text says so -------------------------------


def test_when_nothing_matches_the_interests_the_citys_popular_and_upcoming_are_shown(
    client, city, in_2026, provider, opportunity, playlist_index
):
    learner = thirteen_year_old(city)
    learner.learner_profile.interests.set([city["interests"]["arts"]])  # nothing is arts
    step = {"opportunity": opportunity, "note": "", "required": True}
    quiet = make_playlist(playlist_index, [("opportunity", step)], title="A quiet one")
    popular = make_playlist(playlist_index, [("opportunity", step)], title="Zoo of bots")
    make_playlist(playlist_index, [("opportunity", step)], title="For adults", age_min=18)
    for email in ("a@example.org", "b@example.org"):
        PlaylistEnrolment.objects.create(
            user=make_learner(email, site=city["site"]), playlist=popular, started_at=timezone.now()
        )

    client.force_login(learner)
    response = client.get(DASHBOARD)
    recommendations = response.context["recommendations"]

    # The most enrolled first, then A to Z; nothing above the learner's age.
    assert [p.pk for p in recommendations.playlists] == [popular.pk, quiet.pk]
    assert not recommendations.playlists_match_interests
    assert [o.pk for o in recommendations.opportunities] == [opportunity.pk]
    assert not recommendations.opportunities_match_interests

    page = Elements(response.content.decode())
    language = response["Content-Language"]
    playlists = page.find("section", id="recommended-playlists", data_suggestions="popular")
    assert playlists
    assert in_language(language, lambda: gettext("Popular playlists in your city")) == page.text(
        "h2", id="recommended-playlists-title"
    )
    assert page.find("section", id="recommended-opportunities", data_suggestions="upcoming")
    assert in_language(language, lambda: gettext("Coming up in your city")) == page.text(
        "h2", id="recommended-opportunities-title"
    )
    # The learner was never told these match their interests.
    picked = in_language(language, lambda: gettext("Picked for your interests and age."))
    assert picked not in response.content.decode()


def test_with_nothing_to_suggest_the_dashboard_points_to_the_map_not_below(client, city, in_2026):
    map_page = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=map_page)
    map_page.save_revision().publish()
    learner = thirteen_year_old(city)

    client.force_login(learner)
    response = client.get(DASHBOARD)

    assert not response.context["recommendations"]
    page = Elements(response.content.decode())
    assert not page.find(id="recommended-playlists")
    assert not page.find(id="recommended-opportunities")
    empty = page.find("p", data_empty_in_progress="map")
    assert empty
    links = [attrs["href"] for attrs, _ in page.find("a") if attrs.get("href") == map_page.url]
    assert links == [map_page.url]
    language = response["Content-Language"]
    below = in_language(
        language,
        lambda: gettext("You have not started a playlist yet. Pick one of the suggestions below."),
    )
    assert below not in response.content.decode()


def test_without_a_map_the_empty_dashboard_says_there_is_nothing_to_suggest(client, city):
    learner = thirteen_year_old(city)
    client.force_login(learner)
    response = client.get(DASHBOARD)
    page = Elements(response.content.decode())
    language = response["Content-Language"]
    nothing = in_language(
        language,
        lambda: gettext(
            "You have not started a playlist yet, and there is no playlist to suggest right now."
        ),
    )
    assert page.text("p", data_empty_in_progress="none") == nothing


# -- evidence waiting for review ---------------------------------------------------------------


def written(title):
    """A required step asking for a written answer."""
    value = {"title": title, "instructions": f"<p>{title}</p>", "evidence": "text"}
    return ("activity", {**value, "required": True})


@pytest.fixture
def waiting_playlist(playlist_index):
    """Four required written steps."""
    steps = [written(title) for title in ("Plan", "Draw", "Build", "Show")]
    return make_playlist(playlist_index, steps, title="Build a game")


@pytest.fixture
def three_waiting(learner, waiting_playlist):
    """The learner sent evidence for three steps; a reviewer asked for changes on the fourth."""
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=waiting_playlist, started_at=timezone.now()
    )
    step_list = waiting_playlist.step_list
    for step in step_list[:3]:
        StepProgress.objects.create(
            enrolment=enrolment,
            step_id=step.id,
            status=StepProgress.Status.SUBMITTED,
            text="Here it is",
            submitted_at=timezone.now(),
        )
    StepProgress.objects.create(
        enrolment=enrolment,
        step_id=step_list[3].id,
        status=StepProgress.Status.CHANGES_REQUESTED,
        text="Here",
        submitted_at=timezone.now(),
        reviewed_at=timezone.now(),
        feedback="Add a screenshot",
    )
    return enrolment


def progress_text(language, done, total, waiting):
    def message():
        steps = ngettext(
            "%(done)s of %(counter)s step done", "%(done)s of %(counter)s steps done", total
        ) % {"done": done, "counter": total}
        pending = ngettext(
            "%(counter)s waiting for review", "%(counter)s waiting for review", waiting
        ) % {"counter": waiting}
        return f"{steps} · {pending}"

    return in_language(language, message)


def test_the_playlist_page_shows_steps_waiting_for_review(
    client, learner, waiting_playlist, three_waiting
):
    client.force_login(learner)
    response = client.get(waiting_playlist.url)
    page = Elements(response.content.decode())
    language = response["Content-Language"]

    assert page.text("p", id="progress-playlist-label") == progress_text(language, 0, 4, 3)
    # Each step says where it stands in words, not only in colour.
    steps = [
        (attrs["data-step-status"], text)
        for attrs, text in page.find("li")
        if "data-step-status" in attrs
    ]
    assert [status for status, _ in steps] == ["submitted"] * 3 + ["changes_requested"]
    waiting = in_language(language, lambda: gettext("Waiting for review"))
    changes = in_language(language, lambda: gettext("Changes requested"))
    assert all(waiting in text for _, text in steps[:3])
    assert changes in steps[3][1]


def test_the_dashboard_card_shows_steps_waiting_for_review(
    client, learner, waiting_playlist, three_waiting
):
    client.force_login(learner)
    response = client.get(DASHBOARD)
    page = Elements(response.content.decode())
    label = page.text("p", id=f"progress-{waiting_playlist.pk}-label")
    assert label.endswith(progress_text(response["Content-Language"], 0, 4, 3))


def test_the_progress_bar_without_a_waiting_count_shows_only_the_steps_done():
    with translation.override("en"):
        html = render_to_string(
            "wagtail_cityoflearning/includes/progress_bar.html", {"done": 1, "total": 3}
        )
        waiting = render_to_string(
            "wagtail_cityoflearning/includes/progress_bar.html",
            {"done": 1, "total": 3, "waiting": 1, "id": "x"},
        )
    assert Elements(html).text("p", id="progress-label") == "1 of 3 steps done"
    assert Elements(waiting).text("p", id="progress-x-label") == (
        "1 of 3 steps done · 1 waiting for review"
    )


# -- the evidence form: what is required first --------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "names"),
    [
        ("text", ["text"]),
        ("link", ["link", "text"]),
        ("file", ["file", "text"]),
        ("photo", ["file", "text"]),
        ("none", []),
    ],
)
def test_evidence_fields_ask_what_is_required_first(kind, names):
    form = EvidenceForm(kind=kind)
    assert list(form.fields) == names
    required = [form.fields[name].required for name in names]
    assert required == sorted(required, reverse=True)


def test_the_link_step_asks_for_the_link_before_the_optional_note(client, learner, playlist_index):
    link = ("activity", {**written("Share a link")[1], "evidence": "link"})
    playlist = make_playlist(playlist_index, [link, written("Write it")], title="Links")
    PlaylistEnrolment.objects.create(user=learner, playlist=playlist, started_at=timezone.now())
    client.force_login(learner)
    language = client.get(playlist.url)["Content-Language"]
    optional = in_language(language, lambda: gettext("(optional)"))

    link_step, text_step = playlist.step_list
    url = playlist.url + playlist.reverse_subpage("step", kwargs={"step_id": link_step.id})
    page = Elements(client.get(url).content.decode())
    labels = [(attrs["for"], text) for attrs, text in page.find("label") if "for" in attrs]
    assert [name for name, _ in labels] == ["id_link", "id_text"]
    assert not labels[0][1].endswith(optional)
    assert labels[1][1].endswith(optional)

    url = playlist.url + playlist.reverse_subpage("step", kwargs={"step_id": text_step.id})
    page = Elements(client.get(url).content.decode())
    labels = [text for attrs, text in page.find("label") if attrs.get("for") == "id_text"]
    assert labels and optional not in labels[0]  # the answer is required: no "(optional)"
