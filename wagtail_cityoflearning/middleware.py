"""Serve each Wagtail Site in its own language, or in the language the visitor chose."""

import swapper
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Site

Page = swapper.load_model("wagtailcore", "Page")


def chosen_language(request) -> str | None:
    """The visitor's choice from Django's language cookie (set by the ``set_language`` view),
    when it is one of ``settings.LANGUAGES``."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def site_language(site) -> str | None:
    """The language of the Site's root page."""
    return site.root_page.locale.language_code if site is not None else None


class SiteLanguageMiddleware:
    """Activates the language the visitor chose, or else the language of the Site's root page.

    Put it after ``SessionMiddleware`` and in place of ``LocaleMiddleware``: URLs have no
    language prefixes. Wagtail serves a page from the translation of the site's tree in the
    active language; an address that tree does not have is looked up in the site's other
    translations and served in the language it is found in, rather than answering 404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = Site.find_for_request(request)
        language = chosen_language(request) or site_language(site)
        if language:
            self.activate(request, language)
        response = self.get_response(request)
        if language:
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            translation.deactivate()
        # The same URL answers in each visitor's language.
        patch_vary_headers(response, ("Cookie",))
        return response

    def activate(self, request, language: str) -> None:
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A page with no live translation in the active language is served from another
        translation of the site's tree (the site's own language first), in that language."""
        match = getattr(request, "resolver_match", None)
        active = getattr(request, "LANGUAGE_CODE", None)
        if match is None or match.url_name != "wagtail_serve" or active is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        if Page.route_for_request(request, path) is not None:
            return None
        for language in self.other_languages(request, active):
            del request._wagtail_route_for_request  # routed in the previous language
            self.activate(request, language)
            if Page.route_for_request(request, path) is not None:
                return None
        self.activate(request, active)  # not found in any language: a 404 in the active one
        return None

    def other_languages(self, request, active: str) -> list[str]:
        """The other languages the site's tree is translated into, the site's own first."""
        site = Site.find_for_request(request)
        if site is None:
            return []
        translated = set(
            site.root_page.get_translations(inclusive=True)
            .live()
            .values_list("locale__language_code", flat=True)
        )
        ordered = [site_language(site), *(code for code, _name in settings.LANGUAGES)]
        return [code for code in dict.fromkeys(ordered) if code in translated and code != active]
