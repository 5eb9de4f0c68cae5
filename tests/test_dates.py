"""Dates read as each language writes them: the package's named formats (``dates.py``) on the
opportunity pages, the cards and in templates, in Slovenian, Italian and English."""

from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from tests.factories import make_city, make_opportunity, make_provider
from wagtail_cityoflearning.dates import FORMAT_NAMES, format_date
from wagtail_cityoflearning.models import OpportunityMapPage, OpportunitySession

LJUBLJANA = ZoneInfo("Europe/Ljubljana")
ROME = ZoneInfo("Europe/Rome")
FRIDAY = datetime(2026, 12, 4, 17, 0, tzinfo=LJUBLJANA)
MONDAY = datetime(2026, 12, 7, 9, 30, tzinfo=LJUBLJANA)
# Sessions on a page must be upcoming: the same days of the week, years ahead.
FUTURE_FRIDAY = datetime(2037, 12, 4, 17, 0, tzinfo=LJUBLJANA)
FUTURE_MONDAY = datetime(2037, 12, 7, 9, 30, tzinfo=LJUBLJANA)


def render(source, language, **context):
    template = Template(
        "{% load cityoflearning_dates tz %}{% timezone 'Europe/Ljubljana' %}"
        + source
        + "{% endtimezone %}"
    )
    with translation.override(language):
        return template.render(Context(context))


@pytest.mark.parametrize(
    ("language", "day_month", "date"),
    [
        ("sl", "pet., 4. decembra", "7. decembra 2026"),
        ("it", "ven 4 dicembre", "7 dicembre 2026"),
        ("en", "Fri December 4", "Dec. 7, 2026"),
    ],
)
def test_a_session_date_reads_as_the_language_writes_it(language, day_month, date):
    html = render(
        '{{ friday|local_date:"weekday_day_month" }}|{{ monday|local_date }}',
        language,
        friday=FRIDAY,
        monday=MONDAY,
    )
    assert html == f"{day_month}|{date}"


def test_slovenian_months_are_in_the_genitive_without_a_leading_zero():
    with translation.override("sl"):
        months = [format_date(datetime(2027, month, 1), "date") for month in range(1, 13)]
        weekday = format_date(MONDAY, "weekday_date")
    assert months[0] == "1. januarja 2027"
    assert months[2] == "1. marca 2027"
    assert months[11] == "1. decembra 2027"
    assert weekday == "ponedeljek, 7. decembra 2026"


def test_italian_days_and_months_are_lower_case():
    with translation.override("it"):
        texts = [format_date(FRIDAY, name) for name in FORMAT_NAMES]
    assert texts[:4] == [
        "4 dicembre 2026",
        "venerdì 4 dicembre 2026",
        "ven 4 dicembre 2026",
        "ven 4 dicembre",
    ]
    assert all(text == text.lower() for text in texts)


def test_times_are_shown_in_the_current_timezone_and_an_empty_date_is_empty():
    utc = FRIDAY.astimezone(ZoneInfo("UTC"))
    assert render('{{ when|local_date:"time" }}', "sl", when=utc) == "17:00"
    assert render('{{ when|local_date:"time" }}', "en", when=utc) == "5 p.m."
    assert render("[{{ nothing|local_date }}]", "sl", nothing=None) == "[]"


def test_an_unknown_format_name_says_which_names_exist():
    with pytest.raises(ValueError, match="weekday_date"):
        format_date(FRIDAY, "long")


def test_a_language_without_formats_of_the_package_uses_djangos():
    with translation.override("de"):
        assert format_date(MONDAY, "weekday_date") == "Montag, 7. Dezember 2026"
        assert format_date(datetime(2026, 5, 1), "month") == "Mai 2026"


@pytest.mark.parametrize(
    ("language", "month"),
    [("sl", "maj 2026"), ("it", "maggio 2026"), ("en", "May 2026")],
)
def test_a_month_reads_as_it_does_mid_sentence(language, month):
    with translation.override(language):
        assert format_date(datetime(2026, 5, 14), "month") == month


class VisibleText(HTMLParser):
    """The text a visitor reads: no tags, attributes, scripts or styles."""

    def __init__(self, html):
        super().__init__()
        self.parts, self._hidden = [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style", "template")

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(" ".join(data.split()))

    def __str__(self):
        return " ".join(self.parts)


def visible(response) -> str:
    assert response.status_code == 200
    return str(VisibleText(response.content.decode()))


# -- on the pages --------------------------------------------------------------------------------


def sessions():
    return [
        OpportunitySession(start=FUTURE_FRIDAY, end=FUTURE_FRIDAY.replace(hour=19)),
        OpportunitySession(start=FUTURE_MONDAY),
    ]


@pytest.mark.django_db
def test_a_slovenian_opportunity_page_writes_dates_in_slovenian(client, city, provider):
    page = make_opportunity(provider, [city["interests"]["music"]], sessions=sessions())
    html = visible(client.get(page.url))
    assert "petek, 4. decembra 2037, 17:00" in html  # at a glance
    assert "pet., 4. decembra 2037, 17:00" in html  # the list of sessions
    assert "pon., 7. decembra 2037, 09:30" in html
    assert "december 2037" not in html
    assert "Europe/" not in html
    assert "Vse ure so po lokalnem času." in html


@pytest.mark.django_db
def test_an_italian_opportunity_page_and_card_write_dates_in_lower_case(client):
    cagliari = make_city("cagliari.localhost", language="it", is_default=False, name="Cagliari")
    provider = make_provider(cagliari)
    page = make_opportunity(provider, [cagliari["interests"]["music"]], sessions=sessions())
    map_page = OpportunityMapPage(title="Mappa", slug="mappa")
    cagliari["home"].add_child(instance=map_page)
    map_page.save_revision().publish()

    html = visible(client.get(page.url, HTTP_HOST="cagliari.localhost"))
    assert "venerdì 4 dicembre 2037, 17:00" in html
    assert "ven 4 dicembre 2037, 17:00" in html
    assert "Dicembre" not in html
    assert "Europe/" not in html

    listing = visible(client.get(map_page.url, HTTP_HOST="cagliari.localhost"))
    assert "ven 4 dicembre, 17:00" in listing


@pytest.mark.django_db
def test_the_card_on_the_map_writes_the_slovenian_date(client, city, provider):
    make_opportunity(provider, [city["interests"]["music"]], sessions=sessions())
    map_page = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=map_page)
    map_page.save_revision().publish()
    html = visible(client.get(map_page.url))
    assert "pet., 4. decembra, 17:00" in html


@pytest.mark.django_db
def test_english_keeps_its_style(client, city, provider):
    page = make_opportunity(provider, [city["interests"]["music"]], sessions=sessions())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = visible(client.get(page.url))
    assert "Friday, Dec. 4, 2037, 5 p.m." in html
    assert "Europe/" not in html
