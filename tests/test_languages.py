"""Slovenian, Italian and English: each city in its own language, a visitor's choice of language,
the language switcher, translated pages and snippets, and dates formatted for the language."""

from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import make_city, make_opportunity
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.models import (
    Interest,
    OpportunityMapPage,
    OpportunitySession,
    ProviderPage,
)

pytestmark = pytest.mark.django_db


# -- helpers --------------------------------------------------------------------------------------


class Switcher(HTMLParser):
    """The language switcher's options as the visitor meets them, and the page's hreflang links."""

    def __init__(self, html):
        super().__init__()
        self.nav = None
        self.options = []
        self.alternates = {}
        self._in_nav = False
        self._form = None
        self._text_of = None
        self.html_lang = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "nav" and "col-languages" in attrs.get("class", ""):
            self._in_nav, self.nav = True, attrs
        if not self._in_nav:
            return
        if tag == "form":
            self._form = {"action": attrs["action"], "method": attrs["method"], "inputs": {}}
        elif tag == "input" and self._form is not None:
            self._form["inputs"][attrs["name"]] = attrs.get("value")
        elif tag in ("button", "span"):
            option = {"tag": tag, "attrs": attrs, "form": self._form, "text": ""}
            self.options.append(option)
            self._text_of = option

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav = False
        elif tag == "form":
            self._form = None
        elif tag in ("button", "span"):
            self._text_of = None

    def handle_data(self, data):
        if self._text_of is not None:
            self._text_of["text"] += data.strip()

    def by_language(self):
        return {option["attrs"]["lang"]: option for option in self.options}


def visit(client, path, language=None, **extra):
    if language is not None:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path, **extra)
    assert response.status_code == 200, response.status_code
    return response


def translate(page, language="en", title=None, slug=None):
    """A published translation of ``page`` (its parents translated first, or made aliases)."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    translated.title = title or f"{page.title} ({language})"
    translated.slug = slug or translated.slug
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def english_home(city):
    return translate(city["home"], title="Ljubljana City of Learning")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-42-pw")


# -- the visitor's language ----------------------------------------------------------------------


def test_without_a_choice_a_city_speaks_its_own_language(client, city, english_home):
    response = visit(client, "/")
    assert response.context["page"].pk == city["home"].pk
    assert Switcher(response.content.decode()).html_lang == "sl"
    assert response["Content-Language"] == "sl"
    assert "Cookie" in response["Vary"]


def test_cagliari_speaks_italian(client, city):
    cagliari = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    response = visit(client, "/", HTTP_HOST="cagliari.localhost")
    assert response.context["page"].pk == cagliari["home"].pk
    assert response["Content-Language"] == "it"


def test_a_visitor_who_chose_english_gets_the_english_translation(client, city, english_home):
    response = visit(client, "/", language="en")
    assert response.context["page"].pk == english_home.pk
    assert Switcher(response.content.decode()).html_lang == "en"
    assert response["Content-Language"] == "en"


def test_an_unknown_language_in_the_cookie_is_ignored(client, city, english_home):
    response = visit(client, "/", language="xx-klingon")
    assert response.context["page"].pk == city["home"].pk
    assert response["Content-Language"] == "sl"


def test_a_page_not_translated_into_the_chosen_language_is_served_in_its_own(
    client, city, english_home, provider
):
    response = visit(client, provider.url, language="en")
    assert response.context["page"].pk == provider.pk
    assert Switcher(response.content.decode()).html_lang == "sl"
    assert response["Content-Language"] == "sl"


def test_a_missing_page_answers_404_in_the_chosen_language(client, city, english_home):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Language"] == "en"


# -- the language switcher -----------------------------------------------------------------------


def test_switcher_on_a_page_offers_its_live_translations(client, city, english_home):
    locale_it, _ = Locale.objects.get_or_create(language_code="it")
    draft = city["home"].copy_for_translation(locale_it)  # a draft: not offered
    assert not draft.live
    switcher = Switcher(visit(client, "/").content.decode())
    assert switcher.nav["aria-label"]
    options = switcher.by_language()
    assert list(options) == ["sl", "en"]

    current = options["sl"]
    assert current["tag"] == "span" and current["form"] is None
    assert current["attrs"]["aria-current"] == "true"
    assert current["text"] == "Slovenščina"

    english = options["en"]
    assert english["tag"] == "button" and english["text"] == "English"
    assert "aria-current" not in english["attrs"]
    form = english["form"]
    assert (form["method"], form["action"]) == ("post", reverse("set_language"))
    assert form["inputs"]["language"] == "en"
    assert form["inputs"]["next"] == english_home.url
    assert "csrfmiddlewaretoken" in form["inputs"]


def test_translations_with_their_own_addresses_are_linked_with_hreflang(client, city, english_home):
    sl_map = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=sl_map)
    sl_map.save_revision().publish()
    en_map = translate(sl_map, title="Map", slug="map")
    assert (sl_map.url, en_map.url) == ("/zemljevid/", "/map/")

    switcher = Switcher(visit(client, sl_map.url).content.decode())
    assert switcher.alternates == {
        "sl": sl_map.get_full_url(),
        "en": en_map.get_full_url(),
        "x-default": sl_map.get_full_url(),  # the city's own language
    }
    # The home pages share "/": only the cookie tells them apart, so no hreflang links.
    assert Switcher(visit(client, "/").content.decode()).alternates == {}


def test_a_translation_with_its_own_address_is_served_in_its_language_to_anyone(
    client, city, english_home
):
    sl_map = OpportunityMapPage(title="Zemljevid", slug="zemljevid")
    city["home"].add_child(instance=sl_map)
    sl_map.save_revision().publish()
    en_map = translate(sl_map, title="Map", slug="map")

    response = visit(client, "/map/")  # a shared link, no language chosen
    assert response.context["page"].pk == en_map.pk
    assert response["Content-Language"] == "en"
    assert Switcher(response.content.decode()).html_lang == "en"


def test_switcher_in_english_marks_english_and_names_each_language_in_itself(
    client, city, english_home
):
    options = Switcher(visit(client, "/", language="en").content.decode()).by_language()
    assert options["en"]["attrs"]["aria-current"] == "true"
    assert options["sl"]["text"] == "Slovenščina"
    assert options["sl"]["form"]["inputs"]["next"] == city["home"].url


def test_a_page_without_translations_has_no_switcher(client, city, provider):
    switcher = Switcher(visit(client, provider.url).content.decode())
    assert switcher.nav is None and switcher.alternates == {}


def test_a_page_not_yet_translated_offers_the_sites_languages_by_its_nearest_translation(
    client, city, provider, english_home
):
    """The same languages on every page of a site: where the page has no English translation,
    English leads to its nearest translated ancestor (here the home page), not to nothing."""
    switcher = Switcher(visit(client, provider.url).content.decode())
    options = switcher.by_language()
    assert list(options) == ["sl", "en"]
    assert options["sl"]["attrs"]["aria-current"] == "true"
    assert options["en"]["form"]["inputs"]["next"] == english_home.url
    assert "en" not in switcher.alternates  # not a translation of this page: no hreflang


def test_choosing_a_language_serves_the_translation_at_its_url(client, city, english_home):
    response = client.post(reverse("set_language"), {"language": "en", "next": english_home.url})
    assert response.status_code == 302
    assert response["Location"] == english_home.url
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = visit(client, response["Location"])
    assert response.context["page"].pk == english_home.pk
    assert '<html lang="en">' in response.content.decode()

    client.post(reverse("set_language"), {"language": "sl", "next": city["home"].url})
    assert visit(client, "/").context["page"].pk == city["home"].pk


def test_views_that_are_not_pages_offer_the_sites_languages(client, city, english_home):
    path = reverse("account_login")
    options = Switcher(visit(client, path).content.decode()).by_language()
    assert list(options) == ["sl", "en"]  # as on the site's pages: Ljubljana speaks no Italian
    assert options["sl"]["attrs"]["aria-current"] == "true"
    assert options["en"]["text"] == "English"
    assert options["en"]["form"]["inputs"]["next"] == path

    response = visit(client, path, language="en")
    assert response["Content-Language"] == "en"
    assert Switcher(response.content.decode()).by_language()["en"]["attrs"]["aria-current"]


def test_the_learners_dashboard_follows_the_chosen_language(client, city):
    user = get_user_model().objects.create_user("maja", "maja@example.org", "pw-42-pw")
    LearnerProfile.objects.create(user=user, site=city["site"], year_of_birth=2008)
    client.force_login(user)
    path = reverse("wagtail_cityoflearning_learners:dashboard")
    response = visit(client, path, language="it")
    switcher = Switcher(response.content.decode())
    assert switcher.html_lang == "it"
    assert switcher.by_language()["it"]["attrs"]["aria-current"] == "true"
    assert switcher.by_language()["sl"]["form"]["inputs"]["next"] == path


# -- content in other languages ------------------------------------------------------------------


def test_the_english_map_lists_the_citys_opportunities(client, city, opportunity):
    science = city["interests"]["science-technology"]
    map_page = OpportunityMapPage(title="Zemljevid", slug="map")
    city["home"].add_child(instance=map_page)
    map_page.default_interests.set([science])
    map_page.save_revision().publish()
    translate(city["home"])
    english_map = translate(map_page, title="Map")

    response = visit(client, map_page.url, language="en")
    assert response.context["page"].pk == english_map.pk
    assert not response.context["form"].errors
    assert response.context["result_count"] == 1
    assert opportunity.url in response.content.decode()


def test_the_english_map_lists_english_opportunities_once_they_exist(client, city, opportunity):
    map_page = OpportunityMapPage(title="Zemljevid", slug="map")
    city["home"].add_child(instance=map_page)
    map_page.save_revision().publish()
    english_opportunity = translate(opportunity, title="Robotics club")
    translate(map_page, title="Map")

    response = visit(client, map_page.url, language="en")
    assert [page.pk for page in response.context["results"]] == [english_opportunity.pk]


def test_session_dates_and_times_are_formatted_for_the_language(client, city, provider):
    start = datetime(2031, 3, 14, 17, 30, tzinfo=ZoneInfo("Europe/Ljubljana"))
    page = make_opportunity(
        provider, [city["interests"]["music"]], sessions=[OpportunitySession(start=start)]
    )
    translate(page, title="Pottery for beginners")

    slovenian = visit(client, page.url).content.decode()
    assert "petek, 14. marca 2031, 17:30" in slovenian

    client.post(reverse("set_language"), {"language": "en", "next": page.url})
    english = visit(client, page.url)
    assert english.context["page"].title == "Pottery for beginners"
    assert "Friday, March 14, 2031, 5:30 p.m." in english.content.decode()


# -- translating in the admin --------------------------------------------------------------------


def submit_translation(client, url, language="en"):
    locale, _ = Locale.objects.get_or_create(language_code=language)
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return locale


def test_an_editor_translates_a_provider_page_and_it_keeps_its_place(
    client, city, english_home, provider, editor
):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[provider.pk])).content.decode()
    translate_url = reverse("simple_translation:submit_page_translation", args=[provider.pk])
    assert translate_url in edit

    index_url = reverse("simple_translation:submit_page_translation", args=[city["index"].pk])
    submit_translation(client, index_url)
    locale = submit_translation(client, translate_url)

    english = ProviderPage.objects.get(translation_key=provider.translation_key, locale=locale)
    assert english.location == provider.location
    assert (english.latitude, english.longitude) == (provider.latitude, provider.longitude)
    english.title = "Science centre"
    english.save_revision().publish()

    response = visit(client, provider.url, language="en")
    assert response.context["page"].pk == english.pk
    assert response.context["page"].title == "Science centre"


def test_an_editor_translates_an_interest(client, city, editor):
    interest = city["interests"]["music"]
    client.force_login(editor)
    url = reverse(
        "simple_translation:submit_snippet_translation",
        args=["wagtail_cityoflearning", "interest", interest.pk],
    )
    locale = submit_translation(client, url)
    english = Interest.objects.get(translation_key=interest.translation_key, locale=locale)
    assert (english.slug, english.colour, english.icon) == (
        interest.slug,
        interest.colour,
        interest.icon,
    )


# -- badges ----------------------------------------------------------------------------------------


def test_badge_json_and_emails_keep_the_badge_classs_language(
    client, city, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.utils import translation

    from tests.badges.conftest import make_badge_class
    from wagtail_cityoflearning.badges.awarding import award
    from wagtail_cityoflearning.badges.models import Issuer

    issuer = Issuer.objects.create(
        name="Mesto učenja",
        url="https://lj.example.org/",
        email="b@lj.example.org",
        site=city["site"],
    )
    badge = make_badge_class(issuer, name="Mladi izumitelj")
    path = f"/badges/classes/{badge.uuid}/"
    in_slovenian = client.get(path, HTTP_ACCEPT="application/ld+json").content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(path, HTTP_ACCEPT="application/ld+json").content == in_slovenian

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        award(badge, "maja@example.org")
    with translation.override("sl"):
        subject = translation.gettext("You have earned a badge: %(name)s")
    assert mail.outbox[-1].subject.endswith("] " + subject % {"name": "Mladi izumitelj"})


# -- the demo ------------------------------------------------------------------------------------


def test_the_demo_city_can_be_visited_in_english(client):
    from wagtail.models import Page

    from example_site.demo.loader import load_city

    site = load_city("ljubljana", home_model="home.HomePage", is_default=True, learner=False).site
    pages = Page.objects.count()
    load_city("ljubljana", home_model="home.HomePage", is_default=True, learner=False)
    assert Page.objects.count() == pages  # loading again adds nothing

    english = Locale.objects.get(language_code="en")
    home = site.root_page
    translated = {
        page.specific_class.__name__: page
        for page in Page.objects.filter(locale=english)
        .live()
        .descendant_of(home.get_translation(english), inclusive=True)
    }
    assert set(translated) == {
        "HomePage",
        "OpportunityMapPage",
        "PlaylistIndexPage",
        "PlaylistPage",
    }
    assert translated["HomePage"].title == "Ljubljana City of Learning"

    response = visit(client, "/", language="en")
    assert response.context["page"].pk == translated["HomePage"].pk
    assert list(Switcher(response.content.decode()).by_language()) == ["sl", "en"]

    response = visit(client, translated["OpportunityMapPage"].url)
    assert response.context["page"].pk == translated["OpportunityMapPage"].pk
    assert not response.context["form"].errors
    assert response.context["result_count"] > 0

    playlist = translated["PlaylistPage"]
    response = visit(client, playlist.url)
    assert response.context["page"].title == "Safe and smart online"
    original = playlist.get_translation(home.locale)
    assert original.url == playlist.url  # one address, served in the visitor's language


def test_the_english_playlist_index_shows_english_playlists_where_they_exist(
    client, city, english_home, opportunity
):
    from tests.learners.conftest import make_playlist
    from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage

    index = PlaylistIndexPage(title="Učne poti", slug="ucne-poti")
    city["home"].add_child(instance=index)
    index.save_revision().publish()
    steps = [("opportunity", {"opportunity": opportunity, "note": "", "required": True})]
    coding = make_playlist(index, steps, title="Programiranje", slug="programiranje")
    nature = make_playlist(index, steps, title="Narava", slug="narava")
    english_index = translate(index, title="Playlists", slug="playlists")
    english_coding = translate(coding, title="Zero to coding", slug="zero-to-coding")

    response = visit(client, english_index.url, language="en")
    assert list(response.context["playlists"]) == [nature, english_coding]  # A to Z
    response = visit(client, index.url, language="sl")
    assert list(response.context["playlists"]) == [nature, coding]


def test_a_learners_progress_shows_on_every_translation_of_a_playlist(
    client, city, english_home, opportunity
):
    from tests.learners.conftest import make_learner, make_playlist
    from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage
    from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

    index = PlaylistIndexPage(title="Učne poti", slug="ucne-poti")
    city["home"].add_child(instance=index)
    index.save_revision().publish()
    steps = [
        (
            "activity",
            {
                "title": "Napiši",
                "instructions": "<p>Opiši.</p>",
                "evidence": "text",
                "required": True,
            },
        )
    ]
    original = make_playlist(index, steps, title="Programiranje", slug="programiranje")
    english = translate(original, title="Zero to coding", slug="zero-to-coding")
    learner = make_learner(site=city["site"])
    client.force_login(learner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    client.post(english.url + "start/")
    step_id = english.step_list[0].id
    assert step_id == original.step_list[0].id  # translation keeps the step ids
    response = client.post(f"{english.url}steps/{step_id}/", {"text": "A bike app"})
    assert response.status_code == 302

    enrolment = PlaylistEnrolment.objects.get(user=learner)
    assert enrolment.playlist_id == original.pk  # one enrolment for both languages
    assert StepProgress.objects.get(enrolment=enrolment).text == "A bike app"
    for page, language in ((original, "sl"), (english, "en")):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        context = visit(client, page.url).context
        assert context["enrolment"] == enrolment
        assert [s.status for s in context["step_states"]] == ["submitted"]
