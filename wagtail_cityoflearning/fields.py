"""Model fields the package needs that Django does not ship."""

from django import forms
from django.db import models


class MultipleChoiceJSONField(models.JSONField):
    """A JSON list of choice values, edited as checkboxes (works on SQLite and PostgreSQL)."""

    def __init__(self, *args, choices_callable=None, **kwargs):
        self.choices_callable = choices_callable
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.choices_callable is not None:
            kwargs["choices_callable"] = self.choices_callable
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        options = {
            "choices": self.choices_callable() if self.choices_callable else [],
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        options.update({key: value for key, value in kwargs.items() if key in options})
        return forms.MultipleChoiceField(**options)
