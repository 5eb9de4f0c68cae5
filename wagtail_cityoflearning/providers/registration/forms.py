"""The registration form: the opportunity's questions (free text, or a choice) as fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

ANSWER_MAX_LENGTH = 1000


def field_name(block) -> str:
    return f"q_{block.id}"


class RegistrationForm(forms.Form):
    """One field per question of ``page.registration_questions``; :meth:`answers` gives what
    the registration keeps."""

    def __init__(self, page, *args, **kwargs):
        kwargs.setdefault("auto_id", "registration-%s")
        super().__init__(*args, **kwargs)
        self.questions = []
        for block in page.registration_questions or []:
            value = block.value
            label = str(value.get("label") or "").strip()
            if not label:
                continue
            required = bool(value.get("required"))
            help_text = value.get("help_text") or ""
            if block.block_type == "choice":
                options = [str(option) for option in value.get("options") or [] if option]
                if not options:
                    continue
                field = forms.ChoiceField(
                    label=label,
                    choices=[(option, option) for option in options],
                    widget=forms.RadioSelect,
                    required=required,
                    help_text=help_text,
                    error_messages={"invalid_choice": _("Pick one of the options.")},
                )
            else:
                field = forms.CharField(
                    label=label,
                    max_length=ANSWER_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    required=required,
                    help_text=help_text,
                )
            if required:
                field.error_messages["required"] = _("Answer this question to register.")
            self.fields[field_name(block)] = field
            self.questions.append((block, label))

    def answers(self) -> list[dict]:
        """The answers as the registration keeps them, in the order of the questions."""
        return [
            {
                "id": block.id,
                "question": label,
                "answer": str(self.cleaned_data.get(field_name(block)) or "").strip(),
            }
            for block, label in self.questions
        ]
