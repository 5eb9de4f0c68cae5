"""What the package's admin listings share: their count, empty message and add button in their
own words, dates in the package's named formats and a city's name.

Wagtail builds these sentences by gluing a model's verbose name into a generic one ("There are
no %(model_name)s to display", "Add %(model_name)s"), which reads wrongly in languages that
inflect nouns; each listing of the package says them in full instead.
"""

from datetime import date, datetime

from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column
from wagtail.snippets.widgets import AdminSnippetChooser

from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.models.settings import CityOfLearningSettings

# Shows the view's own empty message, and its add button's label as a link below it.
INDEX_RESULTS_TEMPLATE = "wagtail_cityoflearning/admin/index_results.html"


def counted_paginator(label):
    """A paginator whose count ("9 awards") says ``label(count)``: a correct plural in every
    language (Wagtail joins the number and the model's plural name)."""

    class CountedPaginator(WagtailPaginator):
        @cached_property
        def items_count_label(self):
            return label(self.count)

    return CountedPaginator


class OwnWordsIndexMixin:
    """For a Wagtail index view: the empty listing's message, the message when a search or a
    filter finds nothing, and the add button's label, each a whole translated sentence.

    Use with :data:`INDEX_RESULTS_TEMPLATE` as the view's (or viewset's) results template.
    """

    empty_message = None  # "There are no claim codes yet."
    no_match_message = None  # "No claim codes match your search."
    add_label = None  # "Add a claim code"

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            own = self.no_match_message
        else:
            own = self.empty_message
        return own if own is not None else super().no_results_message

    @cached_property
    def add_item_label(self):
        return self.add_label if self.add_label is not None else super().add_item_label


class NamedDateColumn(Column):
    """A listing's date or date and time in one of the package's named formats
    (:mod:`wagtail_cityoflearning.dates`), in the admin user's language and timezone."""

    def __init__(self, name, *, date_format="datetime", **kwargs):
        super().__init__(name, **kwargs)
        self.date_format = date_format

    def get_value(self, instance):
        value = super().get_value(instance)
        if isinstance(value, (date, datetime)):
            return format_date(value, self.date_format)
        return value or ""


class NamedDatesInspectMixin:
    """For a Wagtail inspect view: its dates and times in the package's named formats."""

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if isinstance(value, datetime):
            return format_date(value, "datetime")
        if isinstance(value, date):
            return format_date(value, "date")
        return super().get_field_display_value(field_name, field)


class OwnWordsSnippetChooser(AdminSnippetChooser):
    """A snippet chooser whose buttons say what its viewset says (``choose_one_text``...),
    not "Choose <verbose name>"."""

    OWN_TEXTS = ("choose_one_text", "choose_another_text", "link_to_chosen_text")

    def __init__(self, model=None, **kwargs):
        given = {name for name in self.OWN_TEXTS if name in kwargs}
        super().__init__(model, **kwargs)
        for name in self.OWN_TEXTS:
            if name not in given:
                # The class attribute the viewset set, instead of the glued sentence.
                self.__dict__.pop(name, None)


def city_name_expression(site_field: str = "site"):
    """An annotation: the name of the city of the Site in the foreign key ``site_field`` (the
    city's settings' name, else the Site's name, else its host name). Never Site's ``__str__``,
    which adds "[default]"."""
    settings_name = CityOfLearningSettings.objects.filter(site_id=OuterRef(site_field)).values(
        "city_name"
    )[:1]
    return Coalesce(
        NullIf(Subquery(settings_name), Value("")),
        NullIf(F(f"{site_field}__site_name"), Value("")),
        F(f"{site_field}__hostname"),
    )


def city_name(site) -> str:
    """The name of ``site``'s city, as :func:`city_name_expression` gives it."""
    if site is None:
        return ""
    settings = CityOfLearningSettings.objects.filter(site_id=site.pk).only("city_name").first()
    return (settings.city_name if settings else "") or site.site_name or site.hostname


__all__ = [
    "INDEX_RESULTS_TEMPLATE",
    "NamedDateColumn",
    "NamedDatesInspectMixin",
    "OwnWordsIndexMixin",
    "OwnWordsSnippetChooser",
    "city_name",
    "city_name_expression",
    "counted_paginator",
]
