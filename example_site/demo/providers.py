"""The providers' app in the demo: organisations that asked to join through the "Become a
learning provider" form (two approved by the city, one waiting), the spreadsheet one of them
sent (imported with the package's importer), its weekly clubs, registrations with places and
a waiting list, and a change waiting in the City review.

Everything goes through the package's own functions, as an editor's clicks would, so the demo
shows what the admin makes. Idempotent: what exists is left alone.
"""

import datetime as dt
import importlib
import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from wagtail_cityoflearning import roles
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.models import Interest, OpportunityPage
from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.providers.moderation.review import bring_up_to_date
from wagtail_cityoflearning.providers.onboarding import approval
from wagtail_cityoflearning.providers.onboarding.invitations import staff_group
from wagtail_cityoflearning.providers.onboarding.models import Invitation, ProviderRequest
from wagtail_cityoflearning.providers.registration import places
from wagtail_cityoflearning.providers.registration.models import Registration
from wagtail_cityoflearning.providers.spreadsheets.importing import import_rows

from .illustrations import Illustrations
from .loader import CITIES

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# The demo's emails (approvals, invitations, registrations) are not sent anywhere.
QUIET_MAIL = "django.core.mail.backends.locmem.EmailBackend"


def _city_editor(site):
    """The city's demo editor (the account the demo command also reports)."""
    User = get_user_model()
    username = f"editor-{site.site_name.lower()}"
    user = User.objects.filter(username=username).first()
    if user is None:
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "cityoflearning")
        user = User.objects.create_user(username, f"{username}@example.org", password)
    user.groups.add(roles.city_editors(site))
    return user


def _request(site, item, interests):
    found = ProviderRequest.objects.filter(site=site, email=item["email"]).first()
    if found is not None:
        return found
    request = ProviderRequest.objects.create(
        site=site,
        organisation=item["organisation"],
        contact_name=item["contact_name"],
        email=item["email"],
        phone=item["phone"],
        address=item["address"],
        location=f"SRID=4326;POINT({item['lng']:.6f} {item['lat']:.6f})",
        website=item["website"],
        offer=item["offer"],
        language=site.root_page.locale.language_code,
    )
    request.interests.set(interests[slug] for slug in item["interests"])
    return request


def _approve(request, editor, picture):
    """Approve as the city's editor would, then give the new provider's page a picture and
    publish it."""
    if request.status == ProviderRequest.Status.PENDING:
        approval.approve(request, user=editor)
        request.refresh_from_db()
    page = request.provider.specific
    if not page.live:
        page.cover_image = picture
        page.save_revision(user=editor).publish(user=editor)
    return page


def _contact_person(request, password):
    """The contact person, as if they had accepted the invitation of the approval."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=request.email).first()
    if user is None:
        first, _, last = request.contact_name.partition(" ")
        user = User.objects.create_user(
            request.email, request.email, password, first_name=first, last_name=last
        )
    user.groups.add(staff_group(request.provider))
    Invitation.objects.filter(
        provider=request.provider, email__iexact=request.email
    ).pending().update(accepted_at=timezone.now(), accepted_by=user)
    return user


def _next_weekday(today, code):
    return today + dt.timedelta(days=(WEEKDAYS.index(code) - today.weekday()) % 7 or 7)


def _cells(item, tz, today):
    """The sheet's row for ``item``: what the provider typed in its spreadsheet."""
    schedule = item["schedule"]
    hour, minute = (int(part) for part in schedule["start_time"].split(":"))
    length = dt.timedelta(minutes=schedule["duration_minutes"])

    def session(day):
        start = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)
        return f"{start:%Y-%m-%d %H:%M}-{start + length:%H:%M}"

    cells = {
        "external_id": item["external_id"],
        "title": item["title"],
        "summary": item["summary"],
        "type": item["type"],
        "interests": ", ".join(item["interests"]),
        "mode": item["mode"],
        "age_min": str(item["age_min"]),
        "age_max": str(item["age_max"]),
        "free": "no" if item["price"] else "yes",
        "price": item["price"],
        "languages": ", ".join(item["languages"]),
        "capacity": "" if item["capacity"] is None else str(item["capacity"]),
        "registrations": "yes" if item["registration"] else "no",
        "waiting_list": "yes" if (item["registration"] or {}).get("waiting_list") else "no",
    }
    if "weekdays" in schedule:
        first = min(_next_weekday(today, code) for code in schedule["weekdays"])
        until = first + dt.timedelta(weeks=schedule["weeks"]) - dt.timedelta(days=1)
        cells["sessions"] = session(first)
        cells["repeat_days"] = ",".join(schedule["weekdays"])
        cells["repeat_until"] = until.isoformat()
        if "except_week" in schedule:  # a holiday: the first meeting of that week is left out
            skipped = first + dt.timedelta(weeks=schedule["except_week"])
            cells["repeat_except"] = skipped.isoformat()
    else:
        cells["sessions"] = "\n".join(
            session(today + dt.timedelta(days=days)) for days in schedule["days"]
        )
    return cells


def _questions(item):
    questions = []
    for question in (item["registration"] or {}).get("questions", []):
        value = {"label": question["label"], "help_text": "", "required": question["required"]}
        if question["type"] == "choice":
            value["options"] = question["choices"]
        questions.append((question["type"], value))
    return questions


def _import_sheet(data, provider, editor, tz, today, illustrations):
    """Import the provider's spreadsheet (again: the importer updates by external id)."""
    rows = [_cells(item, tz, today) for item in data.SPREADSHEET]
    for row, item in zip(rows, data.SPREADSHEET, strict=True):
        row["address"] = provider.address
        row["latitude"] = str(provider.latitude)
        row["longitude"] = str(provider.longitude)
        item["_row"] = row
    existing = set(OpportunityPage.objects.child_of(provider).values_list("external_id", flat=True))
    new_rows = [row for row in rows if row["external_id"] not in existing]
    if new_rows:
        result = import_rows(editor, provider, new_rows)
        if not result["saved"]:
            problems = [(row.number, row.errors) for row in result["rows"] if row.errors]
            raise LookupError(f"The demo spreadsheet of {provider.title} has errors: {problems}")
    pages = {
        page.external_id: page
        for page in OpportunityPage.objects.child_of(provider).filter(
            external_id__in=[item["external_id"] for item in data.SPREADSHEET]
        )
    }
    for item in data.SPREADSHEET:
        page = pages[item["external_id"]]
        questions = _questions(item)
        if page.cover_image_id is None:  # what the spreadsheet cannot carry, added in the editor
            page.cover_image = illustrations.for_opportunity(item["interests"])
            page.registration_questions = questions
            page.save_revision(user=editor).publish(user=editor)
    return pages


def _registrant(site, name, year, password, interests):
    User = get_user_model()
    username = f"{slugify(name)}-{site.site_name.lower()}"
    email = f"{username}@example.org"
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(username, email, password)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    if not LearnerProfile.objects.filter(user=user).exists():
        profile = LearnerProfile.objects.create(
            user=user,
            site=site,
            display_name=name,
            # Old enough to consent in either city, so nothing waits for a guardian.
            year_of_birth=min(year, timezone.localdate().year - 17),
            preferred_language=site.root_page.locale.language_code,
            consent=LearnerProfile.Consent.NOT_NEEDED,
        )
        profile.interests.set(interests)
    return user


def _registrations(site, data, pages, password, interests):
    """Fill each opportunity's places (and its waiting list) with the city's registrants."""
    registrants = [
        _registrant(site, name, year, password, list(interests.values())[:2])
        for name, year in data.REGISTRANTS
    ]
    for item in data.SPREADSHEET:
        page = OpportunityPage.objects.get(pk=pages[item["external_id"]].pk)  # as published
        if not item["registration"] or Registration.objects.filter(opportunity=page).exists():
            continue
        # Answers to the page's questions, as the registration form keeps them.
        answers = [
            {
                "id": block.id,
                "question": block.value["label"],
                "answer": block.value["options"][0] if block.block_type == "choice" else "",
            }
            for block in page.registration_questions
        ]
        for user in registrants[: item["registrations"]]:
            places.register(page, user, answers=answers)


def _waiting_for_review(provider, contact, editor):
    """A change by the provider's staff, waiting in the City review."""
    page = OpportunityPage.objects.child_of(provider).live().order_by("path").first()
    if page is None or page.workflow_in_progress:
        return
    page = page.specific
    workflow = page.get_workflow()
    if workflow is None:
        return
    page.summary = (
        page.summary.rstrip(".")
        + " "
        + {"sl": "Novo: tudi med počitnicami.", "it": "Novità: anche durante le vacanze."}.get(
            page.locale.language_code, "New: in the holidays too."
        )
    )
    page.save_revision(user=contact)
    workflow.start(page, contact)


def load_providers(site: Site, name: str, password: str) -> None:
    """The providers' app's part of ``name``'s demo (``ljubljana`` or ``cagliari``)."""
    data = importlib.import_module(f"example_site.demo.{name}_providers")
    city = importlib.import_module(CITIES[name]["module"])
    locale = site.root_page.locale
    interests = {i.slug: i for i in Interest.objects.filter(locale=locale)}
    illustrations = Illustrations(city.ILLUSTRATIONS, interests)
    tz = CityOfLearningSettings.for_site(site).tzinfo
    today = timezone.now().astimezone(tz).date()
    with override_settings(EMAIL_BACKEND=QUIET_MAIL), transaction.atomic():
        get_connection()  # the quiet backend, for mail sent when the transaction commits
        editor = _city_editor(site)
        bring_up_to_date(site)  # City review, as the city's settings say (on by default)
        contacts = {}
        for item in data.REQUESTS:
            request = _request(site, item, interests)
            if item["approved"]:
                _approve(request, editor, illustrations.for_provider(item["interests"]))
                contacts[item["organisation"]] = _contact_person(request, password)
        provider = ProviderRequest.objects.get(
            site=site, organisation=data.SPREADSHEET_PROVIDER
        ).provider.specific
        pages = _import_sheet(data, provider, editor, tz, today, illustrations)
        _registrations(site, data, pages, password, interests)
        _waiting_for_review(provider, contacts[data.SPREADSHEET_PROVIDER], editor)
