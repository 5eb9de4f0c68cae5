"""Blocks that structure content: accordions / FAQs and “what you will learn” lists."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_cityoflearning.blocks.content import RichTextBlock


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("question or title"), max_length=255)
    content = RichTextBlock(label=_("answer or content"))


class AccordionBlock(blocks.StructBlock):
    """Expandable sections (a FAQ); native <details> elements, so no script is needed."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "wagtail_cityoflearning/blocks/accordion.html"


class LearningOutcomesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=120,
        help_text=_("Leave empty for “What you will learn”."),
    )
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=255, label=_("outcome")), label=_("outcomes"), min_num=1
    )

    class Meta:
        icon = "tick"
        label = _("What you will learn")
        template = "wagtail_cityoflearning/blocks/learning_outcomes.html"
