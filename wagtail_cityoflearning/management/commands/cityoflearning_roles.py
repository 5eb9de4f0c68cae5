"""Create or update the staff groups: one of city editors per Site, one of staff per provider.

    manage.py cityoflearning_roles

Add people to the groups in the admin (Settings > Groups). Running it again changes nothing
but what is missing; permissions added by hand to a group stay.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Site

from wagtail_cityoflearning import roles
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.providers import AbstractProviderPage


class Command(BaseCommand):
    help = "Create or update the city editors' and provider staff's groups."

    def handle(self, *args, **options):
        for site in Site.objects.select_related("root_page"):
            group = roles.city_editors(site)
            self.stdout.write(f"{group.name}")
        for provider in BasePage.objects.type(AbstractProviderPage).order_by("path"):
            group = roles.provider_staff(provider)
            self.stdout.write(f"{group.name}")
