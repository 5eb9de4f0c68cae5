"""The “add to calendar” download and the schema.org description of an opportunity."""

import datetime as dt
import json

from icalendar import Calendar

from tests.factories import make_opportunity, session
from wagtail_cityoflearning.structured_data import opportunity_data


def test_ics_download_is_valid_icalendar_with_one_event_per_session(client, opportunity):
    response = client.get(opportunity.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    sessions = sorted(opportunity.sessions.all(), key=lambda s: s.start)
    assert sorted(e.decoded("DTSTART") for e in events) == [s.start for s in sessions]
    event = events[0]
    assert str(event["SUMMARY"]) == opportunity.title
    assert str(event["LOCATION"]) == opportunity.address
    assert event["GEO"].latitude == opportunity.latitude
    assert str(event["URL"]).endswith(opportunity.url)
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == 2


def test_ics_uids_are_stable_across_downloads(client, opportunity):
    first = Calendar.from_ical(client.get(opportunity.url + "ics/").content)
    second = Calendar.from_ical(client.get(opportunity.url + "ics/").content)
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [
        str(e["UID"]) for e in second.walk("VEVENT")
    ]


def test_online_opportunity_calendar_points_to_the_online_link(client, city, provider):
    page = make_opportunity(
        provider,
        [city["interests"]["music"]],
        mode="online",
        address="",
        location="",
        online_url="https://meet.example.org/jam",
    )
    calendar = Calendar.from_ical(client.get(page.url + "ics/").content)
    event = calendar.walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "https://meet.example.org/jam"
    assert "GEO" not in event


def test_dated_opportunity_is_an_event(rf, opportunity):
    data = opportunity_data(rf.get("/"), opportunity)
    events = data if isinstance(data, list) else [data]
    first = events[0]
    assert first["@context"] == "https://schema.org"
    assert first["@type"] == "Event"
    assert first["name"] == opportunity.title
    assert dt.datetime.fromisoformat(first["startDate"]) == opportunity.next_session.start
    assert first["location"]["geo"]["latitude"] == opportunity.latitude
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert first["offers"]["price"] == "0"
    assert first["organizer"]["name"] == opportunity.provider.title
    assert first["typicalAgeRange"] == "13-19"


def test_ongoing_opportunity_is_a_course(rf, city, provider):
    page = make_opportunity(
        provider,
        [city["interests"]["arts"]],
        sessions=[],
        is_ongoing=True,
        is_free=False,
        price="5,50 EUR a month",
    )
    data = opportunity_data(rf.get("/"), page)
    assert data["@type"] == "Course"
    assert data["provider"]["name"] == provider.title
    assert data["offers"]["price"] == "5.50"
    assert data["hasCourseInstance"]["courseMode"] == "onsite"
    json.dumps(data)  # serialisable


def test_hybrid_event_has_both_places(rf, city, provider):
    page = make_opportunity(
        provider,
        [city["interests"]["arts"]],
        sessions=[session(2)],
        mode="hybrid",
        online_url="https://meet.example.org/a",
    )
    data = opportunity_data(rf.get("/"), page)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}


def test_json_ld_cannot_break_out_of_its_script_element(client, city, provider):
    page = make_opportunity(provider, [city["interests"]["arts"]], summary="</script><b>x</b>")
    html = client.get(page.url).content.decode()
    assert "</script><b>x</b>" not in html
    assert "\\u003C/script\\u003E" in html


def test_json_ld_escapes_a_script_in_the_title_and_summary(client, city, provider):
    attack = "</script><script>alert(1)</script>"
    page = make_opportunity(
        provider, [city["interests"]["arts"]], title=f"Jam {attack}", summary=attack
    )
    html = client.get(page.url).content.decode()
    opening = '<script type="application/ld+json">'
    assert html.count(opening) == 1
    block = html.split(opening, 1)[1].split("</script>", 1)[0]
    assert "</script" not in block.lower() and "<script" not in block.lower()
    data = json.loads(block)
    events = data if isinstance(data, list) else [data]
    assert {e["name"] for e in events} == {f"Jam {attack}"}
    assert {e["description"] for e in events} == {attack}
    assert "<script>alert(1)" not in html
