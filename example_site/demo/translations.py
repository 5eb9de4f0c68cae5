"""English translations of part of each demo city, so that visitors can switch language.

The home page, the map, the playlist index and one playlist of each city are copied into
English with Wagtail's ``copy_for_translation`` (as "Translate" in the admin does), given
English titles and introductions, and published. Pages that are not translated are served in
the city's own language. Idempotent: a translation that exists is left alone.
"""

from django.utils.html import format_html
from wagtail.models import Locale

from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage

from .landing import landing_body

ENGLISH = {
    "ljubljana": {
        "home": {
            "title": "Ljubljana City of Learning",
            "intro": (
                "Welcome to Ljubljana City of Learning! Discover courses, workshops, volunteering "
                "and internships that libraries, museums, cultural centres and other organisations "
                "across the city offer young people aged 13 to 29."
            ),
            "landing": {
                "hero_intro": (
                    "Courses, workshops, volunteering and internships for young people aged 13 "
                    "to 29 all over Ljubljana. Find what you are into, or follow a learning "
                    "playlist and earn a badge."
                ),
                "playlists_heading": "Playlists to start with",
                "upcoming_heading": "This week in Ljubljana",
                "interests_heading": "Explore by interest",
            },
        },
        "map": {
            "title": "Map of opportunities",
            "intro": (
                "Find out what is happening near you: choose interests, age and time, then explore "
                "the opportunities in the list or on the map."
            ),
        },
        "playlists": {
            "title": "Learning playlists",
            "intro": (
                "A learning playlist is a series of opportunities, online tasks and badges that "
                "takes you to a goal. Choose one, start when you are ready and show what you did "
                "at every step. Finish it and earn a badge you can show at school, to an employer "
                "or online."
            ),
        },
        "playlist": {
            "slug": "varno-in-pametno-na-spletu",
            "title": "Safe and smart online",
            "intro": (
                "Your phone is always with you, but what about your privacy? On this playlist you "
                "learn to protect your profiles, spot fake news and talk about life online at "
                "home. For everyone with a first social media profile."
            ),
        },
    },
    "cagliari": {
        "home": {
            "title": "Cagliari City of Learning",
            "intro": (
                "Welcome to Cagliari City of Learning! Discover courses, workshops, volunteering "
                "and internships that libraries, museums, theatres, the university and "
                "associations across the city offer young people aged 13 to 29."
            ),
            "landing": {
                "hero_intro": (
                    "Courses, workshops, volunteering and internships for young people aged 13 "
                    "to 29 all over Cagliari. Find what you are into, or follow a learning "
                    "playlist and earn a badge."
                ),
                "playlists_heading": "Playlists to start with",
                "upcoming_heading": "This week in Cagliari",
                "interests_heading": "Explore by interest",
            },
        },
        "map": {
            "title": "Map of opportunities",
            "intro": (
                "Find out what is happening near you: choose interests, age and time, then explore "
                "the opportunities in the list or on the map."
            ),
        },
        "playlists": {
            "title": "Learning playlists",
            "intro": (
                "A learning playlist is a series of opportunities, online tasks and badges that "
                "takes you to a goal. Choose one, start when you are ready and show what you did "
                "at every step. Finish it and earn a badge to show at school, to an employer or "
                "online."
            ),
        },
        "playlist": {
            "slug": "natura-tra-stagni-e-colline",
            "title": "Nature between lagoons and hills",
            "intro": (
                "Flamingos a short walk from the centre, hills covered in Mediterranean scrub: "
                "Cagliari is full of nature. On this playlist you learn to observe it with an "
                "expert, to tell its story and to take care of it."
            ),
        },
    },
}


def translate_page(page, locale, data):
    """The page's live translation into ``locale``, created and published if missing."""
    translated = page.get_translation_or_none(locale)
    if translated is not None:
        return translated.specific
    translated = page.copy_for_translation(locale).specific
    translated.title = data["title"]
    if "intro" in data and hasattr(translated, "intro"):
        translated.intro = format_html("<p>{}</p>", data["intro"])
    if "landing" in data and hasattr(translated, "body"):
        translated.body = landing_body(data["landing"])
    translated.save_revision().publish()
    return translated


def translate_city(name, *, home, map_page, playlists, language="en") -> list:
    """Translate the city's home, map, playlist index and one playlist into English; the
    translated pages (parents first)."""
    data = ENGLISH.get(name)
    if data is None or home.locale.language_code == language:
        return []
    locale, _ = Locale.objects.get_or_create(language_code=language)
    pages = [
        translate_page(home, locale, data["home"]),
        translate_page(map_page, locale, data["map"]),
    ]
    index = PlaylistIndexPage.objects.child_of(home).filter(slug="playlists").first()
    if index is not None:
        pages.append(translate_page(index, locale, data["playlists"]))
        playlist = playlists.get(data["playlist"]["slug"])
        if playlist is not None and playlist.get_parent().pk == index.pk:
            pages.append(translate_page(playlist, locale, data["playlist"]))
    return pages
