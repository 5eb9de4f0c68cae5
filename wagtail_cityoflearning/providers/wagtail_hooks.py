"""Admin integration of the providers' app: each room registers its own hooks."""

from wagtail_cityoflearning.providers.home import admin as home_admin  # noqa: F401
from wagtail_cityoflearning.providers.moderation import admin as moderation_admin  # noqa: F401
from wagtail_cityoflearning.providers.onboarding import admin as onboarding_admin  # noqa: F401
from wagtail_cityoflearning.providers.onboarding import links as onboarding_links  # noqa: F401
from wagtail_cityoflearning.providers.registration import admin as registration_admin  # noqa: F401
from wagtail_cityoflearning.providers.registration import sections as registration_sections  # noqa: F401
from wagtail_cityoflearning.providers.spreadsheets import admin as spreadsheets_admin  # noqa: F401
