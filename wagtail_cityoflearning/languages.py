"""The language a city's site speaks: that of its root page, written once for the middleware,
the emails and the forms."""

from django.conf import settings
from django.utils import translation

from wagtail_cityoflearning.page_cache import remembered


def site_language(site) -> str | None:
    """The language of the Site's root page; None without a site (kept in the page cache)."""
    if site is None:
        return None
    return remembered(
        ("site-language", site.pk, site.root_page_id),
        lambda: site.root_page.locale.language_code,
    )


def site_or_active_language(site) -> str:
    """The Site's language, else the active language (``en`` when none is active)."""
    return site_language(site) or translation.get_language() or "en"


def site_languages(site) -> list[str]:
    """The languages the Site's pages speak: those its root page has a live translation in,
    in the order of ``settings.LANGUAGES`` (every configured language without a site)."""
    configured = [code for code, _name in settings.LANGUAGES]
    if site is None:
        return configured
    return remembered(
        ("site-languages", site.pk, site.root_page_id, *configured),
        lambda: _translated_languages(site, configured),
    )


def _translated_languages(site, configured: list[str]) -> list[str]:
    translated = set(
        site.root_page.get_translations(inclusive=True)
        .live()
        .values_list("locale__language_code", flat=True)
    )
    translated.add(site_language(site))
    return [code for code in configured if code in translated]
