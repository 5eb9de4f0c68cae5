"""Uploaded SVG badge images keep their drawing and lose everything that could run script,
on upload (the stored file is the sanitised one) and again when an award's image is baked."""

import re

import pytest
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.badges.conftest import SVG
from wagtail_cityoflearning.badges import baking
from wagtail_cityoflearning.badges.models import Award, BadgeClass, Issuer
from wagtail_cityoflearning.badges.validators import validate_badge_image
from wagtail_cityoflearning.uploads import UnsafeImage, sanitise_svg

from .svg_vectors import VECTORS

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ANIMATIONS = {"animate", "set", "animateMotion", "animateTransform", "animateColor"}
FORBIDDEN_ELEMENTS = {
    "script", "handler", "listener", "foreignObject", "iframe", "embed", "object", "discard",
}  # fmt: skip
SAFE_REFERENCE = re.compile(r"^(#|data:image/(png|jpeg|gif|webp);base64,)")
CSS_DANGER = re.compile(r"@import|expression\(|-moz-binding|behavior\s*:|url\((?!\s*['\"]?#)", re.I)


def squashed(value: str) -> str:
    """An attribute value as a browser reads a URL: without whitespace and control bytes."""
    return re.sub(r"[\x00-\x20]", "", value).lower()


def script_capable(clean: bytes) -> list[str]:
    """Everything in a sanitised SVG that could run script or fetch something; [] if none."""
    problems = []
    text = clean.decode()
    for marker in ("<!DOCTYPE", "<!ENTITY", "<?xml-stylesheet", "<![CDATA["):
        if marker.lower() in text.lower():
            problems.append(marker)
    root = fromstring(clean)  # refuses DTDs and entities
    if root.tag != f"{{{SVG_NS}}}svg":
        problems.append(f"root {root.tag}")
    for element in root.iter():
        namespace, _, name = element.tag[1:].partition("}")
        if namespace != SVG_NS:
            problems.append(f"foreign element {element.tag}")
        if name in FORBIDDEN_ELEMENTS:
            problems.append(f"element {name}")
        if name == "style" and CSS_DANGER.search(element.text or ""):
            problems.append(f"style {element.text!r}")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                problems.append(f"handler {attribute}")
            if local == "href" and not SAFE_REFERENCE.match(value.strip()):
                problems.append(f"reference {value!r}")
            if local == "style" and CSS_DANGER.search(value):
                problems.append(f"style {value!r}")
            if "script:" in squashed(value):
                problems.append(f"javascript: in {attribute}")
        if name in ANIMATIONS:
            target = element.get("attributeName", "")
            if target.rsplit(":", 1)[-1] in ("href", "src") or target.lower().startswith("on"):
                problems.append(f"animation of {target}")
    return problems


def test_the_checker_finds_script_in_raw_vectors():
    """The check used below is not vacuous: it finds something in every raw vector that
    parses as XML without a DTD."""
    assert len(VECTORS) >= 30
    found = 0
    for _name, text, _auto in VECTORS:
        try:
            problems = script_capable(text.encode())
        except Exception:  # noqa: BLE001 (a DTD or entity: defusedxml refuses it, also a find)
            problems = ["refused by the XML parser"]
        found += bool(problems)
    assert found >= len(VECTORS) - 2  # the escaped text and the CSS url() one look harmless


@pytest.mark.parametrize(("name", "text", "auto"), VECTORS, ids=[name for name, *_ in VECTORS])
def test_every_vector_is_sanitised_or_refused(name, text, auto):
    try:
        clean = sanitise_svg(text.encode())
    except UnsafeImage as error:
        assert str(error.message) and error.code.startswith("svg_")
        with pytest.raises(ValidationError) as refused:
            validate_badge_image(SimpleUploadedFile("badge.svg", text.encode()))
        assert refused.value.messages == [str(error.message)]
        return
    assert script_capable(clean) == []
    root = fromstring(clean)
    assert root.tag == f"{{{SVG_NS}}}svg"
    assert any(element.tag == f"{{{SVG_NS}}}rect" for element in root.iter())  # still drawn
    assert sanitise_svg(clean) == clean  # sanitising is stable


def test_a_plain_badge_keeps_its_drawing():
    clean = sanitise_svg(SVG.encode())
    root = fromstring(clean)
    circle = root.find(f"{{{SVG_NS}}}circle")
    assert circle is not None and circle.get("fill") == "#0f5b3a"
    assert root.get("viewBox") == "0 0 120 120"


def test_embedded_raster_pictures_and_local_references_stay():
    text = (
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" width="10" height="10">'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '<path id="p" d="M0 0h10v10z"/></defs>'
        '<use xlink:href="#p" fill="url(#g)"/>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
        '<image href="https://example.org/tracker.png" width="1" height="1"/>'
        '<rect width="1" height="1" style="fill:url(https://example.org/x)"/></svg>'
    )
    clean = sanitise_svg(text.encode()).decode()
    assert 'href="#p"' in clean and 'fill="url(#g)"' in clean
    assert "data:image/png;base64,iVBORw0KGgo=" in clean
    assert "example.org" not in clean and "tracker" not in clean and "/x" not in clean


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"<svg><rect width='1' height='1'/></svg>", "svg_unreadable"),  # no SVG namespace
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect', "svg_unreadable"),  # cut short
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', "svg_empty"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><title>Badge</title></svg>', "svg_empty"),
    ],
)
def test_svg_that_sanitises_to_nothing_or_does_not_parse_gets_a_clear_error(content, code):
    with pytest.raises(ValidationError) as refused:
        validate_badge_image(SimpleUploadedFile("badge.svg", content))
    assert refused.value.error_list[0].code == code
    assert "SVG" in refused.value.messages[0]


# -- stored and baked --------------------------------------------------------------------------


@pytest.fixture
def issuer(city):
    return Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )


def new_badge_class(issuer, content: bytes, slug="hostile") -> BadgeClass:
    badge = BadgeClass(
        name="Hostile",
        slug=slug,
        description="An SVG with a script.",
        criteria_narrative="None.",
        issuer=issuer,
        locale=issuer.site.root_page.locale,
        image=ContentFile(content, name=f"{slug}.svg"),
    )
    badge.full_clean()
    badge.save()
    return badge


HOSTILE = VECTORS[0][1].encode()  # a <script> next to a drawing


def test_the_stored_badge_image_is_the_sanitised_svg(issuer):
    badge = new_badge_class(issuer, HOSTILE)
    with badge.image.open("rb") as stored:
        content = stored.read()
    assert content == sanitise_svg(HOSTILE)
    assert b"script" not in content and b"xss" not in content


def test_an_editor_uploading_a_hostile_svg_in_the_admin_stores_it_sanitised(
    client, issuer, django_user_model
):
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    url = reverse("wagtailsnippets_wagtail_cityoflearning_badges_badgeclass:add")
    response = client.post(
        url,
        {
            "name": "Hostile",
            "slug": "hostile",
            "description": "An SVG with a script.",
            "image": SimpleUploadedFile("hostile.svg", HOSTILE, content_type="image/svg+xml"),
            "criteria_narrative": "None.",
            "criteria_url": "",
            "alignments-TOTAL_FORMS": "0",
            "alignments-INITIAL_FORMS": "0",
            "alignments-MIN_NUM_FORMS": "0",
            "alignments-MAX_NUM_FORMS": "1000",
            "tags": "",
            "expiry": "",
            "expiry_amount": "",
            "issuer": issuer.pk,
            "locale": issuer.site.root_page.locale_id,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    badge = BadgeClass.objects.get(slug="hostile")
    with badge.image.open("rb") as stored:
        content = stored.read()
    assert b"<rect" in content and b"script" not in content and b"xss" not in content


def test_an_svg_that_sanitises_to_nothing_is_a_form_error_in_the_admin(
    client, issuer, django_user_model
):
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.post(
        reverse("wagtailsnippets_wagtail_cityoflearning_badges_badgeclass:add"),
        {
            "name": "Empty",
            "slug": "empty",
            "description": "Only a script.",
            "image": SimpleUploadedFile(
                "empty.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
            ),
            "criteria_narrative": "None.",
            "alignments-TOTAL_FORMS": "0",
            "alignments-INITIAL_FORMS": "0",
            "alignments-MIN_NUM_FORMS": "0",
            "alignments-MAX_NUM_FORMS": "1000",
            "issuer": issuer.pk,
            "locale": issuer.site.root_page.locale_id,
        },
    )
    assert response.status_code == 200
    assert "Nothing would be left of this SVG" in " ".join(response.context["form"].errors["image"])
    assert not BadgeClass.objects.filter(slug="empty").exists()


ASSERTION = re.compile(rb"<openbadges:assertion\b.*?(?:/>|</openbadges:assertion>)", re.S)


def test_baking_sanitises_the_source_svg_again():
    """An SVG stored before sanitising existed (or put in storage some other way) is baked
    as its drawing only."""
    baked, kind = baking.bake_image(HOSTILE, "https://example.org/badges/assertions/1/")
    assert kind == "svg"
    assert b"script" not in baked and b"xss" not in baked
    assert baking.read_baked(baked) == "https://example.org/badges/assertions/1/"
    drawing = ASSERTION.sub(b"", baked).replace(b' xmlns:openbadges="http://openbadges.org"', b"")
    assert script_capable(drawing) == []


def test_a_baked_award_image_carries_no_script(client, issuer):
    badge = new_badge_class(issuer, HOSTILE)
    badge.save_revision().publish()
    award = Award.objects.create(badge_class=badge, recipient_email="ana@example.org")
    response = client.get(f"/badges/assertions/{award.uuid}/image/")
    content = b"".join(response.streaming_content)
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<rect" in content and b"script" not in content and b"xss" not in content
    assert baking.read_baked(content)


def test_png_and_svg_badge_images_are_served_with_nosniff_and_a_sandbox(client, issuer):
    from tests.badges.conftest import make_badge_class

    for kind in ("png", "svg"):
        badge = make_badge_class(issuer, slug=f"served-{kind}", image=kind)
        award = Award.objects.create(badge_class=badge, recipient_email="ana@example.org")
        for path in (
            f"/badges/classes/{badge.uuid}/image/",
            f"/badges/assertions/{award.uuid}/image/",
        ):
            response = client.get(path)
            assert response.status_code == 200
            assert response["Content-Type"] == f"image/{'svg+xml' if kind == 'svg' else 'png'}"
            assert response["X-Content-Type-Options"] == "nosniff"
            policy = response["Content-Security-Policy"]
            assert policy.startswith("sandbox; default-src 'none'")
            assert "script" not in policy
