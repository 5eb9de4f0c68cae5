"""The admin's "Import opportunities": upload, preview with each error at its row and column,
import; and the template and export downloads.

Who may import: whoever may edit a provider page (``access.provider_pages``): provider staff
into their own provider, city editors into any provider of their cities, chosen in the form or
named in the sheet's provider column. The uploaded rows are kept for their uploader only
(:class:`SheetUpload`), for a day.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_cityoflearning import access
from wagtail_cityoflearning.providers.spreadsheets.checks import Checker
from wagtail_cityoflearning.providers.spreadsheets.importing import (
    export_file,
    import_rows,
    template_file,
)
from wagtail_cityoflearning.providers.spreadsheets.models import SheetUpload
from wagtail_cityoflearning.providers.spreadsheets.sheet import (
    COLUMNS,
    COLUMNS_BY_KEY,
    MAX_BYTES,
    MAX_ROWS,
    SheetError,
    read_sheet,
)

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
NAMESPACE = "wagtail_cityoflearning_spreadsheets"


def may_import(user) -> bool:
    return access.provider_pages(user).exists()


class UploadForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=None,
        required=False,
        empty_label=_("Named in each row's “Provider” column"),
    )
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A .csv or .xlsx file with the template's columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        providers = access.provider_pages(user).order_by("title")
        self.fields["provider"].queryset = providers
        if len(providers[:2]) == 1:
            self.fields["provider"].required = True
            self.fields["provider"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > MAX_BYTES:
            self.add_error(
                "file",
                gettext("The file is larger than %(size)s MB.")
                % {"size": MAX_BYTES // 1024 // 1024},
            )
            return cleaned
        try:
            cleaned["columns"], cleaned["rows"] = read_sheet(upload.read(), upload.name)
        except SheetError as error:
            self.add_error("file", str(error))
        return cleaned


class ImporterMixin(WagtailAdminTemplateMixin):
    header_icon = "doc-full"
    page_title = _("Import opportunities")

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": gettext("Home")},
            {"url": reverse(f"{NAMESPACE}:index"), "label": gettext("Import opportunities")},
        ]


class UploadView(ImporterMixin, FormView):
    template_name = "wagtail_cityoflearning_providers/spreadsheets/upload.html"
    form_class = UploadForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        SheetUpload.objects.expired().delete()
        upload = SheetUpload.objects.create(
            user=self.request.user,
            provider=form.cleaned_data["provider"],
            filename=form.cleaned_data["file"].name[:255],
            columns=form.cleaned_data["columns"],
            rows=form.cleaned_data["rows"],
        )
        return redirect(f"{NAMESPACE}:preview", token=upload.token)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["providers"] = access.provider_pages(self.request.user).order_by("title")[:50]
        context["columns"] = COLUMNS
        context["max_rows"] = MAX_ROWS
        context["max_mb"] = MAX_BYTES // 1024 // 1024
        return context


class UploadedMixin(ImporterMixin):
    @cached_property
    def upload(self):
        upload = (
            SheetUpload.objects.current()
            .filter(token=self.kwargs["token"], user=self.request.user, imported_at=None)
            .first()
        )
        if upload is None:
            raise Http404(gettext("This upload has expired or was imported; upload it again."))
        return upload

    def provider(self):
        if self.upload.provider_id is None:
            return None
        provider = access.provider_pages(self.request.user).filter(pk=self.upload.provider_id)
        if not provider:
            raise Http404
        return provider[0].specific


class PreviewView(UploadedMixin, TemplateView):
    template_name = "wagtail_cityoflearning_providers/spreadsheets/preview.html"
    page_title = _("Check the import")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = Checker(self.request.user, self.provider()).check(self.upload.rows)
        context.update(preview_context(rows, self.upload.columns))
        context["upload"] = self.upload
        return context


def preview_context(rows, columns) -> dict:
    errors = [row for row in rows if row.errors]
    listed = []
    for row in errors:
        for key, messages_ in row.errors.items():
            label = str(COLUMNS_BY_KEY[key].label) if key in COLUMNS_BY_KEY else ""
            for message in messages_:
                listed.append({"row": row.number, "key": key, "column": label, "message": message})
    counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
    for row in rows:
        counts[row.action] += 1
    return {
        "rows": rows,
        "error_list": listed,
        "error_rows": errors,
        "counts": counts,
        "column_labels": [str(COLUMNS_BY_KEY[key].label) for key in columns],
        "columns": columns,
    }


class CommitView(UploadedMixin, View):
    def post(self, request, token):
        result = import_rows(request.user, self.provider(), self.upload.rows)
        if not result["saved"]:
            messages.error(request, gettext("Nothing was imported: the file has errors."))
            return redirect(f"{NAMESPACE}:preview", token=token)
        self.upload.imported_at = timezone.now()
        self.upload.rows = []
        self.upload.save(update_fields=["imported_at", "rows"])
        messages.success(
            request,
            ngettext(
                "%(created)s opportunity created",
                "%(created)s opportunities created",
                result["created"],
            )
            % {"created": result["created"]}
            + ", "
            + ngettext("%(updated)s updated", "%(updated)s updated", result["updated"])
            % {"updated": result["updated"]}
            + ", "
            + ngettext("%(unchanged)s unchanged.", "%(unchanged)s unchanged.", result["unchanged"])
            % {"unchanged": result["unchanged"]},
        )
        return redirect(f"{NAMESPACE}:index")


def _download(content: bytes, name: str, file_format: str) -> HttpResponse:
    if file_format not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


class TemplateDownloadView(ImporterMixin, View):
    def get(self, request, file_format):
        if file_format not in CONTENT_TYPES:
            raise Http404
        return _download(template_file(request.user, file_format), "opportunities", file_format)


class ExportView(ImporterMixin, View):
    """Every opportunity of the user's providers, or of the one ``?provider=`` names."""

    def get(self, request, file_format):
        if file_format not in CONTENT_TYPES:
            raise Http404
        providers = access.provider_pages(request.user)
        pk = request.GET.get("provider", "")
        if pk:
            if not pk.isdigit():
                raise Http404
            providers = providers.filter(pk=pk)
            if not providers:
                raise Http404
        content = export_file(request.user, list(providers), file_format)
        return _download(content, "opportunities-export", file_format)
