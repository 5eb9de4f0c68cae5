"""The steps of a learning playlist: an opportunity to attend, an online activity with
evidence to submit, or a badge to earn. Each step is required or optional and may carry a
badge of its own. Steps are identified by their StreamField block id, which stays stable
across revisions, so a learner's progress follows the step when an editor reorders them."""

import copy

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class EvidenceKind(models.TextChoices):
    NONE = "none", _("Nothing: the learner marks it done")
    TEXT = "text", _("A written answer")
    LINK = "link", _("A link")
    FILE = "file", _("A file")
    PHOTO = "photo", _("A photo")


class StepKind(models.TextChoices):
    OPPORTUNITY = "opportunity", _("Opportunity")
    ACTIVITY = "activity", _("Online activity")
    BADGE = "badge", _("Badge")


def _required_block():
    return blocks.BooleanBlock(
        label=_("required"),
        default=True,
        required=False,
        help_text=_("Untick to make this step optional."),
    )


class BadgeChooserBlock(SnippetChooserBlock):
    """A badge chooser with the badges' own words ("Choose a badge"), as the badge viewset's
    chooser widget says them, rather than Wagtail's "Choose <verbose name>"."""

    @cached_property
    def widget(self):
        widget = super().widget
        chooser = getattr(self.target_model.snippet_viewset, "chooser_viewset", None)
        widget_class = getattr(chooser, "widget_class", None)
        return widget_class(icon=self.meta.icon) if widget_class else widget

    def bulk_to_python(self, values):
        """The steps' badges with their issuers, in one query (a badge is linked on its
        issuer's Site), in the order of ``values``; a badge chosen twice is two instances."""
        found = self.model_class.objects.select_related("issuer").in_bulk(values)
        badges, seen = [], set()
        for pk in values:
            badge = found.get(pk)
            badges.append(copy.copy(badge) if badge is not None and pk in seen else badge)
            seen.add(pk)
        return badges

    def deconstruct(self):
        # Stored as Wagtail's own block: the wording is the admin's, not the data's.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.snippets.blocks.SnippetChooserBlock", args, kwargs


def _step_badge_block():
    return BadgeChooserBlock(
        "wagtail_cityoflearning_badges.BadgeClass",
        label=_("badge for this step"),
        required=False,
        help_text=_("Optional: awarded automatically when the learner completes this step."),
    )


class OpportunityStepBlock(blocks.StructBlock):
    """Take part in an opportunity. Completed when the provider confirms attendance or the
    learner has been awarded the opportunity's own badge."""

    opportunity = blocks.PageChooserBlock(
        label=_("opportunity"), page_type="wagtail_cityoflearning.OpportunityPage"
    )
    note = blocks.TextBlock(
        label=_("note"),
        required=False,
        help_text=_("Why this opportunity belongs in the playlist, or what to look out for."),
    )
    required = _required_block()
    badge = _step_badge_block()

    class Meta:
        icon = "calendar"
        label = _("Opportunity step")
        template = "wagtail_cityoflearning/blocks/playlist_step.html"


class ActivityStepBlock(blocks.StructBlock):
    """Something to do online or on one's own, with the evidence to submit for review."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    instructions = blocks.RichTextBlock(
        label=_("instructions"), features=["bold", "italic", "link", "ol", "ul"]
    )
    evidence = blocks.ChoiceBlock(
        label=_("evidence to submit"),
        choices=EvidenceKind.choices,
        default=EvidenceKind.TEXT,
        help_text=_("Submitted evidence is reviewed by the playlist's owners before it counts."),
    )
    required = _required_block()
    badge = _step_badge_block()

    class Meta:
        icon = "doc-full"
        label = _("Online activity step")
        template = "wagtail_cityoflearning/blocks/playlist_step.html"


class BadgeStepBlock(blocks.StructBlock):
    """Earn a badge, wherever it is awarded."""

    badge = BadgeChooserBlock("wagtail_cityoflearning_badges.BadgeClass", label=_("badge to earn"))
    note = blocks.TextBlock(label=_("how to earn it"), required=False)
    required = _required_block()

    class Meta:
        icon = "tick-inverse"
        label = _("Badge step")
        template = "wagtail_cityoflearning/blocks/playlist_step.html"


class PlaylistStepsBlock(blocks.StreamBlock):
    """The steps of a playlist. Subclass it to add step types of your own."""

    opportunity = OpportunityStepBlock()
    activity = ActivityStepBlock()
    badge = BadgeStepBlock()

    class Meta:
        label = _("Steps")
        min_num = 1
