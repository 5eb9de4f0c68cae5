"""The demand room's public routes."""

from django.urls import path

from wagtail_cityoflearning.insight.demand import views

urlpatterns = [
    path("interested/<int:pk>/", views.toggle_interested, name="interested"),
]
