"""Keep the "City review" in step with the city's setting and with new providers (connected in
the providers' app's ``ready()``)."""

from wagtail_cityoflearning.providers.moderation.review import (
    apply_city_review,
    reviews_provider_edits,
)


def provider_settings_saved(sender, instance, raw=False, **kwargs):
    """The city switched its review on or off (or its settings were saved for the first
    time): assign or unassign the workflow, take or give back the right to publish."""
    if raw:  # loading fixtures
        return
    apply_city_review(instance.site, instance.review_provider_edits)


def provider_onboarded(sender, provider, group, site, **kwargs):
    """A new provider's staff publish directly only when the city does not review edits."""
    apply_city_review(site, reviews_provider_edits(site))
