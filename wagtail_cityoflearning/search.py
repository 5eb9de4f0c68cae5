"""Search text as typed by anyone, made safe for the database's full-text search.

Wagtail's database search backend hands each word to SQLite's FTS5 inside double quotes
without escaping the quotes it contains, so a visitor's ``"`` stops the query with an error
(and a search of only spaces fails there too).
:func:`sanitise_query` keeps the words of a search (letters and digits in any script) and
drops everything else; the map's text filter uses it.

:func:`SearchBackend` is Wagtail's database backend with every query sanitised first, for the
searches the package does not run itself (the API's ``?search=``, the admin)::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_cityoflearning.search"}}
"""

import re

__all__ = ["MAX_SEARCH_WORDS", "SanitisingBackendMixin", "SearchBackend", "sanitise_query"]

MAX_SEARCH_WORDS = 32
_WORD = re.compile(r"[^\W_]+")


def sanitise_query(text) -> str:
    """The words of ``text`` separated by single spaces ('' when there are none).

    A word is a run of letters and digits, as the search index splits text too: quotes,
    apostrophes, hyphens, brackets, operators, control characters and markup go.
    """
    if not isinstance(text, str):
        return ""
    words = _WORD.findall(text)[:MAX_SEARCH_WORDS]
    return " ".join(words)


def _sanitise(query):
    """A query string or Wagtail ``SearchQuery`` tree with its texts sanitised."""
    from wagtail.search.query import Phrase, PlainText

    if isinstance(query, str):
        return sanitise_query(query)
    if isinstance(query, PlainText):
        return PlainText(sanitise_query(query.query_string), query.operator, query.boost)
    if isinstance(query, Phrase):
        return Phrase(sanitise_query(query.query_string))
    for attribute in ("subquery", "subquery_a", "subquery_b"):
        if hasattr(query, attribute):
            setattr(query, attribute, _sanitise(getattr(query, attribute)))
    if hasattr(query, "subqueries"):
        query.subqueries = [_sanitise(subquery) for subquery in query.subqueries]
    return query


def _operator(value):
    """``"and"`` or ``"or"`` (in any case), else None: the backend's default. The API passes
    its ``search_operator`` parameter on as it came."""
    if isinstance(value, str) and value.strip().lower() in ("and", "or"):
        return value.strip().lower()
    return None


class SanitisingBackendMixin:
    """Sanitises the query of ``search()`` and ``autocomplete()`` before the backend sees it:
    a query of no words finds nothing, and an operator other than and/or is the default."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if "operator" in kwargs:
            kwargs["operator"] = _operator(kwargs["operator"])
        return super()._search(query_compiler_class, _sanitise(query), model_or_queryset, **kwargs)


_classes: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 -- the name Wagtail looks up in a backend module
    """Wagtail's database backend for the current database, with sanitised queries."""
    from wagtail.search.backends.database import SearchBackend as database_backend

    backend = database_backend(params)
    cls = type(backend)
    if cls not in _classes:
        _classes[cls] = type(f"Sanitising{cls.__name__}", (SanitisingBackendMixin, cls), {})
    return _classes[cls](params)
