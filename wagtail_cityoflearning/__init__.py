"""wagtail-cityoflearning: a City of Learning for any Wagtail site."""

__version__ = "0.2.0"
