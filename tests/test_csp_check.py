"""The content security policy: the deploy check W006, and the headers the example site's
policies give public pages (with nonces), the admin and error pages."""

import re

import pytest
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.core.checks.registry import registry
from django.http import HttpResponse
from django.template import Context, Template

from wagtail_cityoflearning.checks import check_content_security_policy
from wagtail_cityoflearning.content_security import CSPMiddleware

OUR_MIDDLEWARE = "wagtail_cityoflearning.content_security.CSPMiddleware"


class SiteCSPMiddleware(DjangoCSPMiddleware):
    """A host site's own subclass of django-csp's middleware."""


def ids(messages):
    return [message.id for message in messages]


def directive(policy: str, name: str) -> list[str]:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return []


# -- W006 ------------------------------------------------------------------------------


def test_w006_is_a_deploy_check():
    assert check_content_security_policy in registry.get_checks(include_deployment_checks=True)
    assert check_content_security_policy not in registry.get_checks()


def test_the_example_site_sends_a_policy_so_no_warning():
    assert check_content_security_policy() == []


def test_w006_without_csp_middleware(settings):
    settings.MIDDLEWARE = [path for path in settings.MIDDLEWARE if path != OUR_MIDDLEWARE]
    messages = check_content_security_policy()
    assert ids(messages) == ["wagtail_cityoflearning.W006"]
    assert "no CSP middleware" in messages[0].msg
    assert "docs/security.md" in messages[0].hint


def test_w006_with_the_middleware_but_no_policy(settings):
    del settings.CONTENT_SECURITY_POLICY
    messages = check_content_security_policy()
    assert ids(messages) == ["wagtail_cityoflearning.W006"]
    assert "CONTENT_SECURITY_POLICY" in messages[0].msg


@pytest.mark.parametrize(
    "middleware",
    ["csp.middleware.CSPMiddleware", f"{__name__}.SiteCSPMiddleware"],
    ids=["django-csp", "a subclass"],
)
def test_no_warning_with_django_csp_or_a_subclass(settings, middleware):
    settings.MIDDLEWARE = [
        middleware if path == OUR_MIDDLEWARE else path for path in settings.MIDDLEWARE
    ]
    assert check_content_security_policy() == []


def test_middleware_that_cannot_be_imported_is_not_taken_for_csp(settings):
    settings.MIDDLEWARE = [
        "no.such.Middleware" if path == OUR_MIDDLEWARE else path for path in settings.MIDDLEWARE
    ]
    assert ids(check_content_security_policy()) == ["wagtail_cityoflearning.W006"]


# -- the policies ----------------------------------------------------------------------

INLINE_SCRIPT = Template("<script nonce='{{ request.csp_nonce }}'>let ok = 1;</script>")


def respond(rf, path, body=None):
    def view(request):
        content = body.render(Context({"request": request})) if body else "<p>Hello</p>"
        return HttpResponse(content)

    return CSPMiddleware(view)(rf.get(path))


def test_public_pages_get_the_strict_policy(rf):
    policy = respond(rf, "/providers/")["Content-Security-Policy"]
    assert directive(policy, "script-src") == ["'self'"]  # no template asked for a nonce
    assert directive(policy, "style-src") == ["'self'"]
    assert directive(policy, "object-src") == ["'none'"]
    assert directive(policy, "img-src") == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert "unsafe" not in policy


def test_an_inline_script_runs_with_the_nonce_the_header_carries(rf):
    response = respond(rf, "/", INLINE_SCRIPT)
    nonce = re.search(r"nonce='([^']+)'", response.content.decode()).group(1)
    script_src = directive(response["Content-Security-Policy"], "script-src")
    assert script_src == ["'self'", f"'nonce-{nonce}'"]
    other = respond(rf, "/", INLINE_SCRIPT)  # a new nonce for every response
    assert f"'nonce-{nonce}'" not in other["Content-Security-Policy"]


def test_the_admin_gets_its_own_policy(rf):
    policy = respond(rf, "/admin/pages/")["Content-Security-Policy"]
    assert directive(policy, "script-src") == ["'self'", "'unsafe-inline'"]
    assert directive(policy, "style-src") == ["'self'", "'unsafe-inline'"]
    assert directive(policy, "object-src") == ["'none'"]
    assert directive(policy, "frame-ancestors") == ["'self'"]
    assert "'unsafe-eval'" not in policy


def test_the_admin_policy_follows_wagtails_admin_url_by_default(rf, settings):
    settings.CONTENT_SECURITY_POLICY_ADMIN = {
        "DIRECTIVES": settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
    }
    assert "'unsafe-inline'" in respond(rf, "/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in respond(rf, "/administration/")["Content-Security-Policy"]


def test_without_an_admin_policy_the_admin_gets_the_public_one(rf, settings):
    del settings.CONTENT_SECURITY_POLICY_ADMIN
    policy = respond(rf, "/admin/")["Content-Security-Policy"]
    assert directive(policy, "script-src") == ["'self'"]


@pytest.mark.django_db
def test_the_not_found_page_has_the_policy(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directive(response["Content-Security-Policy"], "default-src") == ["'self'"]
