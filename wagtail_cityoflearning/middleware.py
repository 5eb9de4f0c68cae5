"""Serve each Wagtail Site in its own language, or in the language the visitor chose."""

from functools import cache

import swapper
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from wagtail_cityoflearning.languages import site_language, site_languages
from wagtail_cityoflearning.map.views import answer_kept_feed
from wagtail_cityoflearning.page_cache import pages, remembered


@cache
def page_model():
    """The site's page model (``wagtailcore.Page`` unless swapped), resolved when first used
    rather than when this module is imported."""
    return swapper.load_model("wagtailcore", "Page")


ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
SITE_ATTRIBUTE = "_wagtail_site"
NO_SITE = 0  # kept for a host no Site answers (the cache cannot tell None from a miss)


def find_site(request):
    """``Site.find_for_request(request)`` without its query: the Site each host and port
    lead to is kept in the page cache (whose version any change of a Site bumps), and put
    where Wagtail's own lookup keeps it for the rest of the request."""
    if hasattr(request, SITE_ATTRIBUTE):
        return getattr(request, SITE_ATTRIBUTE)
    # As Wagtail does: the raw host (ALLOWED_HOSTS is checked where Django checks it).
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def lookup():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return NO_SITE

    site = remembered(("site-for-host", hostname, port), lookup) or None
    setattr(request, SITE_ATTRIBUTE, site)
    return site


def route(request, path: str):
    """Wagtail's route for ``path``, as its ``serve`` view finds it (and caches it on the
    request for that view).

    Wagtail walks the tree from the Site's root, two queries for each part of the address. A
    page found that way is remembered in the page cache (per Site, language and address), and
    later requests read it by its id in one query; the entry is used only while the page
    still has the same URL path and is live (its own ``route`` says so), else the tree is
    walked again. Sub-routes of routable pages (such as an opportunity's ``ics/``) are always
    walked: only addresses that name a page itself are remembered.
    """
    if hasattr(request, ROUTE_ATTRIBUTE):
        return page_model().route_for_request(request, path)
    site = Site.find_for_request(request)
    if site is None:
        return page_model().route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    key = pages.key("route", site.pk, translation.get_language(), *components)
    remembered = pages.get(key)
    if remembered is not None:
        found = _remembered_route(request, *remembered)
        if found is not None:
            setattr(request, ROUTE_ATTRIBUTE, found)
            return found
    found = page_model().route_for_request(request, path)
    if found is not None and _names_the_page(found[0], site, components):
        page = found[0]
        pages.set(key, (page.pk, page.content_type_id, page.url_path))
    return found


def _names_the_page(page, site, components: list[str]) -> bool:
    """Whether the address is the page's own, not a sub-route of it or of an ancestor."""
    if page.depth != site.root_page.depth + len(components):
        return False
    return not components or page.url_path.strip("/").split("/")[-len(components) :] == components


def _remembered_route(request, page_id: int, content_type_id: int, url_path: str):
    """The route to a remembered page, or None when it has moved, gone or is not live."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model.objects.select_related("locale").filter(pk=page_id, url_path=url_path).first()
    if page is None:
        return None
    try:
        return page.route(request, [])
    except Http404:
        return None


def forget_route(request) -> None:
    """Drop the route Wagtail cached on ``request``, so the next :func:`route` looks again.

    Wagtail has no public API to clear it: ``Page.route_for_request`` keeps its result in the
    private ``request._wagtail_route_for_request`` and returns that on every later call (its
    ``serve`` view included). This module is the one place that touches it (here and in
    :func:`route`, which puts a remembered route there);
    ``tests/test_middleware_private_api.py`` fails if Wagtail stops using that attribute.
    """
    if hasattr(request, ROUTE_ATTRIBUTE):
        delattr(request, ROUTE_ATTRIBUTE)


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
        site = find_site(request)
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
        translation of the site's tree (the site's own language first), in that language.
        A map's kept feed at an address that led to it before is answered without routing."""
        match = getattr(request, "resolver_match", None)
        active = getattr(request, "LANGUAGE_CODE", None)
        if match is None or match.url_name != "wagtail_serve" or active is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        kept = answer_kept_feed(request, path)  # a map's feed: see map/views.py
        if kept is not None:
            return kept
        if route(request, path) is not None:
            return None
        for language in self.other_languages(request, active):
            forget_route(request)  # routed in the previous language
            self.activate(request, language)
            if route(request, path) is not None:
                return None
        self.activate(request, active)  # not found in any language: a 404 in the active one
        return None

    def other_languages(self, request, active: str) -> list[str]:
        """The other languages the site's tree is translated into, the site's own first."""
        site = Site.find_for_request(request)
        if site is None:
            return []
        translated = site_languages(site)  # kept in the page cache
        ordered = [site_language(site), *translated]
        return [code for code in dict.fromkeys(ordered) if code in translated and code != active]
