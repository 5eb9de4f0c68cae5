"""A Content-Security-Policy for the public pages and a separate one for the Wagtail admin.

django-csp's middleware sends one policy (``CONTENT_SECURITY_POLICY``) with every response.
Wagtail's admin still writes inline scripts (its date, image and snippet choosers, inline
panels) and its editor inserts inline styles, which a strict policy blocks; this middleware
answers requests under the admin's URL with ``CONTENT_SECURITY_POLICY_ADMIN`` instead, so the
public pages keep the strict policy::

    MIDDLEWARE = [
        ...,
        "wagtail_cityoflearning.content_security.CSPMiddleware",  # in place of django-csp's
        ...,
    ]
    CONTENT_SECURITY_POLICY_ADMIN = {
        "URL_PREFIXES": ["/admin/"],  # default: where Wagtail's admin is mounted
        "DIRECTIVES": {...},
    }

Without ``CONTENT_SECURITY_POLICY_ADMIN`` it behaves exactly like django-csp's middleware.
Needs django-csp 4 (``pip install "django-csp>=4,<5"``); see docs/security.md.
"""

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse

ADMIN_SETTING = "CONTENT_SECURITY_POLICY_ADMIN"


def admin_url_prefixes() -> tuple[str, ...]:
    """The paths (``request.path_info``, as django-csp's ``EXCLUDE_URL_PREFIXES``) that
    ``CONTENT_SECURITY_POLICY_ADMIN`` covers: its ``URL_PREFIXES``, or where Wagtail's admin
    is mounted."""
    policy = getattr(settings, ADMIN_SETTING, None) or {}
    if policy.get("URL_PREFIXES"):
        return tuple(policy["URL_PREFIXES"])
    try:
        admin = reverse("wagtailadmin_home")
    except NoReverseMatch:
        return ()
    script = get_script_prefix()
    return ("/" + admin.removeprefix(script) if admin.startswith(script) else admin,)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with ``CONTENT_SECURITY_POLICY_ADMIN`` for the admin."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        policy = getattr(settings, ADMIN_SETTING, None)
        if (
            policy
            and not report_only
            and parts.config is None  # a view's own @csp_override still wins
            and request.path_info.startswith(admin_url_prefixes())
        ):
            parts.config = dict(policy["DIRECTIVES"])
        return parts
