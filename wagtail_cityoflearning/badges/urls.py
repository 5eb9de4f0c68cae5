"""Verification endpoints: each object is served at exactly its Open Badges ``id``.

Include them in the site's URLs, and the city's DID document at the root of its host::

    path("badges/", include("wagtail_cityoflearning.badges.urls")),
    path("", include("wagtail_cityoflearning.badges.urls_well_known")),
"""

from django.urls import path

from wagtail_cityoflearning.badges import (
    claim_views,
    credential_views,
    endorsement_views,
    thumbnails,
    verify_views,
    views,
)

app_name = "wagtail_cityoflearning_badges"

urlpatterns = [
    path("issuers/<uuid:uuid>/", views.issuer, name="issuer"),
    path("issuers/<uuid:uuid>/revocations/", views.revocation_list, name="revocation_list"),
    path("issuers/<uuid:uuid>/did.json", credential_views.issuer_did, name="issuer_did"),
    path("issuers/<uuid:uuid>/status/", credential_views.status_list, name="status_list"),
    path("keys/<uuid:uuid>/", views.public_key, name="public_key"),
    path("classes/<uuid:uuid>/", views.badge_class, name="badge_class"),
    path("classes/<uuid:uuid>/image/", views.badge_class_image, name="badge_class_image"),
    path(
        "classes/<uuid:uuid>/image/<int:size>/",
        thumbnails.badge_class_thumbnail,
        name="badge_class_thumbnail",
    ),
    path("assertions/<uuid:uuid>/", views.assertion, name="assertion"),
    path("assertions/<uuid:uuid>/image/", views.assertion_image, name="assertion_image"),
    path("assertions/<uuid:uuid>/credential/", credential_views.credential, name="credential"),
    path(
        "assertions/<uuid:uuid>/credential/jwt/",
        credential_views.credential_jwt,
        name="credential_jwt",
    ),
    path("endorsements/<uuid:uuid>/", endorsement_views.endorsement, name="endorsement"),
    path("verify/", verify_views.verify, name="verify"),
    path("claim/", claim_views.claim_start, name="claim_start"),
    path("claim/<str:code>/", claim_views.claim, name="claim"),
]
