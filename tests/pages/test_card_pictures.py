"""Cards always have a picture: the editor's image, else an illustration of the interest."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def make_image(description):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), "#b4236c").save(buffer, format="JPEG")
    return get_image_model().objects.create(
        title="Card", description=description, file=ImageFile(buffer, name="card.jpg")
    )


def card_html(client, provider):
    return client.get(provider.url).content.decode()


def test_an_opportunity_card_shows_the_editors_image_described(client, city, provider):
    image = make_image("A drawing of two people building a robot")
    make_opportunity(provider, [city["interests"]["arts"]], cover_image=image)
    html = card_html(client, provider)
    assert 'class="col-card__image"' in html
    assert 'alt="A drawing of two people building a robot"' in html
    assert "col-illustration" not in html


def test_an_image_without_description_is_decorative(client, city, provider):
    make_opportunity(provider, [city["interests"]["arts"]], cover_image=make_image(""))
    html = card_html(client, provider)
    assert '<img alt=""' in html or 'alt=""' in html
    assert "col-illustration" not in html


def test_without_an_image_the_card_shows_the_interests_illustration(client, city, provider):
    music = city["interests"]["music"]
    make_opportunity(provider, [music])
    html = card_html(client, provider)
    start = html.index("col-illustration")
    svg = html[html.rindex("<svg", 0, start) : html.index("</svg>", start)]
    assert 'aria-hidden="true"' in svg
    assert f'fill="{music.colour}"' in svg and f"#{music.icon}" in svg


def test_provider_cards_show_their_cover_image_or_an_illustration(client, city, provider):
    index_url = city["index"].url
    html = client.get(index_url).content.decode()
    assert "col-illustration" in html
    provider.cover_image = make_image("A drawing of a library")
    provider.save_revision().publish()
    html = client.get(index_url).content.decode()
    assert 'alt="A drawing of a library"' in html and "col-illustration" not in html
