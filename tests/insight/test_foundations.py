"""The insight app's foundations: who sees which city's or provider's figures, the period, the
age bands and the rule that hides small counts of people."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.factories import make_city, make_opportunity, make_provider
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight import bands, privacy
from wagtail_cityoflearning.insight.scope import resolve_scope, sites_for
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.models.opportunities import OpportunityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider_a = make_provider(lj, title="Maker lab")
    provider_b = make_provider(lj, title="Youth centre")
    provider_ca = make_provider(ca, title="Fab lab")
    User = get_user_model()
    users = {
        "superuser": User.objects.create_superuser("root", "root@example.org", "pw"),
        "editor": User.objects.create_user("editor", "editor@example.org", "pw"),
        "staff_a": User.objects.create_user("staff_a", "a@example.org", "pw"),
        "learner": User.objects.create_user("learner", "learner@example.org", "pw"),
    }
    users["editor"].groups.add(roles.city_editors(lj["site"]))
    users["staff_a"].groups.add(roles.provider_staff(provider_a))
    return {
        "lj": lj,
        "ca": ca,
        "a": provider_a,
        "b": provider_b,
        "ca_provider": provider_ca,
        "users": users,
    }


def test_a_city_editor_sees_their_city_and_may_narrow_it_to_one_of_its_providers(world):
    editor = world["users"]["editor"]
    assert list(sites_for(editor)) == [world["lj"]["site"]]
    scope = resolve_scope(editor)
    assert scope.site == world["lj"]["site"] and scope.provider is None
    narrowed = resolve_scope(editor, site=world["lj"]["site"], provider=world["b"])
    assert narrowed.provider.pk == world["b"].pk
    with pytest.raises(PermissionDenied):
        resolve_scope(editor, site=world["ca"]["site"])
    with pytest.raises(PermissionDenied):
        resolve_scope(editor, site=world["lj"]["site"], provider=world["ca_provider"])


def test_provider_staff_see_only_their_provider_never_the_city(world):
    staff = world["users"]["staff_a"]
    assert list(sites_for(staff)) == [world["lj"]["site"]]
    scope = resolve_scope(staff, site=world["lj"]["site"])
    assert scope.provider.pk == world["a"].pk  # narrowed, not the whole city
    with pytest.raises(PermissionDenied):
        resolve_scope(staff, site=world["lj"]["site"], provider=world["b"])
    with pytest.raises(PermissionDenied):
        resolve_scope(staff, site=world["ca"]["site"])


def test_people_without_an_editing_role_see_no_figures(world):
    learner = world["users"]["learner"]
    assert not sites_for(learner).exists()
    with pytest.raises(PermissionDenied):
        resolve_scope(learner)


def test_the_superuser_chooses_any_city_and_provider(world):
    root = world["users"]["superuser"]
    assert set(sites_for(root)) == {world["lj"]["site"], world["ca"]["site"]}
    scope = resolve_scope(root, site=world["ca"]["site"], provider=world["ca_provider"])
    assert scope.provider.pk == world["ca_provider"].pk


def test_the_scope_counts_pages_of_its_subtree_and_the_period_in_the_citys_time_zone(world):
    robots = make_opportunity(world["a"], [world["lj"]["interests"]["science-technology"]])
    make_opportunity(world["b"], [world["lj"]["interests"]["science-technology"]])
    make_opportunity(world["ca_provider"], [world["ca"]["interests"]["science-technology"]])
    root = world["users"]["superuser"]
    start, end = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
    city = resolve_scope(root, site=world["lj"]["site"], start=start, end=end)
    provider = resolve_scope(
        root, site=world["lj"]["site"], provider=world["a"], start=end, end=start
    )
    assert city.pages(OpportunityPage).count() == 2
    assert list(provider.pages(OpportunityPage)) == [robots]
    assert (provider.start, provider.end) == (start, end)  # given the wrong way round
    assert city.start_at.isoformat() == "2026-03-01T00:00:00+01:00"  # Ljubljana's winter time
    assert city.end_before.isoformat() == "2026-04-01T00:00:00+02:00"  # summer time by then


def test_small_counts_of_people_are_hidden_and_zero_is_shown():
    with translation.override("en"):
        assert [privacy.display(privacy.people(n)) for n in (0, 1, 4, 5, 1234)] == [
            "0",
            "fewer than 5",
            "fewer than 5",
            "5",
            "1,234",
        ]
    with translation.override("sl"):
        assert privacy.display(privacy.people(3)) == translation.gettext("fewer than %(count)s") % {
            "count": 5
        }
    assert privacy.chart_value(privacy.people(2)) is None
    assert privacy.chart_value(privacy.people(7)) == 7


def test_ages_fall_in_one_band_and_ranges_overlap_every_band_they_touch(world):
    assert [bands.band_for_age(age) for age in (12, 13, 15, 16, 24, 29, 30, None)] == [
        "under-13",
        "13-15",
        "13-15",
        "16-18",
        "19-24",
        "25-29",
        "30-plus",
        "",
    ]
    interest = [world["lj"]["interests"]["science-technology"]]
    teens = make_opportunity(world["a"], interest, title="Teens", age_min=14, age_max=17)
    adults = make_opportunity(world["a"], interest, title="Adults", age_min=25, age_max=None)
    anyone = make_opportunity(world["a"], interest, title="Anyone", age_min=None, age_max=None)
    overlapping = {
        key: set(
            OpportunityPage.objects.filter(bands.overlapping_q(key)).values_list("title", flat=True)
        )
        for key, *_ in bands.AGE_BANDS
    }
    assert overlapping["13-15"] == {teens.title, anyone.title}
    assert overlapping["16-18"] == {teens.title, anyone.title}
    assert overlapping["19-24"] == {anyone.title}
    assert overlapping["30-plus"] == {adults.title, anyone.title}


def test_the_neighbourhoods_are_read_one_per_line_without_blanks_or_repeats(world):
    settings = InsightSettings.for_site(world["lj"]["site"])
    settings.neighbourhoods = "Moste\n\n  Bežigrad \nMoste\nCenter\n"
    assert settings.neighbourhood_list == ["Moste", "Bežigrad", "Center"]
