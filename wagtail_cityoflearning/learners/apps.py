from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCityOfLearningLearnersAppConfig(AppConfig):
    """Playlists and young people's accounts, progress, evidence and backpack.

    Needs the core app and the badges app (``wagtail_cityoflearning.badges``)."""

    name = "wagtail_cityoflearning.learners"
    label = "wagtail_cityoflearning_learners"
    verbose_name = _("City of Learning: learners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: models, signals and admin panels can be imported
        # only once Django has loaded every app (the one place the package imports late).
        from wagtail_cityoflearning.learners import checks  # noqa: F401  (registers the system checks)
        from wagtail_cityoflearning.learners.progress.signals import connect
        from wagtail_cityoflearning.models.providers import ProviderPage

        connect()
        # Providers keep playlists too: allowed under their page once this app is installed
        # (the core's provider page knows nothing of playlists).
        playlist = "wagtail_cityoflearning_learners.PlaylistPage"
        if playlist not in ProviderPage.subpage_types:
            ProviderPage.subpage_types = [*ProviderPage.subpage_types, playlist]
