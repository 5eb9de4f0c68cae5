from ..badges.models import (
    Award,
    AwardEvidence,
    BadgeAlignment,
    BadgeClass,
    BadgeClassTag,
    Issuer,
    IssuerKey,
)
from ..learners.models import (
    Attendance,
    LearnerPlaylist,
    LearnerPlaylistStep,
    LearnerProfile,
    PlaylistEnrolment,
    StepProgress,
)
from .base import BasePage, get_base_page_class
from .location import LocationMixin
from .map_page import AbstractOpportunityMapPage, OpportunityMapPage
from .opportunities import (
    AbstractOpportunityPage,
    Mode,
    OpportunityPage,
    OpportunitySession,
    OpportunityType,
)
from .playlists import (
    AbstractPlaylistIndexPage,
    AbstractPlaylistPage,
    PlaylistIndexPage,
    PlaylistPage,
    Step,
)
from .providers import (
    AbstractProviderIndexPage,
    AbstractProviderPage,
    ProviderIndexPage,
    ProviderPage,
    ProviderSocialLink,
)
from .settings import CityOfLearningSettings
from .taxonomy import Interest, OpportunitySkill

__all__ = [
    "AbstractPlaylistIndexPage",
    "AbstractPlaylistPage",
    "Attendance",
    "LearnerPlaylist",
    "LearnerPlaylistStep",
    "LearnerProfile",
    "PlaylistEnrolment",
    "PlaylistIndexPage",
    "PlaylistPage",
    "Step",
    "StepProgress",
    "Award",
    "AwardEvidence",
    "BadgeAlignment",
    "BadgeClass",
    "BadgeClassTag",
    "Issuer",
    "IssuerKey",
    "AbstractOpportunityMapPage",
    "AbstractOpportunityPage",
    "AbstractProviderIndexPage",
    "AbstractProviderPage",
    "BasePage",
    "CityOfLearningSettings",
    "Interest",
    "LocationMixin",
    "Mode",
    "OpportunityMapPage",
    "OpportunityPage",
    "OpportunitySession",
    "OpportunitySkill",
    "OpportunityType",
    "ProviderIndexPage",
    "ProviderPage",
    "ProviderSocialLink",
    "get_base_page_class",
]
