"""What search engines and browsers ask of a city's site besides its pages: each page's
description, canonical address and translations' addresses for the ``<head>``, the site's
icon, ``/robots.txt`` and ``/favicon.ico``.

Include the routes (``robots.txt``, ``favicon.ico`` and Wagtail's ``sitemap.xml``) in the
site's URLs, before Wagtail's page serving::

    path("", include("wagtail_cityoflearning.urls")),
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Site

from wagtail_cityoflearning.models.settings import CityOfLearningSettings
from wagtail_cityoflearning.page_cache import site_setting

# A description longer than this is cut (search engines show about 155-160 characters).
DESCRIPTION_LENGTH = 160
# The fields a page or object may describe itself with, after Wagtail's search description.
DESCRIPTION_FIELDS = ("summary", "short_description", "intro", "description")
# The objects of the package's pages that are not Wagtail pages, in the template context.
DESCRIBED_OBJECTS = ("page", "badge_class", "issuer")

# The stylesheet every public page links; pages add their own (see ``head_stylesheets``).
BASE_STYLESHEETS = ["wagtail_cityoflearning/css/cityoflearning.css"]
# Apps register a function for this hook: ``fn(request, page) -> list of static paths`` of
# the stylesheets the request's page or view needs (``page`` is None on other views).
STYLESHEETS_HOOK = "cityoflearning_head_stylesheets"

DEFAULT_ICON_SVG = "wagtail_cityoflearning/icons/favicon.svg"
DEFAULT_ICON_PNG = "wagtail_cityoflearning/icons/favicon-32.png"
DEFAULT_TOUCH_ICON = "wagtail_cityoflearning/icons/apple-touch-icon.png"
ICON_FILTER = "fill-32x32|format-png"
TOUCH_ICON_FILTER = "fill-180x180|format-png"


def plain_text(value) -> str:
    """A field's text without markup, whitespace collapsed (rich text included)."""
    if not value:
        return ""
    source = getattr(value, "source", value)  # wagtail.rich_text.RichText
    return " ".join(strip_tags(str(source)).split())


def describe(obj) -> str:
    """The description of a page (its search description, else its summary or introduction)
    or of another object with a ``description``; "" when it has none."""
    if obj is None:
        return ""
    specific = getattr(obj, "specific_deferred", obj)
    for name in ("search_description", *DESCRIPTION_FIELDS):
        text = plain_text(getattr(specific, name, ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def site_description(city_settings) -> str:
    """What a page that describes nothing itself says: the city's City of Learning."""
    city = getattr(city_settings, "city_name", "") if city_settings is not None else ""
    if city:
        return _(
            "%(city)s City of Learning: workshops, courses, volunteering and badges for "
            "young people, on a map of the city."
        ) % {"city": city}
    return _(
        "City of Learning: workshops, courses, volunteering and badges for young people, "
        "on a map of the city."
    )


def meta_description(context) -> str:
    """The ``<meta name="description">`` of the page being rendered: the view's own
    ``meta_description``, else that of its page or object, else the city's."""
    if context.get("meta_description"):
        return str(context["meta_description"])
    for name in DESCRIBED_OBJECTS:
        text = describe(context.get(name))
        if text:
            return text
    return site_description(context.get("city_settings"))


def canonical_url(request, page, site=None) -> str:
    """The page's full address on its Site; on other views, the request's path (without its
    query string) on the request's Site."""
    if page is not None and getattr(page, "pk", None) is not None:
        url = page.get_full_url(request)
        if url:
            return url
    if request is None:
        return ""
    if site is not None:
        return site.root_url.rstrip("/") + request.path
    return request.build_absolute_uri(request.path)


def hreflang_links(options, default_language: str | None) -> list[tuple[str, str]]:
    """``(hreflang, href)`` for each translation with an address of its own, plus
    ``x-default`` (the site's own language, else the first); empty when fewer than two."""
    links = [(option.code, option.alternate) for option in options if option.alternate]
    if len(links) < 2:
        return []
    default = dict(links).get(default_language or "", links[0][1])
    return [*links, ("x-default", default)]


def icon_links(city_settings) -> dict:
    """The addresses of the site's icon: the editors' image in the city's settings, else the
    package's."""
    image = getattr(city_settings, "favicon", None) if city_settings is not None else None
    if image is not None:
        return {
            "icon": image.get_rendition(ICON_FILTER).url,
            "icon_type": "image/png",
            "touch_icon": image.get_rendition(TOUCH_ICON_FILTER).url,
        }
    return {
        "icon": static(DEFAULT_ICON_SVG),
        "icon_type": "image/svg+xml",
        "touch_icon": static(DEFAULT_TOUCH_ICON),
    }


def head_stylesheets(request, page) -> list[str]:
    """Static paths of the stylesheets a page needs, in order, each once: the package's base
    stylesheet, those the apps' ``cityoflearning_head_stylesheets`` hooks name, then the
    page's own (``page.get_head_stylesheets()``)."""
    paths = list(BASE_STYLESHEETS)
    for fn in hooks.get_hooks(STYLESHEETS_HOOK):
        paths.extend(fn(request, page) or [])
    getter = getattr(page, "get_head_stylesheets", None)
    if getter is not None:
        paths.extend(getter())
    return list(dict.fromkeys(paths))


def _city_settings(request):
    site = Site.find_for_request(request)
    return (site, site_setting(CityOfLearningSettings, site=site) if site is not None else None)


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """``/favicon.ico``: browsers ask for it on every site; send them to the site's icon."""
    _site, city_settings = _city_settings(request)
    image = getattr(city_settings, "favicon", None)
    url = image.get_rendition(ICON_FILTER).url if image is not None else static(DEFAULT_ICON_PNG)
    return HttpResponseRedirect(url)


# What no search engine should crawl: the admin, the account pages (allauth's, whose folder is
# that of its log-in page) and the learners' own pages; (URL name, whether its folder is meant).
ROBOTS_DISALLOWED = (
    ("wagtailadmin_home", False),
    ("account_login", True),
    ("wagtail_cityoflearning_learners:dashboard", False),
)


def disallowed_paths() -> list[str]:
    paths = []
    for name, folder in ROBOTS_DISALLOWED:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        paths.append(url.rstrip("/").rsplit("/", 1)[0] + "/" if folder else url)
    return list(dict.fromkeys(paths))


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """``/robots.txt`` of the request's Site: everything may be crawled but the admin and
    the account and learners' pages, and the sitemap is named with the Site's own host."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    try:
        sitemap = reverse("wagtail_cityoflearning_sitemap")
    except NoReverseMatch:
        sitemap = None
    site, _settings = _city_settings(request)
    if sitemap is not None:
        root = site.root_url if site is not None else request.build_absolute_uri("/")
        lines += ["", f"Sitemap: {root.rstrip('/')}{sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
