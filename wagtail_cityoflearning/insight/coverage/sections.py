"""The coverage map on the dashboard: one figure, the hexagons coloured by how many
opportunities each offers, and the table of the cells that offer any.

:func:`map_data` is what the map draws (the cells, their colours, the legend and a sentence
saying how many cells are empty); the map's filters fetch it again from ``views``.
"""

import math

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wagtail_cityoflearning.insight.bands import BAND_CHOICES, BAND_LABELS
from wagtail_cityoflearning.insight.coverage.cells import coverage
from wagtail_cityoflearning.insight.figures import HEXAGONS, SECTIONS_HOOK, Chart, Figure, Section
from wagtail_cityoflearning.map.labels import control_labels
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.models.taxonomy import Interest

TEMPLATE = "wagtail_cityoflearning_insight/coverage/map.html"
URL_NAMESPACE = "wagtail_cityoflearning_insight_coverage"
SECTION_ORDER = 20  # after the supply, before the demand

# A sequential palette (light to dark blue); every colour is darker than a cell without
# opportunities, which is white with grey hatching.
PALETTE = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
EMPTY_COLOUR = "#ffffff"
HATCH_COLOUR = "#505a5f"


def legend_bins(counts) -> list[tuple[int, int, str]]:
    """(lowest, highest, colour) of each class of the counts above zero: one class a count
    when there are few, else five of about as many cells each."""
    values = sorted(count for count in counts if count > 0)
    if not values:
        return []
    distinct = sorted(set(values))
    if len(distinct) <= len(PALETTE):
        uppers = distinct
    else:
        uppers = sorted(
            {values[math.ceil(len(values) * k / len(PALETTE)) - 1] for k in range(1, 6)}
        )
    n = len(uppers)
    if n >= len(PALETTE):
        colours = PALETTE
    elif n == 1:
        colours = [PALETTE[3]]
    else:  # fewer classes: leave out the lightest blue, the closest to an empty cell
        colours = [PALETTE[round(1 + i * (len(PALETTE) - 2) / (n - 1))] for i in range(n)]
    bins, low = [], 1
    for upper, colour in zip(uppers, colours, strict=True):
        bins.append((low, upper, colour))
        low = upper + 1
    return bins


def _bin_label(low: int, high: int) -> str:
    if low == high:
        return number_format(low)
    return f"{number_format(low)}–{number_format(high)}"


def _colour(count: int, bins) -> str:
    for low, high, colour in bins:
        if low <= count <= high:
            return colour
    return EMPTY_COLOUR


def cell_size(result) -> str:
    """About how large a cell is, in km², as people read it ("0.7")."""
    size = result.area.cell_km2
    return number_format(round(size, 1) if size >= 0.1 else round(size, 3))


def summary(result, interest_name: str = "", band: str = "") -> str:
    """The sentence under the filters, e.g. “38 of 120 areas of about 0.7 km² have no
    opportunity for ages 13–15.”"""
    if result.area is None:
        return gettext(
            "The city has no boundary in its insight settings and no opportunities or "
            "providers on the map yet, so there is no area to show."
        )
    params = {
        "empty": number_format(result.empty, force_grouping=True),
        "total": number_format(result.total, force_grouping=True),
        "size": cell_size(result),
        "interest": interest_name,
        "band": BAND_LABELS.get(band, ""),
    }
    if interest_name and band:
        text = gettext(
            "Areas of about %(size)s km² with no opportunity in %(interest)s for ages "
            "%(band)s: %(empty)s of %(total)s."
        )
    elif interest_name:
        text = gettext(
            "Areas of about %(size)s km² with no opportunity in %(interest)s: %(empty)s of "
            "%(total)s."
        )
    elif band:
        text = gettext(
            "Areas of about %(size)s km² with no opportunity for ages %(band)s: %(empty)s of "
            "%(total)s."
        )
    else:
        text = gettext(
            "Areas of about %(size)s km² with no in-person opportunity: %(empty)s of %(total)s."
        )
    text = text % params
    if result.later:
        # A period that reaches today also counts what is still to come, unlike the supply.
        text += " " + ngettext(
            "Opportunities counted: %(total)s, of which %(count)s is still to come, after the "
            "period.",
            "Opportunities counted: %(total)s, of which %(count)s are still to come, after the "
            "period.",
            result.later,
        ) % {
            "total": number_format(result.opportunities, force_grouping=True),
            "count": number_format(result.later, force_grouping=True),
        }
    return text


def map_data(result, interest_name: str = "", band: str = "") -> dict:
    """What the map draws: every cell with its count, colour and outline, the legend, the
    area's outline and the summary."""
    bins = legend_bins(result.counts.values())
    legend = [{"label": _bin_label(low, high), "colour": colour} for low, high, colour in bins]
    data = {
        "summary": summary(result, interest_name, band),
        "legend": legend,
        "emptyLabel": gettext("no opportunities"),
        "emptyColour": EMPTY_COLOUR,
        "hatchColour": HATCH_COLOUR,
        "cells": [],
        "outline": [],
        "outside": result.outside,
    }
    if result.area is None:
        return data
    data["cells"] = [
        {
            "id": cell,
            "count": count,
            "colour": _colour(count, bins),
            "outline": result.area.cells[cell],
        }
        for cell, count in result.counts.items()
    ]
    data["outline"] = [
        [[lat, lng] for lng, lat in ring] for polygon in result.area.polygons for ring in polygon
    ]
    return data


def _centre(outline) -> str:
    lat = sum(point[0] for point in outline) / len(outline)
    lng = sum(point[1] for point in outline) / len(outline)
    return f"{lat:.4f}, {lng:.4f}"


def table_columns() -> list[str]:
    return [
        gettext("Area (centre: latitude, longitude)"),
        gettext("Opportunities"),
        gettext("H3 cell"),
    ]


def table_rows(result) -> list:
    """The cells with opportunities, most first, then how many have none."""
    if result.area is None:
        return []
    busy = sorted(
        ((count, cell) for cell, count in result.counts.items() if count),
        key=lambda item: (-item[0], item[1]),
    )
    rows = [[_centre(result.area.cells[cell]), count, cell] for count, cell in busy]
    if result.empty:
        rows.append(
            [
                ngettext("%(count)s other area", "%(count)s other areas", result.empty)
                % {"count": number_format(result.empty, force_grouping=True)},
                0,
                "",
            ]
        )
    return rows


def note(result) -> str:
    parts = [
        gettext(
            "Counted: live opportunities held in person (or in person and online) with a "
            "point on the map, ongoing or with sessions in the period (or still to come, "
            "when the period reaches today). A cell with none is hatched."
        )
    ]
    if result.area is not None and not result.area.from_boundary:
        parts.append(
            gettext(
                "The city has no boundary in its insight settings: the area is the one "
                "around its opportunities and providers."
            )
        )
    if result.outside:
        parts.append(
            ngettext(
                "%(count)s opportunity lies outside the city's area and is not counted.",
                "%(count)s opportunities lie outside the city's area and are not counted.",
                result.outside,
            )
            % {"count": number_format(result.outside, force_grouping=True)}
        )
    return " ".join(parts)


def scope_params(scope) -> dict:
    """The GET parameters that name ``scope`` (as the dashboard's own)."""
    params = {"site": scope.site.pk, "start": scope.start.isoformat(), "end": scope.end.isoformat()}
    if scope.provider is not None:
        params["provider"] = scope.provider.pk
    return params


def interest_choices(site) -> list[tuple[str, str]]:
    """(slug, name) of the city's interests, in its language: one query."""
    return list(
        Interest.objects.filter(locale_id=site.root_page.locale_id)
        .order_by("sort_order", "name")
        .values_list("slug", "name")
    )


def coverage_figure(scope) -> Figure:
    result = coverage(scope)
    city = CityOfLearningSettings.for_site(scope.site)
    data = {
        "template": TEMPLATE,
        "url": reverse(f"{URL_NAMESPACE}:cells") + "?" + urlencode(scope_params(scope)),
        "map": {
            **city.map_options(),
            "labels": control_labels(city.effective_tile_attribution),
        },
        "interests": interest_choices(scope.site),
        "bands": BAND_CHOICES,
        "cells": map_data(result),
    }
    return Figure(
        key="coverage",
        title=gettext("Opportunities across the city"),
        columns=table_columns(),
        rows=table_rows(result),
        summary=data["cells"]["summary"],
        chart=Chart(kind=HEXAGONS, labels=[], series=[], data=data),
        note=note(result),
        empty=gettext("There is no area to show yet."),
    )


@hooks.register(SECTIONS_HOOK)
def coverage_section(scope) -> Section:
    return Section(
        key="coverage",
        title=str(_("Coverage")),
        figures=[coverage_figure(scope)],
        order=SECTION_ORDER,
        intro=gettext(
            "The city cut into hexagons, each coloured by how many in-person opportunities "
            "it offers: hatched hexagons offer none. Choose an interest or an age band to "
            "see where young people find nothing."
        ),
    )
