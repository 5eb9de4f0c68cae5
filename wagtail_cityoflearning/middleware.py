"""Serve each Wagtail Site in its own language."""

from django.utils import translation
from wagtail.models import Site


class SiteLanguageMiddleware:
    """Activates the language of the current Site's root page.

    Put it after ``SessionMiddleware`` and in place of ``LocaleMiddleware`` when every
    city (Site) speaks one language; a site using language prefixes in its URLs should
    use Django's ``LocaleMiddleware`` instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = Site.find_for_request(request)
        language = None
        if site is not None:
            language = site.root_page.locale.language_code
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if language:
            response.headers.setdefault("Content-Language", language)
            translation.deactivate()
        return response
