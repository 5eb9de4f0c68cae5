"""Forms of a learner's account: what allauth's signup adds, the profile, and deleting.

``LearnerSignupForm`` is allauth's ``ACCOUNT_SIGNUP_FORM_CLASS``: allauth's own signup form
inherits from it, adds email and password, and calls :meth:`LearnerSignupForm.signup` once
the user is saved.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from wagtail_cityoflearning.languages import site_or_active_language
from wagtail_cityoflearning.learners.accounts import consent
from wagtail_cityoflearning.learners.accounts.models import (
    LearnerProfile,
    current_year,
    site_languages,
    validate_year_of_birth,
)
from wagtail_cityoflearning.models.taxonomy import Interest

__all__ = [
    "CityConsentForm",
    "DeleteAccountForm",
    "LearnerSignupForm",
    "ProfileForm",
    "consent_not_sent_message",
]


def current_site():
    """The site of the request allauth is handling (set by ``AccountMiddleware``)."""
    from allauth.core import context

    return consent.site_of(context.request)


def consent_not_sent_message(profile) -> str:
    return _(
        "We could not send the email to %(email)s. Send it again from your profile in a "
        "few minutes."
    ) % {"email": profile.guardian_email}


def year_of_birth_field(**kwargs) -> forms.IntegerField:
    year = current_year()
    return forms.IntegerField(
        label=_("Year of birth"),
        min_value=year - 100,
        max_value=year - 10,
        validators=[validate_year_of_birth],
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
        **kwargs,
    )


def guardian_help(site) -> str:
    return _(
        "Only if you were born after %(year)d. Until your parent or guardian confirms "
        "through the link we email them, we keep only your account: no progress, evidence "
        "or interests."
    ) % {"year": consent.youngest_year_without_consent(site)}


def site_interests(site):
    """The interests a learner can choose on ``site``: those in its language."""
    queryset = Interest.objects.order_by("sort_order", "name")
    if site is not None:
        queryset = queryset.filter(locale=site.root_page.locale)
    return queryset


def own_address_message() -> str:
    return _("Give your parent's or guardian's address, not your own.")


class GuardianMixin:
    """Checks the guardian's address against the learner's age and own address."""

    guardian_required_message = _(
        "You are younger than %(age)d: give the email address of a parent or guardian."
    )

    def check_guardian(self, year_of_birth, guardian_email, own_email, site, user=None):
        """The guardian's address is required below the age, and is none of the learner's
        own: the address they sign up with or any address of their account (``user``)."""
        if year_of_birth is None or not consent.needs_consent(year_of_birth, site):
            return
        if not guardian_email:
            self.add_error(
                "guardian_email",
                self.guardian_required_message % {"age": consent.consent_age(site)},
            )
        elif consent.is_learners_own_address(user, guardian_email, own_email or ""):
            self.add_error("guardian_email", own_address_message())


class LearnerSignupForm(GuardianMixin, forms.Form):
    """What a young person tells us when they sign up, besides email and password."""

    field_order = [
        "display_name",
        "email",
        "email2",
        "password1",
        "password2",
        "year_of_birth",
        "guardian_email",
        "preferred_language",
        "interests",
    ]

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("How we greet you. It need not be your real name."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    year_of_birth = year_of_birth_field()
    guardian_email = forms.EmailField(
        label=_("Parent's or guardian's email"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    # Required below the consent age (see clean()), so never marked "(optional)".
    guardian_email.conditionally_required = True
    interests = forms.ModelMultipleChoiceField(
        label=_("Your interests"),
        queryset=Interest.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "We suggest playlists and activities for them. If your parent or guardian has to "
            "agree first, choose them in your profile once they have."
        ),
    )
    # A callable, so the choices are the LANGUAGES setting of the moment, not of the import.
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=site_languages)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_of_birth"] = year_of_birth_field()  # this year's bounds, not the import's
        self.site = current_site()
        self.fields["guardian_email"].help_text = guardian_help(self.site)
        self.fields["preferred_language"].initial = site_or_active_language(self.site)
        self.fields["interests"].queryset = site_interests(self.site)
        if not self.fields["interests"].queryset.exists():
            del self.fields["interests"]

    def clean(self):
        cleaned_data = super().clean()
        self.check_guardian(
            cleaned_data.get("year_of_birth"),
            cleaned_data.get("guardian_email"),
            cleaned_data.get("email"),
            self.site,
        )
        return cleaned_data

    def signup(self, request, user):
        """Create the learner's profile; below the consent age, ask the guardian."""
        site = Site.find_for_request(request) or self.site
        year_of_birth = self.cleaned_data["year_of_birth"]
        needs_consent = consent.needs_consent(year_of_birth, site)
        profile = LearnerProfile.objects.create(
            user=user,
            site=site,
            display_name=self.cleaned_data["display_name"],
            year_of_birth=year_of_birth,
            preferred_language=self.cleaned_data["preferred_language"],
            guardian_email=self.cleaned_data["guardian_email"] if needs_consent else "",
        )
        if needs_consent:
            # Nothing beyond the account is kept until the guardian agrees: no interests.
            if not consent.request_consent(request, profile):
                messages.error(request, consent_not_sent_message(profile))
        else:
            profile.interests.set(self.cleaned_data.get("interests") or [])
        return profile


class ProfileForm(GuardianMixin, forms.ModelForm):
    """A learner's profile.

    The year of birth is given once, when the profile is made (at sign-up, or here for an
    account made without the sign-up form); afterwards only the city corrects it, so nobody
    lowers it to change whose consent is needed. While a guardian's consent is awaited,
    interests are not stored and the guardian's address can be corrected, which sends a new
    link (at most every :data:`~.consent.RESEND_INTERVAL`).
    """

    class Meta:
        model = LearnerProfile
        fields = [
            "display_name",
            "year_of_birth",
            "guardian_email",
            "interests",
            "preferred_language",
        ]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "guardian_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "interests": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, site=None, may_store=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site or self.instance.site
        self.is_new = self.instance._state.adding
        self.was_pending = self.instance.waiting_for_consent
        self.old_guardian_email = self.instance.guardian_email
        self.consent_requested = False
        self.consent_sent = False
        self.fields["year_of_birth"] = year_of_birth_field()
        self.fields["preferred_language"].choices = site_languages
        self.fields["preferred_language"].required = True
        if not self.instance.preferred_language:
            self.initial["preferred_language"] = site_or_active_language(self.site)
        interests = self.fields["interests"]
        interests.queryset = site_interests(self.site)
        interests.help_text = ""
        if not self.is_new:
            self.fields["year_of_birth"].disabled = True
            self.fields["year_of_birth"].help_text = _(
                "Write to the city if it is wrong: it decides whose consent is needed."
            )
        if self.is_new:
            self.fields["guardian_email"].help_text = guardian_help(self.site)
            self.fields["guardian_email"].conditionally_required = True
        elif self.was_pending:
            self.fields["guardian_email"].required = True
            self.fields["guardian_email"].help_text = _(
                "We sent the link to this address. If it is wrong, correct it and we send "
                "a new link."
            )
            interests.disabled = True
            interests.help_text = _(
                "You can choose interests once your parent or guardian has agreed."
            )
        else:
            # With the year of birth fixed, a guardian is asked for only when the profile
            # is made: there is nothing to give here.
            del self.fields["guardian_email"]
            if not may_store:
                # No consent valid for the city whose site this is: interests wait too.
                interests.disabled = True
                interests.help_text = _(
                    "You can choose interests here once your parent or guardian has agreed."
                )

    def clean(self):
        cleaned_data = super().clean()
        if "guardian_email" in self.fields:
            self.check_guardian(
                cleaned_data.get("year_of_birth"),
                cleaned_data.get("guardian_email"),
                self.instance.user.email if self.instance.user_id else "",
                self.site,
                self.instance.user if self.instance.user_id else None,
            )
        if self._guardian_changed(cleaned_data) and not consent.may_resend(self.instance):
            self.add_error(
                "guardian_email",
                _(
                    "We sent an email only a moment ago. Wait a few minutes, then correct "
                    "the address again."
                ),
            )
        return cleaned_data

    def _guardian_changed(self, cleaned_data) -> bool:
        if not self.was_pending or "guardian_email" not in cleaned_data:
            return False
        return cleaned_data["guardian_email"] != self.old_guardian_email

    def needs_new_request(self) -> bool:
        """True when the guardian must be asked: a new profile under the consent age, or a
        corrected address while consent is awaited."""
        if "guardian_email" not in self.fields:
            return False
        profile = self.instance
        if self.is_new:
            return consent.needs_consent(profile.year_of_birth, self.site)
        return self.was_pending and profile.guardian_email != self.old_guardian_email

    def save(self, request=None):
        """Save the profile; ask the guardian when :meth:`needs_new_request` says so.

        :attr:`consent_requested` tells that the guardian was asked, :attr:`consent_sent`
        whether the email went out.
        """
        profile = super().save(commit=False)
        if profile.site_id is None:
            profile.site = self.site
        if self.is_new and not consent.needs_consent(profile.year_of_birth, self.site):
            profile.guardian_email = ""
        ask = self.needs_new_request()
        profile.save()
        if ask:
            # Nothing beyond the account is kept until the guardian agrees.
            profile.interests.clear()
            self.consent_requested = True
            self.consent_sent = consent.request_consent(request, profile)
        else:
            self.save_m2m()
        return profile


class CityConsentForm(forms.Form):
    """A parent's or guardian's address, to ask their consent for the city of this site."""

    guardian_email = forms.EmailField(
        label=_("Parent's or guardian's email"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_guardian_email(self):
        value = self.cleaned_data["guardian_email"]
        if consent.is_learners_own_address(self.user, value):
            raise forms.ValidationError(own_address_message())
        return value


class DeleteAccountForm(forms.Form):
    """The learner confirms with their password; revoking their badges is a separate choice."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    revoke_badges = forms.BooleanField(
        label=_("Also withdraw my badges, so they no longer verify"),
        required=False,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            # Signed up through another service: a tick box stands in for the password.
            self.fields["password"] = forms.BooleanField(
                label=_("Yes, delete my account and everything in it"),
            )

    def clean_password(self):
        value = self.cleaned_data["password"]
        if self.user.has_usable_password() and not self.user.check_password(value):
            raise forms.ValidationError(_("That is not your password."))
        return value
