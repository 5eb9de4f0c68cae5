"""The demo home page's landing blocks, with a city's own headings in its language."""


def landing_body(landing: dict) -> list:
    """The (block type, value) pairs of a home page's ``body``."""
    return [
        ("hero", {"heading": "", "intro": landing["hero_intro"], "show_search": True}),
        ("featured_playlists", {"heading": landing["playlists_heading"], "count": 3}),
        ("upcoming", {"heading": landing["upcoming_heading"], "count": 6}),
        ("interests", {"heading": landing["interests_heading"]}),
    ]
