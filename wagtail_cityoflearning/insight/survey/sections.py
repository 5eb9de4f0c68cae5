"""The dashboard's "Needs survey" section: for a city (not a provider), each of its surveys
with answers in the period, one figure per standard question and the number of answers.

A survey and its translations count together: their answers share the questions' keys and
the choices' keys (an interest's slug is the same in every language). The answers of the
period are read in one query (their JSON) and counted in Python: a city's survey has hundreds
of answers, not millions, and multiple-choice answers are lists that SQL cannot count per
choice on every database. The whole section runs four queries however many surveys and
answers there are.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from wagtail_cityoflearning.insight.bands import AGE_BANDS, BAND_LABELS
from wagtail_cityoflearning.insight.figures import (
    BAR,
    HBAR,
    SECTIONS_HOOK,
    Chart,
    Figure,
    Section,
    Series,
)
from wagtail_cityoflearning.insight.privacy import MIN_PEOPLE, display, people, suppress_row
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.survey.models import NeedsSurveyPage
from wagtail_cityoflearning.insight.survey.questions import (
    AGE_BAND,
    BARRIER_CHOICES,
    BARRIERS,
    ELSEWHERE,
    FREE_TIME,
    FREE_TIME_CHOICES,
    INTERESTS,
    NEIGHBOURHOOD,
    QUESTIONS,
    elsewhere_label,
)
from wagtail_cityoflearning.models.taxonomy import Interest

ORDER = 35  # with the youth voice


@dataclass
class Tally:
    """The answers of one survey (and its translations) in the period."""

    page: NeedsSurveyPage
    answers: int = 0
    counts: dict = field(default_factory=lambda: {q.key: Counter() for q in QUESTIONS})
    barriers_by_band: Counter = field(default_factory=Counter)  # (barrier, band) -> count

    def add(self, data: dict) -> None:
        self.answers += 1
        for question in QUESTIONS:
            for value in _values(data.get(question.key)):
                self.counts[question.key][value] += 1
        band = data.get(AGE_BAND) if isinstance(data.get(AGE_BAND), str) else ""
        for barrier in _values(data.get(BARRIERS)):
            self.barriers_by_band[(barrier, band)] += 1


def _values(value) -> list:
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str) and item]
    return [value] if isinstance(value, str) and value else []


def _surveys(scope) -> list:
    """The city's surveys and their translations (wherever their language's tree is)."""
    in_city = NeedsSurveyPage.objects.filter(scope.pages_q())
    return list(
        NeedsSurveyPage.objects.filter(
            Q(scope.pages_q()) | Q(translation_key__in=in_city.values("translation_key"))
        )
        .select_related("locale")
        .order_by("path")
    )


def _rows(choices, counts: Counter) -> list:
    """(key, label, count) for each choice, then for any answered key the choices no longer
    have (an interest since removed, a neighbourhood since renamed)."""
    keys = {key for key, _label in choices}
    rows = [(key, str(label), counts.get(key, 0)) for key, label in choices]
    rows += [(key, key, count) for key, count in sorted(counts.items()) if key not in keys]
    return rows


def _summary(title: str, rows: list, answers) -> str:
    chosen = [row for row in rows if row[1]]
    chosen.sort(key=lambda row: -row[1] if isinstance(row[1], int) else 0)
    top = ", ".join(f"{label} ({display(count)})" for label, count in chosen[:3])
    if not top:
        return _("%(title)s: no choice was made.") % {"title": title}
    return _("%(title)s, most chosen: %(top)s. Answers: %(answers)s.") % {
        "title": title,
        "top": top,
        "answers": display(answers),
    }


def _figure(key, tally, question_key, heading, choices, kind, sort=False) -> Figure:
    question = next(q for q in QUESTIONS if q.key == question_key)
    rows = _rows(choices, tally.counts[question_key])
    if sort:
        rows.sort(key=lambda row: (-row[2], row[1].casefold()))
    answers = people(tally.answers)
    counts = [people(count) for _key, _label, count in rows]
    if not question.multiple:
        # One choice per answer: the answers minus the other counts would give a hidden one.
        counts = suppress_row(counts, answers)
    rows = [[label, count] for (_key, label, _count), count in zip(rows, counts, strict=True)]
    title = f"{tally.page.title}: {question.title}"
    note = _("Out of %(answers)s answers.") % {"answers": display(answers)}
    if question.multiple:
        note += " " + _("Several choices per answer are possible, so counts add up to more.")
    return Figure(
        key=f"survey-{tally.page.pk}-{key}",
        title=title,
        columns=[heading, _("Answers")],
        rows=rows,
        summary=_summary(str(question.title), rows, answers),
        chart=Chart(kind, [row[0] for row in rows], [Series(_("Answers"), [r[1] for r in rows])]),
        note=note,
    )


def _barriers_figure(tally) -> Figure:
    """What stops them, in all and by age band (the bands that answered), stacked."""
    question = next(q for q in QUESTIONS if q.key == BARRIERS)
    bands = [
        (key, label)
        for key, _low, _high, label in AGE_BANDS
        if any(band == key for (_barrier, band) in tally.barriers_by_band)
    ]
    rows = []
    for barrier, label, count in _rows(BARRIER_CHOICES, tally.counts[BARRIERS]):
        by_band = [people(tally.barriers_by_band.get((barrier, band), 0)) for band, _l in bands]
        # "All ages" minus the other bands would give a hidden band's count.
        rows.append([label, people(count), *suppress_row(by_band, people(count))])
    answers = people(tally.answers)
    series = [
        Series(str(label), [row[2 + index] for row in rows])
        for index, (_key, label) in enumerate(bands)
    ]
    return Figure(
        key=f"survey-{tally.page.pk}-barriers",
        title=f"{tally.page.title}: {question.title}",
        columns=[_("Reason"), _("All ages"), *[str(label) for _key, label in bands]],
        rows=rows,
        summary=_summary(str(question.title), [row[:2] for row in rows], answers),
        chart=Chart(HBAR, [row[0] for row in rows], series, stacked=True),
        note=_("Out of %(answers)s answers, by the age they gave.") % {"answers": display(answers)}
        + " "
        + _("Several choices per answer are possible, so counts add up to more."),
    )


@hooks.register(SECTIONS_HOOK)
def needs_survey_section(scope):
    if not scope.is_city:
        return None
    surveys = _surveys(scope)
    if not surveys:
        return None
    # One tally per survey: a page in the city's tree, with the translations sharing its key.
    root_path = scope.root.path
    tallies, tally_of = {}, {}
    for page in sorted(surveys, key=lambda page: not page.path.startswith(root_path)):
        tally = tallies.setdefault(page.translation_key, Tally(page=page))
        tally_of[page.pk] = tally
    submissions = FormSubmission.objects.filter(
        scope.in_period("submit_time"), page_id__in=list(tally_of)
    ).values_list("page_id", "form_data")
    for page_id, data in submissions:
        if isinstance(data, dict):
            tally_of[page_id].add(data)
    answered = [tally for tally in tallies.values() if tally.answers]
    interest_names = {
        (locale_id, slug): name
        for locale_id, slug, name in Interest.objects.filter(
            locale_id__in={tally.page.locale_id for tally in answered}
        ).values_list("locale_id", "slug", "name")
    }
    neighbourhoods = InsightSettings.for_site(scope.site).neighbourhood_list

    totals = [[tally.page.title, people(tally.answers)] for tally in tallies.values()]
    figures = [
        Figure(
            key="survey-answers",
            title=_("Answers per survey"),
            columns=[_("Survey"), _("Answers")],
            rows=totals,
            summary=_("Surveys: %(count)s; answers in the period: %(answers)s.")
            % {
                "count": len(totals),
                "answers": ", ".join(f"{title} ({display(count)})" for title, count in totals),
            },
            chart=Chart(
                BAR, [row[0] for row in totals], [Series(_("Answers"), [row[1] for row in totals])]
            ),
            note=_("A survey counts its answers in every language it is published in."),
        )
    ]
    for tally in answered:
        interests = sorted(
            (
                (slug, name)
                for (locale_id, slug), name in interest_names.items()
                if locale_id == tally.page.locale_id
            ),
            key=lambda choice: choice[1].casefold(),
        )
        places = [(name, name) for name in neighbourhoods] + [(ELSEWHERE, elsewhere_label())]
        figures += [
            _figure("interests", tally, INTERESTS, _("Interest"), interests, HBAR, sort=True),
            _figure("age", tally, AGE_BAND, _("Age"), list(BAND_LABELS.items()), BAR),
            _figure("neighbourhood", tally, NEIGHBOURHOOD, _("Neighbourhood"), places, HBAR),
            _figure("free-time", tally, FREE_TIME, _("When"), FREE_TIME_CHOICES, BAR),
            _barriers_figure(tally),
        ]
    return Section(
        key="needs-survey",
        title=_("Needs survey"),
        figures=figures,
        order=ORDER,
        intro=_(
            "What young people answered in the city's needs surveys in this period: one "
            "figure per question. Answers are anonymous; counts under %(count)s are hidden."
        )
        % {"count": MIN_PEOPLE},
    )
