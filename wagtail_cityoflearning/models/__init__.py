from wagtail_cityoflearning.models.base import BasePage, get_base_page_class
from wagtail_cityoflearning.models.location import LocationMixin
from wagtail_cityoflearning.models.map_page import AbstractOpportunityMapPage, OpportunityMapPage
from wagtail_cityoflearning.models.opportunities import (
    AbstractOpportunityOccurrence,
    AbstractOpportunityPage,
    AbstractOpportunitySession,
    Mode,
    OpportunityOccurrence,
    OpportunityPage,
    OpportunitySession,
    OpportunityType,
)
from wagtail_cityoflearning.models.places import Place, PlaceKind
from wagtail_cityoflearning.models.providers import (
    AbstractProviderIndexPage,
    AbstractProviderPage,
    ProviderIndexPage,
    ProviderPage,
    ProviderSocialLink,
)
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.models.taxonomy import Interest, OpportunitySkill

__all__ = [
    "AbstractOpportunityMapPage",
    "AbstractOpportunityOccurrence",
    "AbstractOpportunityPage",
    "AbstractOpportunitySession",
    "AbstractProviderIndexPage",
    "AbstractProviderPage",
    "BasePage",
    "CityOfLearningSettings",
    "Interest",
    "LocationMixin",
    "Mode",
    "OpportunityMapPage",
    "OpportunityPage",
    "OpportunityOccurrence",
    "OpportunitySession",
    "OpportunitySkill",
    "OpportunityType",
    "Place",
    "PlaceKind",
    "ProviderIndexPage",
    "ProviderPage",
    "ProviderSocialLink",
    "get_base_page_class",
]
