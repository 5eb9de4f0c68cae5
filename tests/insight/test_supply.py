"""The supply figures on a small known city: what each counts, in words and in the table, and
that the section's queries do not grow with the number of opportunities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import make_opportunity
from tests.insight.supply_support import at, build_city, city_scope, meets
from wagtail_cityoflearning.insight.figures import HBAR, LINE, sections_for
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.insight.supply.sections import supply_section

pytestmark = pytest.mark.django_db


def figures(scope):
    return {figure.key: figure for figure in supply_section(scope).figures}


@pytest.fixture
def world(db):
    return build_city()


def table(figure):
    return {row[0]: row[1:] for row in figure.rows}


def test_opportunities_live_per_month_count_sessions_and_ongoing_ones(world):
    figure = figures(city_scope(world))["supply-over-time"]
    rows = table(figure)
    assert list(rows) == ["January 2026", "February 2026", "March 2026"]
    # With sessions that month, ongoing, all.
    assert rows["January 2026"] == [1, 1, 2]
    assert rows["February 2026"] == [2, 1, 3]
    assert rows["March 2026"] == [0, 1, 1]
    assert figure.chart.kind == LINE
    assert figure.chart.series[0].values == [2, 3, 1]
    assert figure.summary.startswith("3 opportunities were live in the period")
    assert "February 2026" in figure.summary


def test_interests_ages_price_mode_and_languages(world):
    found = figures(city_scope(world))
    interests = table(found["supply-interests"])
    assert interests == {
        "Znanost in tehnika": [2],
        "Šport": [1],
        "Glasba": [1],
    }
    assert found["supply-interests"].chart.kind == HBAR
    assert "Znanost in tehnika (2)" in found["supply-interests"].summary
    ages = table(found["supply-age-bands"])
    assert ages["13–15"] == [2] and ages["16–18"] == [3] and ages["19–24"] == [3]
    assert ages["25–29"] == [1] and ages["under 13"] == [0] and ages["30 and over"] == [0]
    assert table(found["supply-price"]) == {"Free": [2], "Paid": [1]}
    assert found["supply-price"].summary == "2 of 3 live opportunities were free."
    assert table(found["supply-mode"]) == {"In person": [2], "Online": [1], "Hybrid": [0]}
    languages = table(found["supply-languages"])
    assert languages == {"English": [3], "Slovenian": [2]}


def test_sessions_by_day_and_time_of_day_in_the_city_time_zone(world):
    figure = figures(city_scope(world))["supply-day-time"]
    rows = table(figure)
    # Morning, afternoon, evening, all.
    assert rows["Monday"] == [1, 0, 1, 2]
    assert rows["Wednesday"] == [0, 1, 0, 1]
    assert rows["Sunday"] == [0, 0, 0, 0]
    assert figure.chart.stacked
    assert figure.summary == (
        "3 sessions met in the period. Busiest day: Monday (2); busiest time of day: morning (1)."
    )


def test_providers_active_in_the_period(world):
    figure = figures(city_scope(world))["supply-providers"]
    # The pages were made today, after the first quarter of 2026.
    assert "0 of 2 providers" in figure.summary
    assert [row[1] for row in figure.rows] == [0, 0, 0]
    # This month both were published, each once however many versions were saved.
    world["maker"].save_revision().publish()
    today = timezone.localdate()
    recent = Scope(site=world["lj"]["site"], provider=None, start=today, end=today)
    figure = figures(recent)["supply-providers"]
    assert figure.summary == "2 of 2 providers published or updated their page in the period."
    assert figure.rows == [[date_format(today.replace(day=1), "YEAR_MONTH_FORMAT"), 2]]


def test_a_provider_sees_only_its_own_opportunities(world):
    found = figures(city_scope(world, world["maker"]))
    assert table(found["supply-over-time"])["February 2026"] == [1, 0, 1]
    assert table(found["supply-interests"]) == {"Znanost in tehnika": [1]}
    assert table(found["supply-price"]) == {"Free": [1], "Paid": [0]}
    assert "0 of 1 provider " in found["supply-providers"].summary


def test_the_section_is_on_the_dashboard_hook(world):
    keys = [section.key for section in sections_for(city_scope(world))]
    assert "supply" in keys


def test_the_number_of_queries_does_not_grow_with_the_city(world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            supply_section(city_scope(world))
        return len(queries)

    small = count()
    interests = world["lj"]["interests"]
    for number in range(12):
        make_opportunity(
            world["youth"] if number % 2 else world["maker"],
            [interests["arts"], interests["music"]],
            sessions=meets(at((1, 5 + number), 9 + number), at((3, 2 + number), 17)),
            title=f"Workshop {number}",
            languages=["it", "hr"],
        )
    assert table(figures(city_scope(world))["supply-over-time"])["March 2026"] == [12, 1, 13]
    assert count() == small
