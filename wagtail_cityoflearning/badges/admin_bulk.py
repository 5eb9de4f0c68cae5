"""Bulk award in the admin: paste a list or upload a CSV, preview every row, then award.

The preview keeps the list: "Change the list" goes back to it as it was pasted. Recipients who
already hold the badge are skipped unless the editor ticks "Award again" on their row.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_cityoflearning.badges import access as badge_access
from wagtail_cityoflearning.badges import bulk
from wagtail_cityoflearning.badges.models import Award, BadgeClass

MAX_UPLOAD_BYTES = 1024 * 1024


class BulkAwardForm(forms.Form):
    badge_class = forms.ModelChoiceField(label=_("Badge"), queryset=BadgeClass.objects.none())
    rows = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "One recipient a line: email, evidence URL, narrative (the last two are optional)."
        ),
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV file"),
        required=False,
        # The column names stay as they are in every language: the importer reads them.
        help_text=format_lazy(
            _("Columns: {columns}. UTF-8."), columns="email, evidence, narrative"
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["badge_class"].queryset = badge_access.awardable_badge_classes(user)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("csv_file")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 1 MB."))
            try:
                cleaned["rows"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(
                    _("Save the CSV file as UTF-8 and upload it again.")
                ) from None
        if not (cleaned.get("rows") or "").strip():
            raise forms.ValidationError(_("Paste at least one recipient or upload a file."))
        return cleaned


class BulkAwardView(WagtailAdminTemplateMixin, FormView):
    form_class = BulkAwardForm
    template_name = "wagtail_cityoflearning/badges/admin/bulk_award.html"
    page_title = _("Bulk award")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_cityoflearning_badges.add_award"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), **self.user_kwargs()}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("cityoflearning_awards:index"), "label": _("Awards")},
            {"url": "", "label": self.page_title},
        ]

    def again(self) -> set[int]:
        """The numbers of the rows ticked "Award again" (anything else is ignored)."""
        return {int(value) for value in self.request.POST.getlist("again") if value.isdigit()}

    def form_valid(self, form):
        if self.request.POST.get("edit") == "1":
            # Back to the list as it was pasted (an uploaded file's text included).
            data = {
                "badge_class": self.request.POST.get("badge_class", ""),
                "rows": form.cleaned_data["rows"],
            }
            return self.render_to_response(
                self.get_context_data(form=self.form_class(initial=data, **self.user_kwargs()))
            )
        rows = bulk.check(
            bulk.parse(form.cleaned_data["rows"]),
            badge_class=form.cleaned_data["badge_class"],
            again=self.again(),
        )
        ready = bool(rows) and all(row.valid for row in rows)
        if ready and self.request.POST.get("confirm") == "1":
            return self.award(form.cleaned_data["badge_class"], rows)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                rows=rows,
                ready=ready,
                error_count=sum(1 for row in rows if not row.valid),
                held_count=sum(1 for row in rows if row.held is not None),
                award_count=sum(1 for row in rows if row.to_award),
                pasted=form.cleaned_data["rows"],
            )
        )

    def user_kwargs(self):
        return {"user": self.request.user}

    def award(self, badge_class, rows):
        awards = bulk.award_all(badge_class, rows, awarded_by=self.request.user)
        skipped = sum(1 for row in rows if not row.to_award)
        if awards:
            messages.success(
                self.request,
                ngettext("%(count)s badge awarded.", "%(count)s badges awarded.", len(awards))
                % {"count": len(awards)},
            )
        if skipped:
            messages.info(
                self.request,
                ngettext(
                    "%(count)s recipient already holds this badge and was skipped.",
                    "%(count)s recipients already hold this badge and were skipped.",
                    skipped,
                )
                % {"count": skipped},
            )
        return redirect(reverse("cityoflearning_awards:index") + f"?source={Award.Source.BULK}")
