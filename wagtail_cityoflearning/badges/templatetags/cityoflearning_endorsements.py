"""``{% load cityoflearning_endorsements %}``: the endorsements shown with a badge."""

from django import template

from wagtail_cityoflearning.badges.endorsements import for_badge_class

register = template.Library()


@register.simple_tag
def badge_endorsements(badge_class) -> list:
    """``{% badge_endorsements badge_class as endorsements %}``: the badge's live
    endorsements (in any of its translations), oldest first."""
    if badge_class is None:
        return []
    return list(for_badge_class(badge_class))
