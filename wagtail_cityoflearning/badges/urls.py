"""Verification endpoints: each object is served at exactly its Open Badges ``id``.

Include them in the site's URLs::

    path("badges/", include("wagtail_cityoflearning.badges.urls")),
"""

from django.urls import path

from wagtail_cityoflearning.badges import claim_views, thumbnails, views

app_name = "wagtail_cityoflearning_badges"

urlpatterns = [
    path("issuers/<uuid:uuid>/", views.issuer, name="issuer"),
    path("issuers/<uuid:uuid>/revocations/", views.revocation_list, name="revocation_list"),
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
    path("claim/", claim_views.claim_start, name="claim_start"),
    path("claim/<str:code>/", claim_views.claim, name="claim"),
]
