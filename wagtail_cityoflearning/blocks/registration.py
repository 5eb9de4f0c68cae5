"""The questions an opportunity asks those who register for it on the site: free text, or a
choice among options. Each answer is kept with the registration, under the question's label."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class TextQuestionBlock(blocks.StructBlock):
    """A question answered in the learner's own words."""

    label = blocks.CharBlock(label=_("question"), max_length=200)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=255)
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False)

    class Meta:
        icon = "pilcrow"
        label = _("Question with a free answer")


class ChoiceQuestionBlock(blocks.StructBlock):
    """A question answered by picking one of its options."""

    label = blocks.CharBlock(label=_("question"), max_length=200)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=255)
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("option"), max_length=200), label=_("options"), min_num=2
    )
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Question with a choice")

    def clean(self, value):
        value = super().clean(value)
        options = [str(option).strip() for option in value["options"]]
        if len({option.casefold() for option in options}) != len(options):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Give each option only once."))}
            )
        return value


class RegistrationQuestionsBlock(blocks.StreamBlock):
    """The questions of an opportunity's registration form, in order."""

    text = TextQuestionBlock()
    choice = ChoiceQuestionBlock()

    class Meta:
        max_num = 10
