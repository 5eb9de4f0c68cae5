"""The needs survey's standard questions: fixed keys (so answers can be counted across
surveys and languages), default wording, and the choices that do not come from the city.

Answers are stored under these keys with stable choice keys (an interest's slug, an age band's
key, a neighbourhood's name or :data:`ELSEWHERE`, the keys below); labels are looked up when
the answers are shown.
"""

from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.insight.bands import BAND_CHOICES

INTERESTS = "interests"
AGE_BAND = "age_band"
NEIGHBOURHOOD = "neighbourhood"
FREE_TIME = "free_time"
BARRIERS = "barriers"

# The honeypot: left empty by people (it is hidden from them), filled in by robots.
HONEYPOT = "homepage"

# A neighbourhood answer that is none of the city's.
ELSEWHERE = "elsewhere"

FREE_TIME_CHOICES = [
    ("weekday-afternoons", _("Weekday afternoons")),
    ("weekday-evenings", _("Weekday evenings")),
    ("weekends", _("Weekends")),
    ("school-holidays", _("School holidays")),
]

BARRIER_CHOICES = [
    ("cost", _("It costs too much")),
    ("distance", _("It is too far away")),
    ("language", _("It is not in my language")),
    ("not-knowing", _("I don't know what there is")),
    ("no-time", _("I have no time")),
    ("nobody", _("I have nobody to go with")),
    ("other", _("Something else")),
]


class Question:
    """One standard question: its key, default label and help, whether it must be answered
    and whether several choices may be ticked."""

    def __init__(self, key, label, help_text, title, *, required, multiple):
        self.key = key
        self.label = label
        self.help_text = help_text
        self.title = title  # how the dashboard names what is counted
        self.required = required
        self.multiple = multiple


QUESTIONS = [
    Question(
        INTERESTS,
        _("What would you like to learn or try?"),
        _("Choose as many as you like."),
        _("What they would like to learn"),
        required=True,
        multiple=True,
    ),
    Question(
        AGE_BAND,
        _("How old are you?"),
        "",
        _("Age"),
        required=True,
        multiple=False,
    ),
    Question(
        NEIGHBOURHOOD,
        _("Where do you live?"),
        _("Choose your neighbourhood."),
        _("Where they live"),
        required=True,
        multiple=False,
    ),
    Question(
        FREE_TIME,
        _("When do you have time for it?"),
        _("Choose all that fit."),
        _("When they are free"),
        required=False,
        multiple=True,
    ),
    Question(
        BARRIERS,
        _("What stops you from taking part in more?"),
        _("Choose all that apply."),
        _("What stops them"),
        required=False,
        multiple=True,
    ),
]
QUESTION_KEYS = [question.key for question in QUESTIONS]
# Names the editors' own questions may not take.
RESERVED_NAMES = {*QUESTION_KEYS, HONEYPOT, "submit_time"}

FIXED_CHOICES = {
    AGE_BAND: BAND_CHOICES,
    FREE_TIME: FREE_TIME_CHOICES,
    BARRIERS: BARRIER_CHOICES,
}


def elsewhere_label():
    return _("Somewhere else")
