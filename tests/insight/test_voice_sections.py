"""The dashboard's "Youth voice" section: its figures, small counts hidden, a provider's
scope, and a constant number of queries."""

import datetime as dt

import pytest
from django.utils import translation

from tests.insight import voice_world
from tests.insight.voice_world import suggestion
from wagtail_cityoflearning.insight.figures import sections_for
from wagtail_cityoflearning.insight.privacy import FEWER, WITHHELD
from wagtail_cityoflearning.insight.scope import Scope
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.insight.voice.sections import voice_section

START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


@pytest.fixture
def world(db):
    world = voice_world.build()
    lj, music = world["lj"], world["lj"]["interests"]["music"]
    for day in range(6):  # six in March, about music, in Moste, forwarded to provider A
        suggestion(
            lj,
            created_on=dt.date(2026, 3, 1 + day),
            interest=music,
            where="neighbourhood",
            neighbourhood="Moste",
            status="forwarded",
            provider=world["provider_a"],
        )
    for day in range(2):  # two places in May, declined
        suggestion(lj, kind="place", created_on=dt.date(2026, 5, 1 + day), status="declined")
    suggestion(lj, created_on=dt.date(2025, 12, 31))  # before the period
    suggestion(world["ca"], created_on=dt.date(2026, 3, 3))  # another city
    return world


def figure(section, key):
    return next(f for f in section.figures if f.key == key)


def test_the_section_counts_the_city_s_suggestions_in_the_period(world):
    section = voice_section(Scope(world["lj"]["site"], None, START, END))
    assert (section.key, section.order) == ("voice", 31)
    months = dict(figure(section, "voice-per-month").rows)
    # 8 suggestions, 2 of them in May: with the total in the section, 6 would give 2 back
    assert list(months.values()) == [0, 0, WITHHELD, 0, FEWER, 0]  # January to June
    assert figure(section, "voice-by-kind").rows == [
        ["Something to learn", WITHHELD],
        ["A missing place or club", FEWER],
    ]
    interests = dict(figure(section, "voice-by-interest").rows)
    assert interests[world["lj"]["interests"]["music"].name] == WITHHELD
    assert interests["No interest chosen"] == FEWER
    assert dict(figure(section, "voice-by-neighbourhood").rows)["Moste"] == WITHHELD
    statuses = dict(figure(section, "voice-by-status").rows)
    assert statuses["Forwarded to a provider"] == WITHHELD
    assert statuses["Declined"] == FEWER
    assert statuses["New"] == 0


def test_a_status_cannot_be_worked_out_from_the_period_total(world):
    for day in range(5):  # five more in April, still new
        suggestion(world["lj"], created_on=dt.date(2026, 4, 1 + day))
    section = voice_section(Scope(world["lj"]["site"], None, START, END))
    assert "Suggestions in the period: 13." in figure(section, "voice-per-month").summary
    statuses = dict(figure(section, "voice-by-status").rows)
    # New 5, forwarded 6, declined 2: the smallest other count is hidden too
    assert statuses["New"] == WITHHELD
    assert statuses["Forwarded to a provider"] == 6
    assert statuses["Declined"] == FEWER
    summary = figure(section, "voice-by-status").summary
    assert "New: not shown." in summary and "Declined: fewer than 5." in summary


def test_small_counts_never_appear_in_summaries(world):
    section = voice_section(Scope(world["lj"]["site"], None, START, END))
    for item in section.figures:
        assert " 2 " not in f" {item.summary} "
        for row in item.rows:
            assert row[1] == 0 or row[1] in (FEWER, WITHHELD) or row[1] >= 5


def test_a_provider_sees_only_what_was_forwarded_to_it(world):
    section = voice_section(Scope(world["lj"]["site"], world["provider_a"], START, END))
    assert dict(figure(section, "voice-by-status").rows)["Forwarded to a provider"] == 6
    assert sum(row[1] for row in figure(section, "voice-by-kind").rows if row[1] != FEWER) == 6
    other = voice_section(Scope(world["lj"]["site"], world["provider_b"], START, END))
    assert all(item.rows == [] or all(r[1] == 0 for r in item.rows) for item in other.figures)


def test_an_empty_period_says_so(world):
    section = voice_section(
        Scope(world["lj"]["site"], None, dt.date(2020, 1, 1), dt.date(2020, 2, 1))
    )
    assert figure(section, "voice-by-kind").rows == []
    assert figure(section, "voice-by-kind").empty


def test_the_section_is_on_the_dashboard(world):
    keys = [s.key for s in sections_for(Scope(world["lj"]["site"], None, START, END))]
    assert "voice" in keys


def test_the_queries_do_not_grow_with_the_suggestions(world, django_assert_num_queries):
    scope = Scope(world["lj"]["site"], None, START, END)
    Suggestion.objects.bulk_create(
        Suggestion(
            site=world["lj"]["site"],
            text=f"Idea {n}",
            created_on=dt.date(2026, 4, 1 + n % 28),
            neighbourhood=f"Area {n % 7}",
            where="neighbourhood",
        )
        for n in range(300)
    )
    with django_assert_num_queries(5):
        voice_section(scope)


def test_summaries_say_each_label_with_its_number(world):
    section = voice_section(Scope(world["lj"]["site"], None, START, END))
    summaries = {item.key: item.summary for item in section.figures}
    # 8 suggestions, of which 2 in May: beside the total, the 6 is hidden too
    assert "Suggestions in the period: 8." in summaries["voice-per-month"]
    assert "Busiest month" not in summaries["voice-per-month"]
    assert (
        "Something to learn: not shown. A missing place or club: fewer than 5."
        in summaries["voice-by-kind"]
    )
    assert "Forwarded to a provider: not shown." in summaries["voice-by-status"]
    assert all("(6)" not in summary for summary in summaries.values())


def test_large_numbers_in_summaries_are_localised(world):
    Suggestion.objects.bulk_create(
        Suggestion(site=world["lj"]["site"], text="Idea", created_on=dt.date(2026, 4, 2))
        for _ in range(1200)
    )
    for day in range(3):  # May has five: no count is hidden
        suggestion(world["lj"], kind="place", created_on=dt.date(2026, 5, 10 + day))
    with translation.override("sl"):
        section = voice_section(Scope(world["lj"]["site"], None, START, END))
    assert "1.211" in figure(section, "voice-per-month").summary
    assert "1211" not in str([item.summary for item in section.figures])
