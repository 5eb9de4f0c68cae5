"""Who a page is for: the age range of opportunities and playlists, written once.

:class:`AgeRangeMixin` gives a page ``age_min`` and ``age_max`` (either may be empty), their
check (:meth:`~AgeRangeMixin.age_range_errors`, for the page's ``clean``) and the one text
people read (:attr:`~AgeRangeMixin.age_range_text`). :class:`AgeRangeQuerySet` keeps the pages
that suit an age, for the map's filters and the learner's suggestions alike.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AgeRangeQuerySet(models.QuerySet):
    """Mix into the queryset of a model with :class:`AgeRangeMixin`."""

    def suitable_for_age(self, age: int | None):
        """The pages whose age range includes ``age`` (an empty bound means any age);
        all of them when the age is not known (None)."""
        if age is None:
            return self
        return self.filter(
            Q(age_min__isnull=True) | Q(age_min__lte=age),
            Q(age_max__isnull=True) | Q(age_max__gte=age),
        )


class AgeRangeMixin(models.Model):
    """Adds the age range: ``age_min`` and ``age_max``, 0 to 120, either may be empty."""

    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )

    class Meta:
        abstract = True

    def age_range_errors(self) -> dict:
        """The range's errors by field, for the page's ``clean`` to raise with its others."""
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            return {"age_max": _("The maximum age must not be below the minimum age.")}
        return {}

    @property
    def age_range_text(self) -> str:
        """“13–19”, “from 15”, “up to 19” or “any age”, for people reading a page or a card."""
        age_min, age_max = self.age_min, self.age_max
        if age_min is not None and age_max is not None:
            if age_min == age_max:
                return str(age_min)
            return f"{age_min}–{age_max}"
        if age_min is not None:
            return _("from %(min)s") % {"min": age_min}
        if age_max is not None:
            return _("up to %(max)s") % {"max": age_max}
        return str(_("any age"))
