"""System checks of the badges: a Site that issues badges must have its public address, since
every badge's ids are built from it."""

from django.core.checks import Tags, Warning, register
from django.urls import NoReverseMatch, reverse

from wagtail_cityoflearning.badges.models import Issuer

# Hostnames that no one outside this machine or network can reach.
DEVELOPMENT_HOSTNAMES = ("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0")  # noqa: S104
DEVELOPMENT_SUFFIXES = (".localhost", ".local", ".test", ".example", ".invalid", ".internal")


def is_development_address(hostname: str, port: int) -> bool:
    """Whether a Site's address is one a badge's verifier cannot reach (or a dev port)."""
    hostname = hostname.lower()
    return (
        hostname in DEVELOPMENT_HOSTNAMES
        or hostname.endswith(DEVELOPMENT_SUFFIXES)
        or "." not in hostname
        or port not in (80, 443)
    )


@register(Tags.database)
def check_issuing_sites(app_configs=None, databases=None, **kwargs):
    """Warn when a Site that issues badges still has a development hostname or port: badge ids
    are built from it, and badges issued before it is set point nowhere."""
    if not databases:
        return []
    from django.db import DatabaseError

    messages = []
    try:
        issuers = list(Issuer.objects.select_related("site"))
        for issuer in issuers:
            site = issuer.get_site()
            if site is None or not is_development_address(site.hostname, site.port):
                continue
            messages.append(
                Warning(
                    f"The issuer {issuer.name!r} issues badges from the Site "
                    f"{site.hostname}:{site.port}, a development address: its badges' ids "
                    "will point nowhere once the site is public.",
                    hint="Set the Site's hostname and port (Settings > Sites in the admin) to "
                    "the public address before issuing badges; see the installation docs.",
                    obj=site,
                    id="wagtail_cityoflearning.W004",
                )
            )
    except DatabaseError:  # not migrated yet
        return []
    return messages


@register(Tags.urls)
def check_site_did_url(app_configs=None, **kwargs):
    """Warn when the city's DID document is not served at ``/.well-known/did.json``: every
    Open Badges 3.0 credential of a city names its issuer ``did:web:<host>``, which resolvers
    look up exactly there."""
    try:
        path = reverse("cityoflearning_site_did")
    except NoReverseMatch:
        path = None
    if path == "/.well-known/did.json":
        return []
    return [
        Warning(
            "The city's DID document is not served at /.well-known/did.json"
            + (f" but at {path}" if path else "")
            + ": no one can check the Open Badges 3.0 credentials of the city's own badges.",
            hint='Add path("", include("wagtail_cityoflearning.badges.urls_well_known")) to the '
            "root of the site's URLs, without a prefix; see the installation docs.",
            id="wagtail_cityoflearning.W007",
        )
    ]
