"""A young person's suggestion: what they would like to learn, or a place that is missing.

Anonymous by design: no user, name, email, address of the sender or exact time is stored;
the day it was sent is enough for the figures. The sender's network address is counted for
the throttle only in the cache, as a keyed hash (:mod:`.throttle`).
"""

from django.conf import settings
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail_cityoflearning.insight.bands import BAND_CHOICES

TEXT_MAX_LENGTH = 500


class Suggestion(models.Model):
    class Kind(models.TextChoices):
        LEARN = "learn", _("Something to learn")
        PLACE = "place", _("A missing place or club")

    class Where(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("In a neighbourhood")
        ANYWHERE = "anywhere", _("Anywhere in the city")
        ONLINE = "online", _("Online")

    class When(models.TextChoices):
        WEEKDAYS = "weekdays", _("After school on weekdays")
        WEEKENDS = "weekends", _("At weekends")
        HOLIDAYS = "holidays", _("In the school holidays")
        ANY_TIME = "any", _("Any time")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        FORWARDED = "forwarded", _("Forwarded to a provider")
        DRAFTED = "drafted", _("Turned into an opportunity draft")
        DECLINED = "declined", pgettext_lazy("suggestion", "Declined")

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("city site"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.LEARN)
    text = models.CharField(_("suggestion"), max_length=TEXT_MAX_LENGTH)
    interest = models.ForeignKey(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    where = models.CharField(_("where"), max_length=20, choices=Where.choices, blank=True)
    neighbourhood = models.CharField(_("neighbourhood"), max_length=100, blank=True)
    when = models.CharField(_("when"), max_length=10, choices=When.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=10, choices=BAND_CHOICES, blank=True)
    place_name = models.CharField(_("name of the place"), max_length=200, blank=True)
    place_address = models.CharField(_("address of the place"), max_length=255, blank=True)
    place_website = models.URLField(_("website of the place"), blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_on = models.DateField(_("sent on"), db_index=True)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    provider = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The provider it was forwarded to, or whose draft it became."),
    )
    opportunity = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("opportunity draft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note for the city's records"), blank=True, max_length=2000)
    decided_at = models.DateTimeField(_("handled"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_on", "-pk"]
        indexes = [models.Index(fields=["site", "created_on"], name="insight_suggestion_site_day")]

    def __str__(self):
        return Truncator(self.text).chars(60)

    @property
    def where_display(self) -> str:
        if self.where == self.Where.NEIGHBOURHOOD:
            return self.neighbourhood
        return self.get_where_display() if self.where else ""

    @property
    def is_new(self) -> bool:
        return self.status == self.Status.NEW
