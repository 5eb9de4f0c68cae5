"""The public "Become a learning provider" form and the forms of the staff's invitations."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.ewkt import format_point
from wagtail_cityoflearning.models import Interest
from wagtail_cityoflearning.panels import UNREADABLE_POINT, format_typed_point, parse_typed_point
from wagtail_cityoflearning.providers.onboarding.models import ProviderRequest

HONEYPOT = "homepage"


class PointInput(forms.TextInput):
    """The point as "latitude, longitude" (what the map writes, and what can be typed)."""

    def format_value(self, value):
        try:
            point = parse_typed_point(value)
        except ValueError:
            return value
        return format_typed_point(*point) if point else None


class ProviderRequestForm(forms.ModelForm):
    """What the city needs to know about an organisation. The address alone is enough: the
    point on the map helps the editors and can be placed later."""

    # Left empty by people (it is hidden from them); filled in by robots that fill everything.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("For example https://www.example.org"),
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = ProviderRequest
        fields = [
            "organisation",
            "contact_name",
            "email",
            "phone",
            "website",
            "address",
            "location",
            "offer",
            "interests",
        ]
        labels = {
            "organisation": _("Name of your organisation"),
            "contact_name": _("Contact person"),
            "email": _("Email address"),
            "phone": _("Phone"),
            "address": _("Address"),
            "location": _("Point on the map"),
            "offer": _("What do you offer young people?"),
            "interests": _("Which interests does your offer suit?"),
        }
        help_texts = {
            "contact_name": _("The person the city writes to about this request."),
            "email": _(
                "We send our answer here, and an invitation to set up your account if your "
                "organisation is accepted."
            ),
            "address": _("Where young people find you: street, number and town."),
            "location": _(
                "Optional. Click the map to place the pin, or type the latitude and longitude, "
                "e.g. 46.0511, 14.5051. Without it, the city places you by your address."
            ),
            "offer": _("Courses, workshops, clubs, volunteering...: a few sentences."),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "location": PointInput(
                attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "decimal"}
            ),
            "offer": forms.Textarea(attrs={"rows": 6}),
            "interests": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        locale = site.root_page.locale if site is not None else None
        interests = Interest.objects.order_by("name")
        self.fields["interests"].queryset = (
            interests.filter(locale=locale) if locale is not None else interests
        )

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def clean_location(self):
        try:
            point = parse_typed_point(self.cleaned_data.get("location"))
        except ValueError:
            raise forms.ValidationError(UNREADABLE_POINT) from None
        return format_point(*point) if point else ""

    def clean(self):
        cleaned = super().clean()
        for name in ("organisation", "contact_name", "address", "offer"):
            if name in cleaned:
                cleaned[name] = cleaned[name].strip()
        return cleaned


class DecisionForm(forms.Form):
    APPROVE = "approve"
    DECLINE = "decline"

    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve")), (DECLINE, _("Decline"))],
        error_messages={"required": _("Choose whether to approve or to decline.")},
    )
    message = forms.CharField(
        label=_("Message to the contact"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Sent by email with the decision, in the city's language. Needed when you decline: "
            "say why."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["message"] = (cleaned.get("message") or "").strip()
        if cleaned.get("decision") == self.DECLINE and not cleaned["message"]:
            self.add_error("message", _("Tell the organisation why you decline."))
        return cleaned


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Invite a colleague by email"),
        help_text=_("They get a link to set up their account, or to join with the one they have."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class AcceptForm(forms.Form):
    """A new account for an invited person: their name and a password."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            user = get_user_model()(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
