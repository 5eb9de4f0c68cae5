"""The one private Wagtail API the language middleware relies on.

``SiteLanguageMiddleware`` looks a missing address up in the site's other translations. Wagtail
caches a request's route in ``request._wagtail_route_for_request`` and has no public way to
clear it, so :func:`wagtail_cityoflearning.middleware.forget_route` deletes that attribute.
These tests fail when Wagtail stops keeping (or reading) the route there: the middleware then
needs another way to look again.
"""

import inspect

from django.test import RequestFactory
from wagtail.models import Page

from wagtail_cityoflearning.middleware import forget_route, page_model, route

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
