"""The package with wagtail-localize: text is translated, places and data stay synchronised.

Runs in a process of its own with ``tests.localize_settings`` (see ``tests/test_localize.py``);
the file name keeps the main suite from collecting it. Editors work as they would in the admin:
the "Translate" action, the translation editor, "Publish" and "Sync translated pages".
"""

import io
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText

from tests.badges.conftest import make_badge_class
from tests.factories import make_opportunity
from wagtail_cityoflearning.badges.models import BadgeClass, Issuer
from wagtail_cityoflearning.models import Interest, OpportunityPage, ProviderPage

pytestmark = pytest.mark.skipif(
    not apps.is_installed("wagtail_localize"), reason="needs tests.localize_settings"
)

PLACE = ("address", "location", "latitude", "longitude")
CAGLIARI_POINT = "SRID=4326;POINT(9.1092 39.2238)"


def models():
    """wagtail-localize's models, imported once the app is known to be installed."""
    from wagtail_localize import models as localize

    return localize


def segment_paths(instance):
    """What wagtail-localize offers translators for ``instance``: strings and overridables."""
    localize = models()
    source, _ = localize.TranslationSource.update_or_create_from_instance(instance)
    strings = localize.StringSegment.objects.filter(source=source)
    overridables = localize.OverridableSegment.objects.filter(source=source)
    return (
        {path.split(".")[0] for path in strings.values_list("context__path", flat=True)},
        {path.split(".")[0] for path in overridables.values_list("context__path", flat=True)},
    )


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def italian(db):
    return Locale.objects.get_or_create(language_code="it")[0]


@pytest.fixture
def admin_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="x"
    )
    client.force_login(editor)
    return client


@pytest.fixture
def workshop(city, provider):
    """A Ljubljana opportunity (in Slovenian) with a place on the map and some body text."""
    return make_opportunity(
        provider,
        [city["interests"]["science-technology"]],
        title="Robotska delavnica",
        summary="Sestavi in programiraj robota.",
        body=[("paragraph", RichText("<p>Prinesi prenosnik.</p>"))],
        address="Trubarjeva cesta 1, 1000 Ljubljana",
        location="SRID=4326;POINT(14.5058 46.0513)",
    )


def translate(admin_client, instance, locale, capture):
    """The editor's "Translate" action; returns the (published) translation."""
    if isinstance(instance, OpportunityPage | ProviderPage):
        url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    else:
        meta = instance._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, instance.pk],
        )
    with capture(execute=True):
        response = admin_client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return instance.get_translation(locale)


def translate_string(admin_client, instance, locale, path, text):
    """Type a translation for the string at ``path`` in the translation editor."""
    localize = models()
    translation = localize.Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    segment = localize.StringSegment.objects.get(source=translation.source, context__path=path)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = admin_client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content.decode()[:2000]
    return translation


def publish_translation(admin_client, edit_url, capture):
    """The translation editor's "Publish" button."""
    with capture(execute=True):
        response = admin_client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]


def sync_translations(admin_client, instance, capture):
    """The original's "Sync translated pages/snippets" action, publishing the result."""
    source = models().TranslationSource.objects.get(
        object_id=instance.translation_key, locale=instance.locale
    )
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with capture(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_site_passes_its_checks_with_wagtail_localize():
    output = io.StringIO()
    call_command("check", fail_level="WARNING", stdout=output)  # raises on a warning or error
    assert output.getvalue().strip() == "System check identified no issues (0 silenced)."


@pytest.mark.parametrize("page", ["provider", "workshop"])
def test_translators_get_the_text_but_never_the_place(page, request):
    strings, overridables = segment_paths(request.getfixturevalue(page))
    assert "title" in strings
    assert strings & {"summary", "short_description"}
    assert strings.isdisjoint(PLACE)
    assert overridables.isdisjoint(PLACE)


def test_a_translated_opportunity_keeps_the_place_and_follows_it(
    admin_client, workshop, english, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    strings, _ = segment_paths(workshop)
    assert "body" in strings

    translated = translate(admin_client, workshop, english, capture)
    assert translated.live
    for field in PLACE:
        assert getattr(translated, field) == getattr(workshop, field)

    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert admin_client.get(edit_url).status_code == 200  # the translation editor
    translate_string(admin_client, workshop, english, "summary", "Build and program a robot.")
    publish_translation(admin_client, edit_url, capture)
    translated = OpportunityPage.objects.get(pk=translated.pk)
    assert translated.summary == "Build and program a robot."
    assert (translated.latitude, translated.longitude) == (46.0513, 14.5058)

    workshop.location = CAGLIARI_POINT
    workshop.address = "Via Roma 1, 09124 Cagliari"
    workshop.save_revision().publish()
    sync_translations(admin_client, workshop, capture)

    translated = OpportunityPage.objects.get(pk=translated.pk)
    assert translated.location == CAGLIARI_POINT
    assert (translated.latitude, translated.longitude) == (39.2238, 9.1092)
    assert translated.address == "Via Roma 1, 09124 Cagliari"
    assert translated.summary == "Build and program a robot."  # the translation is kept
    live = OpportunityPage.objects.live().get(pk=translated.pk)
    assert (live.latitude, live.longitude) == (39.2238, 9.1092)


def test_a_translated_provider_keeps_the_place(
    admin_client, provider, italian, django_capture_on_commit_callbacks
):
    translated = translate(admin_client, provider, italian, django_capture_on_commit_callbacks)
    assert translated.locale == italian
    for field in PLACE:
        assert getattr(translated, field) == getattr(provider, field)


def test_an_interest_is_translated_by_name(
    admin_client, city, italian, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    interest = city["interests"]["science-technology"]
    strings, _ = segment_paths(interest)
    assert "name" in strings

    translated = translate(admin_client, interest, italian, capture)
    assert (translated.colour, translated.icon) == (interest.colour, interest.icon)
    edit_url = reverse("wagtailsnippets_wagtail_cityoflearning_interest:edit", args=[translated.pk])
    assert admin_client.get(edit_url).status_code == 200
    translate_string(admin_client, interest, italian, "name", "Scienza e tecnologia")
    publish_translation(admin_client, edit_url, capture)
    assert Interest.objects.get(pk=translated.pk).name == "Scienza e tecnologia"


def test_an_interests_slug_and_colour_are_synchronised(
    admin_client, city, italian, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    interest = city["interests"]["science-technology"]
    strings, overridables = segment_paths(interest)
    assert strings.isdisjoint({"slug", "colour"})
    assert overridables.isdisjoint({"slug", "colour"})

    translated = translate(admin_client, interest, italian, capture)
    interest.colour = "#0f5b3a"
    interest.save()
    sync_translations(admin_client, interest, capture)
    assert Interest.objects.get(pk=translated.pk).colour == "#0f5b3a"


def test_a_badge_class_is_translated_and_keeps_its_image_and_criteria_link(
    admin_client, city, english, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )
    badge = make_badge_class(
        issuer, name="Mladi ustvarjalec", criteria_url="https://ljubljana.example.org/merila/"
    )
    strings, overridables = segment_paths(badge)
    assert {"name", "description", "criteria_narrative"} <= strings
    assert strings.isdisjoint({"image", "criteria_url", "issuer"})

    translated = translate(admin_client, badge, english, capture)
    assert translated.image.name == badge.image.name
    assert translated.criteria_url == badge.criteria_url
    assert translated.uuid == badge.uuid
    edit_url = reverse(
        "wagtailsnippets_wagtail_cityoflearning_badges_badgeclass:edit", args=[translated.pk]
    )
    assert admin_client.get(edit_url).status_code == 200
    translate_string(admin_client, badge, english, "name", "Young maker")
    publish_translation(admin_client, edit_url, capture)
    translated = BadgeClass.objects.get(pk=translated.pk)
    assert translated.name == "Young maker"
    assert translated.live

    badge.criteria_url = "https://ljubljana.example.org/criteria/"
    badge.save_revision().publish()
    sync_translations(admin_client, badge, capture)
    translated = BadgeClass.objects.get(pk=translated.pk)
    assert translated.criteria_url == "https://ljubljana.example.org/criteria/"
    assert translated.name == "Young maker"
