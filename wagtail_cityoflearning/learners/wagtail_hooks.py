"""Admin integration for learners: the "Learning" menu (evidence review queue and the playlist
progress report), the participants of each opportunity, and a dashboard panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from wagtail_cityoflearning.learners.accounts.badges import claim_refusal, recipient_may_receive
from wagtail_cityoflearning.learners.admin.participants import ParticipantsView
from wagtail_cityoflearning.learners.admin.recipients import (
    award_recipient_choices,
    recipient_addresses,
)
from wagtail_cityoflearning.learners.admin.report import (
    PlaylistProgressReportView,
    PlaylistProgressView,
)
from wagtail_cityoflearning.learners.admin.review import (
    ReviewQueueView,
    ReviewView,
    describe,
    waiting_for_review,
)
from wagtail_cityoflearning.learners.playlists.models import (
    AbstractPlaylistIndexPage,
    AbstractPlaylistPage,
)
from wagtail_cityoflearning.learners.playlists.permissions import (
    can_manage_participants,
    reviewable_playlists,
)
from wagtail_cityoflearning.learners.progress.tasks import retry_pending


class ReviewerMenuItem(MenuItem):
    """Shown to those who review at least one playlist."""

    def is_shown(self, request):
        return reviewable_playlists(request.user).exists()


class EvidenceReviewViewSet(ViewSet):
    name = "cityoflearning_evidence_review"
    url_prefix = "learning/evidence"
    icon = "tasks"
    menu_label = _("Evidence to review")
    menu_item_class = ReviewerMenuItem

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "review_url_name": self.get_url_name("review"),
        }
        return [
            path("", self.construct_view(ReviewQueueView, **names), name="index"),
            path(
                "results/",
                self.construct_view(ReviewQueueView, results_only=True, **names),
                name="index_results",
            ),
            path("<int:pk>/", self.construct_view(ReviewView, **names), name="review"),
        ]


class PlaylistProgressReportViewSet(ViewSet):
    name = "cityoflearning_playlist_progress"
    url_prefix = "learning/progress"
    icon = "table"
    menu_label = _("Playlist progress")
    menu_item_class = ReviewerMenuItem

    def get_urlpatterns(self):
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "queue_url_name": "cityoflearning_evidence_review:index",
        }
        view = PlaylistProgressReportView
        playlist = {"playlist_url_name": self.get_url_name("playlist")}
        return [
            path("", self.construct_view(view, **names, **playlist), name="index"),
            path(
                "results/",
                self.construct_view(view, results_only=True, **names, **playlist),
                name="index_results",
            ),
            path(
                "<int:pk>/",
                self.construct_view(
                    PlaylistProgressView,
                    index_url_name=names["index_url_name"],
                    queue_url_name=names["queue_url_name"],
                ),
                name="playlist",
            ),
        ]


class LearningViewSetGroup(ViewSetGroup):
    items = (EvidenceReviewViewSet, PlaylistProgressReportViewSet)
    menu_label = _("Learning")
    menu_icon = "clipboard-list"
    menu_order = 305


class ParticipantsViewSet(ViewSet):
    """Reached from an opportunity's page, not from the menu."""

    name = "cityoflearning_opportunity_participants"
    url_prefix = "learning/participants"
    icon = "group"

    def get_urlpatterns(self):
        view = self.construct_view(ParticipantsView, url_name=self.get_url_name("index"))
        return [path("<int:page_id>/", view, name="index")]


@hooks.register("register_admin_viewset")
def register_learning_viewsets():
    return [LearningViewSetGroup(), ParticipantsViewSet()]


# -- the participants of an opportunity, from its page ------------------------------------------


def participants_button(page, user, priority):
    if can_manage_participants(user, page):
        url = reverse("cityoflearning_opportunity_participants:index", args=[page.pk])
        yield ActionMenuItem(_("Participants"), url, icon_name="group", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_participants_button(page, user, view_name=None, next_url=None, **kwargs):
    yield from participants_button(page, user, priority=35)


@hooks.register("register_page_listing_more_buttons")
def page_listing_participants_button(page, user, next_url=None, **kwargs):
    yield from participants_button(page, user, priority=45)


# -- the dashboard -----------------------------------------------------------------------------


class EvidenceToReviewPanel(Component):
    """The oldest evidence waiting for this user's review; nothing when none waits."""

    name = "evidence_to_review"
    template_name = "wagtail_cityoflearning/learners/admin/home_panel.html"
    order = 90
    shown = 5

    def get_context_data(self, parent_context):
        waiting = waiting_for_review(parent_context["request"].user)
        count = waiting.count()
        return {
            "count": count,
            "items": describe(waiting[: self.shown]) if count else [],
            "queue_url": reverse("cityoflearning_evidence_review:index"),
            "review_url_name": "cityoflearning_evidence_review:review",
        }


@hooks.register("construct_homepage_panels")
def add_evidence_to_review_panel(request, panels):
    panels.append(EvidenceToReviewPanel())


# manage.py cityoflearning_retry_pending: the badges of playlists and steps finished while the
# task queue was down.
hooks.register("cityoflearning_retry_pending", retry_pending)

# Nothing is awarded to, or claimed by, a learner who may not store learning on the city's site.
hooks.register("cityoflearning_recipient_may_receive", recipient_may_receive)
hooks.register("cityoflearning_claim_refusal", claim_refusal)

# The badges' admin: the learners an editor may pick as a recipient, and a learner's addresses
# (a badge sent to any of them is already held).
hooks.register("cityoflearning_award_recipient_choices", award_recipient_choices)
hooks.register("cityoflearning_recipient_addresses", recipient_addresses)

# The stylesheets of the learners' pages ({% cityoflearning_head %} adds them): the forms and
# messages of the account pages, the playlists' steps and badges, the learner's own pages.
ACCOUNT_STYLESHEETS = ["wagtail_cityoflearning/css/accounts.css"]
PLAYLIST_INDEX_STYLESHEETS = ["wagtail_cityoflearning/css/playlists.css"]
LEARNING_STYLESHEETS = [
    *ACCOUNT_STYLESHEETS,
    "wagtail_cityoflearning/css/playlists.css",
    "wagtail_cityoflearning/css/learning.css",
]


@hooks.register("cityoflearning_head_stylesheets")
def learners_stylesheets(request, page):
    if isinstance(page, AbstractPlaylistPage):
        return LEARNING_STYLESHEETS
    if isinstance(page, AbstractPlaylistIndexPage):
        return PLAYLIST_INDEX_STYLESHEETS
    match = getattr(request, "resolver_match", None)
    if page is not None or match is None:
        return []
    if match.namespace == "wagtail_cityoflearning_learners":
        return LEARNING_STYLESHEETS
    if (match.url_name or "").startswith("account_") or match.func.__module__.startswith(
        "allauth."
    ):
        return ACCOUNT_STYLESHEETS
    return []
