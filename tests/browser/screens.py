"""Every screen the package adds, found in a running site rather than listed by hand.

Run inside the demo site (``manage.py shell -c``), ``write_screens(path)`` writes JSON: the admin
screens from the URL patterns of the package's views, viewsets and snippets (one object of each
model for the screens that show one), the page editor of each of the package's page types, its
settings, and the public pages of every type in each city. A pattern it cannot classify is
reported, so a new admin screen cannot slip past the screen test.
"""

import json

from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, Site, get_page_models

from wagtail_cityoflearning.badges.models import ClaimCode
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.learners.admin.review import review_queryset
from wagtail_cityoflearning.learners.models import Attendance, PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.models import OpportunityPage

PACKAGE = "wagtail_cityoflearning"
User = get_user_model()

# The last part of a URL name says what the view is.
LIST_SCREENS = {"list", "index", "add", "bulk"}
OBJECT_SCREENS = {
    "edit",
    "inspect",
    "history",
    "usage",
    "delete",
    "copy",
    "print",
    "review",
    "playlist",
    "home",  # a provider's home
    "decide",  # a provider request
    "staff",  # a provider's staff
    "triage",  # a young person's suggestion
    "withdraw",  # an endorsement
}
# Parts of screens (a listing's results fragment, a chooser modal's JSON) or actions on a
# revision; Wagtail's own views draw them inside the screens above.
NOT_SCREENS = {
    "list_results",
    "index_results",
    "history_results",
    "choose",
    "choose_results",
    "chosen",
    "chosen_multiple",
    "create",
    "revisions_revert",
    "revisions_compare",
    "revisions_unschedule",
    "unpublish",
    # Asks before removing one member; reached from the provider's staff screen.
    "remove_member",
    # Downloads, and the steps of an import that need an uploaded file first.
    "template",
    "export",
    "preview",
    "commit",
    # The coverage map's cells (JSON), fetched by the dashboard's map.
    "cells",
}


def _patterns(patterns, prefix="", namespaces=()):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            more = (pattern.namespace,) if pattern.namespace else ()
            yield from _patterns(
                pattern.url_patterns, prefix + str(pattern.pattern), namespaces + more
            )
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespaces, pattern


def _is_package_view(namespaces, pattern) -> bool:
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None)
    module = (view_class or callback).__module__
    return module.startswith(PACKAGE) or any("cityoflearning" in name for name in namespaces)


def _first_object(pattern):
    """The first object the screen can show: of its model, or for the package's own views, of
    what they look up."""
    if pattern.name == "review":
        reviewable = review_queryset(User.objects.filter(is_superuser=True).first())
        # One waiting for a decision, so the screen shows its buttons.
        waiting = reviewable.filter(status=StepProgress.Status.SUBMITTED).order_by("pk").first()
        return waiting or reviewable.order_by("pk").first()
    callback = pattern.callback
    model = getattr(callback, "view_initkwargs", {}).get("model")
    model = model or getattr(getattr(callback, "view_class", None), "model", None)
    if pattern.name == "print":
        model = ClaimCode
    if pattern.name == "triage":  # a suggestion: the first still waiting for a decision
        waiting = Suggestion.objects.filter(status=Suggestion.Status.NEW).order_by("pk").first()
        return waiting or Suggestion.objects.order_by("pk").first()
    if pattern.name == "playlist":  # a playlist's progress
        return PlaylistEnrolment.objects.order_by("pk").first().playlist
    return model._default_manager.order_by("pk").first() if model else None


def admin_screens():
    screens, unknown, missing = [], [], []
    for route, namespaces, pattern in _patterns(get_resolver().url_patterns):
        if not route.startswith("admin/") or not _is_package_view(namespaces, pattern):
            continue
        name = ":".join((*namespaces, pattern.name or ""))
        kind = (pattern.name or "").rsplit(":", 1)[-1]
        if kind in NOT_SCREENS:
            continue
        if "page_id" in pattern.pattern.converters:
            page = _page_with_participants(registrations="registration" in name)
            if page is None:
                missing.append(name)
                continue
            screens.append({"name": name, "path": "/" + route.replace("<int:page_id>", str(page))})
        elif kind in LIST_SCREENS and not pattern.pattern.converters:
            screens.append({"name": name, "path": "/" + route})
        elif kind in OBJECT_SCREENS:
            instance = _first_object(pattern)
            if instance is None:
                missing.append(name)
                continue
            screens.append(
                {"name": name, "path": "/" + route.replace("<int:pk>", str(instance.pk))}
            )
        else:
            unknown.append(f"{name} ({route})")
    screens.extend(_page_editors())
    screens.extend(_settings_screens())
    screens.append({"name": "dashboard", "path": "/admin/"})
    return screens, unknown, missing


def _page_with_participants(registrations=False):
    if registrations:  # the list of those who registered: an opportunity that takes them
        page = OpportunityPage.objects.filter(takes_registrations=True).order_by("pk").first()
        return page.pk if page else None
    attended = Attendance.objects.order_by("pk").first()
    if attended is not None:
        return attended.opportunity_id
    page = OpportunityPage.objects.order_by("pk").first()
    return page.pk if page else None


def _package_page_models():
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract
        and any(base.__module__.startswith(PACKAGE) for base in model.__mro__)
    ]


def _page_editors():
    screens = []
    for model in _package_page_models():
        page = model.objects.order_by("path").first()
        if page is None:
            continue
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        screens.append({"name": f"edit {label}", "path": f"/admin/pages/{page.pk}/edit/"})
        parent = page.get_parent()
        screens.append(
            {
                "name": f"add {label}",
                "path": f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/",
            }
        )
    return screens


def _settings_screens():
    screens = []
    site = Site.objects.order_by("pk").first()
    for model in settings_registry:
        if model._meta.app_label.startswith(PACKAGE):
            label = f"{model._meta.app_label}/{model._meta.model_name}"
            screens.append(
                {"name": f"settings {label}", "path": f"/admin/settings/{label}/{site.pk}/"}
            )
    return screens


def public_pages():
    """Two live pages of every type in each city (the first and the last: the longest often)."""
    pages = []
    for site in Site.objects.order_by("pk"):
        root = site.root_page
        by_type = {}
        for page in Page.objects.live().descendant_of(root, inclusive=True).order_by("path"):
            by_type.setdefault(page.content_type_id, []).append(page)
        for same_type in by_type.values():
            for page in {same_type[0].pk: same_type[0], same_type[-1].pk: same_type[-1]}.values():
                url = page.get_url(current_site=site)
                pages.append(
                    {"host": site.hostname, "path": url, "name": page.specific_class.__name__}
                )
    return pages


def write_screens(path):
    screens, unknown, missing = admin_screens()
    found = {"admin": screens, "unknown": unknown, "missing": missing, "public": public_pages()}
    with open(path, "w") as out:
        json.dump(found, out)
