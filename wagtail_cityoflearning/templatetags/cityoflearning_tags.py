import html
import json
from collections import Counter
from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from wagtail import hooks
from wagtail.models import AbstractPage, Page, Site

from wagtail_cityoflearning import seo
from wagtail_cityoflearning.languages import site_language, site_languages
from wagtail_cityoflearning.page_cache import remembered

register = template.Library()

HEAD_TEMPLATE = "wagtail_cityoflearning/includes/head.html"
# The request attribute ``{% language_switch %}`` keeps its answers in, one per page (key: the
# page's id, or None on other views), as the base template and the head both ask for it.
LANGUAGE_SWITCH_ATTRIBUTE = "cityoflearning_language_switch"


class CityOfLearningHeadNode(template.Node):
    """``{% cityoflearning_head %}``: the page's description, canonical address, the links to
    its translations and the site's icon; the stylesheets it needs (the package's, those the
    apps name for it and ``page.get_head_stylesheets()``) and its JSON-LD, for any base
    template."""

    def render(self, context) -> str:
        page = context.get("page")
        if not isinstance(page, AbstractPage):
            page = None
        request = context.get("request")
        head_template = context.template.engine.get_template(HEAD_TEMPLATE)
        switch = language_switch(context)
        site = Site.find_for_request(request) if request is not None else None
        head = {
            "head_stylesheets": seo.head_stylesheets(request, page),
            "meta_description": seo.meta_description(context),
            "canonical_url": seo.canonical_url(request, page, site),
            "hreflang_links": seo.hreflang_links(
                switch.options if switch is not None else [], site_language(site)
            ),
            "icons": seo.icon_links(context.get("city_settings")),
        }
        with context.push(**head):
            return head_template.render(context)


@register.tag
def cityoflearning_head(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% cityoflearning_head %} takes no arguments.")
    return CityOfLearningHeadNode()


@register.filter
def plain_text(value) -> str:
    """Rich text as plain text: tags dropped and entities decoded, so that autoescaping shows
    "all'estero" rather than "all&#x27;estero"."""
    return html.unescape(strip_tags(str(value or "")))


@register.filter
def to_json(value) -> str:
    """Serialise a value as JSON for a data attribute (autoescaping makes it attribute-safe)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True)
class LanguageOption:
    """One language a visitor can switch to, named in that language."""

    code: str
    name: str
    next: str  # where ``set_language`` sends the visitor
    # The translation's own absolute address, for an hreflang link; "" on other views and
    # when translations share one address (then only the visitor's cookie tells them apart).
    alternate: str
    current: bool


@dataclass(frozen=True)
class LanguageSwitch:
    action: str
    options: list[LanguageOption] = field(default_factory=list)


def language_name_local(code: str) -> str:
    """A language's name in that language ("Slovenščina", "Italiano", "English")."""
    try:
        name = get_language_info(code)["name_local"]
    except KeyError:
        name = dict(settings.LANGUAGES).get(code, code)
    return capfirst(name)


def active_language() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(language)
    except LookupError:
        return language


def page_language_options(request, page) -> list[LanguageOption]:
    """The Site's languages, each leading to this page's live translation, or where the page
    has none in that language, to its nearest translated ancestor (the home page at least): the
    switcher offers the same languages on every page of a site."""
    translations = {
        other.locale.language_code: other
        for other in page.get_translations(inclusive=True).live().select_related("locale")
    }
    current = page.locale.language_code
    translations[current] = page  # also when previewing a draft
    urls = {}
    for code, _name in settings.LANGUAGES:
        other = translations.get(code)
        url = other.get_url(request) if other is not None else None
        if url:
            urls[code] = (url, other.get_full_url(request))
    shared = Counter(full_url for _url, full_url in urls.values())
    options = {
        code: LanguageOption(
            code,
            language_name_local(code),
            url,
            full_url if shared[full_url] == 1 else "",
            code == current,
        )
        for code, (url, full_url) in urls.items()
    }
    for code, url in nearest_translated_ancestors(request, page, set(options)).items():
        options[code] = LanguageOption(code, language_name_local(code), url, "", False)
    return [options[code] for code, _name in settings.LANGUAGES if code in options]


def nearest_translated_ancestors(request, page, translated) -> dict[str, str]:
    """For each language of the page's Site that the page is not translated into, the address
    of its nearest ancestor that is (one query for all of them)."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or page.get_site()
    missing = set(site_languages(site)) - translated if site is not None else set()
    if not missing:
        return {}
    ancestors = list(
        page.get_ancestors().filter(depth__gt=1).values_list("translation_key", "depth")
    )
    depth_of = dict(ancestors)
    found = {}
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=depth_of, locale__language_code__in=missing)
        .select_related("locale")
    )
    for candidate in sorted(candidates, key=lambda p: -depth_of[p.translation_key]):
        code = candidate.locale.language_code
        url = found.get(code) or candidate.get_url(request)
        if url:
            found[code] = url
    return found


def view_language_options(request) -> list[LanguageOption]:
    """The languages of the request's Site (those its pages are translated into), each coming
    back to the same view: its address is the same in every language. The active language is
    listed too when the site does not speak it, so a visitor can always switch back."""
    path, current = request.get_full_path(), active_language()
    codes = set(site_languages(Site.find_for_request(request))) | {current}
    return [
        LanguageOption(code, language_name_local(code), path, "", code == current)
        for code, _name in settings.LANGUAGES
        if code in codes
    ]


@register.simple_tag(takes_context=True)
def language_switch(context) -> LanguageSwitch | None:
    """The language switcher's form action and options, or None when there is no choice:
    on a Wagtail page, the languages it is translated into; on other views, the languages of
    the Site's pages.

    Needs ``django.conf.urls.i18n`` mounted (for ``set_language``) and ``request`` in the context.
    Worked out once per page and request: kept in ``request.cityoflearning_language_switch``.
    """
    request = context.get("request")
    if request is None:
        return None
    try:
        action = reverse("set_language")
    except NoReverseMatch:
        return None
    page = context.get("page")
    is_page = isinstance(page, AbstractPage) and page.pk is not None
    switches = request.__dict__.setdefault(LANGUAGE_SWITCH_ATTRIBUTE, {})
    key = page.pk if is_page else None
    if key not in switches:
        if not is_page:
            options = view_language_options(request)
        elif getattr(request, "is_preview", False):
            options = page_language_options(request, page)  # a draft: never kept
        else:
            site = Site.find_for_request(request)
            options = remembered(
                ("language-options", site.pk if site else None, page.pk),
                lambda: page_language_options(request, page),
            )
        switches[key] = LanguageSwitch(action, options) if len(options) > 1 else None
    return switches[key]


@dataclass(frozen=True)
class MenuItem:
    page_id: int
    title: str
    url: str


@register.simple_tag(takes_context=True)
def site_menu(context) -> list[MenuItem]:
    """``{% site_menu as items %}``: the live pages marked "show in menus" under the home page
    of the request's Site, in the active language: a site's main navigation, kept between
    requests (in the page cache) per Site and language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []

    def items():
        home = site.root_page.localized
        children = home.get_children().live().in_menu()
        return [MenuItem(child.pk, child.title, child.get_url(request) or "") for child in children]

    return remembered(("menu", site.pk, translation.get_language()), items)


@register.simple_tag(takes_context=True)
def cityoflearning_page_sections(context, page) -> str:
    """``{% cityoflearning_page_sections page %}``: the sections other apps add to a page of
    the core, such as the badge an opportunity awards (the badges' app). Each function
    registered for the ``cityoflearning_page_sections`` hook is called with the request and the
    page and returns HTML, or an empty string."""
    request = context.get("request")
    parts = (fn(request, page) for fn in hooks.get_hooks("cityoflearning_page_sections"))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


@register.simple_tag(takes_context=True)
def cityoflearning_footer_items(context) -> str:
    """``{% cityoflearning_footer_items %}``: what other apps add to the public footer, such
    as the providers' app's "Become a learning provider". Each function registered for the
    ``cityoflearning_footer_items`` hook is called with the request and returns HTML, or an
    empty string."""
    request = context.get("request")
    parts = (fn(request) for fn in hooks.get_hooks("cityoflearning_footer_items"))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308


@register.simple_tag(takes_context=True)
def cityoflearning_map_empty_results(context) -> str:
    """``{% cityoflearning_map_empty_results %}``: what other apps add under a map's list when
    the filters find nothing, such as the insight app's "Tell us what you were looking for".
    Each function registered for the ``cityoflearning_map_empty_results`` hook is called with
    the request and the map's filterset and returns HTML, or an empty string."""
    request, filterset = context.get("request"), context.get("filterset")
    parts = (fn(request, filterset) for fn in hooks.get_hooks("cityoflearning_map_empty_results"))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308
