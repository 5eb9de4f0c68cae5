"""The import itself, and the template and the export in the same format.

The import checks the kept rows again (the pages may have changed since the preview) and saves
nothing unless every row is valid; then, in one transaction, it creates the new pages under
their provider and saves a revision of each changed page. Unchanged rows are left alone.

Who publishes: a city editor's import (and a provider's, when the city does not review
providers' edits, ``ProviderSettings.review_provider_edits``) publishes each revision. Otherwise
the new pages are drafts and the changes of live pages wait as a new revision (the live page
stays as it is); when the page has a Wagtail workflow, the revision is submitted to it.
"""

import tablib
from django.db import transaction
from django.utils.translation import gettext

from wagtail_cityoflearning import access
from wagtail_cityoflearning.models import Interest, OpportunityPage
from wagtail_cityoflearning.models.opportunities import language_choices
from wagtail_cityoflearning.models.taxonomy import Mode, OpportunityType
from wagtail_cityoflearning.providers.settings import ProviderSettings
from wagtail_cityoflearning.providers.spreadsheets.checks import Checker, page_row
from wagtail_cityoflearning.providers.spreadsheets.sheet import as_file, dataset


def publishes(user, provider, cache) -> bool:
    """True when ``user``'s import into ``provider`` goes live at once."""
    if provider.pk not in cache:
        site = provider.get_site()
        editor = site is not None and access.city_sites(user).filter(pk=site.pk).exists()
        reviewed = site is not None and ProviderSettings.for_site(site).review_provider_edits
        cache[provider.pk] = editor or not reviewed
    return cache[provider.pk]


@transaction.atomic
def import_rows(user, provider, cells_list) -> dict:
    """Check ``cells_list`` and, when every row is valid, save it. Returns the rows and the
    counts: ``{"rows": [...], "created": n, "updated": n, "unchanged": n, "saved": bool}``."""
    rows = Checker(user, provider).check(cells_list)
    result = {"rows": rows, "created": 0, "updated": 0, "unchanged": 0, "saved": False}
    if any(row.errors for row in rows):
        return result
    live = {}
    for row in rows:
        if row.action == "unchanged":
            result["unchanged"] += 1
            continue
        publish = publishes(user, row.provider, live)
        page = row.page
        page.sessions = row.sessions
        page.interests.set(row.interests)
        del page._check_slug_is_unique
        if row.action == "create":
            page.live = False
            page.has_unpublished_changes = True
            row.provider.add_child(instance=page)
            result["created"] += 1
        else:
            result["updated"] += 1
        # Checked above with the same rules (the page's full_clean() among them).
        revision = page.save_revision(user=user, log_action=True, clean=False)
        if publish:
            revision.publish(user=user)
        else:
            workflow = page.get_workflow()
            if workflow is not None and not page.workflow_in_progress:
                workflow.start(page, user)
    result["saved"] = True
    return result


# -- template and export -----------------------------------------------------------------------


def allowed_values_sheet(locale_ids) -> tablib.Dataset:
    """The allowed interests, types, modes and languages, for the template and the export."""
    data = tablib.Dataset(
        headers=[gettext("Interests"), gettext("Type"), gettext("Mode"), gettext("Languages")],
        title=gettext("Allowed values")[:31],
    )
    interests = [
        i.name for i in Interest.objects.filter(locale_id__in=locale_ids).order_by("sort_order")
    ]
    columns = [
        interests,
        [str(label) for _value, label in OpportunityType.choices],
        [str(label) for _value, label in Mode.choices],
        [f"{code} ({label})" for code, label in language_choices()],
    ]
    for n in range(max(len(c) for c in columns)):
        data.append([c[n] if n < len(c) else "" for c in columns])
    return data


def template_file(user, file_format: str) -> bytes:
    """An empty sheet with the headers in the active language and an example row."""
    providers = list(access.provider_pages(user).order_by("path")[:50])
    provider = providers[0] if providers else None
    interests = Interest.objects.filter(
        locale_id__in=[p.locale_id for p in providers] or [0]
    ).order_by("sort_order")[:2]
    example = {
        "external_id": "course-001",
        "provider": provider.title if provider and len(providers) > 1 else "",
        "title": gettext("Robotics for beginners"),
        "summary": gettext("Build and program a small robot in four afternoons."),
        "type": str(OpportunityType.COURSE.label),
        "interests": ", ".join(i.name for i in interests),
        "sessions": "2027-02-02 16:00-17:30\n2027-02-09 16:00-17:30",
        "ongoing": gettext("no"),
        "mode": str(Mode.IN_PERSON.label),
        "address": provider.specific.address if provider else "",
        "latitude": getattr(provider.specific, "latitude", "") if provider else "",
        "longitude": getattr(provider.specific, "longitude", "") if provider else "",
        "age_min": 13,
        "age_max": 18,
        "free": gettext("yes"),
        "languages": "sl, en",
        "contact_email": "info@example.org",
    }
    sheets = [dataset([example], gettext("Opportunities"))]
    if file_format == "xlsx":
        sheets.append(allowed_values_sheet([p.locale_id for p in providers]))
    return as_file(sheets, file_format)


def export_file(user, providers, file_format: str) -> bytes:
    """The opportunities of ``providers`` (in the user's scope) in the import's format."""
    scope = access.provider_pages(user).filter(pk__in=[p.pk for p in providers])
    providers = list(scope.order_by("path"))
    checker = Checker(user)
    rows = []
    for provider in providers:
        zone = checker.zone(provider)
        pages = (
            OpportunityPage.objects.child_of(provider)
            .prefetch_related("sessions", "interests")
            .order_by("path")
        )
        name = provider.title if len(providers) > 1 else ""
        for page in pages:
            rows.append(page_row(page, page.sessions.all(), page.interests.all(), zone, name))
    sheets = [dataset(rows, gettext("Opportunities"))]
    if file_format == "xlsx":
        sheets.append(allowed_values_sheet([p.locale_id for p in providers]))
    return as_file(sheets, file_format)
