"""A city with neighbourhoods and a published needs survey, for the survey's tests."""

from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.survey.models import NeedsSurveyField, NeedsSurveyPage

NEIGHBOURHOODS = ["Center", "Šiška", "Moste"]


def make_survey(city, *, slug="anketa", title="Kaj bi se rad naučil?", extra=(), **fields):
    settings = InsightSettings.for_site(city["site"])
    settings.neighbourhoods = "\n".join(NEIGHBOURHOODS)
    settings.save()
    page = NeedsSurveyPage(title=title, slug=slug, locale=city["locale"], **fields)
    page.form_fields = [
        NeedsSurveyField(label=label, field_type=field_type, required=False, choices=choices)
        for label, field_type, choices in extra
    ]
    city["home"].add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def answer(**changes):
    values = {
        "interests": ["music", "sports"],
        "age_band": "16-18",
        "neighbourhood": "Šiška",
        "free_time": ["weekends"],
        "barriers": ["cost", "distance"],
        "homepage": "",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}
