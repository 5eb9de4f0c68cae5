"""The default interests, in each city's language, linked as translations."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from wagtail_cityoflearning.models import Interest


def test_default_interests_are_created_in_each_locale_as_translations(db):
    slovenian = Locale.objects.create(language_code="sl")
    italian = Locale.objects.create(language_code="it")
    out = io.StringIO()
    call_command("cityoflearning_default_interests", "--locale", "sl", "--locale", "it", stdout=out)
    music_sl = Interest.objects.get(slug="music", locale=slovenian)
    music_it = Interest.objects.get(slug="music", locale=italian)
    assert (music_sl.name, music_it.name) == ("Glasba", "Musica")
    assert music_sl.translation_key == music_it.translation_key
    assert Interest.objects.filter(locale=slovenian).count() >= 10
    call_command("cityoflearning_default_interests", "--locale", "sl", stdout=out)
    assert Interest.objects.filter(locale=slovenian).count() == 12


def test_unknown_locale_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No Wagtail locale for: xx"):
        call_command("cityoflearning_default_interests", "--locale", "xx")


def test_interest_colour_must_be_a_hex_colour(db):
    from django.core.exceptions import ValidationError

    interest = Interest(name="Chess", slug="chess", colour="red", locale=Locale.get_default())
    with pytest.raises(ValidationError) as error:
        interest.full_clean()
    assert "colour" in error.value.message_dict
