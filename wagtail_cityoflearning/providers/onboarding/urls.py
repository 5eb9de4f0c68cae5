"""The public URLs of onboarding, included by the providers' app's ``urls``."""

from django.urls import path

from wagtail_cityoflearning.providers.onboarding import views

urlpatterns = [
    path("provider/", views.request_provider, name="provider_request"),
    path("provider/sent/", views.request_sent, name="provider_request_sent"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
