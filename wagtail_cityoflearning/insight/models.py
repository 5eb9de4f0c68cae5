"""The insight app's models, defined room by room and gathered here for Django."""

from wagtail_cityoflearning.insight.demand.models import InterestedLearner, SearchDemand
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.survey.models import NeedsSurveyField, NeedsSurveyPage
from wagtail_cityoflearning.insight.voice.models import Suggestion

__all__ = [
    "InsightSettings",
    "InterestedLearner",
    "NeedsSurveyField",
    "NeedsSurveyPage",
    "SearchDemand",
    "Suggestion",
]
