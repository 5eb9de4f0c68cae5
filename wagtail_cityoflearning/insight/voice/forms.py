"""The public "Suggest an opportunity" form and the forms of the editors' triage."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from wagtail_cityoflearning.insight.bands import BAND_CHOICES, band_for_age
from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.voice.models import TEXT_MAX_LENGTH, Suggestion
from wagtail_cityoflearning.models import Interest
from wagtail_cityoflearning.models.providers import AbstractProviderPage

HONEYPOT = "homepage"
AREA_PREFIX = "area:"  # a neighbourhood's choice value: "area:Šiška"
MAX_AGE = 120


def city_interests(site):
    """The interests of ``site``'s language, by name."""
    interests = Interest.objects.order_by("name")
    if site is None:
        return interests
    return interests.filter(locale=site.root_page.locale)


def _text_help() -> str:
    return gettext(
        "What would you like to learn or do? Or which place or club is missing from the "
        "map? Up to %(count)s characters."
    ) % {"count": TEXT_MAX_LENGTH}


# Formatted when shown, in the language active then (not once, when the module is imported).
TEXT_HELP = lazy(_text_help, str)()


class SuggestionForm(forms.Form):
    """What a young person tells the city; nothing in it says who they are."""

    kind = forms.ChoiceField(
        label=_("What do you want to tell us?"),
        choices=Suggestion.Kind.choices,
        initial=Suggestion.Kind.LEARN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to tell us.")},
    )
    text = forms.CharField(
        label=_("Your suggestion"),
        max_length=TEXT_MAX_LENGTH,
        help_text=TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": TEXT_MAX_LENGTH}),
        error_messages={"required": _("Tell us your suggestion in a few words.")},
    )
    interest = forms.ModelChoiceField(
        label=_("Interest"),
        queryset=Interest.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Choose an interest"),
    )
    where = forms.ChoiceField(label=_("Where"), required=False)
    when = forms.ChoiceField(
        label=_("When would suit you?"),
        choices=Suggestion.When.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    age_band = forms.ChoiceField(
        label=_("Your age"),
        choices=[("", _("I'd rather not say")), *BAND_CHOICES],
        required=False,
    )
    place_name = forms.CharField(
        label=_("Name of the place or club"), max_length=200, required=False
    )
    place_address = forms.CharField(
        label=_("Its address or where it is"), max_length=255, required=False
    )
    place_website = forms.URLField(
        label=_("Its website"),
        max_length=200,
        assume_scheme="https",
        required=False,
        help_text=_("For example https://www.example.org"),
        widget=forms.URLInput(attrs={"autocomplete": "off"}),
    )
    # Left empty by people (it is hidden from them); filled in by robots that fill everything.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.fields["interest"].queryset = city_interests(site)
        neighbourhoods = InsightSettings.for_site(site).neighbourhood_list if site else []
        choices = [
            ("", pgettext_lazy("young person", "Choose a place")),
            (Suggestion.Where.ANYWHERE.value, Suggestion.Where.ANYWHERE.label),
            (Suggestion.Where.ONLINE.value, Suggestion.Where.ONLINE.label),
        ]
        if neighbourhoods:
            choices.append(
                (_("Neighbourhoods"), [(AREA_PREFIX + name, name) for name in neighbourhoods])
            )
        self.fields["where"].choices = choices

    @classmethod
    def initial_from_query(cls, query) -> dict:
        """What the map's search said: its first interest and the band of its age."""
        initial = {}
        interest = query.get("interest", "")
        if interest and len(interest) <= 100:
            initial["interest"] = interest
        age = query.get("age", "")
        if age.isascii() and age.isdecimal() and int(age) <= MAX_AGE:
            initial["age_band"] = band_for_age(int(age))
        band = query.get("age_band", "")
        if band in dict(BAND_CHOICES):
            initial["age_band"] = band
        if query.get("kind") in Suggestion.Kind.values:
            initial["kind"] = query["kind"]
        return initial

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def clean(self):
        cleaned = super().clean()
        for name in ("place_name", "place_address"):
            if name in cleaned:
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def build(self, site, language, today) -> Suggestion:
        data = self.cleaned_data
        where = data.get("where") or ""
        neighbourhood = ""
        if where.startswith(AREA_PREFIX):
            neighbourhood, where = where[len(AREA_PREFIX) :], Suggestion.Where.NEIGHBOURHOOD
        is_place = data["kind"] == Suggestion.Kind.PLACE
        return Suggestion(
            site=site,
            kind=data["kind"],
            text=data["text"],
            interest=data.get("interest"),
            where=where,
            neighbourhood=neighbourhood,
            when=data.get("when") or "",
            age_band=data.get("age_band") or "",
            place_name=data.get("place_name", "") if is_place else "",
            place_address=data.get("place_address", "") if is_place else "",
            place_website=data.get("place_website", "") if is_place else "",
            language=language,
            created_on=today,
        )


# -- the triage ----------------------------------------------------------------------------------


def city_providers(site):
    """The provider pages of ``site`` (live or not), by title."""
    return Page.objects.type(AbstractProviderPage).descendant_of(site.root_page).order_by("title")


class ProviderChoiceForm(forms.Form):
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=Page.objects.none(),
        empty_label=_("Choose a provider"),
        error_messages={"required": _("Choose a provider of the city.")},
    )

    def __init__(self, *args, suggestion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = city_providers(suggestion.site)


class ForwardForm(ProviderChoiceForm):
    message = forms.CharField(
        label=_("Message to the provider"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Sent with the suggestion to the provider's staff."),
    )


class DraftForm(ProviderChoiceForm):
    pass


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the city's records"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Only the city's editors see it; nobody is told."),
    )
