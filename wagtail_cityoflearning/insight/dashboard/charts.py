"""What the dashboard's script needs to draw a figure's chart, and the colours it uses.

Every colour of :data:`PALETTE` has a contrast of at least 3:1 against the white background
(WCAG 1.4.11, non-text contrast). Series are told apart without colour too: each has its own
line dash and point shape (lines) or fill pattern (bars), and the legend names them.
"""

from wagtail_cityoflearning.insight.figures import BAR, HBAR, LINE
from wagtail_cityoflearning.insight.privacy import chart_value

PALETTE = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#525252"]
CHART_KINDS = {BAR, HBAR, LINE}


def relative_luminance(colour: str) -> float:
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str = "#ffffff") -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def chart_data(figure) -> dict | None:
    """The chart of ``figure`` as JSON for ``dashboard.js``; hidden counts are gaps."""
    chart = figure.chart
    if chart is None or chart.kind not in CHART_KINDS:
        return None
    return {
        "kind": chart.kind,
        "labels": [str(label) for label in chart.labels],
        "stacked": chart.stacked,
        "series": [
            {"label": str(series.label), "values": [chart_value(v) for v in series.values]}
            for series in chart.series
        ],
        "palette": PALETTE,
    }
