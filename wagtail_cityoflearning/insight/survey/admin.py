"""The needs survey in the admin: Wagtail's list of answers (under "Forms") and its CSV/XLSX
export show the answers' labels in the page's language rather than their stored keys."""

from collections import OrderedDict

from wagtail.contrib.forms.views import SubmissionsListView

from wagtail_cityoflearning.insight.survey.models import NeedsSurveyPage


def shown(labels: dict, name: str, value):
    """An answer as the list and the export show it."""
    choices = labels.get(name, {})
    if isinstance(value, list):
        return ", ".join(str(choices.get(key, key)) for key in value)
    if isinstance(value, str):
        return choices.get(value, value)
    return value


class SurveySubmissionsListView(SubmissionsListView):
    def answer_labels(self) -> dict:
        if not hasattr(self, "_answer_labels"):
            self._answer_labels = self.form_page.answer_labels()
        return self._answer_labels

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            names = [name for name, _label in self.form_page.get_data_fields()]
            labels = self.answer_labels()
            context["data_rows"] = [
                {
                    "model_id": submission.id,
                    "fields": [
                        shown(labels, name, submission.get_data().get(name)) for name in names
                    ],
                }
                for submission in context["submissions"]
            ]
        return context

    def to_row_dict(self, item):
        labels, data = self.answer_labels(), item.get_data()
        return OrderedDict(
            (field, shown(labels, field, data.get(field))) for field in self.list_export
        )


NeedsSurveyPage.submissions_list_view_class = SurveySubmissionsListView
