"""Public pages of the providers' app. Include under any prefix, e.g.
``path("join/", include("wagtail_cityoflearning.providers.urls"))``."""

from django.urls import include, path

app_name = "wagtail_cityoflearning_providers"

urlpatterns = [
    path("", include("wagtail_cityoflearning.providers.registration.urls")),
    path("", include("wagtail_cityoflearning.providers.onboarding.urls")),
]
