"""Per-city settings of the insight app: the city's area and neighbourhoods, and whether
young people may suggest opportunities."""

import json
import math

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from wagtail_cityoflearning.insight.coverage.boundary import bounds, parse_boundary
from wagtail_cityoflearning.map.labels import control_labels
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.panels import LEAFLET_CSS, LEAFLET_JS


class BoundaryWidget(forms.Textarea):
    """The boundary's GeoJSON text, with a small map drawing it (as typed) beside it."""

    template_name = "wagtail_cityoflearning_insight/coverage/boundary_widget.html"

    def __init__(self, attrs=None):
        attrs = {"rows": 8, "spellcheck": "false", "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs)
        self.map_options = {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_json"] = json.dumps(
            {
                **self.map_options,
                "labels": {
                    **self.map_options.get("labels", {}),
                    "unreadable": gettext("The map shows the boundary once it can be read."),
                },
            }
        )
        return context

    @property
    def media(self):
        return forms.Media(
            css={"all": (LEAFLET_CSS, "wagtail_cityoflearning_insight/coverage.css")},
            js=(LEAFLET_JS, "wagtail_cityoflearning_insight/boundary-preview.js"),
        )


# How far the city's map centre may lie from its boundary's box.
MAX_CENTRE_DISTANCE_KM = 50
FAR_FROM_CENTRE = _(
    "The boundary lies %(distance)s km from the city's map centre (latitude %(lat)s, "
    "longitude %(lng)s). Are latitude and longitude swapped? GeoJSON gives each point as "
    "[longitude, latitude]. Or is it another city's boundary?"
)


def km_to_box(lat: float, lng: float, box) -> float:
    """The distance in km from (lat, lng) to the nearest point of the box (west, south, east,
    north): zero inside it (great-circle, near enough for tens of kilometres)."""
    west, south, east, north = box
    near_lat, near_lng = min(max(lat, south), north), min(max(lng, west), east)
    phi1, phi2 = math.radians(lat), math.radians(near_lat)
    d_phi, d_lambda = phi2 - phi1, math.radians(near_lng - lng)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class InsightSettingsForm(WagtailAdminModelForm):
    """Checks the boundary (GeoJSON) and shows it on the city's map."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("boundary")
        site = getattr(self.instance, "site", None) if self.instance.site_id else None
        if field is not None and isinstance(field.widget, BoundaryWidget) and site is not None:
            city = CityOfLearningSettings.for_site(site)
            field.widget.map_options = {
                **city.map_options(),
                "labels": control_labels(city.effective_tile_attribution),
            }

    def clean_boundary(self):
        text = (self.cleaned_data.get("boundary") or "").strip()
        polygons = parse_boundary(text)
        if polygons and self.instance.site_id:
            self.check_near_the_city(polygons)
        return text

    def check_near_the_city(self, polygons):
        """Refuse a boundary far from the map centre the city set (coordinates swapped, or
        another city's boundary); without a centre of its own there is nothing to compare."""
        city = CityOfLearningSettings.for_site(self.instance.site)
        lat, lng = city.map_centre_latitude, city.map_centre_longitude
        if lat is None or lng is None:
            return
        distance = km_to_box(lat, lng, bounds(polygons))
        if distance > MAX_CENTRE_DISTANCE_KM:
            raise forms.ValidationError(
                FAR_FROM_CENTRE,
                code="far_from_centre",
                params={"distance": round(distance), "lat": lat, "lng": lng},
            )


@register_setting(icon="table")
class InsightSettings(BaseSiteSetting):
    """What the city's statistics and youth voice need to know about the city."""

    boundary = models.TextField(
        _("city boundary (GeoJSON)"),
        blank=True,
        help_text=_(
            "A GeoJSON Polygon or MultiPolygon (or a Feature or FeatureCollection holding "
            "one) in longitude and latitude. The coverage map divides this area into "
            "hexagons; without it, the area around the city's opportunities is used."
        ),
    )
    neighbourhoods = models.TextField(
        _("neighbourhoods"),
        blank=True,
        help_text=_(
            "One per line, as young people know them. The needs survey and the "
            "suggestions form offer them to choose from."
        ),
    )
    accepts_suggestions = models.BooleanField(
        _("accept suggestions from young people"),
        default=True,
        help_text=_("Show “Suggest an opportunity” on the map and the learner's dashboard."),
    )

    panels = [
        FieldPanel("accepts_suggestions"),
        FieldPanel("neighbourhoods"),
        FieldPanel("boundary", widget=BoundaryWidget),
    ]
    base_form_class = InsightSettingsForm

    class Meta:
        verbose_name = _("insight settings")
        verbose_name_plural = _("insight settings")

    @property
    def neighbourhood_list(self) -> list[str]:
        """The neighbourhoods, one per non-empty line, in the order the city wrote them."""
        seen = []
        for line in self.neighbourhoods.splitlines():
            name = line.strip()
            if name and name not in seen:
                seen.append(name)
        return seen
