"""The two staff roles of a City of Learning, as Wagtail groups.

- **City editors** edit their city's pages (page permissions on the Site's root page), and
  manage the badges of the city and of every provider in it.
- **Provider staff** edit their provider's pages (page permissions on the provider page), and
  manage their provider's badges, awards, claim codes, evidence and participants.

The groups grant *actions* (model and page permissions); :mod:`wagtail_cityoflearning.access`
limits every action to the role's own city or provider. ``docs/permissions.md`` shows, role by
role, what that allows; ``manage.py cityoflearning_roles`` creates the groups.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission

from wagtail_cityoflearning.languages import site_language

BADGES = "wagtail_cityoflearning_badges"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")

# (app label, model name) -> actions, for each role. The permissions of an app the site does
# not install are left out: a site with the core alone has no badges to grant.
PROVIDER_STAFF_MODEL_PERMISSIONS = {
    (BADGES, "issuer"): ("change", "view"),
    (BADGES, "badgeclass"): ("add", "change", "publish", "view"),
    (BADGES, "award"): ("add", "change", "view"),
    (BADGES, "claimcode"): ("add", "change", "delete", "view"),
    (BADGES, "endorsement"): ("add", "change", "view"),
}
CITY_EDITOR_MODEL_PERMISSIONS = {
    ("wagtail_cityoflearning", "place"): ("add", "change", "delete", "view"),
    (BADGES, "issuer"): ("add", "change", "view"),
    (BADGES, "badgeclass"): ("add", "change", "delete", "publish", "view"),
    (BADGES, "award"): ("add", "change", "view"),
    (BADGES, "claimcode"): ("add", "change", "delete", "view"),
    (BADGES, "endorsement"): ("add", "change", "view"),
}


def _model_permissions(spec):
    installed = {config.label for config in apps.get_app_configs()}
    wanted = {
        (label, f"{action}_{model}")
        for (label, model), actions in spec.items()
        if label in installed
        for action in actions
    }
    found = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in={label for label, _codename in wanted},
            codename__in={codename for _label, codename in wanted},
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Permissions missing (run migrate first): {sorted(missing)}")
    return found


@transaction.atomic
def _grant(group, page, model_spec):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *_model_permissions(model_spec),
    )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def city_editors(site) -> Group:
    """The group of ``site``'s city editors, created or brought up to date."""
    with translation.override(site_language(site)):  # the city's language
        name = _("%(city)s editors") % {"city": site.site_name or site.hostname}
    group, _created = Group.objects.get_or_create(name=name)
    return _grant(group, site.root_page, CITY_EDITOR_MODEL_PERMISSIONS)


def provider_staff(provider) -> Group:
    """The group of ``provider``'s staff, created or brought up to date."""
    with translation.override(provider.locale.language_code):
        name = _("%(provider)s staff") % {"provider": provider.title}
    group, _created = Group.objects.get_or_create(name=name)
    return _grant(group, provider, PROVIDER_STAFF_MODEL_PERMISSIONS)
