"""The words of Leaflet's own controls, in the page's language, for every map the package
draws: the opportunity map, the small location maps and the admin's location picker."""

from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext as _

from wagtail_cityoflearning.conf import cityoflearning_settings

OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"


def tile_attribution(attribution: str) -> str:
    """The package's default attribution in the page's language; a site's own as it is."""
    if attribution != cityoflearning_settings.DEFAULT_TILE_ATTRIBUTION:
        return attribution
    link = format_html('<a href="{}">OpenStreetMap</a>', OSM_COPYRIGHT)
    return format_html(conditional_escape(_("© {link} contributors")), link=link)


def control_labels(attribution: str) -> dict:
    """Names for the zoom buttons, the layers control, a popup's close button and the
    Leaflet link, and the tiles' attribution: rendered into the page as JSON."""
    return {
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "layers": _("Map layers"),
        "closePopup": _("Close"),
        "leaflet": _("Leaflet, a JavaScript library for interactive maps"),
        "attribution": tile_attribution(attribution),
    }
