"""What the test cities' pages, emails and admin say: Ljubljana (the default site) speaks
Slovenian, and so does the admin of a user who has not chosen a language of their own."""

from django.utils import translation
from django.utils.html import escape

LJUBLJANA = "sl"


def slovenian(message: str, plural: str | None = None, number: int = 1, **values) -> str:
    """``message`` from the Slovenian catalogue (``plural`` and ``number`` as for ``ngettext``),
    with ``values`` put in its ``%(name)s`` placeholders as Django's templates do."""
    with translation.override(LJUBLJANA):
        if plural is None:
            text = translation.gettext(message)
        else:
            text = translation.ngettext(message, plural, number)
    return text % values if values else text


def slovenian_html(message: str, plural: str | None = None, number: int = 1, **values) -> str:
    """:func:`slovenian` as a page's HTML shows it (escaped)."""
    return escape(slovenian(message, plural, number, **values))
