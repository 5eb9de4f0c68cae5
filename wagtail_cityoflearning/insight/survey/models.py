"""The "Needs survey" page type: Wagtail's form builder with the city's research questions
built in.

The standard questions (:mod:`.questions`) have fixed keys, wording the editors may change per
page, and choices filled in when the form is shown: the interests of the page's language, the
age bands, the city's neighbourhoods (its insight settings), when young people are free and
what stops them. Editors add their own questions below them with the form builder's inline.

Answers are Wagtail's ``FormSubmission`` rows: the answers as JSON and the time they were
sent. No user, address or session is kept; the throttle keeps a keyed hash of the address in
the cache for an hour.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, FormMixin, FormSubmission
from wagtail.fields import RichTextField
from wagtail.search import index

from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.survey import questions, throttle
from wagtail_cityoflearning.insight.survey.questions import (
    BARRIERS,
    ELSEWHERE,
    FIXED_CHOICES,
    HONEYPOT,
    INTERESTS,
    NEIGHBOURHOOD,
    QUESTIONS,
    RESERVED_NAMES,
)
from wagtail_cityoflearning.models.base import BasePage, CityOfLearningPageMixin
from wagtail_cityoflearning.models.taxonomy import Interest

TEMPLATES = "wagtail_cityoflearning_insight/survey"
# The query parameter of the thank-you page the form redirects to once the answers are stored.
SENT = "sent"
# A single-choice question with more choices than this is a drop-down rather than radios.
MAX_RADIOS = 12


class SurveyForm(BaseForm):
    """The form young people fill in: the standard questions first, then the editors' own."""

    @property
    def standard_fields(self):
        return [self[question.key] for question in QUESTIONS if question.key in self.fields]

    @property
    def extra_fields(self):
        return [self[name] for name in self.fields if name not in RESERVED_NAMES]

    @property
    def honeypot(self):
        return self[HONEYPOT]

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def answers(self) -> dict:
        """What is stored: every answer, and nothing else."""
        return {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT}


class NeedsSurveyAdminForm(WagtailAdminFormPageForm):
    """The editor's form: the editors' own questions may not take a standard question's name."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset is not None else []:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            if not form.instance.label:
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in RESERVED_NAMES:
                form.add_error(
                    "label",
                    _(
                        "“%(name)s” is the name of one of the survey's standard questions: "
                        "give this question another label."
                    )
                    % {"name": name},
                )
        return cleaned


class NeedsSurveyField(AbstractFormField):
    """A question the editors add to the survey, below the standard ones."""

    page = ParentalKey("NeedsSurveyPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("own question")
        verbose_name_plural = _("own questions")


def _label_field(question):
    return models.CharField(
        _("question"),
        max_length=255,
        blank=True,
        help_text=format_lazy(
            "{} “{}”", _("Leave empty to ask the standard question:"), question.label
        ),
    )


def _help_field(question):
    help_text = (
        format_lazy("{} “{}”", _("Leave empty for the standard help:"), question.help_text)
        if question.help_text
        else _("Leave empty for no help text.")
    )
    return models.CharField(
        _("help text"),
        max_length=255,
        blank=True,
        help_text=help_text,
    )


_QUESTION = {question.key: question for question in QUESTIONS}


class NeedsSurveyPage(CityOfLearningPageMixin, FormMixin, BasePage):
    """A survey of what the city's young people need, for the city's research with them.

    Needs ``wagtail.contrib.forms`` in ``INSTALLED_APPS`` (its answers are its
    ``FormSubmission`` rows, listed and exported under "Forms" in the admin)."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Why the city asks, and what it does with the answers."),
    )
    thank_you = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown once the answers are sent."),
    )
    interests_label = _label_field(_QUESTION[INTERESTS])
    interests_help = _help_field(_QUESTION[INTERESTS])
    age_band_label = _label_field(_QUESTION[questions.AGE_BAND])
    age_band_help = _help_field(_QUESTION[questions.AGE_BAND])
    neighbourhood_label = _label_field(_QUESTION[NEIGHBOURHOOD])
    neighbourhood_help = _help_field(_QUESTION[NEIGHBOURHOOD])
    free_time_label = _label_field(_QUESTION[questions.FREE_TIME])
    free_time_help = _help_field(_QUESTION[questions.FREE_TIME])
    barriers_label = _label_field(_QUESTION[BARRIERS])
    barriers_help = _help_field(_QUESTION[BARRIERS])
    answers_per_hour = models.PositiveSmallIntegerField(
        _("answers per connection and hour"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_(
            "More answers from one internet connection within an hour are refused. Raise it "
            "when a class or a youth centre answers together on one network."
        ),
    )

    base_form_class = NeedsSurveyAdminForm
    subpage_types = []
    template = f"{TEMPLATES}/needs_survey_page.html"
    landing_page_template = f"{TEMPLATES}/needs_survey_page_landing.html"

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        *[
            MultiFieldPanel(
                [FieldPanel(f"{question.key}_label"), FieldPanel(f"{question.key}_help")],
                heading=question.title,
            )
            for question in QUESTIONS
        ],
        InlinePanel(
            "form_fields",
            label=_("Own question"),
            heading=_("Your own questions"),
            help_text=_(
                "Asked after the standard questions. Answers are anonymous unless a question "
                "asks for something personal: ask for names, emails or addresses only if you "
                "must."
            ),
        ),
        FieldPanel("thank_you"),
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("answers_per_hour")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("needs survey")
        verbose_name_plural = _("needs surveys")

    # -- the questions ------------------------------------------------------------------------

    def question_label(self, question) -> str:
        return getattr(self, f"{question.key}_label") or question.label

    def question_help(self, question) -> str:
        return getattr(self, f"{question.key}_help") or question.help_text

    def neighbourhoods(self) -> list[str]:
        site = self.get_site()
        return InsightSettings.for_site(site).neighbourhood_list if site is not None else []

    def question_choices(self, question):
        """The choices of a standard question as (stored key, label), or None when the
        question is not asked (a city without a list of neighbourhoods)."""
        if question.key == INTERESTS:
            interests = Interest.objects.filter(locale_id=self.locale_id).order_by(
                "sort_order", "name"
            )
            return [(slug, name) for slug, name in interests.values_list("slug", "name")]
        if question.key == NEIGHBOURHOOD:
            names = self.neighbourhoods()
            if not names:
                return None
            return [(name, name) for name in names] + [(ELSEWHERE, questions.elsewhere_label())]
        return list(FIXED_CHOICES[question.key])

    def _standard_field(self, question, choices):
        options = {
            "label": self.question_label(question),
            "help_text": self.question_help(question),
            "required": question.required,
            "choices": [(key, str(label)) for key, label in choices],
        }
        if question.multiple:
            options["error_messages"] = {"required": _("Choose at least one answer.")}
            return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)
        options["error_messages"] = {"required": _("Choose an answer.")}
        if len(choices) > MAX_RADIOS:
            options["choices"] = [("", _("Choose…")), *options["choices"]]
            return forms.ChoiceField(widget=forms.Select, **options)
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def get_form_class(self):
        """The standard questions with the city's choices, the editors' own questions and the
        honeypot, worded in the page's language."""
        fields = {}
        with translation.override(self.locale.language_code):
            for question in QUESTIONS:
                choices = self.question_choices(question)
                if choices is not None:
                    fields[question.key] = self._standard_field(question, choices)
            for name, field in self.form_builder(self.get_form_fields()).formfields.items():
                if name not in RESERVED_NAMES:
                    fields[name] = field
            fields[HONEYPOT] = forms.CharField(
                label=str(_("Leave this field empty")),
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            )
        return type("NeedsSurveyForm", (SurveyForm,), fields)

    def get_data_fields(self):
        """The columns of the admin's list of answers and of its CSV/XLSX export: the
        questions as the page asks them, in its language."""
        with translation.override(self.locale.language_code):
            standard = [
                (question.key, str(self.question_label(question))) for question in QUESTIONS
            ]
        return [
            ("submit_time", _("Submission date")),
            *standard,
            *[
                (field.clean_name, field.label)
                for field in self.get_form_fields()
                if field.clean_name not in RESERVED_NAMES
            ],
        ]

    def answer_labels(self) -> dict:
        """For each standard question, its stored keys and the labels they are shown with."""
        labels = {}
        with translation.override(self.locale.language_code):
            for question in QUESTIONS:
                choices = self.question_choices(question) or [
                    (ELSEWHERE, questions.elsewhere_label())
                ]
                labels[question.key] = {key: str(label) for key, label in choices}
        return labels

    # -- answering ----------------------------------------------------------------------------

    def get_submission_class(self):
        return FormSubmission

    def process_form_submission(self, form):
        """Store the answers and the time: no user, no address."""
        return FormSubmission.objects.create(form_data=form.answers(), page=self)

    def serve(self, request, *args, **kwargs):
        with translation.override(self.locale.language_code):
            return self._serve(request, *args, **kwargs)

    def _serve(self, request, *args, **kwargs):
        status = 200
        context = self.get_context(request, *args, **kwargs)
        if request.method == "POST":
            if throttle.is_throttled(request, self):
                context.update({"throttled": True, "form": self.get_form(page=self)})
                return TemplateResponse(request, self.get_template(request), context, status=429)
            form = self.get_form(request.POST, page=self)
            if form.is_valid():
                throttle.record(request, self)
                if not form.is_robot:
                    self.process_form_submission(form)
                return redirect(f"{self.get_url(request)}?{SENT}=1")
            status = 400
        elif request.GET.get(SENT):
            return self.render_landing_page(request, *args, **kwargs)
        else:
            form = self.get_form(page=self)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_head_stylesheets(self) -> list[str]:
        return [
            "wagtail_cityoflearning/css/accounts.css",
            "wagtail_cityoflearning_insight/survey.css",
        ]
