"""The language a city's site speaks: that of its root page, written once for the middleware,
the emails and the forms."""

from django.utils import translation


def site_language(site) -> str | None:
    """The language of the Site's root page; None without a site."""
    return site.root_page.locale.language_code if site is not None else None


def site_or_active_language(site) -> str:
    """The Site's language, else the active language (``en`` when none is active)."""
    return site_language(site) or translation.get_language() or "en"
