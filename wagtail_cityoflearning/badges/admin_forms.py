"""The admin's forms for issuers and badge classes, limited to what the user acts for.

Choosers only show; these forms decide. A provider's staff can pick only their own issuer for
a badge class and cannot move their issuer to another provider or to a city (see
:mod:`wagtail_cityoflearning.access`).
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from wagtail_cityoflearning import access
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.models import Award, BadgeClass, ClaimCode, Issuer


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
            self.fields["issuer"].queryset = badge_access.issuers(self.for_user)


# -- the list filters: their choices are the user's own badges and issuers ---------------------


def _badge_choices(request):
    return badge_access.badge_classes(request.user) if request else BadgeClass.objects.none()


def _issuer_choices(request):
    return badge_access.issuers(request.user) if request else Issuer.objects.none()


class AwardFilterSet(WagtailFilterSet):
    badge_class = django_filters.ModelChoiceFilter(label=_("Badge"), queryset=_badge_choices)

    class Meta:
        model = Award
        fields = ["badge_class", "source", "revoked"]


class ClaimCodeFilterSet(WagtailFilterSet):
    badge_class = django_filters.ModelChoiceFilter(label=_("Badge"), queryset=_badge_choices)

    class Meta:
        model = ClaimCode
        fields = ["badge_class", "active"]


class BadgeClassFilterSet(WagtailFilterSet):
    issuer = django_filters.ModelChoiceFilter(label=_("Issuer"), queryset=_issuer_choices)

    class Meta:
        model = BadgeClass
        fields = ["issuer"]
