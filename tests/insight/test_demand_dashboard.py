"""The dashboard's "What young people look for", and "I'm interested" on the pages."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_city, make_opportunity, make_provider
from tests.learners.conftest import make_learner
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight.demand import recording
from wagtail_cityoflearning.insight.demand.admin import provider_interested_panel
from wagtail_cityoflearning.insight.demand.models import InterestedLearner, SearchDemand
from wagtail_cityoflearning.insight.demand.sections import demand_section
from wagtail_cityoflearning.insight.figures import sections_for
from wagtail_cityoflearning.insight.privacy import FEWER
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.learners.home.data_export import export_data

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
    with django_assert_num_queries(5):
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


def test_a_flood_of_random_words_is_one_row_and_the_summary_counts_every_combination(city):
    music = city["interests"]["music"]
    for n in range(60):  # a flood: words no one else typed
        search(city, {"interest": [music], "q": f"xq{n}zz"}, 0)
    search(city, {"interest": [music], "q": "kitara"}, 0, times=6)
    for n in range(55):  # 55 places, chosen once each
        recording.record_search(
            city["site"], timezone.localdate(), {}, SimpleNamespace(name=f"Place {n}"), 0
        )

    nothing = figure(demand_section(city_scope(city)), "demand-found-nothing")
    hidden = [row for row in nothing.rows if row[-2].startswith("(words of fewer")]
    assert len(hidden) == 1 and hidden[0][0] == music.name and hidden[0][-1] == 60
    assert [row[-1] for row in nothing.rows if row[-2] == "kitara"] == [6]
    assert "xq1zz" not in str(nothing.rows)
    assert len(nothing.rows) == 50  # the table's limit
    assert "found nothing in the period: 57." in nothing.summary  # 1 + 1 + 55


def test_numbers_in_the_summaries_are_written_in_the_language_s_way(city):
    SearchDemand.objects.create(
        site=city["site"],
        day=timezone.localdate(),
        interest=city["interests"]["music"],
        interests_chosen=1,
        searches=15484,
        zero_results=1200,
    )
    with translation.override("sl"):
        section = demand_section(city_scope(city))
    assert "15.484" in figure(section, "demand-searches").summary
    assert "1.200" in figure(section, "demand-searches").summary
    assert "15.484" in figure(section, "demand-interests").summary
    assert "1.200" in figure(section, "demand-found-nothing").summary
    assert "15484" not in str([f.summary for f in section.figures])


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

    response = client.post(toggle_url(opportunity), {"action": "add"}, **HOST)
    assert response.status_code == 302 and response.url.endswith("#interested")
    assert InterestedLearner.objects.filter(user=learner, opportunity=opportunity).exists()
    assert 'data-interested="yes"' in section_state(client, opportunity)
    dashboard = client.get(reverse("wagtail_cityoflearning_learners:dashboard"), **HOST)
    assert f'data-interested-in="{opportunity.pk}"' in dashboard.content.decode()
    assert opportunity.title in dashboard.content.decode()

    client.post(toggle_url(opportunity), {"action": "remove"}, **HOST)
    assert not InterestedLearner.objects.exists()
    assert 'data-interested="no"' in section_state(client, opportunity)
    dashboard = client.get(reverse("wagtail_cityoflearning_learners:dashboard"), **HOST)
    assert "data-interested-in" not in dashboard.content.decode()


def test_signed_out_visitors_get_a_link_to_sign_in_and_back(client, opportunity):
    section = section_state(client, opportunity)
    assert 'data-interested="signed-out"' in section
    assert f"next={opportunity.url}%23interested" in section
    assert "<form" not in section
    response = client.post(toggle_url(opportunity), {"action": "add"}, **HOST)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not InterestedLearner.objects.exists()


def test_only_a_post_on_a_live_opportunity(client, city, provider, opportunity):
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    client.force_login(learner)
    assert client.get(toggle_url(opportunity), **HOST).status_code == 405
    draft = make_opportunity(provider, [city["interests"]["music"]], publish=False)
    assert client.post(toggle_url(draft), {"action": "add"}, **HOST).status_code == 404
    assert client.post("/voice/interested/999999/", {"action": "add"}, **HOST).status_code == 404
    assert not InterestedLearner.objects.exists()


def test_adding_or_removing_twice_changes_nothing_more(client, city, opportunity):
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    client.force_login(learner)
    for _ in range(2):
        client.post(toggle_url(opportunity), {"action": "add"}, **HOST)
    assert InterestedLearner.objects.filter(user=learner).count() == 1
    for _ in range(2):
        response = client.post(toggle_url(opportunity), {"action": "remove"}, **HOST)
        assert response.status_code == 302
    assert not InterestedLearner.objects.exists()
    response = client.post(toggle_url(opportunity), **HOST)
    with translation.override("sl"):  # the city's language
        message = translation.gettext("Say whether you are interested or not any more.")
    assert response.status_code == 400 and response.content.decode() == message
    assert not InterestedLearner.objects.exists()


def test_not_interested_on_the_dashboard_returns_to_the_dashboard(client, city, opportunity):
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    InterestedLearner.objects.create(user=learner, opportunity=opportunity)
    client.force_login(learner)
    dashboard_url = reverse("wagtail_cityoflearning_learners:dashboard")
    html = client.get(dashboard_url, **HOST).content.decode()
    assert f'name="next" value="{dashboard_url}#interested"' in html
    assert 'name="action" value="remove"' in html

    data = {"action": "remove", "next": f"{dashboard_url}#interested"}
    response = client.post(toggle_url(opportunity), data, **HOST)
    assert response.status_code == 302 and response.url == f"{dashboard_url}#interested"
    assert not InterestedLearner.objects.exists()

    data = {"action": "add", "next": "https://elsewhere.example/"}
    response = client.post(toggle_url(opportunity), data, **HOST)
    assert response.url == opportunity.url + "#interested"  # not to another host


def test_an_opportunity_of_another_city_is_not_found(client, city, provider):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    theirs = make_opportunity(make_provider(cagliari), [cagliari["interests"]["music"]])
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    client.force_login(learner)
    response = client.post(toggle_url(theirs), {"action": "add"}, **HOST)
    assert response.status_code == 404
    assert not InterestedLearner.objects.exists()
    # one saved before (or in the other city) is not listed on this city's dashboard
    InterestedLearner.objects.create(user=learner, opportunity=theirs)
    html = client.get(reverse("wagtail_cityoflearning_learners:dashboard"), **HOST)
    assert f'data-interested-in="{theirs.pk}"' not in html.content.decode()


def test_the_learner_s_data_download_holds_what_they_are_interested_in(city, opportunity):
    learner = make_learner(site=city["site"], year_of_birth=timezone.localdate().year - 20)
    InterestedLearner.objects.create(user=learner, opportunity=opportunity)
    [row] = export_data(learner)["interested"]
    assert row["opportunity"] == opportunity.title
    assert row["url"].endswith(opportunity.url) and row["url"].startswith("http")
    assert row["created_at"] is not None


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


def test_hidden_interest_counts_name_no_winner_and_are_ordered_by_title(city, provider):
    choir = make_opportunity(provider, [city["interests"]["music"]], title="Choir")
    zither = make_opportunity(provider, [city["interests"]["music"]], title="Zither club")
    for n in range(3):
        learner = make_learner(f"z{n}@example.org", site=city["site"])
        InterestedLearner.objects.create(user=learner, opportunity=zither)
    InterestedLearner.objects.create(
        user=make_learner("c@example.org", site=city["site"]), opportunity=choir
    )
    interested = figure(demand_section(city_scope(city)), "demand-interested")
    assert interested.rows == [["Choir", FEWER], ["Zither club", FEWER]]
    assert "Zither" not in interested.summary and "Most interested" not in interested.summary
    assert interested.summary.startswith("Too few learners")
