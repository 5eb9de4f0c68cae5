"""Endorsements in the admin: the endorsements the user's issuers gave and received, "Endorse
a badge" and withdrawing.

A city editor endorses as their city's issuer, provider staff as their provider's; the badges
offered are the published badges of the endorser's own city (the city's and its providers'),
never its own. Only who gave an endorsement may withdraw it. An endorsement is signed when it
is made, so it is never edited: a new word means withdrawing it and endorsing again. See
:func:`wagtail_cityoflearning.badges.access.endorsing_issuers`.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Min
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, MenuItem

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    NamedDateColumn,
    NamedDatesInspectMixin,
    OwnWordsIndexMixin,
    counted_paginator,
)
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.endorsements import endorse, endorsement_url, withdraw
from wagtail_cityoflearning.badges.models import BadgeClass, Issuer


class BadgeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(badge)s (%(issuer)s)") % {"badge": obj.name, "issuer": obj.issuer.name}


class EndorsementForm(WagtailAdminModelForm):
    """Endorse a published badge of another issuer of the endorser's city."""

    endorser = forms.ModelChoiceField(
        queryset=Issuer.objects.none(),
        label=_("Endorse as"),
        help_text=_("The issuer whose name the endorsement carries."),
    )
    badge_class = BadgeChoiceField(
        queryset=BadgeClass.objects.none(),
        label=_("Badge"),
        help_text=_("A published badge of another issuer of your city."),
    )

    class Meta:
        model = Endorsement
        fields = ["endorser", "badge_class", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        endorsers = badge_access.endorsing_issuers(user)
        self.fields["endorser"].queryset = endorsers
        if len(endorsers) == 1:
            self.fields["endorser"].initial = endorsers[0].pk
        # One choice per badge, not one per translation (they share the badge's uuid).
        firsts = (
            badge_access.endorsable_badge_classes(user)
            .order_by()
            .values("uuid")
            .annotate(first=Min("pk"))
            .values("first")
        )
        self.fields["badge_class"].queryset = (
            BadgeClass.objects.filter(pk__in=firsts).select_related("issuer").order_by("name")
        )
        self.fields["comment"].help_text = _(
            "Why the endorser vouches for this badge. Shown on the badge’s page and in the "
            "badge itself; it cannot be changed afterwards."
        )

    def clean(self):
        cleaned = super().clean()
        endorser, badge = cleaned.get("endorser"), cleaned.get("badge_class")
        if endorser is not None and badge is not None and badge.issuer_id != endorser.pk:
            # (An issuer's own badge is refused by the model, in its own words.)
            allowed = badge_access.endorsable_badge_classes(self.for_user, endorser)
            if not allowed.filter(pk=badge.pk).exists():
                self.add_error(
                    "badge_class",
                    _("%(endorser)s can endorse only the badges of its own city.")
                    % {"endorser": endorser},
                )
        return cleaned


class EndorsementFilterSet(WagtailFilterSet):
    direction = django_filters.ChoiceFilter(
        label=_("Endorsements"),
        choices=[("given", _("Given")), ("received", _("Received"))],
        method="filter_direction",
        empty_label=_("Given and received"),
    )

    class Meta:
        model = Endorsement
        fields = ["direction", "revoked"]

    def filter_direction(self, queryset, name, value):
        user = self.request.user if self.request else None
        mine = badge_access.issuers(user).values("pk")
        if value == "given":
            return queryset.filter(endorser__in=mine)
        if value == "received":
            return queryset.filter(badge_class__issuer__in=mine)
        return queryset


class EndorsementIndexView(OwnWordsIndexMixin, generic.IndexView):
    empty_message = _("Your issuers have not given or received any endorsements yet.")
    no_match_message = _("No endorsements match your search.")
    add_label = _("Endorse a badge")
    withdraw_url_name = None
    paginator_class = counted_paginator(
        lambda count: (
            ngettext("%(count)s endorsement", "%(count)s endorsements", count) % {"count": count}
        )
    )

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("endorser", "badge_class__issuer", "badge_class__locale")
        )

    @cached_property
    def withdrawable(self) -> set:
        if not self.user_has_permission("change"):
            return set()
        given = badge_access.given_endorsements(self.request.user).filter(revoked=False)
        return set(given.values_list("pk", flat=True))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.pk in self.withdrawable:
            buttons.append(
                MenuItem(
                    _("Withdraw"),
                    url=reverse(self.withdraw_url_name, args=(instance.pk,)),
                    icon_name="cross",
                    priority=30,
                )
            )
        return buttons


class EndorsementCreateView(generic.CreateView):
    page_title = _("Endorse a badge")
    submit_button_label = _("Endorse")
    submit_button_active_label = _("Endorsing…")

    def get_page_subtitle(self):
        return ""  # the title says it all ("Endorse a badge"), not "…: Endorsement"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(Endorsement._meta.verbose_name_plural),
            },
            {"url": "", "label": self.page_title},
        ]

    def save_instance(self):
        data = self.form.cleaned_data
        return endorse(data["endorser"], data["badge_class"], data["comment"], self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:  # made by another request in the meantime
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self, instance):
        return _("%(endorser)s endorsed “%(badge)s”.") % {
            "endorser": instance.endorser,
            "badge": instance.badge_class,
        }

    def get_success_buttons(self):
        return []


class EndorsementInspectView(NamedDatesInspectMixin, generic.InspectView):
    withdraw_url_name = None

    def get_fields(self):
        return [
            "badge_class",
            "endorser",
            "comment",
            "issued_on",
            "revoked",
            "revoked_at",
            "address",
        ]

    def get_address_display_value(self):
        url = endorsement_url(self.object)
        return format_html('<a href="{}">{}</a>', url, url)

    def get_field_label(self, field_name, field):
        if field_name == "address":
            return _("Public address")
        if field_name == "revoked":
            return _("Status")
        return super().get_field_label(field_name, field)

    def get_revoked_display_value(self):
        if self.object.revoked:
            return pgettext_lazy("endorsement status", "Withdrawn")
        return pgettext_lazy("endorsement status", "Live")

    def get_field_display_value(self, field_name, field):
        if field_name != "address" and getattr(self.object, field_name) is None:
            return "—"
        return super().get_field_display_value(field_name, field)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        may_withdraw = (
            not self.object.revoked
            and self.user_has_permission("change")
            and badge_access.given_endorsements(self.request.user)
            .filter(pk=self.object.pk)
            .exists()
        )
        if may_withdraw:
            buttons.append(
                Button(
                    _("Withdraw"),
                    url=reverse(self.withdraw_url_name, args=(self.object.pk,)),
                    icon_name="cross",
                    priority=20,
                )
            )
        return buttons


class EndorsementWithdrawView(generic.DeleteView):
    """Confirm, then withdraw (never delete: the endorsement's address answers 410 Gone)."""

    permission_required = "change"
    page_title = _("Withdraw endorsement")
    template_name = "wagtail_cityoflearning/badges/admin/endorsement_withdraw.html"
    withdraw_url_name = None

    def get_queryset(self):
        # Only those the user's own endorsing issuers gave: a received one is not theirs.
        return badge_access.given_endorsements(self.request.user).select_related(
            "endorser", "badge_class"
        )

    def get_usage(self):
        return None

    def get_delete_url(self):
        return reverse(self.withdraw_url_name, args=(self.object.pk,))

    @property
    def confirmation_message(self):
        return _(
            "Withdraw the endorsement of “%(badge)s” by %(endorser)s? It will no longer be "
            "shown with the badge, and its address will answer that it was withdrawn. This "
            "cannot be undone."
        ) % {"badge": self.object.badge_class, "endorser": self.object.endorser}

    def form_valid(self, form):
        try:
            withdraw(self.object)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(
                self.request,
                _("The endorsement of “%(badge)s” by %(endorser)s was withdrawn.")
                % {"badge": self.object.badge_class, "endorser": self.object.endorser},
            )
        return HttpResponseRedirect(self.get_success_url())


class EndorsementViewSet(access.ScopedViewSetMixin, ModelViewSet):
    """Endorsements given and received by the user's issuers (see
    :func:`wagtail_cityoflearning.badges.access.endorsements`). No edit or delete views:
    an endorsement is signed once, and withdrawn, not deleted."""

    access_scope = staticmethod(badge_access.endorsements)
    model = Endorsement
    icon = "success"
    menu_label = _("Endorsements")
    menu_order = 313
    add_to_admin_menu = True
    index_view_class = EndorsementIndexView
    index_results_template_name = INDEX_RESULTS_TEMPLATE
    add_view_class = EndorsementCreateView
    inspect_view_enabled = True
    inspect_view_class = EndorsementInspectView
    copy_view_enabled = False
    withdraw_view_class = EndorsementWithdrawView
    form_fields = ["endorser", "badge_class", "comment"]
    list_display = [
        "badge_class",
        "endorser",
        Column(
            "badge_issuer",
            label=_("Issuer of the badge"),
            accessor="badge_class.issuer",
            classname="col-wide-only",
        ),
        NamedDateColumn(
            "issued_on",
            label=capfirst(Endorsement._meta.get_field("issued_on").verbose_name),
            sort_key="issued_on",
            classname="col-wide-only",
        ),
        StatusFlagColumn(
            "revoked",
            label=_("Status"),
            sort_key="revoked",
            true_label=pgettext_lazy("endorsement status", "Withdrawn"),
            false_label=pgettext_lazy("endorsement status", "Live"),
        ),
    ]
    filterset_class = EndorsementFilterSet
    search_fields = ["badge_class__name", "endorser__name", "comment"]
    search_backend_name = None
    add_to_reference_index = False  # see AwardViewSet
    ordering = ["-issued_on"]

    def get_form_class(self, for_update=False):
        return EndorsementForm

    def get_common_view_kwargs(self, **kwargs):
        # No edit, delete, history or usage views: withdrawing is the only change.
        return super().get_common_view_kwargs(
            **{
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            withdraw_url_name=self.get_url_name("withdraw"), **kwargs
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            withdraw_url_name=self.get_url_name("withdraw"), **kwargs
        )

    @property
    def withdraw_view(self):
        return self.construct_view(
            self.withdraw_view_class,
            withdraw_url_name=self.get_url_name("withdraw"),
            usage_url_name=None,
        )

    def get_urlpatterns(self):
        patterns = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in ("edit", "delete", "usage", "history", "history_results")
        ]
        return patterns + [path("withdraw/<int:pk>/", self.withdraw_view, name="withdraw")]
