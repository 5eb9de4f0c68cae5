"""The public URLs of youth voice, included by the insight app's ``urls``."""

from django.urls import path

from wagtail_cityoflearning.insight.voice import views

urlpatterns = [
    path("suggest/", views.suggest, name="suggest"),
    path("suggest/sent/", views.suggestion_sent, name="suggestion_sent"),
]
