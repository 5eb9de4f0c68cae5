import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from wagtail_cityoflearning.badges.models import BadgeClass, Issuer

SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">'
    '<circle cx="60" cy="60" r="56" fill="#0f5b3a"/></svg>'
)


def png_bytes(size=120, colour=(15, 91, 58)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def issuer(city):
    site = city["site"]
    return Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=site,
    )


def make_badge_class(issuer, *, slug="young-maker", image="png", **kwargs):
    content = png_bytes() if image == "png" else SVG.encode()
    badge = BadgeClass(
        name=kwargs.pop("name", "Young maker"),
        slug=slug,
        description="Built something real in a maker space.",
        criteria_narrative="Finish a project in the maker lab and show it to a mentor.",
        issuer=issuer,
        locale=issuer.site.root_page.locale if issuer.site_id else None,
        **kwargs,
    )
    badge.image.save(f"{slug}.{image}", ContentFile(content), save=False)
    badge.save()
    badge.save_revision().publish()
    badge.refresh_from_db()
    return badge


@pytest.fixture
def badge_class(issuer):
    return make_badge_class(issuer)
