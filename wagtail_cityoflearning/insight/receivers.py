"""The insight app listens to the rooms below it: each of its rooms connects its receivers
here, called once from the app's ``ready``."""

from wagtail_cityoflearning.insight.demand import recording as demand_recording
from wagtail_cityoflearning.map.searches import map_searched


def connect() -> None:
    map_searched.connect(demand_recording.on_map_searched, dispatch_uid="col_insight_demand")
