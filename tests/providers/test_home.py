"""The provider's home in the admin: what it shows, to whom, and in a fixed number of queries."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks

from tests.badges.conftest import make_badge_class
from tests.factories import make_city, make_opportunity, make_provider, session
from tests.learners.conftest import make_evidence, make_learner, make_playlist
from tests.providers.language import slovenian
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award, Issuer
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment
from wagtail_cityoflearning.providers.settings import ProviderSettings

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "localhost"}
INDEX = "cityoflearning_provider_home:index"
HOME = "cityoflearning_provider_home:home"


def user_in(group, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def world():
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    for city in (lj, ca):  # publishing directly: these tests are not about the review
        settings = ProviderSettings.for_site(city["site"])
        settings.review_provider_edits = False
        settings.save()
    provider = make_provider(lj, title="Maker lab")
    other = make_provider(lj, title="Youth centre")
    ca_provider = make_provider(ca, title="Fab lab")
    return {
        "lj": lj,
        "ca": ca,
        "provider": provider,
        "other": other,
        "ca_provider": ca_provider,
        "staff": user_in(roles.provider_staff(provider), "staff"),
        "editor": user_in(roles.city_editors(lj["site"]), "editor-lj"),
        "ca_editor": user_in(roles.city_editors(ca["site"]), "editor-ca"),
    }


def fill(world, n, provider=None):
    """``n`` opportunities of each kind for the provider, evidence and awards."""
    lj, provider = world["lj"], provider or world["provider"]
    interests = [lj["interests"]["science-technology"]]
    made = {"upcoming": [], "draft": [], "past": [], "moderated": []}
    for i in range(n):
        made["upcoming"].append(
            make_opportunity(provider, interests, title=f"Robots {i}", sessions=[session(2 + i)])
        )
        made["draft"].append(
            make_opportunity(provider, interests, title=f"Draft idea {i}", publish=False)
        )
        made["past"].append(
            make_opportunity(
                provider, interests, title=f"Old fair {i}", sessions=[session(-30 - i)]
            )
        )
    issuer = Issuer.objects.create(
        name=provider.title, url="https://example.org/", email="b@example.org", provider=provider
    )
    badge = make_badge_class(issuer, slug=f"maker-{provider.pk}", name="Maker")
    for i in range(n):
        award(badge, f"learner{i}-{provider.pk}@example.org", source=Award.Source.ADMIN)
    old = award(badge, f"long-ago-{provider.pk}@example.org", source=Award.Source.ADMIN)
    Award.objects.filter(pk=old.pk).update(issued_on=timezone.now() - dt.timedelta(days=70))
    playlist = make_playlist(
        provider,
        [
            (
                "activity",
                {
                    "title": "Show what you built",
                    "instructions": "<p>A photo.</p>",
                    "evidence": "photo",
                    "required": True,
                },
            )
        ],
        title="Robot builder",
    )
    for i in range(n):
        learner = make_learner(
            f"young{i}-{provider.pk}@example.org", site=lj["site"], year_of_birth=2000
        )
        enrolment = PlaylistEnrolment.objects.create(
            user=learner, playlist=playlist, started_at=timezone.now()
        )
        make_evidence(enrolment, playlist.step_list[0].id, "robot.jpg", b"\xff\xd8\xff\xe0 photo")
    return made


def test_the_home_shows_the_provider_at_a_glance(world, client):
    fill(world, 2)
    other_lj = make_opportunity(
        world["other"], [world["lj"]["interests"]["science-technology"]], title="Youth night"
    )
    client.force_login(world["staff"])
    response = client.get(reverse(HOME, args=[world["provider"].pk]), **HOST)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert [g.count for g in summary.groups] == [0, 2, 2, 2]
    content = response.content.decode()
    for title in ("Robots 0", "Draft idea 1", "Old fair 0", "Show what you built"):
        assert title in content
    assert other_lj.title not in content
    assert summary.awards_this_month == 2  # not last month's award
    assert summary.evidence_count == 2
    assert [s.page.title for s in summary.next_sessions] == ["Robots 0", "Robots 1"]
    assert reverse("wagtailadmin_pages:add_subpage", args=[world["provider"].pk]) in content


def test_an_opportunity_in_review_is_awaiting_review(world, client):
    settings = ProviderSettings.for_site(world["lj"]["site"])
    settings.review_provider_edits = True
    settings.save()
    made = fill(world, 1)
    page = made["upcoming"][0]
    page.title = "Robots and drones"
    page.save_revision(user=world["staff"])
    page.get_workflow().start(page, world["staff"])

    client.force_login(world["staff"])
    response = client.get(reverse(HOME, args=[world["provider"].pk]), **HOST)
    in_moderation = response.context["summary"].in_moderation
    assert in_moderation.count == 1
    assert "Robots and drones" in response.content.decode()


def test_a_fixed_number_of_queries(world, client, django_assert_num_queries):
    """The same number of queries for a provider with one of everything and one with six."""
    fill(world, 1)
    fill(world, 6, provider=world["other"])
    other_staff = user_in(roles.provider_staff(world["other"]), "staff-b")
    small = reverse(HOME, args=[world["provider"].pk])
    large = reverse(HOME, args=[world["other"].pk])
    client.force_login(world["staff"])
    client.get(small, **HOST)  # warm the caches (content types, the site's root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(small, **HOST)
    small_count = len(queries)  # before the next request resets Django's query log
    assert response.status_code == 200
    client.force_login(other_staff)
    client.get(large, **HOST)
    with django_assert_num_queries(small_count):
        response = client.get(large, **HOST)
    assert [g.count for g in response.context["summary"].groups] == [0, 6, 6, 6]


def test_who_reaches_which_home(world, client):
    url = reverse(HOME, args=[world["provider"].pk])
    ca_url = reverse(HOME, args=[world["ca_provider"].pk])

    client.force_login(world["staff"])
    assert client.get(reverse(INDEX), **HOST).url == url  # their one provider
    assert client.get(reverse(HOME, args=[world["other"].pk]), **HOST).status_code == 404
    dashboard = client.get(reverse("wagtailadmin_home"), **HOST).content.decode()
    # The menu item, in the sidebar's JSON.
    assert url in dashboard and json.dumps(slovenian("Provider home")) in dashboard

    client.force_login(world["editor"])
    listing = client.get(reverse(INDEX), **HOST)
    assert listing.status_code == 200
    content = listing.content.decode()
    assert "Maker lab" in content and "Youth centre" in content and "Fab lab" not in content
    assert client.get(url, **HOST).status_code == 200
    assert client.get(ca_url, **HOST).status_code == 404
    assert "Fab lab" not in client.get(reverse(INDEX) + "?q=fab", **HOST).content.decode()

    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(superuser)
    assert client.get(ca_url, **HOST).status_code == 200
    assert client.get(reverse(HOME, args=[999999]), **HOST).status_code == 404


def test_other_apps_add_panels(world, client):
    def registrations(request, provider):
        return format_html("<p id='registrations'>Registrations of {}</p>", provider.title)

    def nothing(request, provider):
        return None

    def unsafe(request, provider):
        return "<script>alert(1)</script>"

    client.force_login(world["staff"])
    name = "cityoflearning_provider_home_panels"
    panels = [(name, registrations), (name, nothing), (name, unsafe)]
    with hooks.register_temporarily(panels):
        content = client.get(reverse(HOME, args=[world["provider"].pk]), **HOST).content.decode()
    assert "<p id='registrations'>Registrations of Maker lab</p>" in content
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
