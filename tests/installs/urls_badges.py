"""The URLs of a site with the core and the badges' app."""

from django.urls import include, path

from tests.installs.urls_core import urlpatterns as core_urlpatterns

urlpatterns = [
    path("badges/", include("wagtail_cityoflearning.badges.urls")),
    path("", include("wagtail_cityoflearning.badges.urls_well_known")),
    *core_urlpatterns,
]
