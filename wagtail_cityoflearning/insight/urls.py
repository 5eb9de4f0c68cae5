"""Public pages of the insight app. Include under any prefix, e.g.
``path("voice/", include("wagtail_cityoflearning.insight.urls"))``."""

app_name = "wagtail_cityoflearning_insight"

urlpatterns = []
