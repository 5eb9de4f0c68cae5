"""The routes of a map page: the list with the map, its GeoJSON feeds, the
compact points the map draws and its calendar.

A mixin, so the page model imports no view: ``AbstractOpportunityMapPage`` inherits it. Each
route hands the request and the page to its view in :mod:`wagtail_cityoflearning.map.views`.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from wagtail_cityoflearning.map import views


class OpportunityMapRoutes(RoutablePageMixin):
    @path("", name="index")
    def index_route(self, request):
        return views.index(request, self)

    @path("geojson/", name="geojson")
    def geojson_route(self, request):
        return views.geojson(request, self, "opportunities")

    @path("providers/", name="providers")
    def providers_route(self, request):
        return views.geojson(request, self, "providers")

    @path("points/", name="points")
    def points_route(self, request):
        return views.points(request, self)

    @path("ics/", name="ics")
    def ics_route(self, request):
        return views.ics(request, self)
