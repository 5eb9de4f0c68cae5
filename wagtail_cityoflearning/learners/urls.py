"""The learner's own pages: dashboard, backpack, profile, consent, data rights and the
playlists they make. Include under any prefix, e.g. ``path("learning/", include(...))``."""

from django.urls import path

from wagtail_cityoflearning.learners.home import account_views
from wagtail_cityoflearning.learners.home import views as dashboard_views
from wagtail_cityoflearning.learners.learner_playlists import views as learner_playlist_views
from wagtail_cityoflearning.learners.progress import evidence_views

app_name = "wagtail_cityoflearning_learners"

urlpatterns = [
    path("", dashboard_views.dashboard, name="dashboard"),
    path("joined/<slug:section>/", dashboard_views.section, name="section"),
    path("badges/", dashboard_views.backpack, name="backpack"),
    path("badges/download/", dashboard_views.backpack_download, name="backpack_download"),
    path("profile/", account_views.profile, name="profile"),
    path("consent/resend/", account_views.consent_resend, name="consent_resend"),
    path("consent/city/", account_views.consent_city, name="consent_city"),
    path("consent/<str:token>/", account_views.consent_confirm, name="consent_confirm"),
    path("data/", account_views.data_download, name="data_download"),
    path("delete/", account_views.delete_account, name="delete_account"),
    path("evidence/<int:pk>/", evidence_views.evidence_file, name="evidence_file"),
    path("playlists/", learner_playlist_views.playlist_list, name="playlists"),
    path("playlists/new/", learner_playlist_views.playlist_create, name="playlist_create"),
    path("playlists/<int:pk>/", learner_playlist_views.playlist_edit, name="playlist_edit"),
    path(
        "playlists/<int:pk>/delete/",
        learner_playlist_views.playlist_delete,
        name="playlist_delete",
    ),
    path(
        "playlists/<int:pk>/submit/",
        learner_playlist_views.playlist_submit,
        name="playlist_submit",
    ),
    path("shared/<uuid:token>/", learner_playlist_views.playlist_shared, name="playlist_shared"),
]
