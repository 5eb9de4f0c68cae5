"""The insight app's models, defined room by room and gathered here for Django."""

from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.survey.models import NeedsSurveyField, NeedsSurveyPage

__all__ = ["InsightSettings", "NeedsSurveyField", "NeedsSurveyPage"]
