"""The insight app's models, defined room by room and gathered here for Django."""

from wagtail_cityoflearning.insight.settings import InsightSettings

__all__ = ["InsightSettings"]
