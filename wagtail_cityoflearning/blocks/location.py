"""A point on a map inside a StreamField, built on geowidget's ``LeafletBlock``.

geowidget's block crashes on an empty value and ignores ``required`` and ``help_text``;
this one accepts an empty value, honours both, validates the point and is edited with the
package's location picker (a "latitude, longitude" box and a map, Leaflet from the package's
static files).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailgeowidget.blocks import LeafletBlock

from wagtail_cityoflearning.ewkt import format_point
from wagtail_cityoflearning.panels import (
    UNREADABLE_POINT,
    LocationPickerWidget,
    format_typed_point,
    location_help_text,
    parse_typed_point,
)


class LocationBlock(LeafletBlock):
    """A map point; its value is ``{"lat": float, "lng": float}`` or None when empty."""

    def __init__(
        self,
        address_field=None,
        zoom_field=None,
        required=False,
        help_text=None,
        hide_latlng=False,
        **kwargs,
    ):
        self._required = required
        self._help_text = help_text
        super().__init__(
            address_field=address_field,
            zoom_field=zoom_field,
            hide_latlng=hide_latlng,
            **kwargs,
        )

    class Meta:
        icon = "site"
        label = _("Location")
        template = "wagtail_cityoflearning/blocks/location.html"

    @cached_property
    def field(self):
        return forms.CharField(
            widget=LocationPickerWidget(address_field=self.address_field),
            required=self._required,
            help_text=self._help_text if self._help_text is not None else location_help_text(),
        )

    @staticmethod
    def _point(value):
        if not value:
            return None
        if isinstance(value, dict):
            try:
                return float(value["lat"]), float(value["lng"])
            except (KeyError, TypeError, ValueError):
                return None
        try:
            return parse_typed_point(value)
        except ValueError:
            return None

    def to_python(self, value):
        point = self._point(value)
        return {"lat": point[0], "lng": point[1]} if point else None

    def get_prep_value(self, value):
        point = self._point(value)
        return format_point(*point) if point else ""

    def value_for_form(self, value):
        point = self._point(value)
        return format_point(*point) if point else ""

    def value_from_form(self, value):
        return value or ""

    def clean(self, value):
        text = value if isinstance(value, str) else self.value_for_form(value)
        text = self.field.clean(text)  # raises “required” when the block is required
        if text:
            try:
                parse_typed_point(text)
            except ValueError:
                raise ValidationError(UNREADABLE_POINT) from None
        return self.to_python(text)

    def get_form_state(self, value):
        # The picker's box shows the point as "latitude, longitude".
        point = self._point(value)
        return format_typed_point(*point) if point else ""

    def normalize(self, value):
        return self.to_python(value)

    def render_form(self, value, prefix="", errors=None):
        return blocks.FieldBlock.render_form(self, self.value_for_form(value), prefix, errors)
