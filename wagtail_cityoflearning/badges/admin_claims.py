"""Claim codes in the admin, each with a printable QR code that opens its claim page."""

import segno
from django.contrib.auth.decorators import permission_required
from django.forms import modelform_factory
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    OwnWordsIndexMixin,
    counted_paginator,
)
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.admin_forms import ClaimCodeFilterSet
from wagtail_cityoflearning.badges.models import ClaimCode
from wagtail_cityoflearning.exports import SafeSpreadsheetExportMixin


def claim_url(request, claim_code) -> str:
    return request.build_absolute_uri(
        reverse("wagtail_cityoflearning_badges:claim", args=(claim_code.code,))
    )


class ClaimCodeForm(WagtailAdminModelForm):
    """A code only for a badge the user may award: creating and retargeting alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["badge_class"].queryset = badge_access.awardable_badge_classes(self.for_user)


class ClaimCodeIndexView(OwnWordsIndexMixin, SafeSpreadsheetExportMixin, generic.IndexView):
    empty_message = _("There are no claim codes yet.")
    no_match_message = _("No claim codes match your search.")
    add_label = _("Add a claim code")
    paginator_class = counted_paginator(
        lambda count: (
            ngettext("%(count)s claim code", "%(count)s claim codes", count) % {"count": count}
        )
    )


class ClaimCodeCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance


class PrintView(TemplateView):
    template_name = "wagtail_cityoflearning/badges/admin/claim_code_print.html"

    def get_context_data(self, **kwargs):
        claim_code = get_object_or_404(
            badge_access.claim_codes(self.request.user).select_related("badge_class"),
            pk=self.kwargs["pk"],
        )
        url = claim_url(self.request, claim_code)
        qr = segno.make(url, error="m").svg_inline(scale=8, title=str(claim_code.badge_class))
        return {
            **super().get_context_data(**kwargs),
            "claim_code": claim_code,
            "url": url,
            "qr": mark_safe(qr),  # noqa: S308 (generated SVG, no user markup)
        }


class ClaimCodeViewSet(access.ScopedViewSetMixin, ModelViewSet):
    """Claim codes of the badges the user may award (see :mod:`wagtail_cityoflearning.access`)."""

    access_scope = staticmethod(badge_access.claim_codes)
    model = ClaimCode
    index_view_class = ClaimCodeIndexView
    index_results_template_name = INDEX_RESULTS_TEMPLATE
    icon = "key"
    menu_label = _("Claim codes")
    menu_order = 312
    add_to_admin_menu = True
    add_view_class = ClaimCodeCreateView
    form_fields = ["badge_class", "label", "max_uses", "expires_at", "active"]
    list_display = ["code", "badge_class", "label", "uses", "max_uses", "active"]
    filterset_class = ClaimCodeFilterSet
    search_fields = ["code", "label"]
    search_backend_name = None
    add_to_reference_index = False  # see AwardViewSet

    def get_form_class(self, for_update=False):
        return modelform_factory(ClaimCode, form=ClaimCodeForm, fields=self.form_fields)

    def get_urlpatterns(self):
        view = permission_required(
            "wagtail_cityoflearning_badges.view_claimcode", raise_exception=True
        )(PrintView.as_view())
        return super().get_urlpatterns() + [path("<int:pk>/print/", view, name="print")]
