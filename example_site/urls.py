from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_cityoflearning.api import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("badges/", include("wagtail_cityoflearning.badges.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("wagtail_cityoflearning.learners.urls")),
    path("join/", include("wagtail_cityoflearning.providers.urls")),
    path("voice/", include("wagtail_cityoflearning.insight.urls")),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switcher
    # robots.txt, favicon.ico and sitemap.xml of each city
    path("", include("wagtail_cityoflearning.urls")),
    # the city's DID document, /.well-known/did.json (Open Badges 3.0)
    path("", include("wagtail_cityoflearning.badges.urls_well_known")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
