"""StreamField blocks for provider and opportunity bodies; each has its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from wagtail_cityoflearning.blocks.actions import CallToActionBlock, ContactCardBlock, DocumentBlock
from wagtail_cityoflearning.blocks.content import (
    ImageBlock,
    QuoteBlock,
    RichTextBlock,
    VideoBlock,
    video_embed_url,
)
from wagtail_cityoflearning.blocks.location import LocationBlock
from wagtail_cityoflearning.blocks.structure import AccordionBlock, LearningOutcomesBlock


class BodyBlock(blocks.StreamBlock):
    """The block library of provider and opportunity bodies. Subclass it to add your own."""

    paragraph = RichTextBlock()
    image = ImageBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    learning_outcomes = LearningOutcomesBlock()
    document = DocumentBlock()
    contact = ContactCardBlock()
    quote = QuoteBlock()
    location = LocationBlock(label=_("Location"))

    class Meta:
        label = _("Body")


__all__ = [
    "AccordionBlock",
    "BodyBlock",
    "CallToActionBlock",
    "ContactCardBlock",
    "DocumentBlock",
    "ImageBlock",
    "LearningOutcomesBlock",
    "LocationBlock",
    "QuoteBlock",
    "RichTextBlock",
    "VideoBlock",
    "video_embed_url",
]
