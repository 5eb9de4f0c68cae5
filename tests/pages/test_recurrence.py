"""Sessions that repeat: “every Tuesday and Thursday, 16:00 to 17:30, from 4 February to 12 June,
except 8 April”, in words, on the map's date filters, as the next session, in the feeds, in
calendars and when an opportunity is copied for next term."""

import datetime as dt
import json
import zoneinfo

import pytest
from dateutil.rrule import rrulestr
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext, pgettext
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset

from tests.factories import ProviderPageFactory, make_opportunity, session
from tests.pages.test_admin import opportunity_form_data, post_opportunity
from wagtail_cityoflearning import recurrence
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.map import cache as map_cache
from wagtail_cityoflearning.models import OpportunityMapPage, OpportunityPage, OpportunitySession
from wagtail_cityoflearning.structured_data import opportunity_data

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
LANGUAGE = "sl"  # Ljubljana's pages, and the admin of an editor who chose no language
RULE = "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20310612T215959Z"  # to Thursday 12 June 2031, 23:59:59


def at(day: str, time: str = "16:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=LJUBLJANA)


def club_session(**overrides) -> OpportunitySession:
    values = {
        "start": at("2031-02-04"),  # a Tuesday
        "end": at("2031-02-04", "17:30"),
        "repeat": RULE,
        "repeat_except": ["2031-04-08"],  # a Tuesday in the Easter holidays
    }
    values.update(overrides)
    return OpportunitySession(**values)


@pytest.fixture
def club(city, provider):
    return make_opportunity(
        provider, [city["interests"]["music"]], title="Choir club", sessions=[club_session()]
    )


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def map_page(city):
    page = OpportunityMapPage(title="Map", slug="map")
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def every_tuesday_and_thursday() -> str:
    """“Every Tuesday and Thursday” as Ljubljana's pages say it."""
    with translation.override(LANGUAGE):
        days = gettext("%(list)s and %(last)s") % {
            "list": pgettext("every weekday", "Tuesday"),
            "last": pgettext("every weekday", "Thursday"),
        }
        return gettext("Every %(days)s") % {"days": days}


def geojson_titles(client, map_page, query):
    response = client.get(f"{map_page.url}geojson/?{query}")
    assert response.status_code == 200, response.content
    return {f["properties"]["title"] for f in response.json()["features"]}


# -- the rule ---------------------------------------------------------------------------------


def test_occurrences_keep_their_wall_clock_time_across_daylight_saving_time():
    s = club_session()
    occurrences = recurrence.expand(s.start, s.end, s.repeat, s.repeat_except, LJUBLJANA)
    by_day = {o.start.astimezone(LJUBLJANA).date(): o for o in occurrences}
    before, after = by_day[dt.date(2031, 3, 25)], by_day[dt.date(2031, 4, 1)]  # clocks change 30.3.
    assert before.start.astimezone(LJUBLJANA).strftime("%H:%M") == "16:00"
    assert after.start.astimezone(LJUBLJANA).strftime("%H:%M") == "16:00"
    assert after.end.astimezone(LJUBLJANA).strftime("%H:%M") == "17:30"
    assert before.start.astimezone(dt.UTC).hour == 15 and after.start.astimezone(dt.UTC).hour == 14
    assert dt.date(2031, 4, 8) not in by_day  # the exception
    assert dt.date(2031, 4, 10) in by_day
    assert min(by_day) == dt.date(2031, 2, 4) and max(by_day) == dt.date(2031, 6, 12)
    assert {d.weekday() for d in by_day} == {1, 3}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Every Tuesday and Thursday, 4 p.m.–5:30 p.m., from February 4 to June 12, 2031, "
            "except April 8",
        ),
        ("sl", ["16:00–17:30", "4. februarja", "12. junija 2031", "8. aprila"]),
        ("it", ["16:00–17:30", "4 febbraio", "12 giugno 2031", "8 aprile"]),
    ],
)
def test_a_repeat_reads_in_words_in_each_language(language, expected):
    s = club_session()
    with translation.override(language):
        words = recurrence.describe(s.start, s.end, s.repeat, s.repeat_except, LJUBLJANA)
    if isinstance(expected, str):
        assert words == expected
    else:
        for part in expected:
            assert part in words, words


def test_every_two_weeks_and_monthly_read_in_words():
    start, end = at("2031-02-04"), at("2031-02-04", "17:30")
    with translation.override("en"):
        biweekly = recurrence.describe(
            start,
            end,
            recurrence.build_rule("biweekly", ["TU"], dt.date(2031, 3, 31), LJUBLJANA),
            [],
            LJUBLJANA,
        )
        monthly = recurrence.describe(
            start,
            None,
            recurrence.build_rule("monthly", [], dt.date(2031, 5, 31), LJUBLJANA),
            [],
            LJUBLJANA,
        )
    assert biweekly.startswith("Every 2 weeks on Tuesday, 4 p.m.–5:30 p.m., from February 4")
    assert biweekly.endswith("to March 18, 2031")
    assert monthly.startswith("Every month on day 4, 4 p.m., from February 4 to May 4, 2031")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "Say until when"),
        ("FREQ=DAILY;COUNT=1000", "at most 300 times"),
        ("FREQ=WEEKLY;UNTIL=20300101T000000Z", "ends before the session first starts"),
        ("FREQ=SOMETIMES", "cannot be read"),
        ("DTSTART:20310101T000000Z\nRRULE:FREQ=DAILY;COUNT=2", "cannot be read"),
    ],
)
def test_a_session_refuses_a_repeat_it_cannot_use(city, rule, message):
    s = club_session(repeat=rule, repeat_except=[])
    with pytest.raises(Exception) as error:
        s.clean()
    assert message in str(error.value)


# -- the page, the map and the feeds ------------------------------------------------------------


def test_the_page_runs_to_the_end_of_the_last_occurrence(club):
    assert club.starts_at == at("2031-02-04")
    assert club.ends_at == at("2031-06-12", "17:30")
    assert club.occurrences.count() == 37  # 38 Tuesdays and Thursdays, less 8 April


def test_next_session_is_the_next_occurrence_not_an_exception(club):
    next_ones = club.get_next_sessions(at=at("2031-04-04", "12:00"), limit=3)
    assert [o.start for o in next_ones] == [at("2031-04-10"), at("2031-04-15"), at("2031-04-17")]
    assert next_ones[0].session.repeat == RULE


@pytest.mark.parametrize(
    ("day", "listed"),
    [
        ("2031-03-04", True),  # a Tuesday
        ("2031-03-06", True),  # a Thursday
        ("2031-03-05", False),  # a Wednesday: the club does not meet
        ("2031-04-08", False),  # the Tuesday it is off
        ("2031-06-17", False),  # a Tuesday after it ended
    ],
)
def test_date_filters_match_only_the_days_a_weekly_club_meets(client, club, map_page, day, listed):
    titles = geojson_titles(client, map_page, f"date_from={day}&date_to={day}&ongoing=exclude")
    assert ("Choir club" in titles) is listed


def test_the_map_feed_and_list_give_the_next_occurrence(client, club, map_page, city, provider):
    # Half way through the term, the feed's "next" is the next Tuesday or Thursday, not 4.2.
    OpportunitySession.objects.filter(page=club).update(
        start=at("2026-12-01"),
        end=at("2026-12-01", "17:30"),
        repeat="FREQ=WEEKLY;BYDAY=TU,TH;COUNT=200",
    )
    club.refresh_from_db()
    club.save_revision().publish()
    now = timezone.localtime(timezone.now(), LJUBLJANA)
    response = client.get(f"{map_page.url}geojson/")
    feature = next(
        f for f in response.json()["features"] if f["properties"]["title"] == "Choir club"
    )
    next_start = dt.datetime.fromisoformat(feature["properties"]["next"].replace("Z", "+00:00"))
    assert next_start.astimezone(LJUBLJANA).weekday() in (1, 3)
    assert now - dt.timedelta(hours=2) <= next_start <= now + dt.timedelta(days=7)
    page = client.get(map_page.url + "?sort=soonest")
    assert escape(every_tuesday_and_thursday()) in page.content.decode()


def test_the_opportunity_page_shows_the_repeat_in_words_and_the_next_occurrence(client, club):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the visitor chose English
    html = client.get(club.url).content.decode()
    assert "Every Tuesday and Thursday" in html
    assert 'datetime="2031-02-04T16:00:00+01:00"' in html


def test_listing_queries_do_not_grow_with_repeating_sessions(client, city, provider, map_page):
    for i in range(2):
        make_opportunity(
            provider, [city["interests"]["music"]], title=f"Club {i}", sessions=[club_session()]
        )
    # The first request creates the city's settings rows with their defaults.
    assert client.get(map_page.url + "?sort=soonest").status_code == 200
    map_cache.invalidate()  # each list as read from the database, not as kept
    with CaptureQueriesContext(connection) as two:
        assert client.get(map_page.url + "?sort=soonest").status_code == 200
    for i in range(2, 6):
        make_opportunity(
            provider,
            [city["interests"]["music"]],
            title=f"Club {i}",
            sessions=[club_session(), session(5)],
        )
    map_cache.invalidate()
    with CaptureQueriesContext(connection) as six:
        assert client.get(map_page.url + "?sort=soonest").status_code == 200
    assert len(six) == len(two)


# -- calendars and structured data ------------------------------------------------------------


def test_ics_has_one_repeating_event_that_expands_to_the_same_dates(client, club):
    response = client.get(club.url + "ics/")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Ljubljana"
    assert calendar.walk("VTIMEZONE"), "a TZID needs its VTIMEZONE"
    rule = event["RRULE"].to_ical().decode()
    exdates = (
        [d.dt for d in event["EXDATE"].dts]
        if not isinstance(event["EXDATE"], list)
        else [d.dt for e in event["EXDATE"] for d in e.dts]
    )
    expanded = [d for d in rrulestr(rule, dtstart=event["DTSTART"].dt) if d not in set(exdates)]
    expected = [o.start for o in club.sessions.first().get_occurrences(LJUBLJANA)]
    assert expanded == expected
    assert len(expanded) == 37


def test_json_ld_gives_a_repeating_session_an_event_schedule(rf, club):
    data = opportunity_data(rf.get("/"), club)
    event = data if isinstance(data, dict) else data[0]
    schedule = event["eventSchedule"]
    assert schedule["@type"] == "Schedule"
    assert schedule["byDay"] == ["https://schema.org/Tuesday", "https://schema.org/Thursday"]
    assert schedule["repeatFrequency"] == "P1W"
    assert (schedule["startDate"], schedule["endDate"]) == ("2031-02-04", "2031-06-12")
    assert (schedule["startTime"], schedule["endTime"]) == ("16:00:00", "17:30:00")
    assert schedule["exceptDate"] == ["2031-04-08"]
    assert '"eventSchedule"' in json.dumps(data)


# -- the editor ---------------------------------------------------------------------------------


def repeat_session(**overrides):
    values = {
        "start": "2031-02-04 16:00",
        "end": "2031-02-04 17:30",
        "repeat": "weekly",
        "repeat_days": ["TU", "TH"],
        "repeat_until": "2031-06-12",
        "repeat_except": "2031-04-08\n10.4.2031",
    }
    values.update(overrides)
    return values


def post_with_sessions(client, city, *sessions):
    provider = ProviderPageFactory(parent=city["index"])
    data = opportunity_form_data(
        [city["interests"]["music"]], sessions=inline_formset(list(sessions))
    )
    # Checkbox lists post one value per box under the same name.
    for i, s in enumerate(sessions):
        days = s.get("repeat_days")
        for key in [k for k in data if k.startswith(f"sessions-{i}-repeat_days")]:
            del data[key]
        if days:
            data[f"sessions-{i}-repeat_days"] = days
    data["action-publish"] = "action-publish"
    return post_opportunity(client, provider, data)


def test_editor_builds_a_repeat_without_typing_a_rule(editor_client, city):
    response = post_with_sessions(editor_client, city, repeat_session())
    assert response.status_code == 302, response.context["form"].formsets["sessions"].errors
    page = OpportunityPage.objects.get()
    saved = page.sessions.get()
    assert saved.repeat == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20310612T215959Z"
    assert saved.repeat_except == ["2031-04-08", "2031-04-10"]
    assert page.occurrences.count() == 36
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    form = edit.context["form"].formsets["sessions"].forms[0]
    assert form.initial["repeat_days"] == ["TU", "TH"]
    assert form.initial["repeat"] == "weekly"
    assert form.initial["repeat_until"] == dt.date(2031, 6, 12)
    assert form["repeat_except"].value() == "2031-04-08\n2031-04-10"


NOT_A_DATE = "“%(value)s” is not a date: write it as 2027-04-06 or 6.4.2027."


def too_many() -> str:
    return ngettext(
        "A session can repeat at most %(count)s time: a calendar or the map lists each one. "
        "Choose an earlier end date, or add another session.",
        "A session can repeat at most %(count)s times: a calendar or the map lists each one. "
        "Choose an earlier end date, or add another session.",
        300,
    ) % {"count": 300}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"repeat_days": []},
            "repeat_days",
            lambda: [gettext("Choose the weekdays the session meets on.")],
        ),
        (
            {"repeat_until": ""},
            "repeat_until",
            lambda: [gettext("Say until when the session repeats.")],
        ),
        (
            {"repeat_until": "2031-01-31"},
            "repeat_until",
            lambda: [gettext("The repeat ends before the session first starts.")],
        ),
        (
            {
                "repeat_days": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
                "repeat_until": "2032-12-31",
            },
            "repeat",
            lambda: [too_many()],
        ),
        (
            {"repeat_except": "2031-04-08, next Easter"},
            "repeat_except",
            lambda: [gettext(NOT_A_DATE) % {"value": "next Easter"}],  # as the editor wrote it
        ),
        (
            {"repeat_except": "31.2.2031"},
            "repeat_except",
            lambda: [gettext(NOT_A_DATE) % {"value": "31.2.2031"}],
        ),
    ],
    ids=["no-weekdays", "no-end", "ends-before", "too-many", "not-a-date", "no-such-date"],
)
def test_a_repeat_the_editor_gets_wrong_is_a_field_error(
    editor_client, city, overrides, field, message
):
    response = post_with_sessions(editor_client, city, repeat_session(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].formsets["sessions"].forms[0].errors
    assert field in errors, errors
    with translation.override(LANGUAGE):
        shown = " ".join(str(error) for error in errors[field])
        for part in message():
            assert part in shown, shown
    assert not OpportunityPage.objects.exists()


# -- copying for next term ----------------------------------------------------------------------


def test_copying_an_opportunity_moves_its_sessions_to_new_dates(editor_client, club, provider):
    url = reverse("wagtailadmin_pages:copy", args=(club.pk,))
    form_page = editor_client.get(url)
    with translation.override(LANGUAGE):
        label = escape(gettext("Move the sessions to start on"))
    assert label in form_page.content.decode()
    response = editor_client.post(
        url,
        {
            "new_title": "Choir club, next term",
            "new_slug": "choir-club-next-term",
            "new_parent_page": provider.pk,
            "move_sessions_to": "2031-09-30",  # a Tuesday, 238 days later
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = OpportunityPage.objects.get(slug="choir-club-next-term")
    moved = copy.sessions.get()
    assert moved.start == at("2031-09-30")  # same wall-clock time, after the clocks changed
    assert moved.end == at("2031-09-30", "17:30")
    assert moved.repeat_except == ["2031-12-02"]  # 8 April, 238 days on: a Tuesday again
    until = recurrence.rule_parts(moved.repeat, LJUBLJANA)["until"]
    assert until == dt.date(2032, 2, 5)
    assert not copy.occurrences.filter(start__date=dt.date(2031, 12, 2)).exists()
    assert copy.occurrences.filter(start__date=dt.date(2031, 12, 4)).exists()
    # The original keeps its dates.
    assert club.sessions.get().start == at("2031-02-04")
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=(copy.pk,)))
    assert edit.context["form"].formsets["sessions"].forms[0].initial["repeat_until"] == until


def test_copying_without_a_date_keeps_the_sessions(editor_client, club, provider):
    url = reverse("wagtailadmin_pages:copy", args=(club.pk,))
    response = editor_client.post(
        url,
        {"new_title": "Choir copy", "new_slug": "choir-copy", "new_parent_page": provider.pk},
    )
    assert response.status_code == 302
    copy = OpportunityPage.objects.get(slug="choir-copy")
    assert copy.get_latest_revision_as_object().sessions.all()[0].start == at("2031-02-04")


def test_a_weekly_club_says_which_sessions_it_lists_not_how_many_it_has(client, club):
    html = client.get(club.url).content.decode()
    shown = cityoflearning_settings.OPPORTUNITY_SESSIONS_SHOWN
    with translation.override(LANGUAGE):
        next_ones = ngettext(
            "The next %(counter)s session", "The next %(counter)s sessions", shown
        ) % {"counter": shown}
        count = ngettext("%(counter)s session", "%(counter)s sessions", shown) % {"counter": shown}
    assert next_ones in html
    assert f">{count}<" not in html  # the club meets far more often than the list shows


def test_a_weekly_rule_without_weekdays_shows_the_first_sessions_day_and_saves_as_it_is(
    editor_client, city, provider
):
    """A weekly rule made elsewhere without BYDAY meets on its first session's weekday: the
    editor sees that day ticked and can save the page without touching the session."""
    tuesday = at("2031-02-04")
    page = make_opportunity(
        provider,
        [city["interests"]["music"]],
        sessions=[
            OpportunitySession(
                start=tuesday,
                end=tuesday + dt.timedelta(hours=1),
                repeat="FREQ=WEEKLY;UNTIL=20310311T225959Z",
            )
        ],
    )
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    form = edit.context["form"].formsets["sessions"].forms[0]
    assert form.initial["repeat"] == "weekly"
    assert form.initial["repeat_days"] == ["TU"]
    assert page.occurrences.count() == 6  # every Tuesday from 4 February to 11 March
