"""Create or update the staff groups: one of city editors per Site, one of staff per provider.

    manage.py cityoflearning_roles

Add people to the groups in the admin (Settings > Groups). Running it again changes nothing
but what is missing; permissions added by hand to a group stay. Functions registered with the
``cityoflearning_roles_updated`` hook then run for each Site, e.g. the providers' app takes the
publish permission back from provider staff where the city reviews their edits.
"""

from django.core.management.base import BaseCommand
from wagtail import hooks
from wagtail.models import Site

from wagtail_cityoflearning import roles
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.providers import AbstractProviderPage


class Command(BaseCommand):
    help = "Create or update the city editors' and provider staff's groups."

    def handle(self, *args, **options):
        sites = list(Site.objects.select_related("root_page"))
        for site in sites:
            group = roles.city_editors(site)
            self.stdout.write(f"{group.name}")
        for provider in BasePage.objects.type(AbstractProviderPage).order_by("path"):
            group = roles.provider_staff(provider)
            self.stdout.write(f"{group.name}")
        for site in sites:
            for update in hooks.get_hooks("cityoflearning_roles_updated"):
                update(site)
