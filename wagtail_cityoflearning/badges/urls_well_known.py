"""The city issuer's DID document, where ``did:web`` looks for it: ``/.well-known/did.json``
on the Site's own host. Include it at the root of the site's URLs::

    path("", include("wagtail_cityoflearning.badges.urls_well_known")),
"""

from django.urls import path

from wagtail_cityoflearning.badges import credential_views

urlpatterns = [
    path(".well-known/did.json", credential_views.site_did, name="cityoflearning_site_did"),
]
