"""Playlists young people make: their models, forms and views, and submitting one for publishing."""
