"""The demo's city insight and youth voice: what young people searched for on the map, their
suggestions, "I'm interested" and the city's needs survey. Each part lives in its own module
(``insight_*.py``) with a ``load(site, name)`` that changes nothing when run again."""

import importlib

# module names under example_site.demo, in the order they load
PARTS = [
    "insight_coverage",  # first: the city's boundary and neighbourhoods
    "insight_history",  # a past year of sessions, learners, progress and badges
    "insight_demand",
    "insight_voice",
    "insight_survey",
    "endorsements",  # after insight_history, which makes the providers' badges
]


def load_insight(site, name: str) -> None:
    for part in PARTS:
        importlib.import_module(f"example_site.demo.{part}").load(site, name)
