"""Each block of the body library renders its own accessible template and validates input."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from wagtail_cityoflearning.blocks import (
    BodyBlock,
    CallToActionBlock,
    ImageBlock,
    LocationBlock,
    VideoBlock,
    video_embed_url,
)


def render(block_type, value, context=None):
    body = BodyBlock()
    stream = StreamValue(body, [{"type": block_type, "value": value}], is_lazy=True)
    return stream.render_as_block(context=context or {})


@pytest.fixture
def image(db):
    return Image.objects.create(title="Robots", file=get_test_image_file())


def test_rich_text_block(db):
    html = render("paragraph", "<p>Hello <b>there</b></p>")
    assert 'class="col-block col-block--text"' in html and "<b>there</b>" in html


def test_image_block_has_alt_text_and_caption(image):
    html = render("image", {"image": image.pk, "alt_text": "Two robots", "caption": "Workshop"})
    assert 'alt="Two robots"' in html
    assert "<figcaption>Workshop</figcaption>" in html


def test_decorative_image_has_empty_alt(image):
    html = render("image", {"image": image.pk, "alt_text": "", "decorative": True})
    assert 'alt=""' in html


def test_image_block_requires_alt_text_unless_decorative(image):
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": " ", "decorative": False})
    with pytest.raises(ValidationError):
        block.clean(value)
    value = block.to_python({"image": image.pk, "alt_text": "", "decorative": True})
    assert block.clean(value)["decorative"] is True


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://example.org/video.mp4", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_video_embed_addresses(url, embed):
    assert video_embed_url(url) == embed


def test_video_block_loads_nothing_until_played(db):
    html = render("video", {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Our summer camp"})
    assert "<iframe" not in html
    assert 'href="https://youtu.be/dQw4w9WgXcQ"' in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "Our summer camp" in html


def test_video_block_refuses_other_hosts(db):
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"url": "https://example.org/v.mp4", "title": "x"}))


def test_call_to_action_links_to_an_address(db):
    html = render(
        "call_to_action",
        {
            "heading": "Join us",
            "text": "",
            "button_label": "Sign up",
            "page": None,
            "url": "https://example.org/join",
        },
    )
    assert (
        '<a class="col-button col-button--primary" href="https://example.org/join">Sign up</a>'
        in html
    )


def test_call_to_action_needs_exactly_one_target(db):
    block = CallToActionBlock()
    value = block.to_python({"heading": "x", "button_label": "y", "page": None, "url": ""})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_accordion_uses_native_details(db):
    html = render(
        "accordion",
        {"heading": "FAQ", "items": [{"title": "Is it free?", "content": "<p>Yes.</p>"}]},
    )
    assert "<details" in html and "<summary>Is it free?</summary>" in html


def test_learning_outcomes_list(db):
    html = render("learning_outcomes", {"heading": "", "items": ["Soldering", "Teamwork"]})
    assert "What you will learn" in html
    assert "<li>Soldering</li>" in html


def test_document_download(db, tmp_path):
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Programme", file=ContentFile(b"%PDF-1.4", name="p.pdf")
    )
    html = render("document", {"document": document.pk, "label": ""})
    assert "Programme" in html and document.url in html and "PDF" in html


def test_contact_card(db):
    html = render(
        "contact", {"name": "Ana Novak", "role": "Youth worker", "email": "ana@example.org"}
    )
    assert "Ana Novak" in html and 'href="mailto:ana@example.org"' in html


def test_quote(db):
    html = render("quote", {"quote": "I learned so much.", "attribution": "Maja, 16"})
    assert "<blockquote>" in html and "Maja, 16" in html


class TestLocationBlock:
    def test_empty_value_is_accepted_and_renders_nothing(self, db):
        block = LocationBlock()
        assert block.to_python("") is None
        assert block.to_python(None) is None
        assert block.clean("") is None
        assert "data-col-location-map" not in render("location", "")

    def test_required_is_honoured(self):
        assert LocationBlock(required=True).required is True
        assert LocationBlock().required is False
        with pytest.raises(ValidationError):
            LocationBlock(required=True).clean("")

    def test_help_text_is_honoured(self):
        assert LocationBlock(help_text="Where we meet").field.help_text == "Where we meet"

    def test_point_round_trips(self):
        block = LocationBlock()
        value = block.to_python("SRID=4326;POINT(9.1092 39.2238)")
        assert value == {"lat": 39.2238, "lng": 9.1092}
        assert block.get_prep_value(value) == "SRID=4326;POINT(9.109200 39.223800)"

    def test_unreadable_point_is_refused(self):
        with pytest.raises(ValidationError):
            LocationBlock().clean("POINT(north south)")

    def test_renders_a_map_with_the_point(self, db):
        html = render("location", "SRID=4326;POINT(9.1092 39.2238)")
        assert 'data-lat="39.223800"' in html and 'data-lng="9.109200"' in html
        assert "vendor/leaflet/leaflet.js" in html

    def test_form_loads_vendored_leaflet(self):
        media = str(LocationBlock().field.widget.media)
        assert "wagtail_cityoflearning/vendor/leaflet/leaflet.js" in media
        assert "unpkg" not in media
