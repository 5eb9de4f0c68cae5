"""The form a learner submits evidence with. What it asks depends on the step: a written
answer, a link, a file or a photo (each with an optional note), or nothing at all. Files are
checked for size and type before anything is stored; photos must really be images, and lose
their metadata (a phone's photo can carry where it was taken)."""

import io
import os

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from ..blocks.playlist import EvidenceKind
from ..conf import cityoflearning_settings
from .models import StepProgress

# Pillow's name for each photo type a city may accept.
PHOTO_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}

FIELDS = {
    EvidenceKind.NONE: [],
    EvidenceKind.TEXT: ["text"],
    EvidenceKind.LINK: ["link", "text"],
    EvidenceKind.FILE: ["file", "text"],
    EvidenceKind.PHOTO: ["file", "text"],
}


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def allowed_extensions(kind: str) -> list[str]:
    """The file types a step of this evidence kind accepts (lower case, no dots)."""
    if kind == EvidenceKind.PHOTO:
        setting = cityoflearning_settings.EVIDENCE_PHOTO_EXTENSIONS
    elif kind == EvidenceKind.FILE:
        setting = cityoflearning_settings.EVIDENCE_FILE_EXTENSIONS
    else:
        return []
    return [extension.lower().lstrip(".") for extension in setting]


def check_size(uploaded) -> None:
    limit = cityoflearning_settings.EVIDENCE_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest we accept is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def check_extension(uploaded, extensions: list[str]) -> None:
    if extension_of(uploaded.name) not in extensions:
        raise ValidationError(
            _("We accept only these file types: %(types)s.") % {"types": ", ".join(extensions)},
            code="wrong_type",
        )


def not_a_photo() -> ValidationError:
    return ValidationError(
        _("This file is not a photo we can open. Take or choose a photo and try again."),
        code="not_an_image",
    )


# What Pillow raises for a file that is not a readable image.
UNREADABLE = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    OSError,
    SyntaxError,
    ValueError,
)


# Above this a photo takes too much memory to re-encode (a small PNG can claim any size).
MAX_PHOTO_PIXELS = 40_000_000


def photo_too_large() -> ValidationError:
    return ValidationError(
        _(
            "This photo is too large: we accept at most %(megapixels)d megapixels. "
            "Make it smaller and try again."
        )
        % {"megapixels": MAX_PHOTO_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def animated_not_gif() -> ValidationError:
    return ValidationError(
        _("We accept moving pictures only as GIF. Choose a still photo or a GIF."),
        code="animated",
    )


def photo_format(uploaded) -> str:
    """The image format Pillow reads in the file; a ValidationError if it is not an image, is
    larger than :data:`MAX_PHOTO_PIXELS`, or is animated in another format than GIF.

    The size and the frames are read from the header before anything is decoded. Animated
    images are kept as they are (re-encoding would keep one frame), so only GIF, which holds
    no EXIF, may move: an animated PNG or WebP could carry where it was taken.
    """
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            found = image.format
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise photo_too_large()
            if getattr(image, "is_animated", False) and found != "GIF":
                raise animated_not_gif()
            image.verify()
    except Image.DecompressionBombError:  # Pillow's own, far higher, limit
        raise photo_too_large() from None
    except UNREADABLE:
        raise not_a_photo() from None
    finally:
        uploaded.seek(0)
    if found != PHOTO_FORMATS.get(extension_of(uploaded.name)):
        raise not_a_photo()
    return found


def without_metadata(uploaded, image_format: str):
    """A copy of the photo without EXIF and other metadata, turned the way it was taken.

    Animated GIFs are kept as they are: re-encoding would keep only their first frame
    (:func:`photo_format` refuses other animated images).
    """
    uploaded.seek(0)
    with Image.open(uploaded) as image:
        if image_format == "GIF" and getattr(image, "n_frames", 1) > 1:
            uploaded.seek(0)
            return uploaded
        image = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
        image.save(buffer, format=image_format, **options)
    return ContentFile(buffer.getvalue(), name=uploaded.name)


class EvidenceForm(forms.ModelForm):
    """Evidence for one activity step; its fields depend on the step's evidence kind."""

    link = forms.URLField(
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )

    class Meta:
        model = StepProgress
        fields = ["text", "link", "file"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 8}),
            "file": forms.FileInput,
        }

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        wanted = FIELDS.get(kind, [])
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        self._configure_fields()

    def _configure_fields(self) -> None:
        """Labels and requirements in the words of the step at hand."""
        if "text" in self.fields:
            field = self.fields["text"]
            if self.kind == EvidenceKind.TEXT:
                field.required = True
                field.label = _("Your answer")
            else:
                field.required = False
                field.label = _("Anything to add? (optional)")
                field.widget.attrs["rows"] = 3
        if "link" in self.fields:
            field = self.fields["link"]
            field.required = True
            field.label = _("Link")
            field.help_text = _("The full address, starting with https://")
        if "file" in self.fields:
            field = self.fields["file"]
            field.required = True
            extensions = allowed_extensions(self.kind)
            field.label = _("Photo") if self.kind == EvidenceKind.PHOTO else _("File")
            field.help_text = _("%(types)s, at most %(limit)s.") % {
                "types": ", ".join(extensions),
                "limit": filesizeformat(cityoflearning_settings.EVIDENCE_MAX_BYTES),
            }
            field.widget.attrs["accept"] = ",".join(f".{e}" for e in extensions)

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link and not link.lower().startswith(("https://", "http://")):
            raise ValidationError(_("Enter a web address starting with https://"))
        return link

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded  # the file already submitted stays
        check_size(uploaded)
        check_extension(uploaded, allowed_extensions(self.kind))
        if self.kind == EvidenceKind.PHOTO:
            image_format = photo_format(uploaded)
            try:
                uploaded = without_metadata(uploaded, image_format)
            except UNREADABLE:  # verify() reads the header only; decoding finds the rest
                raise not_a_photo() from None
        return uploaded

    @property
    def has_new_file(self) -> bool:
        """True when this submission brings a new file (not the one already submitted)."""
        return "file" in self.fields and "file" in self.changed_data

    @property
    def new_file_name(self) -> str:
        """The learner's own name for a newly uploaded file ('' when none was uploaded)."""
        if not self.has_new_file:
            return ""
        uploaded = self.cleaned_data.get("file")
        return os.path.basename(getattr(uploaded, "name", "") or "")[:255]
