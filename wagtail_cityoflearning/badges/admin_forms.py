"""The admin's forms for issuers and badge classes, limited to what the user acts for.

Choosers only show; these forms decide. A provider's staff can pick only their own issuer for
a badge class and cannot move their issuer to another provider or to a city (see
:mod:`wagtail_cityoflearning.access`).
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from .. import access


class IssuerForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "site" in self.fields:
            self.fields["site"].queryset = access.city_sites(user) if user else Site.objects.none()
        if "provider" in self.fields:
            self.fields["provider"].queryset = self.fields["provider"].queryset.filter(
                pk__in=access.provider_pages(user).values("pk")
            )


class BadgeClassForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "issuer" in self.fields:
            self.fields["issuer"].queryset = access.issuers(self.for_user)
