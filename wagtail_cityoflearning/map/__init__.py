"""The interactive map: filters, queries on the float coordinates, and the GeoJSON/iCal feeds."""
