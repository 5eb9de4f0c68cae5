"""Badge images at the sizes pages show them: a badge class's PNG is scaled down with Pillow
once per size and kept in the media storage beside the original (which stays as uploaded, as
do the baked images of awards); an SVG is sent as it is.

``{% badge_image badge_class 64 %}`` (``cityoflearning_badges``) links the 64 px image with its
128 px one for high-density screens. The address carries a version, the original's name, so
browsers keep the image for a year and fetch it again only after a new upload.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from PIL import Image, UnidentifiedImageError

from wagtail_cityoflearning.badges.models import BadgeClass
from wagtail_cityoflearning.badges.views import _file
from wagtail_cityoflearning.uploads import protect_image_response

# The widths (and heights: badge images are square) served, 1x and 2x of those pages show.
SIZES = (40, 48, 64, 80, 96, 128, 192, 200, 400)
FOLDER = "badges/classes/thumbnails"
YEAR = 365 * 24 * 3600


def version(badge_class) -> str:
    """Changes when a new image is uploaded (a new file name)."""
    return hashlib.sha256(badge_class.image.name.encode()).hexdigest()[:12]


def is_svg(badge_class) -> bool:
    return badge_class.image.name.lower().endswith(".svg")


def thumbnail_name(badge_class, size: int) -> str:
    return f"{FOLDER}/{badge_class.uuid}-{version(badge_class)}-{size}.png"


def make_thumbnail(badge_class, size: int) -> str:
    """The storage name of the badge class's PNG scaled to fit ``size`` pixels, made on first
    use. Never larger than the original."""
    storage = badge_class.image.storage
    name = thumbnail_name(badge_class, size)
    if storage.exists(name):
        return name
    with badge_class.image.open("rb") as original:
        image = Image.open(original)
        image.load()
    image = image.convert("RGBA")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return storage.save(name, ContentFile(buffer.getvalue()))


def badge_class_thumbnail(request, uuid, size: int):
    """A badge class's image at ``size`` pixels. Not a badge document (those answer only on
    their issuer's Site): a picture every Site may show from its own address, as a young
    person's backpack or a claim page shows badges of other cities too."""
    if size not in SIZES:
        raise Http404("No such image size.")
    instance = get_object_or_404(BadgeClass.objects.filter(live=True), uuid=uuid)
    if is_svg(instance):
        response = _file(instance.image)
    else:
        try:
            name = make_thumbnail(instance, size)
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
            response = _file(instance.image)  # an image Pillow cannot read: the original
        else:
            file = instance.image.storage.open(name, "rb")
            response = FileResponse(file, content_type="image/png")
            response["Access-Control-Allow-Origin"] = "*"
            protect_image_response(response, svg=False)
    current = request.GET.get("v") == version(instance)
    patch_cache_control(response, public=True, max_age=YEAR if current else 3600)
    return response
