"""The demo cities' areas for the coverage map: a simplified outline of each municipality
(Mestna občina Ljubljana, Comune di Cagliari) and its neighbourhoods, set on the city's
insight settings. Loading it again changes nothing."""

import json

from wagtail_cityoflearning.insight.settings import InsightSettings

# [longitude, latitude], clockwise from the north, the first point repeated at the end.
# Simplified by hand from the municipal boundaries: near enough for hexagons of 0.7 km².
LJUBLJANA = [
    [14.468, 46.140],  # Šmarna gora
    [14.500, 46.128],
    [14.533, 46.120],  # Gameljne, Črnuče
    [14.560, 46.105],
    [14.590, 46.100],  # Šentjakob ob Savi
    [14.620, 46.085],
    [14.655, 46.080],
    [14.690, 46.072],  # Sostro, Besnica
    [14.720, 46.055],
    [14.725, 46.030],  # Janče
    [14.700, 46.010],
    [14.665, 46.005],
    [14.630, 45.995],
    [14.590, 45.985],  # Rudnik
    [14.555, 45.975],
    [14.520, 45.972],  # Ljubljansko barje
    [14.490, 45.980],
    [14.455, 45.990],
    [14.430, 46.005],
    [14.405, 46.025],  # Vič
    [14.395, 46.045],  # Podutik
    [14.400, 46.070],
    [14.410, 46.090],  # Šentvid
    [14.425, 46.105],
    [14.440, 46.120],  # Tacen
    [14.455, 46.135],
    [14.468, 46.140],
]
CAGLIARI = [
    [9.085, 39.215],  # Santa Gilla
    [9.090, 39.235],
    [9.095, 39.250],  # San Michele, Is Mirrionis
    [9.105, 39.262],
    [9.120, 39.270],  # Pirri
    [9.140, 39.272],
    [9.155, 39.265],
    [9.160, 39.252],  # Monserrato's edge
    [9.168, 39.240],
    [9.175, 39.232],
    [9.185, 39.228],  # Molentargius
    [9.200, 39.226],
    [9.212, 39.221],
    [9.205, 39.212],  # Poetto
    [9.190, 39.205],
    [9.175, 39.200],
    [9.165, 39.192],  # Sella del Diavolo
    [9.150, 39.193],  # Calamosca
    [9.140, 39.200],  # Sant'Elia
    [9.125, 39.207],  # Bonaria
    [9.110, 39.210],  # the port
    [9.095, 39.208],
    [9.085, 39.215],
]

NEIGHBOURHOODS = {
    # Ljubljana's 17 četrtne skupnosti.
    "ljubljana": [
        "Bežigrad",
        "Center",
        "Črnuče",
        "Dravlje",
        "Golovec",
        "Jarše",
        "Moste",
        "Polje",
        "Posavje",
        "Rožnik",
        "Rudnik",
        "Sostro",
        "Šentvid",
        "Šiška",
        "Šmarna gora",
        "Trnovo",
        "Vič",
    ],
    # Cagliari's quartieri, as people call them.
    "cagliari": [
        "Castello",
        "Marina",
        "Stampace",
        "Villanova",
        "Sant'Avendrace",
        "Is Mirrionis",
        "San Michele",
        "Sant'Elia",
        "Pirri",
        "Quartiere del Sole",
        "La Vega",
        "Poetto",
        "Bonaria",
        "San Benedetto",
        "Genneruxi",
        "Monte Urpinu",
        "Fonsarda",
        "Is Bingias",
        "Mulinu Becciu",
        "La Palma",
    ],
}
OUTLINES = {"ljubljana": LJUBLJANA, "cagliari": CAGLIARI}
MUNICIPALITIES = {"ljubljana": "Mestna občina Ljubljana", "cagliari": "Comune di Cagliari"}


def boundary(name: str) -> str:
    """The city's outline as a GeoJSON Feature, as a city would upload it."""
    feature = {
        "type": "Feature",
        "properties": {"name": MUNICIPALITIES[name]},
        "geometry": {"type": "Polygon", "coordinates": [OUTLINES[name]]},
    }
    return json.dumps(feature, ensure_ascii=False)


def load(site, name: str) -> None:
    if name not in OUTLINES:
        return
    settings = InsightSettings.for_site(site)
    settings.boundary = boundary(name)
    settings.neighbourhoods = "\n".join(NEIGHBOURHOODS[name])
    settings.save()
