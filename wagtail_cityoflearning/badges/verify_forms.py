"""The public badge verifier's form: one badge (an image, a pasted text or an address) and an
optional email to check against its recipient."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail_cityoflearning.badges.validators import image_type
from wagtail_cityoflearning.badges.verifier import MAX_INPUT_BYTES


def too_large(size: int) -> ValidationError:
    return ValidationError(
        _("This is %(size)s KB; the most this page checks is %(max)s KB.")
        % {"size": size // 1024, "max": MAX_INPUT_BYTES // 1024},
        code="too_large",
    )


class VerifyForm(forms.Form):
    file = forms.FileField(
        label=_("A badge image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".png,.svg,image/png,image/svg+xml"}),
    )
    text = forms.CharField(
        label=_("Or paste the badge"),
        required=False,
        help_text=_(
            "Its JSON (Open Badges 2.0 or 3.0), or its signed form: a JWS or a VC-JWT, the "
            "long text of three parts joined by dots."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}),
    )
    url = forms.CharField(
        label=_("Or give its web address"),
        required=False,
        max_length=2000,
        help_text=_("The address of the badge, beginning with https://"),
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email address of the recipient"),
        required=False,
        help_text=_(
            "To check whether the badge was awarded to this address. It is compared with the "
            "badge's hashed recipient, never stored and never shown."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, upload_too_large: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_too_large = upload_too_large
        for name in ("file", "text", "url"):
            # One of the three is needed: none is marked "(optional)".
            self.fields[name].conditionally_required = True
        self.fields["file"].help_text = _(
            "A baked badge: a PNG or SVG image, at most %(max)s KB."
        ) % {"max": MAX_INPUT_BYTES // 1024}

    def clean_file(self):
        if self.upload_too_large is not None:
            raise too_large(self.upload_too_large)
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_INPUT_BYTES:
            raise too_large(upload.size)
        upload.seek(0)
        data = upload.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise too_large(len(data))
        if image_type(data[:2048]) is None:
            raise ValidationError(
                _("Upload a PNG or SVG image; this file is neither."), code="not_an_image"
            )
        return data

    def clean_text(self):
        text = self.cleaned_data.get("text", "").strip()
        size = len(text.encode("utf-8"))
        if size > MAX_INPUT_BYTES:
            raise too_large(size)
        return text

    def clean_url(self):
        url = self.cleaned_data.get("url", "").strip()
        if not url:
            return ""
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 (raises for a port that is not a number)
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError(_("Give a web address beginning with https://"), code="not_a_url")
        return url

    def clean(self):
        cleaned = super().clean()
        given = [
            name for name in ("file", "text", "url") if cleaned.get(name) or (name in self.errors)
        ]
        if not given:
            raise ValidationError(
                _("Give a badge to check: choose its image, paste it, or give its address."),
                code="empty",
            )
        if len(given) > 1:
            raise ValidationError(
                _("Give one badge at a time: an image, a pasted text or an address."),
                code="several",
            )
        return cleaned
