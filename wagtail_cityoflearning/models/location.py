"""An address and a point on the map, with indexed float coordinates for queries."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.ewkt import format_point, parse_point

try:  # wagtail-localize is optional: without it nothing reads the declarations below
    from wagtail_localize.fields import SynchronizedField
except ImportError:  # pragma: no cover
    SynchronizedField = None


def synchronised_fields(*names: str) -> list:
    """Tell wagtail-localize to copy ``names`` from the original to every translation.

    Such fields are never offered to translators and cannot be overridden in a translation:
    a place, a number or a link is the same in every language. For a model's
    ``override_translatable_fields``; an empty list when wagtail-localize is not installed.
    """
    if SynchronizedField is None:
        return []
    return [SynchronizedField(name, overridable=False) for name in names]


class LocationMixin(models.Model):
    """Adds ``address``, ``location`` (EWKT) and the synced ``latitude``/``longitude`` floats.

    ``location`` is what the editor's location picker writes; every query uses the floats,
    which :meth:`sync_coordinates` derives from it on each save.

    With wagtail-localize the address and the point are synchronised, never translated: a
    translation shows the same place, and moving the original's point moves every translation's.
    (By default wagtail-localize would offer the two text fields to translators and skip the
    non-editable floats.)
    """

    override_translatable_fields = synchronised_fields(
        "address", "location", "latitude", "longitude"
    )

    address = models.CharField(_("address"), max_length=255, blank=True)
    location = models.CharField(
        _("location"),
        max_length=250,
        blank=True,
        help_text=_(
            "Click the map to place the pin, drag the pin, or type the latitude and "
            "longitude, e.g. 39.2238, 9.1217."
        ),
    )
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, editable=False, db_index=True
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, editable=False, db_index=True
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.sync_coordinates()
        super().save(*args, **kwargs)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def set_location(self, lat: float, lng: float) -> None:
        """Set the point (both the EWKT text and the floats)."""
        self.location = format_point(lat, lng)
        self.latitude, self.longitude = lat, lng

    def sync_coordinates(self) -> None:
        """Derive ``latitude``/``longitude`` from ``location``; invalid text clears them."""
        try:
            point = parse_point(self.location)
        except ValueError:
            point = None
        self.latitude, self.longitude = point if point else (None, None)

    def clean_location(self) -> None:
        try:
            parse_point(self.location)
        except ValueError:
            raise ValidationError(
                {"location": _("Choose a point on the map; this location could not be read.")}
            ) from None

    def clean(self):
        super().clean()
        self.clean_location()
        self.sync_coordinates()
