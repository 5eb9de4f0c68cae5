"""Interests (what a young person is into) and skills (tags on opportunities)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from wagtail_cityoflearning.models.location import synchronised_fields

ICON_CHOICES = [
    ("palette", _("Palette")),
    ("music", _("Music note")),
    ("theatre", _("Theatre masks")),
    ("flask", _("Flask")),
    ("laptop", _("Laptop")),
    ("ball", _("Ball")),
    ("leaf", _("Leaf")),
    ("speech", _("Speech bubbles")),
    ("briefcase", _("Briefcase")),
    ("hands", _("Helping hands")),
    ("heart", _("Heart")),
    ("camera", _("Camera")),
    ("book", _("Book")),
    ("star", _("Star")),
]

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits, e.g. #1d70b8.")
)


class OpportunityType(models.TextChoices):
    EVENT = "event", _("Event")
    COURSE = "course", _("Course or workshop")
    VOLUNTEERING = "volunteering", _("Volunteering")
    INTERNSHIP = "internship", _("Internship")
    DIGITAL = "digital", _("Digital experience")
    YOUTH_PROJECT = "youth_project", _("Youth project")
    OPEN_SPACE = "open_space", _("Open space")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Interest(TranslatableMixin, index.Indexed, models.Model):
    """A field of interest that opportunities and providers are tagged with (arts, sports, ...)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=True,
        help_text=_("Used in map filter links, e.g. ?interest=music. Same in every language."),
    )
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1d70b8",
        validators=[colour_validator],
        help_text=_("Marker colour on the map. Pick one that stands out on a map background."),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=ICON_CHOICES, default="star")
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    # wagtail-localize copies these into every translation instead of offering them.
    override_translatable_fields = synchronised_fields("slug", "colour", "icon")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("colour"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_interest_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.name


class OpportunitySkill(TaggedItemBase):
    """Through model for the free-text skill tags of an opportunity."""

    content_object = ParentalKey(
        "wagtail_cityoflearning.OpportunityPage",
        on_delete=models.CASCADE,
        related_name="tagged_skills",
    )

    class Meta:
        verbose_name = _("opportunity skill")
        verbose_name_plural = _("opportunity skills")
