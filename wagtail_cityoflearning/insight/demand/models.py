"""The demand room's models: searches on the map as daily counts, and "I'm interested".

:class:`SearchDemand` holds aggregates only: one row per city, day and combination of
filters, with how many searches made it and how many of those found nothing. It has no
user, address, session, cookie or time of day, and no coordinates.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from wagtail_cityoflearning.insight.bands import BAND_CHOICES
from wagtail_cityoflearning.models.opportunities import OpportunityPage
from wagtail_cityoflearning.models.taxonomy import Interest, Mode

QUERY_MAX_LENGTH = 100


class Area(models.TextChoices):
    """How the visitor chose where (never the point itself)."""

    PLACE = "place", _("a place by name")
    LOCATION = "location", _("near me")
    MAP_AREA = "map_area", _("map area")


class When(models.TextChoices):
    TODAY = "today", _("today")
    WEEKEND = "weekend", _("this weekend")
    WEEK = "week", _("next 7 days")
    DATES = "dates", _("chosen dates")


# Every field of a combination: a row is unique per site, day and these.
COMBINATION_FIELDS = (
    "interest",
    "interests_chosen",
    "age_band",
    "area",
    "place",
    "when",
    "free",
    "mode",
    "language",
    "types",
    "query",
)


class SearchDemand(models.Model):
    """How many searches on a city's map, one day, chose one combination of filters, and how
    many of them found nothing. A search choosing several interests counts once under each
    (``interests_chosen`` says how many it chose, so totals count it once)."""

    site = models.ForeignKey(
        Site, verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    interest = models.ForeignKey(
        Interest,
        verbose_name=_("interest"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    interests_chosen = models.PositiveSmallIntegerField(
        _("interests chosen in the search"), default=0
    )
    age_band = models.CharField(_("age band"), max_length=10, choices=BAND_CHOICES, blank=True)
    area = models.CharField(_("area"), max_length=10, choices=Area.choices, blank=True)
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("A place or provider chosen by name.")
    )
    when = models.CharField(_("when"), max_length=10, choices=When.choices, blank=True)
    free = models.BooleanField(_("free only"), default=False)
    mode = models.CharField(_("in person or online"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=20, blank=True)
    types = models.CharField(_("types"), max_length=150, blank=True)
    query = models.CharField(_("search words"), max_length=QUERY_MAX_LENGTH, blank=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches that found nothing"), default=0)

    class Meta:
        verbose_name = _("searches on the map, per day")
        verbose_name_plural = _("searches on the map, per day")
        constraints = [
            # NULL is never equal to NULL in a unique index: one constraint for each case.
            models.UniqueConstraint(
                fields=["site", "day", *COMBINATION_FIELDS],
                condition=Q(interest__isnull=False),
                name="col_insight_search_demand_unique",
            ),
            models.UniqueConstraint(
                fields=["site", "day", *[f for f in COMBINATION_FIELDS if f != "interest"]],
                condition=Q(interest__isnull=True),
                name="col_insight_search_demand_unique_no_interest",
            ),
        ]
        indexes = [models.Index(fields=["site", "day"], name="col_insight_demand_day")]

    def __str__(self) -> str:
        return f"{self.site} {self.day}: {self.searches}"


class InterestedLearner(models.Model):
    """A learner said "I'm interested" in an opportunity."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    opportunity = models.ForeignKey(
        OpportunityPage,
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="interested_learners",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("interested learner")
        verbose_name_plural = _("interested learners")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "opportunity"], name="col_insight_interested_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.opportunity_id}"


MODE_LABELS = dict(Mode.choices)
