"""The coverage map: the city's area cut into H3 hexagons, coloured by how many in-person
opportunities each offers, so that neighbourhoods with nothing stand out.

``boundary`` reads the city's boundary (GeoJSON, in the insight settings) and draws the hull
of the city's points when there is none; ``cells`` counts opportunities per cell; ``sections``
adds the map to the dashboard; ``views`` answers the map's filters with JSON.
"""
