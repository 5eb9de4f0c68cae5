"""In a real browser: the coverage map draws its hexagons, hatches the empty ones, and the
interest and age band filters redraw them; the insight settings show the boundary on a map."""

import json

import pytest
from playwright.sync_api import expect

from example_site.demo import insight_coverage
from tests.browser.conftest import open_page
from tests.factories import make_city, make_opportunity, make_provider
from wagtail_cityoflearning.insight.settings import InsightSettings

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("tests.browser.coverage_urls"),
]

TILE_HOST = "tile.openstreetmap.org"
READY = '[data-col-coverage][data-ready="1"]'
SPOTS = [  # (lat, lng, interest, age_min, age_max)
    (46.0513, 14.5058, "science-technology", 13, 15),
    (46.0513, 14.5060, "arts", 16, 19),
    (46.0556, 14.5120, "arts", None, None),
    (46.0620, 14.5030, "music", 13, 19),
    (46.0450, 14.4870, "sports", 20, 29),
    (46.0700, 14.5300, "science-technology", 16, 18),
    (46.0400, 14.5200, "arts", 13, 29),
]


@pytest.fixture
def city(live_server, django_user_model):
    city = make_city()
    settings = InsightSettings.for_site(city["site"])
    settings.boundary = insight_coverage.boundary("ljubljana")
    settings.save()
    provider = make_provider(city, title="Maker lab")
    for number, (lat, lng, interest, low, high) in enumerate(SPOTS):
        make_opportunity(
            provider,
            [city["interests"][interest]],
            title=f"Club {number}",
            location=f"SRID=4326;POINT({lng} {lat})",
            age_min=low,
            age_max=high,
        )
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pw")
    return city


def log_in(tab, live_server):
    page = tab.page
    open_page(page, live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "secret-pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def counts(page):
    return page.evaluate(
        """() => ({
            cells: document.querySelectorAll('[data-col-coverage-map] path.col-coverage__cell').length,
            empty: document.querySelectorAll('[data-col-coverage-map] path.col-coverage__cell--empty').length,
            hatched: [...document.querySelectorAll('[data-col-coverage-map] path.col-coverage__cell--empty')]
                .every((path) => path.getAttribute('fill') === 'url(#coverage-hatch)'),
            summary: document.getElementById('figure-coverage-summary')?.textContent.trim(),
            announced: document.querySelector('[data-col-coverage-announce]').textContent.trim(),
            rows: [...document.querySelectorAll('#figure-coverage table tbody tr')]
                .map((tr) => [...tr.children].map((cell) => cell.textContent.trim())),
            downloads: [...document.querySelectorAll('#figure-coverage a[download]')]
                .map((link) => link.getAttribute('href')),
        })"""
    )


def test_the_filters_redraw_the_map_its_summary_its_table_and_downloads(
    live_server, city, open_tab
):
    tab = open_tab({"width": 1366, "height": 900}, locale="en-GB")
    page = tab.page
    log_in(tab, live_server)
    open_page(page, live_server.url + "/admin/insight/")
    page.wait_for_selector(READY, state="attached")
    before = counts(page)
    assert before["cells"] > 300  # Ljubljana's area in cells of 0.7 km²
    assert 0 < before["empty"] < before["cells"] and before["hatched"]
    # One visible summary (the figure's); the live region speaks only of changes.
    assert (
        f"{before['empty']} " in before["summary"] and f" {before['cells']}." in before["summary"]
    )
    assert before["announced"] == ""
    assert page.get_by_text(before["summary"], exact=True).count() == 1
    assert before["rows"][-1][0].split()[0] == str(before["empty"])  # "439 other areas"
    assert all("download=coverage" in href for href in before["downloads"])
    legend = page.locator("[data-col-coverage-legend-items] li")
    empty_label = page.evaluate(
        "() => JSON.parse(document.getElementById('coverage-cells').textContent).emptyLabel"
    )
    assert legend.first.inner_text() == empty_label  # "no opportunities", in Slovenian
    assert legend.count() >= 2

    page.locator("#coverage-band").select_option("13-15")
    summary = page.locator("#figure-coverage-summary")
    expect(summary).to_contain_text("13–15")
    page.wait_for_selector(READY, state="attached")
    teens = counts(page)
    assert teens["cells"] == before["cells"]
    assert teens["empty"] > before["empty"]  # the sports club (20–29) and one more go
    assert teens["announced"] == teens["summary"]
    # The table (the map's accessible alternative) and its downloads follow the filters.
    assert teens["rows"][-1][0].split()[0] == str(teens["empty"])
    busy = sum(int(row[1]) for row in teens["rows"][:-1])
    assert busy == sum(
        1 for _lat, _lng, _i, low, high in SPOTS if (low or 0) <= 15 and (high or 99) >= 13
    )
    assert all("band=13-15" in href and "/coverage/cells/" in href for href in teens["downloads"])
    csv_href = next(href for href in teens["downloads"] if "format=csv" in href)
    download = page.request.get(live_server.url + csv_href)
    assert download.ok and download.text().splitlines()[-1].startswith(f"{teens['empty']} ")

    page.locator("#coverage-interest").select_option("music")
    expect(summary).to_contain_text("Glasba")
    expect(summary).to_contain_text("13–15")
    page.wait_for_selector(READY, state="attached")
    music = counts(page)
    assert music["empty"] == music["cells"] - 1
    assert len(music["rows"]) == 2 and music["rows"][0][1] == "1"
    assert tab.errors == []
    assert tab.hosts() <= {live_server.url.split("//")[1], TILE_HOST}
    page.locator("#coverage-interest").select_option("")
    page.locator("#coverage-band").select_option("")
    expect(summary).to_have_text(before["summary"])
    page.wait_for_selector(READY, state="attached")
    after = counts(page)
    assert after["rows"] == before["rows"] and after["downloads"] == before["downloads"]
    page.locator("#figure-coverage").scroll_into_view_if_needed()
    tab.screenshot("screens/insight-coverage-1366")


def test_the_map_fits_a_phone(live_server, city, open_tab):
    tab = open_tab({"width": 390, "height": 844}, locale="en-GB")
    page = tab.page
    log_in(tab, live_server)
    open_page(page, live_server.url + "/coverage-test/")
    page.wait_for_selector(READY, state="attached")
    assert counts(page)["cells"] > 300
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
    box = page.locator("[data-col-coverage-map]").bounding_box()
    assert box["width"] <= 390 and box["height"] >= 250
    tab.screenshot("screens/insight-coverage-390")


def test_the_settings_show_the_boundary_on_a_map(live_server, city, open_tab):
    tab = open_tab({"width": 1366, "height": 900}, locale="en-GB")
    page = tab.page
    log_in(tab, live_server)
    url = (
        f"{live_server.url}/admin/settings/wagtail_cityoflearning_insight/insightsettings/"
        f"{city['site'].pk}/"
    )
    open_page(page, url)
    page.wait_for_selector('[data-col-boundary][data-drawn="1"]', state="attached")
    assert page.locator("[data-col-boundary-map] path").count() == 1
    # A boundary that cannot be read: the map says so, and saving shows the form's error.
    page.fill("#id_boundary", '{"type": "Polygon", "coordinates": [[[14.5, 46.0]')
    page.wait_for_selector('[data-col-boundary][data-drawn="0"]', state="attached")
    assert page.locator("[data-col-boundary-map] path").count() == 0
    page.fill("#id_boundary", json.dumps({"type": "Point", "coordinates": [14.5, 46.0]}))
    page.locator("footer button[type=submit].button-longrunning").first.click()
    page.wait_for_selector(".error-message, .w-field__errors", state="attached")
    assert "Point" in page.locator("main").inner_text()  # "… this is Point", in Slovenian
    tab.screenshot("screens/insight-settings-boundary-1366")
