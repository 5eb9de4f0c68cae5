"""What serving a page costs, kept between requests: which page an address leads to, each
Site's languages and settings, each page's language switcher and the site's menu.

One version for all of it, bumped whenever a page is saved, published, unpublished, moved or
deleted, or a Site, a locale, a site setting or a page's view restriction changes, and when a
page's own child rows (the badges an opportunity awards), a snippet (a badge, an interest) or
an image are written. A route is also checked against the page it names before it is used,
so a missed change costs a walk of the tree, never a wrong page. The learner's dashboard keeps
its suggestions and cards here too (see ``learners.home.recommendations`` and
``learners.home.cards``). The Site each host leads to is kept here by
``middleware.find_site``, and the addresses of the map's public feeds by
``map.views.remember_address``."""

from functools import cache

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_cityoflearning.caching import VersionedCache
from wagtail_cityoflearning.conf import cityoflearning_settings

pages = VersionedCache(
    "wagtail_cityoflearning:pages:version",
    alias=lambda: cityoflearning_settings.PAGE_CACHE,
    seconds=lambda: cityoflearning_settings.PAGE_CACHE_SECONDS,
)


def on_change(sender, instance=None, **kwargs):
    pages.invalidate()


@cache
def page_child_models() -> frozenset:
    """Models kept as part of a page (a ``ParentalKey`` to a page type): the sessions of an
    opportunity, the badges it awards. Publishing writes them with their page; a row written
    on its own must make what was kept about the page stale as well."""
    return frozenset(
        model
        for model in apps.get_models()
        if any(
            isinstance(field, ParentalKey)
            and isinstance(field.related_model, type)
            and issubclass(field.related_model, Page)
            for field in model._meta.get_fields()
        )
    )


def shown_on_pages(sender) -> bool:
    """Whether what a page shows may change with a row of ``sender``: a page's own child rows,
    a snippet (a badge, an interest) or an image."""
    from wagtail.images.models import AbstractImage
    from wagtail.snippets.models import get_snippet_models

    return (
        sender in page_child_models()
        or sender in get_snippet_models()
        or issubclass(sender, AbstractImage)
    )


def on_save_or_delete(sender, instance, **kwargs):
    page_part = isinstance(instance, Page | Site | Locale | BaseSiteSetting | PageViewRestriction)
    if page_part or (apps.ready and shown_on_pages(sender)):
        pages.invalidate()


def remembered(key_parts: tuple, compute):
    """The value kept under ``key_parts`` in this version, else ``compute()`` (kept)."""
    key = pages.key(*key_parts)
    value = pages.get(key)
    if value is None:
        value = compute()
        pages.set(key, value)
    return value


def site_setting(model, request=None, *, site=None):
    """A Wagtail site setting of ``site`` (else of the request's Site), kept between
    requests: ``model.for_site(site)`` without its query."""
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is None:
        return model.for_request(request) if request is not None else model()
    return remembered(
        ("site-setting", model._meta.label_lower, site.pk), lambda: model.for_site(site)
    )


def connect() -> None:
    page_published.connect(on_change, dispatch_uid="col_pages_published")
    page_unpublished.connect(on_change, dispatch_uid="col_pages_unpublished")
    post_page_move.connect(on_change, dispatch_uid="col_pages_moved")
    # Any model's saves and deletes: a page's signals come from its own (specific) class.
    post_save.connect(on_save_or_delete, dispatch_uid="col_pages_saved")
    post_delete.connect(on_save_or_delete, dispatch_uid="col_pages_deleted")
