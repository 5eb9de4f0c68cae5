"""Addresses and ids built or read in one place: a step of a playlist, where a form may send
the learner back to, and the ids forms post."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.urls import NoReverseMatch
from django.utils.http import url_has_allowed_host_and_scheme

__all__ = ["MAX_ID", "parse_id", "safe_next", "step_url"]

MAX_ID = 2**63 - 1  # the largest primary key a database holds (SQLite refuses larger ones)


def step_url(playlist, step_id: str, request=None, *, full: bool = False) -> str:
    """The URL of a step on its playlist page ('' while the playlist is not live).

    ``full`` gives an absolute URL, for emails. A page without the step route (another page
    type taking a playlist's place) gets its own URL.
    """
    if not playlist.live:
        return ""
    base = playlist.get_full_url(request) if full else playlist.get_url(request)
    if not base:
        return ""
    try:
        return base + playlist.reverse_subpage("step", kwargs={"step_id": step_id})
    except (AttributeError, NoReverseMatch):
        return base


def safe_next(request, fallback=None):
    """Where the request asks to return to (``next`` in POST, else in the query string), if
    that is a page of this site; otherwise ``fallback``. Outside addresses are never followed,
    so a crafted link cannot send a learner elsewhere."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path or a full address: a bare word would be taken for a URL name by redirect().
    if not target.startswith("/") and not urlsplit(target).scheme:
        return fallback
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def parse_id(value) -> int | None:
    """A posted primary key as an int, or None when it is not one.

    Only ASCII digits count: ``str.isdigit()`` also accepts characters such as "²", on which
    ``int()`` fails. A number no database can hold is not an id either: looking it up would
    fail on SQLite instead of finding nothing.
    """
    if isinstance(value, str) and value.isascii() and value.isdecimal():
        number = int(value)
        return number if number <= MAX_ID else None
    return None
