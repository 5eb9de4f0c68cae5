"""What search engines and browsers read besides a page's body: its description, canonical
address and translations, the site's icon, robots.txt and the sitemap of each city, the
stylesheets a page links, and badge images at the size they are shown."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Locale

from tests.badges.conftest import make_badge_class, png_bytes
from tests.factories import make_city, make_opportunity, make_provider
from tests.learners.conftest import make_playlist_index
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Issuer, OpportunityBadge
from wagtail_cityoflearning.models import CityOfLearningSettings, OpportunityMapPage

CSS = "/static/wagtail_cityoflearning/css/"


class HeadParser(HTMLParser):
    """The <meta> and <link> elements of a page, and its <img> elements."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        {"meta": self.meta, "link": self.links, "img": self.images}.get(tag, []).append(attributes)


def head(response) -> HeadParser:
    assert response.status_code == 200, response.status_code
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def description(parsed) -> str:
    found = [meta["content"] for meta in parsed.meta if meta.get("name") == "description"]
    assert len(found) == 1, found
    return found[0]


def links(parsed, rel) -> list[dict]:
    return [link for link in parsed.links if link.get("rel") == rel]


def stylesheets(parsed) -> list[str]:
    return [link["href"] for link in links(parsed, "stylesheet")]


@pytest.fixture
def cities(db):
    ljubljana = make_city()
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    return {"ljubljana": ljubljana, "cagliari": cagliari}


@pytest.fixture
def pages(cities):
    ljubljana, cagliari = cities["ljubljana"], cities["cagliari"]
    provider = make_provider(ljubljana, title="Center Rog", short_description="A maker space.")
    interests = [ljubljana["interests"]["science-technology"]]
    opportunity = make_opportunity(provider, interests, summary="Solder your first circuit.")
    cagliari_provider = make_provider(cagliari, title="MEM")
    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=ljubljana["site"],
        description="Badges of the City of Learning of Ljubljana.",
    )
    badge = make_badge_class(issuer)
    OpportunityBadge.objects.create(page=opportunity, badge_class=badge)
    playlists = make_playlist_index(ljubljana["home"], intro="<p>Paths through the city.</p>")
    return {
        "provider": provider,
        "opportunity": opportunity,
        "cagliari_provider": cagliari_provider,
        "issuer": issuer,
        "badge": badge,
        "playlists": playlists,
    }


def test_every_public_page_type_has_a_description(client, cities, pages):
    badge, issuer = pages["badge"], pages["issuer"]
    expected = {
        pages["provider"].url: "A maker space.",
        pages["opportunity"].url: "Solder your first circuit.",
        pages["playlists"].url: "Paths through the city.",
        reverse("wagtail_cityoflearning_badges:badge_class", args=[badge.uuid]): (
            "Built something real in a maker space."
        ),
        reverse("wagtail_cityoflearning_badges:issuer", args=[issuer.uuid]): (
            "Badges of the City of Learning of Ljubljana."
        ),
    }
    # An awarded badge's page (which has its own Open Graph tags) has one description too.
    awarded = award(badge, "maja@example.org")
    expected[reverse("wagtail_cityoflearning_badges:assertion", args=[awarded.uuid])] = (
        "Built something real in a maker space."
    )
    for url, text in expected.items():
        assert description(head(client.get(url, HTTP_ACCEPT="text/html"))) == text, url
    # Pages that describe nothing themselves describe the city.
    index = cities["ljubljana"]["index"]
    index.intro = "<p>Every <b>place</b> to learn in Ljubljana.</p>"
    index.save_revision().publish()
    assert description(head(client.get("/providers/"))) == "Every place to learn in Ljubljana."
    for url in ("/", reverse("account_login"), reverse("account_signup")):
        assert "Ljubljana" in description(head(client.get(url))), url
    assert "Cagliari" in description(head(client.get("/", HTTP_HOST="cagliari.localhost")))


def test_the_search_description_wins_and_long_text_is_cut(client, pages):
    opportunity = pages["opportunity"]
    opportunity.search_description = "Learn to solder at Center Rog."
    opportunity.save_revision().publish()
    assert description(head(client.get(opportunity.url))) == "Learn to solder at Center Rog."
    provider = pages["provider"]
    provider.short_description = "word " * 50
    provider.save_revision().publish()
    text = description(head(client.get(provider.url)))
    assert len(text) <= 160
    assert text.endswith("…")


def test_canonical_address_is_the_page_on_its_own_site(client, pages):
    ljubljana = head(client.get(pages["provider"].url))
    assert [link["href"] for link in links(ljubljana, "canonical")] == [
        "http://localhost/providers/center-rog/"
    ]
    cagliari = head(client.get("/providers/mem/", HTTP_HOST="cagliari.localhost"))
    assert [link["href"] for link in links(cagliari, "canonical")] == [
        "http://cagliari.localhost/providers/mem/"
    ]
    login = head(client.get(reverse("account_login") + "?next=/x/"))
    assert [link["href"] for link in links(login, "canonical")] == [
        "http://localhost" + reverse("account_login")
    ]


def translate(page, language="en", title=None, slug=None):
    """A published translation of ``page`` (its parents translated first)."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    translated.title = title or f"{page.title} ({language})"
    translated.slug = slug or translated.slug
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def test_hreflang_names_each_translation_with_an_address_of_its_own(client, cities):
    home = cities["ljubljana"]["home"]
    translate(home, title="Ljubljana City of Learning")
    # Translations served at one address (the visitor's language picks): no hreflang links.
    assert links(head(client.get("/")), "alternate") == []
    sl_map = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    home.add_child(instance=sl_map)
    sl_map.save_revision().publish()
    translate(sl_map, title="Map", slug="map")
    expected = {
        "sl": "http://localhost/zemljevid/",
        "en": "http://localhost/map/",
        "x-default": "http://localhost/zemljevid/",  # the city's own language
    }
    for path in ("/zemljevid/", "/map/"):
        page = head(client.get(path))
        alternates = {link["hreflang"]: link["href"] for link in links(page, "alternate")}
        assert alternates == expected, path
        canonical = [link["href"] for link in links(page, "canonical")]
        assert canonical == ["http://localhost" + path]


def test_sitemap_lists_each_citys_pages_on_its_own_host(client, pages):
    ljubljana = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/providers/center-rog/</loc>" in ljubljana
    assert f"<loc>{pages['opportunity'].full_url}</loc>" in ljubljana
    assert "cagliari.localhost" not in ljubljana
    cagliari = client.get("/sitemap.xml", HTTP_HOST="cagliari.localhost").content.decode()
    assert "<loc>http://cagliari.localhost/providers/mem/</loc>" in cagliari
    assert "center-rog" not in cagliari


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin_and_accounts(client, cities):
    response = client.get("/robots.txt", HTTP_HOST="cagliari.localhost")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/accounts/", "/learning/"):
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://cagliari.localhost/sitemap.xml" in lines


def test_favicon_ico_leads_to_the_package_icon(client, cities):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/wagtail_cityoflearning/icons/favicon-32.png"
    assert finders.find("wagtail_cityoflearning/icons/favicon-32.png")
    page = head(client.get("/"))
    assert [link["href"] for link in links(page, "icon")] == [
        "/static/wagtail_cityoflearning/icons/favicon.svg"
    ]
    assert [link["href"] for link in links(page, "apple-touch-icon")] == [
        "/static/wagtail_cityoflearning/icons/apple-touch-icon.png"
    ]


def test_the_citys_own_icon_is_served_in_its_sizes(client, cities):
    buffer = io.BytesIO()
    Image.new("RGB", (512, 512), (200, 30, 60)).save(buffer, "PNG")
    image = WagtailImage.objects.create(
        title="Cagliari icon", file=ContentFile(buffer.getvalue(), name="cagliari-icon.png")
    )
    settings = CityOfLearningSettings.for_site(cities["cagliari"]["site"])
    settings.favicon = image
    settings.save()
    page = head(client.get("/", HTTP_HOST="cagliari.localhost"))
    (icon,) = links(page, "icon")
    (touch,) = links(page, "apple-touch-icon")
    assert icon["type"] == "image/png" and icon["sizes"] == "32x32"
    assert image.get_rendition("fill-32x32|format-png").url == icon["href"]
    assert image.get_rendition("fill-180x180|format-png").height == 180
    assert touch["href"] == image.get_rendition("fill-180x180|format-png").url
    response = client.get("/favicon.ico", HTTP_HOST="cagliari.localhost")
    assert response.status_code == 302 and response["Location"] == icon["href"]
    # Ljubljana keeps the package's icon.
    assert "favicon.svg" in links(head(client.get("/")), "icon")[0]["href"]


def test_a_page_links_only_the_stylesheets_it_needs(client, pages):
    opportunity = stylesheets(head(client.get(pages["opportunity"].url)))
    assert opportunity[0] == CSS + "cityoflearning.css"
    for other in ("accounts.css", "playlists.css", "learning.css"):
        assert CSS + other not in opportunity
    assert stylesheets(head(client.get("/"))) == [CSS + "cityoflearning.css"]
    assert stylesheets(head(client.get(reverse("account_login")))) == [
        CSS + "cityoflearning.css",
        CSS + "accounts.css",
    ]
    assert stylesheets(head(client.get(pages["playlists"].url))) == [
        CSS + "cityoflearning.css",
        CSS + "playlists.css",
    ]


def test_badge_images_are_served_at_the_size_they_are_shown(client, pages, media_root):
    badge = pages["badge"]
    badge.image.save("big.png", ContentFile(png_bytes(size=256)), save=True)
    page = head(client.get(pages["opportunity"].url))
    (image,) = [img for img in page.images if "/badges/classes/" in img["src"]]
    assert (image["width"], image["height"]) == ("64", "64")
    small_url, (large_url, density) = image["src"], image["srcset"].split()
    assert density == "2x"
    for url, size in ((small_url, 64), (large_url, 128)):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert "max-age=31536000" in response["Cache-Control"]
        served = Image.open(io.BytesIO(b"".join(response.streaming_content)))
        assert served.size == (size, size)
    # The badge's own image stays as uploaded.
    original = client.get(
        reverse("wagtail_cityoflearning_badges:badge_class_image", args=[badge.uuid])
    )
    assert Image.open(io.BytesIO(b"".join(original.streaming_content))).size == (256, 256)
    # Only the sizes pages use.
    odd = reverse("wagtail_cityoflearning_badges:badge_class_thumbnail", args=[badge.uuid, 77])
    assert client.get(odd).status_code == 404


def test_another_citys_badge_is_shown_from_this_sites_own_address(client, pages, media_root):
    """A backpack or a claim page may show a badge of another city: its picture comes from
    the page's own host, which the content security policy allows, not from the other city."""
    badge = pages["badge"]
    badge.image.save("big.png", ContentFile(png_bytes(size=256)), save=True)
    html = Template("{% load cityoflearning_badges %}{% badge_image badge 64 %}").render(
        Context(
            {"badge": badge, "request": RequestFactory().get("/", HTTP_HOST="cagliari.localhost")}
        )
    )
    src = re.search(r'src="([^"]+)"', html).group(1)
    assert src.startswith("/badges/classes/")  # relative: the page's own host
    response = client.get(src, HTTP_HOST="cagliari.localhost")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
