"""Admin views for awards: award one badge, revoke with a reason, list, filter and export.

Hook: ``cityoflearning_award_recipient_choices(user, badge_class) -> [(email, label)]``: the
learners ``user`` may pick as a recipient (an app that knows learners answers, within the
access policy); the award form suggests them as its email box is typed in.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from wagtail_cityoflearning import access
from wagtail_cityoflearning.admin_listings import (
    INDEX_RESULTS_TEMPLATE,
    NamedDateColumn,
    NamedDatesInspectMixin,
    OwnWordsIndexMixin,
    counted_paginator,
)
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.admin_bulk import BulkAwardView
from wagtail_cityoflearning.badges.admin_forms import AwardFilterSet
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.bulk import CONSENT_MISSING
from wagtail_cityoflearning.badges.models import Award, BadgeClass
from wagtail_cityoflearning.exports import SafeSpreadsheetExportMixin
from wagtail_cityoflearning.recipients import recipient_may_receive


def award_recipient_choices(user, badge_class=None) -> list[tuple[str, str]]:
    """The learners ``user`` may pick as the recipient of ``badge_class``: (email, label)."""
    choices = []
    for answer in hooks.get_hooks("cityoflearning_award_recipient_choices"):
        choices.extend(answer(user, badge_class))
    return choices


class LearnerEmailInput(forms.EmailInput):
    """An email box that suggests learners as it is typed in (by name or by address); any
    other address can still be typed, for someone without an account."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs)
        self.choices = list(choices)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        if not self.choices:
            return super().render(name, value, attrs, renderer)
        list_id = f"{attrs.get('id') or 'id_' + name}-learners"
        attrs["list"] = list_id
        attrs.setdefault("autocomplete", "off")
        options = format_html_join(
            "",
            '<option value="{}" label="{}"></option>',
            ((email, f"{label} <{email}>") for email, label in self.choices),
        )
        return format_html(
            '{}<datalist id="{}">{}</datalist>',
            super().render(name, value, attrs, renderer),
            list_id,
            options,
        )


class AwardForm(WagtailAdminModelForm):
    """Award a published badge to one email address, with optional evidence. The email box
    suggests the learners in the user's scope."""

    evidence_url = forms.URLField(label=_("Evidence URL"), required=False, assume_scheme="https")
    evidence_narrative = forms.CharField(
        label=_("Evidence description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = Award
        fields = ["badge_class", "recipient_email", "narrative"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["badge_class"].queryset = badge_access.awardable_badge_classes(self.for_user)
        field = self.fields["recipient_email"]
        field.help_text = _(
            "Type a learner’s name or address and pick them from the suggestions, or type the "
            "address of someone without an account. The badge and its email go to this "
            "address; it is never shown in public."
        )
        badge_class = self.initial.get("badge_class")
        if badge_class is not None and not isinstance(badge_class, BadgeClass):
            badge_class = self.fields["badge_class"].queryset.filter(pk=badge_class).first()
        field.widget = LearnerEmailInput(
            attrs=field.widget.attrs,
            choices=award_recipient_choices(self.for_user, badge_class) if self.for_user else [],
        )

    def clean(self):
        cleaned = super().clean()
        badge_class, email = cleaned.get("badge_class"), cleaned.get("recipient_email")
        site = badge_class.issuer.get_site() if badge_class else None
        if email and site and not recipient_may_receive(email, site):
            self.add_error("recipient_email", CONSENT_MISSING)
        return cleaned


class AwardCreateView(generic.CreateView):
    def get_initial(self):
        """``?badge_class=`` chooses the badge (and suggests its participants first)."""
        initial = super().get_initial()
        value = self.request.GET.get("badge_class", "")
        if value.isdigit():
            initial["badge_class"] = int(value)
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        evidence = []
        if data.get("evidence_url") or data.get("evidence_narrative"):
            evidence.append({"url": data["evidence_url"], "narrative": data["evidence_narrative"]})
        return award(
            data["badge_class"],
            data["recipient_email"],
            evidence=evidence,
            narrative=data.get("narrative", ""),
            awarded_by=self.request.user,
            source=Award.Source.ADMIN,
        )


class RevokeForm(WagtailAdminModelForm):
    class Meta:
        model = Award
        fields = ["revocation_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revocation_reason"].required = True
        self.fields["revocation_reason"].help_text = _(
            "Shown to anyone who checks the badge. Revoking cannot be undone."
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.revoked:
            raise ValidationError(_("This badge is already revoked."))
        return cleaned


class AwardRevokeView(generic.EditView):
    page_title = _("Revoke award")

    def save_instance(self):
        return revoke(self.form.instance, self.form.cleaned_data["revocation_reason"])

    def get_success_message(self, instance=None):
        instance = instance or self.object
        return _("The badge “%(badge)s” was revoked.") % {"badge": instance.badge_class}


class AwardIndexView(OwnWordsIndexMixin, SafeSpreadsheetExportMixin, generic.IndexView):
    empty_message = _("No badges have been awarded yet.")
    no_match_message = _("No awards match your search.")
    add_label = _("Award a badge")
    paginator_class = counted_paginator(
        lambda count: ngettext("%(count)s award", "%(count)s awards", count) % {"count": count}
    )

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("badge_class__issuer")

    @cached_property
    def header_more_buttons(self):
        # In the "Actions" menu, with the downloads: a third button in the header would push
        # that menu out of a phone's screen.
        return [
            Button(
                _("Bulk award"),
                url=reverse("cityoflearning_awards:bulk"),
                icon_name="group",
                priority=5,
            )
        ] + super().header_more_buttons


class AwardInspectView(NamedDatesInspectMixin, generic.InspectView):
    pass


class AwardViewSet(access.ScopedViewSetMixin, ModelViewSet):
    """Awards of the badges the user may award (see :mod:`wagtail_cityoflearning.access`)."""

    access_scope = staticmethod(badge_access.awards)
    model = Award
    icon = "pick"
    menu_label = _("Awards")
    menu_order = 311
    add_to_admin_menu = True
    index_view_class = AwardIndexView
    index_results_template_name = INDEX_RESULTS_TEMPLATE
    add_view_class = AwardCreateView
    edit_view_class = AwardRevokeView
    inspect_view_enabled = True
    inspect_view_class = AwardInspectView
    copy_view_enabled = False  # an award is for one person; award again instead
    form_fields = ["badge_class", "recipient_email", "narrative"]
    list_display = [
        "badge_class",
        "recipient_email",
        # The date and the source only on wide screens (the date is in the award's "Inspect"):
        # on a phone the status must fit.
        NamedDateColumn(
            "issued_on",
            label=capfirst(Award._meta.get_field("issued_on").verbose_name),
            sort_key="issued_on",
            classname="col-wide-only",
        ),
        Column(
            "source",
            label=capfirst(Award._meta.get_field("source").verbose_name),
            accessor="get_source_display",
            sort_key="source",
            classname="col-wide-only",
        ),
        StatusFlagColumn(
            "revoked",
            label=_("Status"),
            sort_key="revoked",
            true_label=pgettext_lazy("award status", "Revoked"),
            false_label=pgettext_lazy("award status", "Active"),
        ),
    ]
    filterset_class = AwardFilterSet
    search_fields = ["recipient_email", "badge_class__name"]
    search_backend_name = None
    list_export = [
        "uuid",
        "badge_class",
        "recipient_email",
        "issued_on",
        "expires",
        "source",
        "revoked",
        "revocation_reason",
    ]
    export_filename = "awards"
    # Wagtail queues reference-index work the moment an indexed model is saved, inside the
    # caller's transaction: with the queue down that would roll the award back. Awards hold
    # no references worth indexing.
    add_to_reference_index = False
    ordering = ["-issued_on"]

    def get_form_class(self, for_update=False):
        return RevokeForm if for_update else AwardForm

    def get_urlpatterns(self):
        from django.urls import path

        return super().get_urlpatterns() + [path("bulk/", BulkAwardView.as_view(), name="bulk")]
