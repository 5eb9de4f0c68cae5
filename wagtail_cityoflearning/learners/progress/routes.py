"""The routes of a playlist page: start it, save it for later, work through a step; and the
learner's progress in the page's context.

A mixin, so the page model imports no view: ``AbstractPlaylistPage`` inherits it. Each route
hands the request and the page to its view in :mod:`wagtail_cityoflearning.learners.progress.views`.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from wagtail_cityoflearning.learners.progress import views
from wagtail_cityoflearning.learners.progress.state import playlist_context


class PlaylistRoutes(RoutablePageMixin):
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(playlist_context(request, self))
        return context

    @path("start/", name="start")
    def start_route(self, request):
        return views.start(request, self)

    @path("save/", name="save")
    def save_route(self, request):
        return views.save_for_later(request, self)

    @path("steps/<str:step_id>/", name="step")
    def step_route(self, request, step_id):
        return views.step(request, self, step_id)
