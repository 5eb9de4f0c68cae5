"""The providers' app's models, defined room by room and gathered here for Django."""

from wagtail_cityoflearning.providers.onboarding.models import Invitation, ProviderRequest
from wagtail_cityoflearning.providers.registration.models import Registration
from wagtail_cityoflearning.providers.settings import ProviderSettings
from wagtail_cityoflearning.providers.spreadsheets.models import SheetUpload

__all__ = ["Invitation", "ProviderRequest", "ProviderSettings", "Registration", "SheetUpload"]
