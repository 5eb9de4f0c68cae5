"""Admin panels and widgets: the location picker (a map and a "latitude, longitude" box),
the address field and inline panels in the city's time zone."""

import json
import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.panels.base import get_form_for_model
from wagtailgeowidget.app_settings import (
    GEO_WIDGET_LEAFLET_TILE_LAYER,
    GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS,
)
from wagtailgeowidget.panels import GeoAddressPanel

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.ewkt import format_point, parse_point
from wagtail_cityoflearning.map.labels import control_labels

LEAFLET_JS = "wagtail_cityoflearning/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "wagtail_cityoflearning/vendor/leaflet/leaflet.css"

# The zoom the picker opens at on a known point (a street's houses).
POINT_ZOOM = 16
# The zoom it opens at on the city's centre when the city's settings give none.
CITY_ZOOM = 13

UNREADABLE_POINT = _(
    "This location could not be read: type the latitude and longitude as two numbers "
    "separated by a comma, e.g. 39.2238, 9.1217, or click the map."
)

_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def parse_typed_point(text: str | None) -> tuple[float, float] | None:
    """The ``(lat, lng)`` an editor typed or the picker wrote, None when the text is empty.

    Accepts ``"39.2238, 9.1217"`` (also with spaces only, or ``;`` between the two numbers
    and decimal commas: ``"39,2238; 9,1217"``) and the stored EWKT
    (``"SRID=4326;POINT(9.1217 39.2238)"``). Raises ``ValueError`` for anything else or
    for a point outside the globe. The picker's script reads the box by the same rules.
    """
    value = (text or "").strip()
    if not value:
        return None
    if "POINT" in value.upper():
        return parse_point(value)
    if ";" in value:
        parts = [part.strip().replace(",", ".") for part in value.split(";")]
    else:
        parts = re.split(r"\s*,\s*|\s+", value)
    if len(parts) != 2 or not all(_NUMBER.match(part) for part in parts):
        raise ValueError(f"Not a latitude and longitude: {value!r}")
    lat, lng = float(parts[0]), float(parts[1])
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise ValueError(f"Point outside the globe: {value!r}")
    return lat, lng


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def format_typed_point(lat: float, lng: float) -> str:
    """``"39.2238, 9.1217"``: a point as the picker's box shows it (the stored precision,
    six decimals, without trailing zeros)."""
    return f"{_number(lat)}, {_number(lng)}"


def location_help_text():
    """What the picker offers, and only that: the address lookup when a geocoder is set.
    (A lazy string: block definitions keep it for every request's language.)"""
    if cityoflearning_settings.GEOCODER:
        return _(
            "Type the address above to find it on the map, or click the map to place the "
            "pin, drag the pin, or type the latitude and longitude, e.g. 39.2238, 9.1217."
        )
    return _(
        "Click the map to place the pin, drag the pin, or type the latitude and longitude, "
        "e.g. 39.2238, 9.1217."
    )


class LocationPickerWidget(forms.TextInput):
    """A text box with the point as "latitude, longitude" and a map to pick it.

    The box is the submitted value itself, so what the editor sees is what is saved, with or
    without the script: it holds the point or nothing, never a default. The map starts on the
    point; without one, on :attr:`start` (a form sets it to the provider's point or the
    city's centre). The value read from the form is the EWKT string the models store.
    """

    template_name = "wagtail_cityoflearning/widgets/location_picker.html"

    def __init__(self, attrs=None, *, address_field=None):
        attrs = {"autocomplete": "off", "spellcheck": "false", "maxlength": "250", **(attrs or {})}
        super().__init__(attrs)
        self.address_field = address_field or ""
        centre = cityoflearning_settings.DEFAULT_MAP_CENTRE
        self.start = {"lat": centre[0], "lng": centre[1], "zoom": CITY_ZOOM}
        self.tile_url = GEO_WIDGET_LEAFLET_TILE_LAYER
        self.tile_options = dict(GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS)
        # {"title", "address", "lat", "lng"} of the page's provider, offered as a button.
        self.provider = None
        # A line under the box, e.g. saying the point came from the provider.
        self.note = ""

    def format_value(self, value):
        try:
            point = parse_typed_point(value)
        except ValueError:
            return value  # shown as typed, with the form's error beside it
        return format_typed_point(*point) if point else None

    def value_from_datadict(self, data, files, name):
        text = data.get(name)
        if text is None:
            return None
        try:
            point = parse_typed_point(text)
        except ValueError:
            return text.strip()  # the form refuses it with a message
        return format_point(*point) if point else ""

    def options(self) -> dict:
        # Leaflet's controls and the default attribution in the editor's language.
        controls = control_labels(self.tile_options.get("attribution", ""))
        tile_options = dict(self.tile_options)
        if "attribution" in tile_options:
            tile_options["attribution"] = controls["attribution"]
        return {
            "start": self.start,
            "pointZoom": POINT_ZOOM,
            "tileUrl": self.tile_url,
            "tileOptions": tile_options,
            "addressField": self.address_field,
            "provider": self.provider,
            "labels": {
                **controls,
                "map": gettext(
                    "Map to pick the location: click to place the pin; the pin can be "
                    "dragged or moved with the arrow keys."
                ),
                "marker": gettext("Location pin: arrow keys move it"),
                "placed": gettext("The point is set to %(point)s."),
                "cleared": gettext("The point is cleared."),
                "empty": gettext("No point yet: click the map or type the coordinates."),
                "invalid": str(UNREADABLE_POINT),
                "providerUsed": gettext("The provider's address and point are filled in."),
            },
        }

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options_json"] = json.dumps(self.options())
        context["widget"]["note"] = self.note
        context["widget"]["provider"] = self.provider
        return context

    @property
    def media(self):
        return forms.Media(
            css={"all": (LEAFLET_CSS, "wagtail_cityoflearning/css/location-picker.css")},
            js=(
                LEAFLET_JS,
                "wagtail_cityoflearning/js/leaflet-icon-path.js",
                "wagtail_cityoflearning/js/location-picker.js",
            ),
        )


class LocationPanel(FieldPanel):
    """The location picker for a page's ``location``, synced with the address field
    (``address_field``) when a geocoder looks addresses up.

    The page's form (:class:`~wagtail_cityoflearning.forms.CityOfLearningPageForm`) tells the
    picker where to start and fills in a new page's point from its provider.
    """

    def __init__(self, *args, address_field="address", hide_latlng=False, **kwargs):
        # ``hide_latlng`` is accepted for older panel definitions: the box is always shown,
        # being the value that is saved and the way to set the point from the keyboard.
        self.address_field = address_field
        self.hide_latlng = hide_latlng
        kwargs.setdefault("widget", LocationPickerWidget(address_field=address_field))
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.update(address_field=self.address_field, hide_latlng=self.hide_latlng)
        return kwargs


class AddressPanel(GeoAddressPanel):
    """The address field; it looks addresses up with the geocoder named in the ``GEOCODER``
    setting, or, when that is empty (the default), is a plain text field so that the admin
    contacts no outside service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("geocoder", cityoflearning_settings.GEOCODER)
        super().__init__(*args, **kwargs)

    def get_form_options(self):
        if self.geocoder:
            return super().get_form_options()
        return FieldPanel.get_form_options(self)


class CityTimeInlinePanel(InlinePanel):
    """Inline children with dates and times (sessions), saying in which time zone they are.

    The children's form is their model's ``base_form_class`` when it has one (a session's
    builds its repeat from a few fields).
    """

    def get_form_options(self):
        options = super().get_form_options()
        model = self.db_field.related_model
        form_class = getattr(model, "base_form_class", None)
        if form_class is not None:
            deferred = self.child_edit_handler.get_form_options().get("defer_required_on_fields")
            extra = {"defer_required_on_fields": deferred} if deferred else {}
            options["formsets"][self.relation_name]["form"] = get_form_for_model(
                model, form_class=form_class, **extra
            )
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            zone = getattr(self.form, "city_time_zone", None)
            if zone is not None:
                self.help_text = _("Times are in the city's time zone, %(zone)s.") % {
                    "zone": str(zone)
                }
