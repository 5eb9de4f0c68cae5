"""Invalidate the map feeds when what they show changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_cityoflearning.map import cache
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.models.places import Place
from wagtail_cityoflearning.models.providers import AbstractProviderPage
from wagtail_cityoflearning.models.taxonomy import Interest


def _is_map_content(instance) -> bool:
    model = getattr(instance, "specific_class", None)  # set on pages only
    return model is not None and issubclass(model, AbstractOpportunityPage | AbstractProviderPage)


def on_page_change(sender, instance, **kwargs):
    if _is_map_content(instance):
        cache.invalidate()


def on_page_move(sender, instance, **kwargs):
    # A move can carry opportunities from one site's tree to another's.
    on_page_change(sender, instance, **kwargs)


def on_lookup_change(sender, instance, **kwargs):
    # What the feeds look up: a place (a feed filtered "near" it holds its point) and an
    # interest (markers take the colour of the first interest in the interests' order).
    cache.invalidate()


def connect() -> None:
    page_published.connect(on_page_change, dispatch_uid="col_map_published")
    page_unpublished.connect(on_page_change, dispatch_uid="col_map_unpublished")
    post_delete.connect(on_page_change, dispatch_uid="col_map_deleted")
    post_page_move.connect(on_page_move, dispatch_uid="col_map_moved")
    post_save.connect(on_lookup_change, sender=Place, dispatch_uid="col_map_place_saved")
    post_delete.connect(on_lookup_change, sender=Place, dispatch_uid="col_map_place_deleted")
    post_save.connect(on_lookup_change, sender=Interest, dispatch_uid="col_map_interest_saved")
    post_delete.connect(on_lookup_change, sender=Interest, dispatch_uid="col_map_interest_deleted")
