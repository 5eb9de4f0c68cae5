"""Ten named places per demo city for the map's "near" filter: districts, schools, stations
and squares, with their approximate points (latitude, longitude)."""

from wagtail_cityoflearning.models import Place, PlaceKind

PLACES = {
    "ljubljana": [
        ("Center", PlaceKind.DISTRICT, 46.0511, 14.5051),
        ("Šiška", PlaceKind.DISTRICT, 46.0712, 14.4885),
        ("Bežigrad", PlaceKind.DISTRICT, 46.0705, 14.5140),
        ("Moste", PlaceKind.DISTRICT, 46.0573, 14.5365),
        ("Vič", PlaceKind.DISTRICT, 46.0432, 14.4845),
        ("Fužine", PlaceKind.DISTRICT, 46.0516, 14.5616),
        ("Železniška postaja Ljubljana", PlaceKind.STATION, 46.0581, 14.5108),
        ("Prešernov trg", PlaceKind.SQUARE, 46.0514, 14.5061),
        ("Kongresni trg", PlaceKind.SQUARE, 46.0502, 14.5037),
        ("Gimnazija Bežigrad", PlaceKind.SCHOOL, 46.0663, 14.5126),
    ],
    "cagliari": [
        ("Marina", PlaceKind.DISTRICT, 39.2158, 9.1125),
        ("Castello", PlaceKind.DISTRICT, 39.2190, 9.1152),
        ("Stampace", PlaceKind.DISTRICT, 39.2172, 9.1079),
        ("Villanova", PlaceKind.DISTRICT, 39.2196, 9.1203),
        ("Is Mirrionis", PlaceKind.DISTRICT, 39.2335, 9.1035),
        ("Poetto", PlaceKind.DISTRICT, 39.2105, 9.1640),
        ("Sant'Elia", PlaceKind.DISTRICT, 39.2028, 9.1430),
        ("Stazione di Cagliari (Piazza Matteotti)", PlaceKind.STATION, 39.2153, 9.1087),
        ("Piazza Yenne", PlaceKind.SQUARE, 39.2166, 9.1103),
        ("Liceo Dettori", PlaceKind.SCHOOL, 39.2232, 9.1172),
    ],
}


def load_places(site, city: str) -> int:
    """Add the city's places to ``site`` (those missing: running again adds nothing)."""
    existing = set(Place.objects.filter(site=site).values_list("name", flat=True))
    added = 0
    for name, kind, lat, lng in PLACES.get(city, []):
        if name in existing:
            continue
        place = Place(site=site, name=name, kind=kind)
        place.set_location(lat, lng)
        place.save()
        added += 1
    return added
