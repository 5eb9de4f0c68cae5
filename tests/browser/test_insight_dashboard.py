"""The City insight dashboard of the demo city in Chromium: the charts are drawn at a phone's
and a desktop's width, nothing is wider than the window, and axe finds no violation."""

from urllib.parse import urlsplit

import pytest

from tests.browser.axe import assert_no_violations
from tests.browser.conftest import ARTIFACTS, open_page
from tests.browser.demo_server import EDITOR, demo_server  # noqa: F401
from wagtail_cityoflearning.conf import cityoflearning_settings

SCREENS = ARTIFACTS / "screens"
TILE_HOST = urlsplit(cityoflearning_settings.DEFAULT_TILE_URL).netloc  # the demo cities' tiles
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

DRAWN = """() => [...document.querySelectorAll("[data-insight-chart] canvas")].map((canvas) => {
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted += 1;
    return {width: canvas.clientWidth, painted: painted};
})"""


def log_in(page, server):
    open_page(page, server.url + "/admin/login/")
    page.fill("#id_username", EDITOR[0])
    page.fill("#id_password", EDITOR[1])
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_the_dashboard_draws_its_charts(open_tab, demo_server, viewport):  # noqa: F811
    tab = open_tab(viewport, locale="en-GB", reduced_motion="reduce")
    page = tab.page
    log_in(page, demo_server)
    open_page(page, demo_server.url + "/admin/insight/")
    page.wait_for_selector("[data-insight-chart][data-drawn='1']")
    charts = page.evaluate(DRAWN)
    assert charts, "no chart on the dashboard"
    for chart in charts:
        assert chart["painted"] > 0, charts
        assert chart["width"] <= viewport["width"], charts
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page is {width} px wide"
    assert page.locator("table caption").count() == len(page.locator("table").all())
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENS / f"insight-dashboard-{viewport['width']}.png"), full_page=True
    )
    assert not tab.errors, tab.errors
    # The site itself, and the tile server the city configured (the coverage map's tiles).
    assert tab.hosts() <= {f"localhost:{demo_server.port}", TILE_HOST}, tab.hosts()


def test_axe_finds_no_violation_on_the_dashboard_and_its_summary(open_tab, demo_server):  # noqa: F811
    tab = open_tab(DESKTOP, locale="en-GB")
    page = tab.page
    log_in(page, demo_server)
    open_page(page, demo_server.url + "/admin/insight/")
    page.wait_for_selector("[data-insight-chart][data-drawn='1']")
    assert_no_violations(page, "the insight dashboard")
    page.click("a[href*='/admin/insight/print/']")  # "Print summary", in the city's language
    page.wait_for_selector("[data-insight-print]")
    assert_no_violations(page, "the insight summary")
    page.emulate_media(media="print")
    assert page.locator(".insight__filters, #wagtail-sidebar").first.is_hidden()
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "insight-summary-print.png"), full_page=True)


FITTING = """() => [...document.querySelectorAll("[data-insight-chart] canvas")].map((canvas) => {
    const chart = window.Chart.getChart(canvas);
    const axis = chart.options.indexAxis === "y" ? chart.scales.y : chart.scales.x;
    const context = canvas.getContext("2d");
    context.font = window.Chart.helpers.toFont(axis.options.ticks.font).string;
    const room = chart.options.indexAxis === "y" ? axis.width : canvas.clientWidth;
    const widest = Math.max(0, ...chart.data.labels.flat().map((line) => context.measureText(line).width));
    return {kind: chart.config.type, room: room, widest: widest, left: axis.left};
})"""


def test_long_labels_fit_beside_the_bars_on_a_phone(open_tab, demo_server):  # noqa: F811
    tab = open_tab(PHONE, locale="sl-SI", reduced_motion="reduce")
    page = tab.page
    log_in(page, demo_server)
    open_page(page, demo_server.url + "/admin/insight/")
    page.wait_for_selector("[data-insight-chart][data-drawn='1']")
    charts = page.evaluate(FITTING)
    assert charts
    for chart in charts:
        # Every line of every label is drawn whole, inside the canvas.
        assert chart["left"] >= 0 and chart["widest"] <= chart["room"] + 1, chart
    assert not tab.errors, tab.errors
