from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo cities, Ljubljana and Cagliari, and ``manage.py cityoflearning_demo`` to load
    them. Part of the example site, not of the package: the wheel carries no demo."""

    name = "example_site.demo"
    label = "demo"
