"""Forms for the playlists young people make: the playlist itself, and the two kinds of step
they add to it (an opportunity of their city, or a step in their own words)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.learners.learner_playlists.models import LearnerPlaylist
from wagtail_cityoflearning.models.opportunities import OpportunityPage


class LearnerPlaylistForm(forms.ModelForm):
    """Title, description and whether anyone with the link may see the playlist."""

    class Meta:
        model = LearnerPlaylist
        fields = ["title", "description", "shared"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"description": _("Who it is for and what they will get out of it.")}


class OpportunitySearchForm(forms.Form):
    """Narrows the list of opportunities to choose from (a GET form)."""

    q = forms.CharField(
        label=_("Find an opportunity by name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class OpportunityStepForm(forms.Form):
    """Add one of the city's live opportunities as a step."""

    prefix = "opportunity"

    opportunity = forms.ModelChoiceField(
        label=_("Opportunity"),
        queryset=None,
        empty_label=_("Choose an opportunity"),
        error_messages={
            "invalid_choice": _("Choose one of the opportunities in the list."),
            "required": _("Choose one of the opportunities in the list."),
        },
    )

    def __init__(self, *args, site=None, search: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = opportunity_choices(site, search)


def opportunity_choices(site, search: str = ""):
    """The live, public opportunities on ``site``, A to Z; ``search`` narrows them by name."""
    if site is None:
        return OpportunityPage.objects.none()
    queryset = OpportunityPage.objects.live().public().descendant_of(site.root_page)
    if search:
        queryset = queryset.filter(title__icontains=search)
    return queryset.order_by("title", "pk")


class OwnStepForm(forms.Form):
    """A step in the learner's own words: something to do, read, make or try."""

    prefix = "step"

    title = forms.CharField(label=_("What to do"), max_length=120)
    description = forms.CharField(
        label=_("How to do it"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tips, a link, what to show at the end."),
    )


__all__ = [
    "LearnerPlaylistForm",
    "OpportunitySearchForm",
    "OpportunityStepForm",
    "OwnStepForm",
    "opportunity_choices",
]
