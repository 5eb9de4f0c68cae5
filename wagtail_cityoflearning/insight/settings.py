"""Per-city settings of the insight app: the city's area and neighbourhoods, and whether
young people may suggest opportunities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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
        FieldPanel("boundary"),
    ]

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
