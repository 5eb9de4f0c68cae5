"""Admin views for awards: award one badge, revoke with a reason, list, filter and export."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from wagtail_cityoflearning import access
from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges.admin_bulk import BulkAwardView
from wagtail_cityoflearning.badges.admin_forms import AwardFilterSet
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.bulk import CONSENT_MISSING
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.exports import SafeSpreadsheetExportMixin
from wagtail_cityoflearning.recipients import recipient_may_receive


class AwardForm(WagtailAdminModelForm):
    """Award a published badge to one email address, with optional evidence."""

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
        self.fields["recipient_email"].help_text = _(
            "The badge and its email go to this address; it is never shown in public."
        )

    def clean(self):
        cleaned = super().clean()
        badge_class, email = cleaned.get("badge_class"), cleaned.get("recipient_email")
        site = badge_class.issuer.get_site() if badge_class else None
        if email and site and not recipient_may_receive(email, site):
            self.add_error("recipient_email", CONSENT_MISSING)
        return cleaned


class AwardCreateView(generic.CreateView):
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


class AwardIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("badge_class__issuer")

    @cached_property
    def header_buttons(self):
        return super().header_buttons + [
            HeaderButton(
                _("Bulk award"), url=reverse("cityoflearning_awards:bulk"), icon_name="group"
            )
        ]


class AwardViewSet(access.ScopedViewSetMixin, ModelViewSet):
    """Awards of the badges the user may award (see :mod:`wagtail_cityoflearning.access`)."""

    access_scope = staticmethod(badge_access.awards)
    model = Award
    icon = "pick"
    menu_label = _("Awards")
    menu_order = 311
    add_to_admin_menu = True
    index_view_class = AwardIndexView
    add_view_class = AwardCreateView
    edit_view_class = AwardRevokeView
    inspect_view_enabled = True
    copy_view_enabled = False  # an award is for one person; award again instead
    form_fields = ["badge_class", "recipient_email", "narrative"]
    list_display = ["badge_class", "recipient_email", "issued_on", "source", "revoked"]
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
