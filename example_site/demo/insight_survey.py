"""The demo's needs survey: one survey page per city, in the city's language, and about 200
generated answers to it, sent through the survey's own form so the dashboard reads them as it
reads real ones. The page says that the answers were generated. Idempotent: the page is found
by its slug, and a survey that has answers gets no more."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from wagtail.contrib.forms.models import FormSubmission

from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.survey.models import NeedsSurveyPage
from wagtail_cityoflearning.insight.survey.questions import ELSEWHERE
from wagtail_cityoflearning.models.taxonomy import Interest

ANSWERS = 200
DAYS = 120  # the answers are spread over the last four months

SURVEYS = {
    "ljubljana": {
        "slug": "anketa",
        "title": "Kaj bi se rad/-a naučil/-a?",
        "intro": (
            "<p>Ljubljana pripravlja nove priložnosti za učenje in želi slišati tebe: kaj bi se "
            "rad/-a naučil/-a, kje in kdaj ter kaj te ovira. Anketa je anonimna in vzame dve "
            "minuti.</p><p><strong>To je predstavitvena stran: odgovori, ki jih mesto vidi na "
            "nadzorni plošči, so bili za predstavitev ustvarjeni samodejno.</strong></p>"
        ),
        "thank_you": (
            "<p>Hvala! Tvoji odgovori mestu pomagajo ugotoviti, kaj mladim manjka in kje.</p>"
        ),
        "neighbourhoods": [
            "Center",
            "Trnovo",
            "Vič",
            "Rožnik",
            "Šiška",
            "Dravlje",
            "Šentvid",
            "Bežigrad",
            "Črnuče",
            "Posavje",
            "Jarše",
            "Moste",
            "Polje",
            "Golovec",
            "Rudnik",
            "Sostro",
        ],
        "outer": {"Šentvid", "Črnuče", "Polje", "Sostro", "Rudnik", "Dravlje", "Jarše"},
        # where more families speak another language at home than the city's
        "other_language": {"Moste", "Jarše", "Šiška"},
    },
    "cagliari": {
        "slug": "sondaggio",
        "title": "Cosa ti piacerebbe imparare?",
        "intro": (
            "<p>Cagliari prepara nuove opportunità di apprendimento e vuole sentire te: cosa ti "
            "piacerebbe imparare, dove e quando, e cosa te lo impedisce. Il questionario è "
            "anonimo e richiede due minuti.</p><p><strong>Questa è una pagina dimostrativa: le "
            "risposte che la città vede nel cruscotto sono state generate automaticamente per la "
            "dimostrazione.</strong></p>"
        ),
        "thank_you": (
            "<p>Grazie! Le tue risposte aiutano la città a capire cosa manca ai giovani, e "
            "dove.</p>"
        ),
        "neighbourhoods": [
            "Castello",
            "Marina",
            "Stampace",
            "Villanova",
            "Bonaria",
            "San Benedetto",
            "Genneruxi",
            "Monte Urpinu",
            "Is Mirrionis",
            "San Michele",
            "Sant'Elia",
            "Poetto",
            "Pirri",
        ],
        "outer": {"Pirri", "Sant'Elia", "Is Mirrionis", "San Michele", "Poetto"},
        "other_language": {"Marina", "Stampace", "Is Mirrionis"},
    },
}

BANDS = {"13-15": 26, "16-18": 34, "19-24": 28, "25-29": 12}
OLDER = {"19-24", "25-29"}
# How often each interest is chosen, and what each age band likes more.
INTEREST_WEIGHTS = {
    "arts": 5,
    "music": 7,
    "performing-arts": 4,
    "science-technology": 5,
    "digital-skills": 7,
    "sports": 7,
    "nature-environment": 4,
    "languages": 5,
    "entrepreneurship-careers": 4,
    "volunteering-community": 3,
    "health-wellbeing": 4,
}
BAND_INTERESTS = {
    "13-15": {"sports": 2.0, "digital-skills": 1.6, "arts": 1.4, "entrepreneurship-careers": 0.3},
    "16-18": {"music": 1.6, "digital-skills": 1.4, "performing-arts": 1.3},
    "19-24": {"entrepreneurship-careers": 2.5, "languages": 1.8, "sports": 0.7},
    "25-29": {"entrepreneurship-careers": 3.0, "languages": 2.0, "health-wellbeing": 1.8},
}


def _weighted(rng, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def _interests(rng, band: str, slugs: list) -> list:
    weights = {
        slug: INTEREST_WEIGHTS.get(slug, 3) * BAND_INTERESTS[band].get(slug, 1.0) for slug in slugs
    }
    chosen = []
    for _number in range(rng.choice([1, 2, 2, 3, 3, 4])):
        if not weights:
            break
        slug = _weighted(rng, weights)
        chosen.append(slug)
        del weights[slug]
    return chosen


def _free_time(rng, band: str) -> list:
    chances = (
        {"weekday-afternoons": 0.2, "weekday-evenings": 0.7, "weekends": 0.6}
        if band in OLDER
        else {
            "weekday-afternoons": 0.7,
            "weekday-evenings": 0.3,
            "weekends": 0.5,
            "school-holidays": 0.6,
        }
    )
    return [key for key, chance in chances.items() if rng.random() < chance]


def _barriers(rng, band: str, neighbourhood: str, survey: dict) -> list:
    outer = neighbourhood in survey["outer"] or neighbourhood == ELSEWHERE
    chances = {
        "cost": 0.2 + (0.3 if band in OLDER else 0.0),
        "distance": 0.12 + (0.4 if outer else 0.0),
        "language": 0.04 + (0.14 if neighbourhood in survey["other_language"] else 0.0),
        "not-knowing": 0.45 if band not in OLDER else 0.35,
        "no-time": 0.12 + (0.25 if band in OLDER else 0.0),
        "nobody": 0.3 if band not in OLDER else 0.15,
        "other": 0.05,
    }
    return [key for key, chance in chances.items() if rng.random() < chance]


def _answer(rng, survey: dict, slugs: list, neighbourhoods: list) -> MultiValueDict:
    band = _weighted(rng, BANDS)
    places = {name: (1.0 if name in survey["outer"] else 1.3) for name in neighbourhoods}
    places[ELSEWHERE] = 0.6
    neighbourhood = _weighted(rng, places)
    return MultiValueDict(
        {
            "interests": _interests(rng, band, slugs),
            "age_band": [band],
            "neighbourhood": [neighbourhood],
            "free_time": _free_time(rng, band),
            "barriers": _barriers(rng, band, neighbourhood, survey),
        }
    )


def _neighbourhoods(site, survey) -> None:
    settings = InsightSettings.for_site(site)
    if not settings.neighbourhoods.strip():
        settings.neighbourhoods = "\n".join(survey["neighbourhoods"])
        settings.save()


def _page(home, survey) -> NeedsSurveyPage:
    page = NeedsSurveyPage.objects.child_of(home).filter(slug=survey["slug"]).first()
    if page is None:
        page = NeedsSurveyPage(
            title=survey["title"],
            slug=survey["slug"],
            intro=survey["intro"],
            thank_you=survey["thank_you"],
            locale=home.locale,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def _answers(page, survey, seed: str) -> None:
    """Send the generated answers through the survey's form, as a young person's are."""
    if FormSubmission.objects.filter(page=page).exists():
        return
    rng = random.Random(seed)  # noqa: S311 (made-up demo answers, not a secret)
    # The city's own list (the survey offers it), whoever set it.
    neighbourhoods = InsightSettings.for_site(page.get_site()).neighbourhood_list
    slugs = list(Interest.objects.filter(locale_id=page.locale_id).values_list("slug", flat=True))
    now = timezone.now()
    created = []
    for _number in range(ANSWERS):
        form = page.get_form(_answer(rng, survey, slugs, neighbourhoods), page=page)
        if not form.is_valid():
            raise ValueError(f"A generated answer does not fit the survey: {form.errors}")
        submission = page.process_form_submission(form)
        submission.submit_time = now - dt.timedelta(minutes=rng.randrange(DAYS * 24 * 60))
        created.append(submission)
    FormSubmission.objects.bulk_update(created, ["submit_time"])


def load(site, name: str) -> None:
    survey = SURVEYS.get(name)
    if survey is None:
        return
    with transaction.atomic():
        _neighbourhoods(site, survey)
        page = _page(site.root_page.specific, survey)
        _answers(page, survey, seed=f"needs-survey-{name}")
