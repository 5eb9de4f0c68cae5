"""The dashboard's "What young people look for", and "I'm interested" on the pages."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_opportunity, make_provider
from tests.learners.conftest import make_learner
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight.demand import recording
from wagtail_cityoflearning.insight.demand.admin import provider_interested_panel
from wagtail_cityoflearning.insight.demand.models import InterestedLearner
from wagtail_cityoflearning.insight.demand.sections import demand_section
from wagtail_cityoflearning.insight.figures import sections_for
from wagtail_cityoflearning.insight.privacy import FEWER
from wagtail_cityoflearning.insight.scope import Scope

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "localhost"}


def city_scope(city, days=30):
    end = timezone.localdate()
    scope = Scope(city["site"], None, end - dt.timedelta(days=days - 1), end)
    assert scope.tzinfo is not None  # the city's time zone, read once per scope
    return scope


def figure(section, key):
    return next(f for f in section.figures if f.key == key)


def search(city, filters, found, times=1, day=None):
    for _ in range(times):
        recording.record_search(city["site"], day or timezone.localdate(), filters, None, found)


def test_searches_per_day_and_what_found_nothing(city, django_assert_num_queries):
    robotics = city["interests"]["science-technology"]
    music = city["interests"]["music"]
    search(city, {"interest": [robotics], "age": 14, "q": "Robotika"}, 0, times=7)
    search(city, {"interest": [music], "age": 20, "when": "weekend"}, 0, times=2)
    search(city, {"interest": [music, robotics]}, 4, times=6)

    scope = city_scope(city)
    with django_assert_num_queries(4):
        section = demand_section(scope)

    per_day = figure(section, "demand-searches")
    assert per_day.rows[-1][1:] == [15, 9]  # the two-interest searches counted once each
    assert per_day.rows[0][1:] == [0, 0]
    assert len(per_day.rows) == 30

    nothing = figure(section, "demand-found-nothing")
    assert len(nothing.rows) == 2
    first, second = nothing.rows
    assert first[0] == robotics.name and first[-1] == 7 and first[-2] == "robotika"
    assert second[0] == music.name and second[-1] is FEWER
    assert nothing.chart.series[0].values == [7, None]  # a hidden count is a gap

    interests = figure(section, "demand-interests")
    by_name = {row[0]: row[1:] for row in interests.rows}
    assert by_name[robotics.name] == [13, 7, 54]
    assert by_name[music.name] == [8, FEWER, None]


def test_search_words_of_fewer_than_five_searches_are_hidden(city):
    search(city, {"interest": [city["interests"]["music"]], "q": "ana novak violina"}, 0, 2)
    rows = figure(demand_section(city_scope(city)), "demand-found-nothing").rows
    assert "ana novak" not in str(rows)
    assert rows[0][-1] is FEWER


def test_the_period_and_the_city_bound_the_figures(city):
    other = make_provider(city)  # noqa: F841 (a provider of the city, not searched)
    search(city, {"q": "kitara"}, 0, 5, day=timezone.localdate() - dt.timedelta(days=60))
    section = demand_section(city_scope(city, days=30))
    assert figure(section, "demand-found-nothing").rows == []
    assert sum(row[1] for row in figure(section, "demand-searches").rows) == 0
    weekly = figure(demand_section(city_scope(city, days=365)), "demand-searches")
    assert "week" in weekly.key or len(weekly.rows) < 60
    assert sum(row[1] for row in weekly.rows) == 5


def test_a_provider_scope_sees_only_its_interested_learners(city, provider):
    mine = make_opportunity(provider, [city["interests"]["music"]], title="Guitar circle")
    theirs = make_opportunity(make_provider(city), [city["interests"]["music"]], title="Choir")
    for n in range(6):
        learner = make_learner(f"l{n}@example.org", site=city["site"])
        InterestedLearner.objects.create(user=learner, opportunity=mine)
        InterestedLearner.objects.create(user=learner, opportunity=theirs)
    search(city, {"q": "kitara"}, 0, 9)
    end = timezone.localdate()
    scope = Scope(city["site"], provider, end - dt.timedelta(days=29), end)

    section = demand_section(scope)
    assert [f.key for f in section.figures] == ["demand-interested"]
    assert section.figures[0].rows == [["Guitar circle", 6]]
    assert "kitara" not in str([s.figures for s in sections_for(scope)])
    city_rows = figure(demand_section(city_scope(city)), "demand-interested").rows
    assert sorted(city_rows) == [["Choir", 6], ["Guitar circle", 6]]


# -- "I'm interested" ------------------------------------------------------------------------


def toggle_url(page):
    return reverse("wagtail_cityoflearning_insight:interested", args=[page.pk])


def section_state(client, page):
    html = client.get(page.url, **HOST).content.decode()
    marker = 'id="interested"'
    assert marker in html
    start = html.index(marker)
    return html[start : html.index("</section>", start)]


def test_a_learner_says_they_are_interested_and_undoes_it(client, city, opportunity):
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    client.force_login(learner)
    assert 'data-interested="no"' in section_state(client, opportunity)

    response = client.post(toggle_url(opportunity), **HOST)
    assert response.status_code == 302 and response.url.endswith("#interested")
    assert InterestedLearner.objects.filter(user=learner, opportunity=opportunity).exists()
    assert 'data-interested="yes"' in section_state(client, opportunity)
    dashboard = client.get(reverse("wagtail_cityoflearning_learners:dashboard"), **HOST)
    assert f'data-interested-in="{opportunity.pk}"' in dashboard.content.decode()
    assert opportunity.title in dashboard.content.decode()

    client.post(toggle_url(opportunity), **HOST)
    assert not InterestedLearner.objects.exists()
    assert 'data-interested="no"' in section_state(client, opportunity)
    dashboard = client.get(reverse("wagtail_cityoflearning_learners:dashboard"), **HOST)
    assert "data-interested-in" not in dashboard.content.decode()


def test_signed_out_visitors_get_a_link_to_sign_in_and_back(client, opportunity):
    section = section_state(client, opportunity)
    assert 'data-interested="signed-out"' in section
    assert f"next={opportunity.url}%23interested" in section
    assert "<form" not in section
    response = client.post(toggle_url(opportunity), **HOST)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not InterestedLearner.objects.exists()


def test_only_a_post_on_a_live_opportunity(client, city, provider, opportunity):
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    client.force_login(learner)
    assert client.get(toggle_url(opportunity), **HOST).status_code == 405
    draft = make_opportunity(provider, [city["interests"]["music"]], publish=False)
    assert client.post(toggle_url(draft), **HOST).status_code == 404
    assert client.post("/voice/interested/999999/", **HOST).status_code == 404
    assert not InterestedLearner.objects.exists()


def test_the_providers_home_counts_interested_learners(client, city, provider):
    popular = make_opportunity(provider, [city["interests"]["music"]], title="Guitar circle")
    quiet = make_opportunity(provider, [city["interests"]["music"]], title="Choir")
    for n in range(5):
        user = make_learner(f"p{n}@example.org", site=city["site"])
        InterestedLearner.objects.create(user=user, opportunity=popular)
    InterestedLearner.objects.create(user=user, opportunity=quiet)
    staff = get_user_model().objects.create_user("staff", "staff@example.org", "pw")
    staff.groups.add(roles.provider_staff(provider))
    client.force_login(staff)

    html = client.get(
        reverse("cityoflearning_provider_home:home", args=[provider.pk]), **HOST
    ).content.decode()
    assert 'id="provider-interested-section"' in html
    panel = html[html.index('id="provider-interested-section"') :]
    assert panel.index("Guitar circle") < panel.index("Choir")
    assert "p0@example.org" not in panel and "P0" not in panel

    class Request:
        user = staff

    assert provider_interested_panel(Request(), make_provider(city)) is None
