"""The learners' models, defined in the rooms that use them and gathered here for Django."""

from wagtail_cityoflearning.learners.accounts.models import (
    LearnerProfile,
    SiteConsent,
    current_year,
    validate_year_of_birth,
)
from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.playlists.models import (
    AbstractPlaylistIndexPage,
    AbstractPlaylistPage,
    PlaylistIndexPage,
    PlaylistPage,
)
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)

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
    "SiteConsent",
    "StepProgress",
    "current_year",
    "validate_year_of_birth",
]
