"""What the registration tests share: an opportunity taking registrations, and learners."""

from django.urls import reverse
from django.utils import timezone

from tests.factories import make_opportunity, make_provider, session
from tests.learners.conftest import make_learner

QUESTIONS = [
    ("text", {"label": "Food allergies?", "help_text": "", "required": False}),
    (
        "choice",
        {"label": "T-shirt size", "help_text": "", "options": ["S", "M", "L"], "required": True},
    ),
]


def make_registrable(city, provider=None, sessions=None, **kwargs):
    provider = provider or make_provider(city)
    kwargs.setdefault("takes_registrations", True)
    kwargs.setdefault("capacity", 2)
    return make_opportunity(
        provider, [city["interests"]["science-technology"]], sessions=sessions, **kwargs
    )


def adult(email, city):
    return make_learner(email, site=city["site"], year_of_birth=timezone.localdate().year - 20)


def register_url(page):
    return reverse("wagtail_cityoflearning_providers:register", args=[page.pk])


def cancel_url(registration):
    return reverse("wagtail_cityoflearning_providers:cancel_registration", args=[registration.pk])


def answers_for(page, text="", size="M"):
    """POST data answering ``page``'s questions (as in QUESTIONS)."""
    text_q, choice_q = page.registration_questions
    return {f"q_{text_q.id}": text, f"q_{choice_q.id}": size}


__all__ = ["QUESTIONS", "adult", "answers_for", "cancel_url", "make_registrable", "session"]
