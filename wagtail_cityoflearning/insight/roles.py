"""The insight app's part of the staff roles: each city's editors edit their own city's
insight settings (its boundary, neighbourhoods and suggestions switch), and no other city's.

The permission is granted for the city's Site only (Wagtail's ``GroupSitePermission``), not
as a global model permission, so the settings view refuses another city's settings. Run by
``manage.py cityoflearning_roles`` through its ``cityoflearning_roles_updated`` hook;
imported by the app's ``wagtail_hooks``.
"""

from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.models import GroupSitePermission

from wagtail_cityoflearning import roles

SETTINGS_PERMISSION = ("wagtail_cityoflearning_insight", "change_insightsettings")


def grant_insight_settings(site):
    """Let ``site``'s city editors change ``site``'s insight settings."""
    app_label, codename = SETTINGS_PERMISSION
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    GroupSitePermission.objects.get_or_create(
        group=roles.city_editors(site), site=site, permission=permission
    )


hooks.register("cityoflearning_roles_updated", grant_insight_settings)
