"""The emails of registration: the confirmation (a place, or a place on the waiting list),
moved up from the waiting list, and the reminder the day before a session. From the city of
the opportunity (:mod:`wagtail_cityoflearning.mail`), in the learner's language, as text and
HTML."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.progress.emails import learner_language
from wagtail_cityoflearning.mail import city_email, site_display_name
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.providers.registration.models import Registration

TEMPLATES = "wagtail_cityoflearning_providers/registration/email/"
CONFIRMATION = "confirmation"
MOVED_UP = "moved_up"
REMINDER = "reminder"


def _site_url(site, path: str) -> str:
    return site.root_url.rstrip("/") + path if site is not None and path else ""


def build_email(registration: Registration, kind: str, session_start=None):
    """The email of ``kind`` for ``registration`` (None when the learner has no address)."""
    user = registration.user
    if not user.email:
        return None
    page = registration.opportunity.specific
    site = page.get_site()
    profile = LearnerProfile.objects.for_user(user)
    city = CityOfLearningSettings.for_site(site) if site is not None else None
    with (
        translation.override(learner_language(user, page)),
        timezone.override(city.tzinfo if city is not None else timezone.get_default_timezone()),
    ):
        site_name = site_display_name(site)
        context = {
            "kind": kind,
            "site_name": site_name,
            "name": profile.display_name if profile is not None else "",
            "opportunity": page,
            "provider": page.get_parent(),
            "registration": registration,
            "waiting": registration.is_waiting,
            "position": registration.place_in_line,
            "page_url": page.full_url or "",
            "dashboard_url": _site_url(site, reverse("wagtail_cityoflearning_learners:dashboard")),
            "session_date": format_date(session_start, "weekday_date") if session_start else "",
            "session_time": format_date(session_start, "time") if session_start else "",
            "address": page.address if page.is_in_person else "",
            "online_url": page.online_url if page.is_online else "",
        }
        subject = render_to_string(TEMPLATES + "subject.txt", context).strip()
        body = render_to_string(TEMPLATES + "body.txt", context)
        html = render_to_string(TEMPLATES + "body.html", context)
        return city_email(site_name, subject, body, [user.email], html=html)


def _send(registration_pk: int, kind: str, expected_status: str, session_start=None) -> bool:
    registration = (
        Registration.objects.select_related("user", "opportunity")
        .filter(pk=registration_pk, status__in=expected_status.split())
        .first()
    )
    if registration is None:  # cancelled since
        return False
    message = build_email(registration, kind, session_start)
    if message is None:
        return False
    message.send()
    return True


def send_confirmation(registration_pk: int) -> bool:
    """“You are registered” or “you are on the waiting list, number N”."""
    statuses = f"{Registration.Status.REGISTERED} {Registration.Status.WAITING}"
    return _send(registration_pk, CONFIRMATION, statuses)


def send_moved_up(registration_pk: int) -> bool:
    """“A place came free: it is yours”."""
    return _send(registration_pk, MOVED_UP, Registration.Status.REGISTERED)


def send_reminder(registration: Registration, session_start) -> bool:
    """“See you tomorrow”: the session's date, time and place."""
    message = build_email(registration, REMINDER, session_start)
    if message is None:
        return False
    message.send()
    return True
