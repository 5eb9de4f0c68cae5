"""Admin integration of the providers' app: each room registers its own hooks."""
