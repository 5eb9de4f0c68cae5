"""Age bands: how the dashboard, the coverage map, the searches and the survey group ages.

An opportunity belongs to every band its age range overlaps; a person (or a search for an
age) to the one band their age falls in.
"""

from django.utils.translation import gettext_lazy as _

# (key, lowest age, highest age, label); None is open-ended.
AGE_BANDS = [
    ("under-13", None, 12, _("under 13")),
    ("13-15", 13, 15, _("13–15")),
    ("16-18", 16, 18, _("16–18")),
    ("19-24", 19, 24, _("19–24")),
    ("25-29", 25, 29, _("25–29")),
    ("30-plus", 30, None, _("30 and over")),
]
BAND_CHOICES = [(key, label) for key, _low, _high, label in AGE_BANDS]
BAND_LABELS = dict(BAND_CHOICES)


def band_for_age(age) -> str:
    """The key of the band ``age`` falls in ("" when the age is not known)."""
    if age is None:
        return ""
    for key, low, high, _label in AGE_BANDS:
        if (low is None or age >= low) and (high is None or age <= high):
            return key
    return ""


def band_bounds(key: str) -> tuple:
    """(lowest, highest) age of a band; either may be None."""
    for band, low, high, _label in AGE_BANDS:
        if band == key:
            return low, high
    raise KeyError(key)


def overlapping_q(key: str, prefix: str = ""):
    """A ``Q`` keeping objects with an age range (``age_min``/``age_max``, either empty)
    that overlaps band ``key``."""
    from django.db.models import Q

    low, high = band_bounds(key)
    q = Q()
    if high is not None:
        q &= Q(**{f"{prefix}age_min__isnull": True}) | Q(**{f"{prefix}age_min__lte": high})
    if low is not None:
        q &= Q(**{f"{prefix}age_max__isnull": True}) | Q(**{f"{prefix}age_max__gte": low})
    return q
