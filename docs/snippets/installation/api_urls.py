from wagtail.api.v2.router import WagtailAPIRouter

from wagtail_cityoflearning.api import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("api/v2/", api_router.urls),
] + urlpatterns
