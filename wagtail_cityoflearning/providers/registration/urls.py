"""Registering for an opportunity and cancelling."""

from django.urls import path

from wagtail_cityoflearning.providers.registration import views

urlpatterns = [
    path("registrations/<int:page_id>/", views.register, name="register"),
    path("registrations/cancel/<int:pk>/", views.cancel, name="cancel_registration"),
]
