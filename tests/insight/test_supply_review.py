"""Supply figures: ongoing opportunities published in one month count together, a translated
opportunity counts once, and numbers and weekdays read well inside sentences."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Locale

from tests.factories import make_opportunity
from tests.insight.supply_support import END, LJUBLJANA, START, at, build_city, city_scope, meets
from wagtail_cityoflearning.insight.scope import resolve_scope
from wagtail_cityoflearning.insight.supply.sections import supply_section
from wagtail_cityoflearning.models import OpportunityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_city()


def figures(scope):
    return {figure.key: figure for figure in supply_section(scope).figures}


def table(figure):
    return {row[0]: row[1:] for row in figure.rows}


def test_ongoing_opportunities_published_in_one_month_count_together(world):
    interests = world["lj"]["interests"]
    for title in ("Chess club", "Choir", "Climbing wall"):
        page = make_opportunity(
            world["youth"], [interests["sports"]], sessions=[], title=title, is_ongoing=True
        )
        OpportunityPage.objects.filter(pk=page.pk).update(
            first_published_at=dt.datetime(2026, 2, 10, tzinfo=LJUBLJANA)
        )
    rows = table(figures(city_scope(world))["supply-over-time"])
    # Ongoing: the open studio since December, and three more from February.
    assert [rows[month][1] for month in rows] == [1, 4, 4]


def test_a_translated_opportunity_counts_once(world):
    english = Locale.objects.get_or_create(language_code="en")[0]
    robots = world["robots"]
    translated = robots.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    scope = resolve_scope(root, world["lj"]["site"], None, START, END)
    assert scope.translated_paths  # the English tree is part of the city
    found = figures(scope)
    rows = table(found["supply-over-time"])
    assert rows["January 2026"] == [1, 1, 2]
    assert found["supply-price"].rows[0][1] == 2
    assert table(found["supply-interests"])["Znanost in tehnika"] == [2]
    assert "of 2 providers" in found["supply-providers"].summary


def test_numbers_in_sentences_are_grouped_and_weekdays_keep_their_case(world):
    interests = world["lj"]["interests"]
    make_opportunity(
        world["maker"],
        [interests["arts"]],
        sessions=meets(*[at((1, 5), 9) + dt.timedelta(seconds=s) for s in range(1001)]),
        title="Every minute",
    )
    with translation.override("sl"):
        figure = figures(city_scope(world))["supply-day-time"]
        assert "1.004" in figure.summary
        assert "ponedeljek" in figure.summary
        assert "Ponedeljek" not in figure.summary
        assert table(figure)["Ponedeljek"][-1] == 1003
    with translation.override("it"):
        found = figures(city_scope(world))
        assert "lunedì" in found["supply-day-time"].summary
        assert "Lunedì" not in found["supply-day-time"].summary
        assert "gennaio 2026" in table(found["supply-over-time"])
