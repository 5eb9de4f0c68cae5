"""The private Wagtail APIs the language middleware relies on.

``SiteLanguageMiddleware`` looks a missing address up in the site's other translations. Wagtail
caches a request's route in ``request._wagtail_route_for_request`` and has no public way to
clear it, so :func:`wagtail_cityoflearning.middleware.forget_route` deletes that attribute.
These tests fail when Wagtail stops keeping (or reading) the route there: the middleware then
needs another way to look again.

``find_site`` keeps the Site each host leads to in the page cache and stores it in
``request._wagtail_site``, where ``Site.find_for_request`` keeps (and reads) a request's Site.
"""

import inspect

from django.test import RequestFactory
from wagtail.models import Page, Site

from tests.factories import make_city
from wagtail_cityoflearning.middleware import find_site, forget_route, page_model, route

ATTRIBUTE = "_wagtail_route_for_request"


def test_wagtail_caches_the_route_in_the_private_attribute():
    assert ATTRIBUTE in inspect.getsource(Page.route_for_request)


def test_wagtail_keeps_the_route_on_the_request_and_reads_it_back(city):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    found = route(request, "/")
    assert found is not None and found[0].pk == city["home"].pk
    assert getattr(request, ATTRIBUTE) is found  # the route is cached where forget_route looks
    setattr(request, ATTRIBUTE, None)
    assert route(request, "/") is None  # and later calls (the serve view's) read it back


def test_forgetting_the_route_makes_wagtail_look_again(city):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    setattr(request, ATTRIBUTE, None)  # a route found in another language: none
    forget_route(request)
    assert not hasattr(request, ATTRIBUTE)
    found = route(request, "/")
    assert found is not None and found[0].pk == city["home"].pk


def test_the_page_model_is_resolved_when_used():
    assert page_model() is Page


# The Site of a request: ``find_site`` keeps each host's Site in the page cache and puts it
# where Wagtail's ``Site.find_for_request`` keeps it for the rest of the request.
SITE_ATTRIBUTE = "_wagtail_site"


def test_wagtail_keeps_the_requests_site_in_the_private_attribute():
    source = inspect.getsource(Site.find_for_request)
    assert SITE_ATTRIBUTE in source
    assert "_get_raw_host" in inspect.getsource(Site._find_for_request)


def test_the_site_found_once_is_what_wagtail_reads_for_the_request(city):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert find_site(request) == city["site"]
    assert getattr(request, SITE_ATTRIBUTE) == city["site"]
    setattr(request, SITE_ATTRIBUTE, None)
    assert Site.find_for_request(request) is None  # Wagtail reads it from there


def test_a_new_site_for_a_host_is_found_at_once(city):
    def site_of(host):
        return find_site(RequestFactory().get("/", HTTP_HOST=host))

    assert site_of("cagliari.localhost") == city["site"]  # no Site of its own: the default
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    assert site_of("cagliari.localhost") == cagliari["site"]
    cagliari["site"].delete()
    assert site_of("cagliari.localhost") == city["site"]
