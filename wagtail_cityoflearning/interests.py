"""The default set of interests, in English, Slovenian and Italian."""

from django.db import transaction

from wagtail_cityoflearning.models.taxonomy import Interest

# slug, colour, icon, names by language. Colours are distinct on a map and each reaches
# at least 3:1 contrast against white, as markers and chip borders need.
DEFAULT_INTERESTS = [
    ("arts", "#b4236c", "palette", {"en": "Arts", "sl": "Umetnost", "it": "Arte"}),
    ("music", "#7c3aed", "music", {"en": "Music", "sl": "Glasba", "it": "Musica"}),
    (
        "performing-arts",
        "#c2410c",
        "theatre",
        {"en": "Theatre and dance", "sl": "Gledališče in ples", "it": "Teatro e danza"},
    ),
    (
        "science-technology",
        "#1d4ed8",
        "flask",
        {"en": "Science and technology", "sl": "Znanost in tehnika", "it": "Scienza e tecnologia"},
    ),
    (
        "digital-skills",
        "#0e7490",
        "laptop",
        {"en": "Digital skills", "sl": "Digitalne veščine", "it": "Competenze digitali"},
    ),
    ("sports", "#b91c1c", "ball", {"en": "Sports", "sl": "Šport", "it": "Sport"}),
    (
        "nature-environment",
        "#15803d",
        "leaf",
        {"en": "Nature and environment", "sl": "Narava in okolje", "it": "Natura e ambiente"},
    ),
    ("languages", "#a16207", "speech", {"en": "Languages", "sl": "Jeziki", "it": "Lingue"}),
    (
        "entrepreneurship-careers",
        "#475569",
        "briefcase",
        {
            "en": "Entrepreneurship and careers",
            "sl": "Podjetnost in kariera",
            "it": "Imprenditorialità e lavoro",
        },
    ),
    (
        "volunteering-community",
        "#be185d",
        "hands",
        {
            "en": "Volunteering and community",
            "sl": "Prostovoljstvo in skupnost",
            "it": "Volontariato e comunità",
        },
    ),
    (
        "health-wellbeing",
        "#047857",
        "heart",
        {
            "en": "Health and wellbeing",
            "sl": "Zdravje in dobro počutje",
            "it": "Salute e benessere",
        },
    ),
    (
        "media-communication",
        "#4338ca",
        "camera",
        {
            "en": "Media and communication",
            "sl": "Mediji in komunikacija",
            "it": "Media e comunicazione",
        },
    ),
]


@transaction.atomic
def create_default_interests(locale) -> list[Interest]:
    """Create the default interests in ``locale`` (a Wagtail Locale); existing slugs are kept.

    Interests in other locales with the same slug become translations of each other
    (they share a ``translation_key``).
    """
    language = locale.language_code.split("-")[0]
    interests = []
    for order, (slug, colour, icon, names) in enumerate(DEFAULT_INTERESTS):
        existing = Interest.objects.filter(slug=slug, locale=locale).first()
        if existing is not None:
            interests.append(existing)
            continue
        sibling = Interest.objects.filter(slug=slug).first()
        interest = Interest(
            slug=slug,
            name=names.get(language, names["en"]),
            colour=colour,
            icon=icon,
            sort_order=order,
            locale=locale,
        )
        if sibling is not None:
            interest.translation_key = sibling.translation_key
        interest.save()
        interests.append(interest)
    return interests
