"""Keep the "City review" in step with the city's setting and with new providers (connected in
the providers' app's ``ready()``)."""

from wagtail_cityoflearning.providers.moderation.review import (
    apply_city_review,
    reviews_provider_edits,
)


def provider_settings_saved(sender, instance, created=False, raw=False, **kwargs):
    """The city switched its review on or off: assign or unassign the workflow, take or give
    back the right to publish.

    A row created with the defaults (the first time a page reads the city's settings) changes
    nothing here, so no public request does this work: the defaults are applied when a
    provider is onboarded, when ``cityoflearning_roles`` runs and when an editor saves the
    settings."""
    if raw or created:  # loading fixtures, or the defaults read for the first time
        return
    apply_city_review(instance.site, instance.review_provider_edits)


def provider_onboarded(sender, provider, group, site, **kwargs):
    """A new provider's staff publish directly only when the city does not review edits."""
    apply_city_review(site, reviews_provider_edits(site))
