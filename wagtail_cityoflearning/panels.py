"""Admin panels for locations: geowidget's panels, with Leaflet served from our static files."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.telepath import register
from wagtailgeowidget.panels import GeoAddressPanel, LeafletPanel
from wagtailgeowidget.widgets import LeafletField, LeafletFieldAdapter

from wagtail_cityoflearning.conf import cityoflearning_settings

LEAFLET_JS = "wagtail_cityoflearning/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "wagtail_cityoflearning/vendor/leaflet/leaflet.css"


class VendoredLeafletField(LeafletField):
    """geowidget's map picker loading the package's own copy of Leaflet instead of a CDN."""

    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", LEAFLET_CSS)},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                LEAFLET_JS,
                "wagtail_cityoflearning/js/leaflet-icon-path.js",
            ),
        )


register(LeafletFieldAdapter(), VendoredLeafletField)


class LocationPanel(LeafletPanel):
    """A map to pick the point, synced with the address field (``address_field``)."""

    def widget_overrides(self):
        widgets = super().widget_overrides()
        original = widgets[self.field_name]
        widgets[self.field_name] = VendoredLeafletField(
            address_field=original.address_field,
            zoom_field=original.zoom_field,
            hide_latlng=original.hide_latlng,
            zoom=original.zoom,
            srid=original.srid,
            id_prefix="id_",
        )
        return widgets


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
    """Inline children with dates and times (sessions), saying in which time zone they are."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            zone = getattr(self.form, "city_time_zone", None)
            if zone is not None:
                self.help_text = _("Times are in the city's time zone, %(zone)s.") % {
                    "zone": str(zone)
                }
