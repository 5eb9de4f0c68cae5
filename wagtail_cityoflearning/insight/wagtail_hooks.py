"""Admin integration of the insight app: each room registers its own hooks."""
