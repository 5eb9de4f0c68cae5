"""The form a learner submits evidence with. What it asks depends on the step: a written
answer, a link, a file or a photo (each with an optional note), or nothing at all. What is
required comes first, the optional note after it (the template marks it "(optional)"). Files
are checked for size and type before anything is stored; photos must really be images, and
lose their metadata (a phone's photo can carry where it was taken).

A photo's size is read from its header and checked before it is decoded; decoding happens in
one of a few process-wide slots, so many uploads at once cannot take all the memory. Every
photo is encoded again (animated GIFs frame by frame), which leaves EXIF, XMP, comments and
text chunks behind."""

import io
import os

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageSequence, UnidentifiedImageError

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.learners.progress.models import StepProgress
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind
from wagtail_cityoflearning.uploads import UnsafeImage, decoding_slot, png_data_too_short

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
    EOFError,
)


# Above this a photo takes too much memory to re-encode (a small PNG can claim any size).
# Read from the header, before anything is decoded.
MAX_PHOTO_PIXELS = 40_000_000
# Photos are stored at most this many pixels wide or high (a JPEG is decoded at a reduced
# scale straight away when it is far larger).
MAX_PHOTO_SIDE = 4096
# An animated GIF keeps its frames while all of them together stay within this many pixels,
# and it has at most MAX_GIF_FRAMES frames.
MAX_ANIMATION_PIXELS = MAX_PHOTO_PIXELS
MAX_GIF_FRAMES = 300
# Information about the picture itself that a re-encoded photo keeps; everything else in
# ``Image.info`` (EXIF, XMP, comments, text chunks, ...) is dropped.
KEPT_INFO = ("transparency", "duration", "loop", "background")
# A colour profile describes colours, not the photo's author or place; small ones are kept.
MAX_ICC_BYTES = 64 * 1024


def photo_too_large() -> ValidationError:
    return ValidationError(
        _(
            "This photo is too large: we accept at most %(megapixels)d megapixels. "
            "Make it smaller and try again."
        )
        % {"megapixels": MAX_PHOTO_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def animation_too_large() -> ValidationError:
    return ValidationError(
        _(
            "This moving picture has too many frames or is too large. Choose a shorter or "
            "smaller GIF, or a still photo."
        ),
        code="animation_too_large",
    )


def animated_not_gif() -> ValidationError:
    return ValidationError(
        _("We accept moving pictures only as GIF. Choose a still photo or a GIF."),
        code="animated",
    )


def photo_format(uploaded) -> str:
    """The image format Pillow reads in the file; a ValidationError if it is not an image, is
    larger than :data:`MAX_PHOTO_PIXELS`, or is animated in another format than GIF.

    Only the formats a city may accept are tried, and the size and the frames are read from
    the header before anything is decoded. Only GIF may move (its frames are re-encoded
    without metadata by :func:`without_metadata`); an animated PNG or WebP is refused.
    """
    allowed = sorted(set(PHOTO_FORMATS.values()))
    try:
        uploaded.seek(0)
        with Image.open(uploaded, formats=allowed) as image:
            # A phone's JPEG with a second, preview picture (MPO) is stored as a plain JPEG.
            found = "JPEG" if image.format == "MPO" else image.format
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise photo_too_large()
            if found == "PNG" and png_data_too_short(uploaded):
                raise not_a_photo()  # cut short: decoding would only allocate and fail
            if found == "GIF":
                frames = image.n_frames  # walks the frame headers; decodes nothing
                if frames > MAX_GIF_FRAMES or frames * width * height > MAX_ANIMATION_PIXELS:
                    raise animation_too_large()
            elif found != "JPEG" and getattr(image, "is_animated", False):
                raise animated_not_gif()
        uploaded.seek(0)
        with Image.open(uploaded, formats=allowed) as image:
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


def _orientation(image) -> int:
    try:
        return image.getexif().get(ExifTags.Base.Orientation, 1)
    except UNREADABLE:
        return 1


def _clean_info(image) -> None:
    """Forget everything the file said about itself but how to show it."""
    icc = image.info.get("icc_profile")
    image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
    if icc and len(icc) <= MAX_ICC_BYTES:
        image.info["icc_profile"] = icc


def _shrink_factor(size) -> int:
    """The smallest whole number that divides the picture to :data:`MAX_PHOTO_SIDE`."""
    return -(-max(size) // MAX_PHOTO_SIDE)


def _still(image, image_format: str):
    """The decoded picture, turned upright and at most :data:`MAX_PHOTO_SIDE` a side.

    A larger picture is divided by a whole factor: a JPEG is decoded at 1/2, 1/4 or 1/8
    scale straight away, and what is left is reduced by averaging blocks of pixels, which
    needs memory only for the smaller copy (a smooth resize would hold a third picture).
    """
    orientation = _orientation(image)
    icc = image.info.get("icc_profile")
    factor = _shrink_factor(image.size)
    if image_format == "JPEG" and factor > 1:
        width, height = image.size
        image.draft(image.mode, (-(-width // factor), -(-height // factor)))
    image.load()
    factor = _shrink_factor(image.size)
    if factor > 1:
        if image.mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
            has_alpha = "A" in image.mode or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
        image = image.reduce(factor)
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    if method is not None:
        image = image.transpose(method)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    if icc:
        image.info["icc_profile"] = icc
    _clean_info(image)
    return image


def without_metadata(uploaded, image_format: str):
    """A copy of the photo without EXIF, XMP, comments, text chunks and other metadata,
    turned the way it was taken.

    Every accepted format is decoded and encoded again; at most
    :data:`~wagtail_cityoflearning.uploads.MAX_CONCURRENT_DECODES` photos are decoded at once.
    An animated GIF keeps all its frames and their timing, and nothing else.
    """
    try:
        with decoding_slot():
            uploaded.seek(0)
            buffer = io.BytesIO()
            with Image.open(uploaded, formats=[image_format]) as image:
                if image_format == "GIF" and image.n_frames > 1:
                    loop = {"loop": image.info["loop"]} if "loop" in image.info else {}
                    frames = []
                    for frame in ImageSequence.Iterator(image):
                        copy = frame.copy()
                        _clean_info(copy)
                        frames.append(copy)
                    frames[0].save(
                        buffer,
                        format="GIF",
                        save_all=True,
                        append_images=frames[1:],
                        duration=[frame.info.get("duration", 100) for frame in frames],
                        **loop,
                    )
                else:
                    still = _still(image, image_format)
                    options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
                    if still.info.get("icc_profile"):
                        options["icc_profile"] = still.info["icc_profile"]
                    still.save(buffer, format=image_format, **options)
    except UnsafeImage as error:
        raise ValidationError(error.message, code=error.code) from None
    finally:
        uploaded.seek(0)
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
        # What must be given comes first, what may be added after it.
        self.order_fields(sorted(self.fields, key=lambda name: not self.fields[name].required))

    def _configure_fields(self) -> None:
        """Labels and requirements in the words of the step at hand."""
        if "text" in self.fields:
            field = self.fields["text"]
            if self.kind == EvidenceKind.TEXT:
                field.required = True
                field.label = _("Your answer")
            else:
                field.required = False
                field.label = _("Anything to add?")
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
