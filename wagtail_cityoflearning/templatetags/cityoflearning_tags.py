import json

from django import template

register = template.Library()


@register.filter
def to_json(value) -> str:
    """Serialise a value as JSON for a data attribute (autoescaping makes it attribute-safe)."""
    return json.dumps(value, ensure_ascii=False)


@register.filter
def language_name(code: str) -> str:
    """The translated name of a language code from ``WAGTAIL_CITYOFLEARNING["LANGUAGES"]``."""
    from ..models.opportunities import language_choices

    return dict(language_choices()).get(code, code)
