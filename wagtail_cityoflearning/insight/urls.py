"""Public pages of the insight app. Include under any prefix, e.g.
``path("voice/", include("wagtail_cityoflearning.insight.urls"))``."""

from django.urls import include, path

app_name = "wagtail_cityoflearning_insight"

urlpatterns = [
    path("", include("wagtail_cityoflearning.insight.demand.urls")),
    path("", include("wagtail_cityoflearning.insight.voice.urls")),
]
