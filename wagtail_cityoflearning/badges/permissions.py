"""Who may award which badges: the access policy's answers for badges.

Provider staff award only their own provider's badges; city editors their city's and their
city's providers' (see :mod:`wagtail_cityoflearning.access`).
"""

from .. import access

awardable_badge_classes = access.awardable_badge_classes
visible_awards = access.awards

__all__ = ["awardable_badge_classes", "visible_awards"]
