"""The coverage map's admin URL (its cells as JSON). Imported by the app's
``wagtail_hooks``."""

from django.urls import include, path
from wagtail import hooks

from wagtail_cityoflearning.insight.coverage import views
from wagtail_cityoflearning.insight.coverage.sections import URL_NAMESPACE

urlpatterns = [path("cells/", views.cells, name="cells")]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("insight/coverage/", include((urlpatterns, URL_NAMESPACE)))]
