"""Admin integration of the insight app: each room registers its own hooks."""

from wagtail_cityoflearning.insight import roles as insight_roles  # noqa: F401
from wagtail_cityoflearning.insight.coverage import admin as coverage_admin  # noqa: F401
from wagtail_cityoflearning.insight.coverage import sections as coverage_sections  # noqa: F401
from wagtail_cityoflearning.insight.dashboard import admin as dashboard_admin  # noqa: F401
from wagtail_cityoflearning.insight.demand import admin as demand_admin  # noqa: F401
from wagtail_cityoflearning.insight.demand import public as demand_public  # noqa: F401
from wagtail_cityoflearning.insight.demand import sections as demand_sections  # noqa: F401
from wagtail_cityoflearning.insight.people import sections as people_sections  # noqa: F401
from wagtail_cityoflearning.insight.supply import sections as supply_sections  # noqa: F401
from wagtail_cityoflearning.insight.survey import admin as survey_admin  # noqa: F401
from wagtail_cityoflearning.insight.survey import sections as survey_sections  # noqa: F401
from wagtail_cityoflearning.insight.voice import admin as voice_admin  # noqa: F401
from wagtail_cityoflearning.insight.voice import links as voice_links  # noqa: F401
from wagtail_cityoflearning.insight.voice import sections as voice_sections  # noqa: F401
