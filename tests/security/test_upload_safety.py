"""Uploaded pictures cost what they should and keep nothing about where they were taken.

The corpus is built in code: pixel bombs (headers declaring huge sizes over tiny bodies),
truncated files, polyglots, wrong extensions and pictures full of metadata. Each is refused
with a clear message before it is decoded, or accepted with its metadata gone.
"""

import io
import struct
import threading
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from wagtail_cityoflearning import uploads
from wagtail_cityoflearning.badges.validators import validate_badge_image
from wagtail_cityoflearning.learners.progress import evidence_forms
from wagtail_cityoflearning.learners.progress.evidence_forms import EvidenceForm
from wagtail_cityoflearning.learners.progress.models import StepProgress
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind

GPS_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="46,3.05N" '
    b'exif:GPSLongitude="14,30.3E"/></rdf:RDF></x:xmpmeta>'
)
SECRETS = (b"GPSLatitude", b"46,3.05N", b"PhoneMaker", b"xmpmeta", b"Secret note", b"<script")


# -- building the corpus -----------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_file(width, height, idat: bytes, *, mode=2, extra=()) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, mode, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + b"".join(extra)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def png_header_bomb(width=6324, height=6324) -> bytes:
    """About a hundred bytes declaring ``width`` x ``height`` RGB pixels."""
    return png_file(width, height, zlib.compress(b"\x00" * 64, 9))


def png_zero_bomb(side=6324) -> bytes:
    """A complete grey PNG of ``side`` x ``side`` pixels that compresses to a few kilobytes."""
    row = b"\x00" + b"\x00" * side  # filter byte + one grey byte a pixel
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return png_file(side, side, body, mode=0)


def gif_header_bomb(width=65535, height=65535) -> bytes:
    screen = struct.pack("<HHBBB", width, height, 0, 0, 0)
    descriptor = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return b"GIF89a" + screen + descriptor + b"\x08\x02\x4c\x01\x00;"


def jpeg_with_size(width, height) -> bytes:
    """A small real JPEG whose frame header claims ``width`` x ``height``."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 120, 40)).save(buffer, format="JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def sub_blocks(data: bytes) -> bytes:
    return b"".join(bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255)) + b"\x00"  # fmt: skip


def with_gif_extensions(gif: bytes, note=b"Secret note: taken at home") -> bytes:
    """The GIF with a comment and an XMP application extension carrying GPS data."""
    flags = gif[10]
    start = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    comment = b"\x21\xfe" + sub_blocks(note)
    xmp = b"\x21\xff\x0bXMP DataXMP" + sub_blocks(GPS_XMP)
    return gif[:start] + comment + xmp + gif[start:]


def gif(frames=1, size=(20, 20)) -> bytes:
    colours = [(255, 0, 0), (0, 0, 255), (0, 160, 0)]
    images = [Image.new("RGB", size, colours[i % 3]) for i in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="GIF", save_all=frames > 1, append_images=images[1:], loop=0)
    return buffer.getvalue()


def jpeg_full_of_metadata() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (46.0, 3.0, 5.0), 3: "E", 4: (14.0, 30.0, 3.0)}  # GPSInfo
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"Secret note: taken at home")
    data = buffer.getvalue()
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + GPS_XMP
    app1 = b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp
    return data[:2] + app1 + data[2:]


def png_full_of_metadata() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (15, 91, 58)).save(buffer, format="PNG")
    data = buffer.getvalue()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    chunks = (
        png_chunk(b"tEXt", b"Comment\x00Secret note: taken at home"),
        png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + GPS_XMP),
        png_chunk(b"zTXt", b"Location\x00\x00" + zlib.compress(b"GPSLatitude 46,3.05N")),
        png_chunk(b"eXIf", exif.tobytes()[6:] if exif.tobytes().startswith(b"Exif") else exif.tobytes()),
    )  # fmt: skip
    end_of_header = 8 + 25
    return data[:end_of_header] + b"".join(chunks) + data[end_of_header:]


def webp_full_of_metadata() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (15, 91, 58)).save(buffer, format="WEBP", exif=exif, xmp=GPS_XMP)
    return buffer.getvalue()


def gif_html_polyglot() -> bytes:
    """A GIF that is also a script: browsers sniffing it as HTML would run it."""
    return with_gif_extensions(gif(), note=b"<html><script>alert(1)</script></html>")


# -- the form that takes photos ----------------------------------------------------------------


def submit_photo(name: str, content: bytes):
    form = EvidenceForm(
        data={"text": ""},
        files={"file": SimpleUploadedFile(name, content)},
        kind=EvidenceKind.PHOTO,
        instance=StepProgress(),
    )
    form.is_valid()
    return form


def stored(form) -> bytes:
    assert not form.errors, form.errors
    upload = form.cleaned_data["file"]
    upload.seek(0)
    return upload.read()


def refusal(form) -> tuple[str, str]:
    error = form.errors.as_data()["file"][0]
    return error.code, error.messages[0]


@pytest.fixture
def no_decoding(monkeypatch):
    """Any attempt to decode pixels fails the test."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


REFUSED_UNDECODED = [
    (
        "a PNG declaring 8000x6000 in a hundred bytes",
        "bomb.png",
        lambda: png_header_bomb(8000, 6000),
        "too_many_pixels",
    ),  # fmt: skip
    (
        "a PNG declaring 100000x100000",
        "bomb.png",
        lambda: png_header_bomb(100_000, 100_000),
        "too_many_pixels",
    ),  # fmt: skip
    ("a GIF declaring 65535x65535", "bomb.gif", gif_header_bomb, "too_many_pixels"),
    (
        "a GIF declaring 8000x6000",
        "bomb.gif",
        lambda: gif_header_bomb(8000, 6000),
        "too_many_pixels",
    ),  # fmt: skip
    (
        "a JPEG declaring 65500x65500",
        "bomb.jpg",
        lambda: jpeg_with_size(65500, 65500),
        "too_many_pixels",
    ),  # fmt: skip
    (
        "a JPEG declaring 8000x6000",
        "bomb.jpg",
        lambda: jpeg_with_size(8000, 6000),
        "too_many_pixels",
    ),  # fmt: skip
    (
        "an SVG named .png",
        "badge.png",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        "not_an_image",
    ),  # fmt: skip
    (
        "an HTML page named .jpg",
        "photo.jpg",
        lambda: b"<html><script>alert(1)</script>",
        "not_an_image",
    ),  # fmt: skip
    ("a JPEG named .png", "photo.png", jpeg_full_of_metadata, "not_an_image"),
    ("a PNG named .jpg", "photo.jpg", png_full_of_metadata, "not_an_image"),
    ("a GIF named .webp", "photo.webp", gif, "not_an_image"),
    (
        "a GIF of 301 frames",
        "moving.gif",
        lambda: gif(frames=301, size=(4, 4)),
        "animation_too_large",
    ),  # fmt: skip
    (
        "a GIF of 11 frames of 2000x2000",
        "moving.gif",
        lambda: gif(frames=11, size=(2000, 2000)),
        "animation_too_large",
    ),  # fmt: skip
]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [case[1:] for case in REFUSED_UNDECODED],
    ids=[case[0] for case in REFUSED_UNDECODED],
)
def test_bombs_and_impostors_are_refused_before_anything_is_decoded(
    no_decoding, name, content, code
):
    form = submit_photo(name, content())
    assert refusal(form)[0] == code
    assert refusal(form)[1]  # a message the learner can read


def test_the_size_refusal_says_the_limit():
    code, message = refusal(submit_photo("bomb.png", png_header_bomb(8000, 6000)))
    assert code == "too_many_pixels" and "40 megapixels" in message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cut.gif", gif()[:-12]),
        ("cut.png", png_full_of_metadata()[:-30]),
        ("cut.webp", webp_full_of_metadata()[:40]),
    ],
)
def test_truncated_photos_are_refused(name, content):
    assert refusal(submit_photo(name, content))[0] == "not_an_image"


ACCEPTED = [
    ("a JPEG with EXIF GPS, XMP and a comment", "photo.jpg", jpeg_full_of_metadata, "JPEG"),
    ("a PNG with tEXt, iTXt, zTXt and eXIf chunks", "photo.png", png_full_of_metadata, "PNG"),
    ("a WebP with EXIF and XMP", "photo.webp", webp_full_of_metadata, "WEBP"),
    ("a GIF with a comment and XMP GPS", "photo.gif", lambda: with_gif_extensions(gif()), "GIF"),
    ("a GIF that is also HTML", "photo.gif", gif_html_polyglot, "GIF"),
    (
        "a PNG with HTML after its end",
        "photo.png",
        lambda: png_full_of_metadata() + b"<html><script>alert(1)</script>",
        "PNG",
    ),  # fmt: skip
]


@pytest.mark.parametrize(
    ("name", "content", "image_format"),
    [case[1:] for case in ACCEPTED],
    ids=[case[0] for case in ACCEPTED],
)
def test_accepted_photos_lose_their_metadata(name, content, image_format):
    original = content()
    assert any(secret in original for secret in SECRETS)  # the case carries something
    data = stored(submit_photo(name, original))
    for secret in SECRETS:
        assert secret not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == image_format
        assert not image.getexif()
        assert not {"xmp", "XML:com.adobe.xmp", "comment", "Comment", "Location", "exif"} & set(
            image.info
        )
        image.load()  # the stored file is a whole picture


def test_an_animated_gif_keeps_its_frames_and_loses_its_xmp_and_comment():
    original = with_gif_extensions(gif(frames=3))
    with Image.open(io.BytesIO(original)) as image:
        assert image.n_frames == 3 and "comment" in image.info
    assert GPS_XMP in original
    data = stored(submit_photo("moving.gif", original))
    for secret in SECRETS:
        assert secret not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.n_frames == 3
        colours = []
        for frame in range(3):
            image.seek(frame)
            assert "xmp" not in image.info and "comment" not in image.info
            colours.append(image.convert("RGB").getpixel((5, 5)))
        assert colours == [(255, 0, 0), (0, 0, 255), (0, 160, 0)]


def test_a_photo_is_stored_upright_without_its_orientation_tag():
    image = Image.new("RGB", (40, 20), (200, 120, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turned 90 degrees
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    data = stored(submit_photo("photo.jpg", buffer.getvalue()))
    with Image.open(io.BytesIO(data)) as stored_image:
        assert stored_image.size == (20, 40) and not stored_image.getexif()


def test_a_photo_of_many_pixels_is_accepted_smaller():
    """6324x6324 is within the 40 megapixels; it is decoded once and stored at most
    4096 pixels a side (halved: whole factors need the least memory)."""
    data = stored(submit_photo("large.png", png_zero_bomb()))
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (3162, 3162)


def test_a_large_jpeg_is_decoded_at_a_reduced_scale(monkeypatch):
    from PIL import JpegImagePlugin

    buffer = io.BytesIO()
    Image.new("RGB", (8200, 4000), (200, 120, 40)).save(buffer, format="JPEG")
    decoded_sizes = []
    draft = JpegImagePlugin.JpegImageFile.draft

    def watch(self, mode, size):
        result = draft(self, mode, size)
        decoded_sizes.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", watch)
    data = stored(submit_photo("large.jpg", buffer.getvalue()))
    assert decoded_sizes == [(4100, 2000)]  # decoded at half scale: a quarter of the memory
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (2050, 1000)  # and halved again to fit 4096


# -- bounded decoding --------------------------------------------------------------------------


def test_when_every_decoding_slot_is_taken_the_learner_is_asked_to_try_again(monkeypatch):
    monkeypatch.setattr(uploads, "decode_slots", threading.BoundedSemaphore(1))
    monkeypatch.setattr(uploads, "DECODE_WAIT_SECONDS", 0.05)
    uploads.decode_slots.acquire()
    try:
        code, message = refusal(submit_photo("photo.jpg", jpeg_full_of_metadata()))
    finally:
        uploads.decode_slots.release()
    assert code == "busy" and "try again" in message
    assert not submit_photo("photo.jpg", jpeg_full_of_metadata()).errors  # free again


def test_no_more_photos_are_decoded_at_once_than_there_are_slots(monkeypatch):
    running, most = 0, 0
    lock = threading.Lock()
    original = evidence_forms._still

    def slow_still(image, image_format):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.1)
        try:
            return original(image, image_format)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(evidence_forms, "_still", slow_still)
    forms = []
    threads = [
        threading.Thread(
            target=lambda: forms.append(submit_photo("photo.jpg", jpeg_full_of_metadata()))
        )
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(forms) == 6 and all(not form.errors for form in forms)
    assert most == uploads.MAX_CONCURRENT_DECODES


def test_a_failed_decode_gives_its_slot_back():
    for _ in range(uploads.MAX_CONCURRENT_DECODES + 1):
        cut = png_file(64, 64, zlib.compress(b"\x00" * 10))  # the header is fine, the body short
        assert refusal(submit_photo("cut.png", cut))[0] == "not_an_image"
    assert not submit_photo("photo.jpg", jpeg_full_of_metadata()).errors


# -- badge images ------------------------------------------------------------------------------


def test_a_png_badge_declaring_huge_dimensions_is_refused_undecoded(no_decoding):
    with pytest.raises(ValidationError) as refused:
        validate_badge_image(SimpleUploadedFile("badge.png", png_header_bomb(60_000, 60_000)))
    assert refused.value.error_list[0].code == "png_too_large"
    assert "at most 4096 pixels" in refused.value.messages[0]


def test_an_unreadable_png_badge_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_badge_image(SimpleUploadedFile("badge.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100))
    assert refused.value.error_list[0].code == "png_unreadable"


def test_an_ordinary_png_badge_is_accepted(no_decoding):
    buffer = io.BytesIO()
    Image.new("RGB", (512, 512), (15, 91, 58)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("badge.png", buffer.getvalue())
    assert validate_badge_image(upload) is None  # accepted: no ValidationError, no decoding
    assert upload.read() == buffer.getvalue()  # and handed on whole, from its first byte


def test_a_phones_jpeg_with_a_preview_picture_is_stored_as_one_plain_jpeg():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    main, preview = Image.new("RGB", (40, 30), (200, 120, 40)), Image.new("RGB", (8, 6))
    main.save(buffer, format="MPO", save_all=True, append_images=[preview], exif=exif)
    with Image.open(io.BytesIO(buffer.getvalue())) as original:
        assert original.format == "MPO" and original.n_frames == 2
    data = stored(submit_photo("photo.jpg", buffer.getvalue()))
    assert b"PhoneMaker" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (40, 30) and not image.getexif()
