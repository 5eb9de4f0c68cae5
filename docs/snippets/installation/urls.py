# --- wagtail-cityoflearning ---------------------------------------------------------------
# Put before your own patterns, so before Wagtail's catch-all page serving at the end.
from django.urls import include, path

urlpatterns = [
    path("badges/", include("wagtail_cityoflearning.badges.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("wagtail_cityoflearning.learners.urls")),
    path("join/", include("wagtail_cityoflearning.providers.urls")),
    path("voice/", include("wagtail_cityoflearning.insight.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # robots.txt, favicon.ico and sitemap.xml (add "wagtail.contrib.sitemaps" to INSTALLED_APPS)
    path("", include("wagtail_cityoflearning.urls")),
    # the city's DID document at /.well-known/did.json, for Open Badges 3.0 credentials
    path("", include("wagtail_cityoflearning.badges.urls_well_known")),
] + urlpatterns
