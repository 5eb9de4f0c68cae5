"""Public pages of the providers' app. Include under any prefix, e.g.
``path("join/", include("wagtail_cityoflearning.providers.urls"))``."""

app_name = "wagtail_cityoflearning_providers"

urlpatterns = []
