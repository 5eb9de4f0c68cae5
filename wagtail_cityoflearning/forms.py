"""Admin forms for the package's page types: locale-aware choices and cross-field checks."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class CityOfLearningPageForm(WagtailAdminPageForm):
    """Offers only the interests in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("interests")
        if field is not None:
            locale_id = getattr(self.instance, "locale_id", None)
            if locale_id is None and self.parent_page is not None:
                locale_id = self.parent_page.locale_id
            if locale_id is not None:
                field.queryset = field.queryset.filter(locale_id=locale_id)


class OpportunityPageForm(CityOfLearningPageForm):
    """Checks what spans fields and inline sessions; every error is attached to a field."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_valid():
            return cleaned_data  # the formset shows its own errors
        sessions = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not cleaned_data.get("is_ongoing") and not sessions:
            self.add_error(
                "is_ongoing", _("Add at least one session, or tick “ongoing, join any time”.")
            )
        deadline = cleaned_data.get("registration_deadline")
        starts = [s["start"] for s in sessions if s.get("start")]
        if deadline and starts and deadline > max(starts):
            self.add_error(
                "registration_deadline",
                _("The registration deadline is after the last session starts."),
            )
        return cleaned_data
