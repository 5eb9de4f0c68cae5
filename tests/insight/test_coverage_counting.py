"""What the coverage map counts: each opportunity once (not its translations), only what
existed in the period, and the filtered table the JSON and its downloads give."""

import csv
import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from tests.factories import make_opportunity
from tests.insight.test_coverage_cells import (  # noqa: F401
    BEŽIGRAD,
    PREŠERNOV_TRG,
    VIČ,
    cell,
    city,
    city_scope,
    people,
    point,
    sl,
)
from wagtail_cityoflearning.insight.coverage.cells import coverage
from wagtail_cityoflearning.insight.coverage.sections import coverage_section
from wagtail_cityoflearning.insight.scope import resolve_scope
from wagtail_cityoflearning.models.opportunities import OpportunityPage

CELLS = "wagtail_cityoflearning_insight_coverage:cells"


def test_a_translated_opportunity_is_counted_once(city):  # noqa: F811
    robots = OpportunityPage.objects.get(title="Robots")
    english, _created = Locale.objects.get_or_create(language_code="en")
    translation = robots.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    assert (
        OpportunityPage.objects.live().filter(translation_key=robots.translation_key).count() == 2
    )
    scope = city_scope(city)
    assert scope.translated_paths  # the city's tree in English is in the scope
    result = coverage(scope)
    assert result.counts[cell(PREŠERNOV_TRG)] == 2  # robots and drawing, each once
    assert result.opportunities == 3


def _scope(city, start, end):  # noqa: F811
    city_scope(city)  # makes the superuser
    root = get_user_model().objects.get(username="root")
    return resolve_scope(root, site=city["site"], start=start, end=end)


def test_a_past_period_counts_only_what_was_published_before_it_ended(city):  # noqa: F811
    provider = city["provider"]
    for title in ("Old club", "New club"):
        make_opportunity(
            provider,
            [city["interests"]["arts"]],
            sessions=[],
            title=title,
            is_ongoing=True,
            location=point(*VIČ),
        )
    long_ago = timezone.now() - dt.timedelta(days=3 * 365)
    OpportunityPage.objects.filter(title="Old club").update(first_published_at=long_ago)
    today = timezone.localdate()
    now = coverage(city_scope(city))
    assert now.counts[cell(VIČ)] == 2
    last_year = coverage(
        _scope(city, today - dt.timedelta(days=730), today - dt.timedelta(days=365))
    )
    assert last_year.counts[cell(VIČ)] == 1  # the new club did not exist yet
    assert last_year.counts[cell(PREŠERNOV_TRG)] == 0


# -- the JSON: dates, the table and its downloads ------------------------------------------------


def test_dates_out_of_range_are_a_400_with_a_message(city, people, client):  # noqa: F811
    client.force_login(people["superuser"])
    for day in ("0001-01-01", "9999-12-31"):
        params = {"site": city["site"].pk, "start": day, "end": day}
        response = client.get(reverse(CELLS), params)
        assert response.status_code == 400
        data = response.json()
        assert set(data["errors"]) == {"start", "end"}
        limit = "Choose a date on or after %(limit_value)s."
        if day.startswith("9"):
            limit = "Choose a date on or before %(limit_value)s."
        assert sl(limit).split("%")[0] in data["error"]
    ok = client.get(
        reverse(CELLS), {"site": city["site"].pk, "start": "2000-01-01", "end": "2999-12-31"}
    )
    assert ok.status_code == 200


def test_the_json_holds_the_filtered_table(city, people, client):  # noqa: F811
    client.force_login(people["superuser"])
    every = client.get(reverse(CELLS), {"site": city["site"].pk}).json()
    [figure] = coverage_section(city_scope(city)).figures
    assert [[c["text"] for c in row][1:] for row in every["rows"]][:2] == [
        ["2", cell(PREŠERNOV_TRG)],
        ["1", cell(BEŽIGRAD)],
    ]
    assert len(every["columns"]) == len(figure.columns) == 3
    assert len(every["rows"]) == len(figure.rows)
    music = client.get(reverse(CELLS), {"site": city["site"].pk, "interest": "music"}).json()
    [row] = music["rows"]  # no hexagon offers music: only the line of empty ones
    assert row[1] == {"text": "0", "number": True}
    assert row[2]["text"] == ""
    teens = client.get(reverse(CELLS), {"site": city["site"].pk, "band": "13-15"}).json()
    assert teens["rows"][0][1]["text"] == "1" and teens["rows"][0][2]["text"] in {
        cell(PREŠERNOV_TRG),
        cell(BEŽIGRAD),
    }


def test_the_downloads_hold_the_filtered_table(city, people, client):  # noqa: F811
    client.force_login(people["superuser"])
    params = {"site": city["site"].pk, "interest": "arts", "format": "csv"}
    response = client.get(reverse(CELLS), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "coverage-arts" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    counts = {row[2]: row[1] for row in rows[1:] if row[2]}
    assert counts == {cell(PREŠERNOV_TRG): "1", cell(BEŽIGRAD): "1"}  # drawing, murals
    xlsx = client.get(reverse(CELLS), {**params, "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    bad = client.get(reverse(CELLS), {**params, "format": "pdf"})
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["format"]
    client.force_login(people["provider_staff"])
    theirs = client.get(reverse(CELLS), params)
    counts = {row[2]: row[1] for row in csv.reader(io.StringIO(theirs.content.decode())) if row[2]}
    assert cell(PREŠERNOV_TRG) not in counts  # the other provider's drawing is not theirs
