"""Named places of a city (districts, schools, stations, squares) that the map's "near"
filter offers: a young person types or chooses one instead of sharing their location."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from wagtail_cityoflearning.models.location import LocationMixin
from wagtail_cityoflearning.panels import AddressPanel, LocationPanel


class PlaceKind(models.TextChoices):
    DISTRICT = "district", _("District")
    SCHOOL = "school", _("School")
    STATION = "station", _("Station")
    SQUARE = "square", _("Square")
    OTHER = "other", _("Other place")


class Place(LocationMixin):
    """A place of one city (Site) with its point; city editors keep their own city's list."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("city site"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.DISTRICT
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldPanel("kind"),
        AddressPanel("address"),
        LocationPanel("location", address_field="address", hide_latlng=False),
    ]

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="col_place_unique_name")
        ]

    def __str__(self):
        return self.name

    def clean_location(self) -> None:
        super().clean_location()
        if not str(self.location or "").strip():
            raise ValidationError({"location": _("Choose the place's point on the map.")})
