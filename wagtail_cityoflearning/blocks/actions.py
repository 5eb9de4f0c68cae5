"""Blocks that lead somewhere: calls to action, downloads and contact cards."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class LinkValue(blocks.StructValue):
    @cached_property
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A short text and one clear button to an internal page or an outside address."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or outside address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "wagtail_cityoflearning/blocks/call_to_action.html"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the document’s title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "wagtail_cityoflearning/blocks/document.html"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=120)
    role = blocks.CharBlock(label=_("role"), required=False, max_length=120)
    photo = ImageChooserBlock(label=_("photo"), required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=40)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "wagtail_cityoflearning/blocks/contact_card.html"
