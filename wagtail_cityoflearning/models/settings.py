"""Per-city settings that editors change in the admin (one row per Wagtail Site)."""

import zoneinfo
from functools import cached_property

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from wagtail_cityoflearning.conf import cityoflearning_settings


def timezone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


@register_setting(icon="site")
class CityOfLearningSettings(BaseSiteSetting):
    """The city's name, icon, map defaults, tile server, timezone and contact address."""

    city_name = models.CharField(_("city name"), max_length=100, blank=True)
    map_centre_latitude = models.FloatField(
        _("map centre latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    map_centre_longitude = models.FloatField(
        _("map centre longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    map_zoom = models.PositiveSmallIntegerField(
        _("map zoom"),
        default=13,
        validators=[MinValueValidator(1), MaxValueValidator(19)],
        help_text=_("1 shows the whole world, 13 a city, 18 a street."),
    )
    tile_url = models.CharField(
        _("tile URL template"),
        max_length=255,
        blank=True,
        help_text=_(
            "The map tile server, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. "
            "Leave empty for the default. It is the only outside host the public pages use."
        ),
    )
    tile_attribution = models.CharField(
        _("tile attribution"),
        max_length=255,
        blank=True,
        help_text=_("Credit required by the tile server; HTML links are allowed."),
    )
    timezone = models.CharField(
        _("timezone"),
        max_length=64,
        default="Europe/Ljubljana",
        choices=timezone_choices,
        help_text=_("Session times are shown in this timezone."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    age_of_digital_consent = models.PositiveSmallIntegerField(
        _("age of digital consent"),
        default=16,
        validators=[MinValueValidator(13), MaxValueValidator(16)],
        help_text=_(
            "Young people below this age need a parent's or guardian's consent before the "
            "platform stores their learning (GDPR article 8: 16 unless the country set "
            "13 to 15; Slovenia 15, Italy 14)."
        ),
    )

    favicon = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("site icon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A square image shown in browser tabs and on phones' home screens (at least "
            "180 × 180 pixels). Leave empty for the City of Learning icon."
        ),
    )

    panels = [
        FieldPanel("city_name"),
        FieldPanel("favicon"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("map_centre_latitude"), FieldPanel("map_centre_longitude")]
                ),
                FieldPanel("map_zoom"),
                FieldPanel("tile_url"),
                FieldPanel("tile_attribution"),
            ],
            heading=_("Map"),
        ),
        FieldPanel("timezone"),
        FieldPanel("contact_email"),
        FieldPanel("age_of_digital_consent"),
    ]

    class Meta:
        verbose_name = _("City of Learning settings")
        verbose_name_plural = _("City of Learning settings")

    def __str__(self):
        return self.city_name or str(self.site)

    @property
    def map_centre(self) -> tuple[float, float]:
        """The (lat, lng) the maps open on: this site's, else the package default."""
        if self.map_centre_latitude is not None and self.map_centre_longitude is not None:
            return (self.map_centre_latitude, self.map_centre_longitude)
        return tuple(cityoflearning_settings.DEFAULT_MAP_CENTRE)

    @property
    def effective_tile_url(self) -> str:
        return self.tile_url or cityoflearning_settings.DEFAULT_TILE_URL

    @property
    def effective_tile_attribution(self) -> str:
        if self.tile_url:
            return self.tile_attribution
        return self.tile_attribution or cityoflearning_settings.DEFAULT_TILE_ATTRIBUTION

    @cached_property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def map_options(self) -> dict:
        """What the map scripts need, serialised into a data attribute."""
        lat, lng = self.map_centre
        return {
            "centre": [lat, lng],
            "zoom": self.map_zoom,
            "tileUrl": self.effective_tile_url,
            "attribution": self.effective_tile_attribution,
            "timezone": self.timezone,
        }
