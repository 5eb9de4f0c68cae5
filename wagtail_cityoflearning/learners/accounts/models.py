"""A learner's profile and a guardian's consent per city."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def today():
    """Today's date where the site is (its TIME_ZONE): what every age is counted from."""
    return timezone.localdate()


def current_year() -> int:
    return today().year


# -- ages from a year of birth -----------------------------------------------------------------
# A profile stores the year of birth only, so an age is one of two numbers, and each question
# takes the one that is safe for it.


def youngest_possible_age(year_of_birth: int, on=None) -> int:
    """The age of someone born in ``year_of_birth`` whose birthday is still to come this year
    (born 2013: 12 all through 2026). For guardian consent: nobody below a city's age of
    consent is taken to be old enough. ``on`` is the day to count on (default: today)."""
    return (on or today()).year - year_of_birth - 1


def age_this_year(year_of_birth: int, on=None) -> int:
    """The age someone born in ``year_of_birth`` reaches this year (born 2013: 13 all through
    2026). For suggestions and filters: a 13-year-old finds what is for 13-year-olds.
    ``on`` is the day to count on (default: today)."""
    return (on or today()).year - year_of_birth


def site_languages():
    """The host site's LANGUAGES, read when needed (not frozen into migrations)."""
    return settings.LANGUAGES


def validate_year_of_birth(value):
    from django.core.exceptions import ValidationError

    year = current_year()
    if value > year - 10 or value < year - 100:
        raise ValidationError(
            _("Enter the year you were born, e.g. %(year)d.") % {"year": year - 16}
        )


class LearnerProfileQuerySet(models.QuerySet):
    def for_user(self, user):
        """The profile of ``user`` (an account or its id), with its city; None when the
        account has none."""
        return self.select_related("site").filter(user=user).first()


class LearnerProfile(models.Model):
    """What a young person tells us about themselves, and their consent state."""

    class Consent(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Old enough to consent")
        PENDING = "pending", _("Waiting for a parent or guardian")
        GIVEN = "given", _("Given by a parent or guardian")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("How we greet you. It need not be your real name."),
    )
    year_of_birth = models.PositiveSmallIntegerField(
        _("year of birth"), validators=[validate_year_of_birth]
    )
    interests = models.ManyToManyField(
        "wagtail_cityoflearning.Interest",
        verbose_name=_("interests"),
        blank=True,
        related_name="+",
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True, choices=site_languages
    )
    consent = models.CharField(
        _("consent"), max_length=20, choices=Consent.choices, default=Consent.NOT_NEEDED
    )
    guardian_email = models.EmailField(_("parent's or guardian's email"), blank=True)
    consent_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    consent_given_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LearnerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self):
        return self.display_name

    @property
    def youngest_possible_age(self) -> int:
        """The age for guardian consent: see :func:`youngest_possible_age`."""
        return youngest_possible_age(self.year_of_birth)

    @property
    def age_this_year(self) -> int:
        """The age for suggestions and filters: see :func:`age_this_year`."""
        return age_this_year(self.year_of_birth)

    @property
    def waiting_for_consent(self) -> bool:
        """The guardian was asked for the profile's own consent and has not answered yet."""
        return self.consent == self.Consent.PENDING

    @property
    def may_store_learning(self) -> bool:
        """False while a parent's consent is awaited: nothing beyond the account is stored."""
        return not self.waiting_for_consent


class SiteConsent(models.Model):
    """A guardian's consent for a learner on a city's site other than their profile's own.

    One install can serve cities with different ages of digital consent, so a guardian's
    agreement counts only for the city it was asked for: a learner who acts on another
    city's site, below that city's age, asks their guardian again for that city.
    ``given_at`` is empty while the guardian's answer is awaited.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="site_consents"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("city"), on_delete=models.CASCADE, related_name="+"
    )
    guardian_email = models.EmailField(_("parent's or guardian's email"))
    requested_at = models.DateTimeField(_("asked for"), default=timezone.now)
    given_at = models.DateTimeField(_("given"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent for a city")
        verbose_name_plural = _("consents for cities")
        constraints = [
            models.UniqueConstraint(fields=["user", "site"], name="col_site_consent_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.site}"

    @property
    def is_given(self) -> bool:
        return self.given_at is not None
