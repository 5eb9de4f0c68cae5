"""What the youth voice tests share: two cities, providers, roles and suggestions."""

import datetime as dt

from django.contrib.auth import get_user_model

from tests.factories import make_city, make_provider
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.insight.voice.models import Suggestion

HOST = {"HTTP_HOST": "localhost"}
CAGLIARI = {"HTTP_HOST": "cagliari.localhost"}


def staff(username, group, email=None):
    user = get_user_model().objects.create_user(
        username, email if email is not None else f"{username}@example.org", "pw"
    )
    user.groups.add(group)
    return user


def suggestion(city, **kwargs):
    values = {
        "site": city["site"],
        "kind": Suggestion.Kind.LEARN,
        "text": "Rada bi se naučila snemati videe.",
        "created_on": dt.date(2026, 3, 10),
        **kwargs,
    }
    return Suggestion.objects.create(**values)


def build():
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider_a = make_provider(lj, title="Maker lab")
    provider_b = make_provider(lj, title="Youth centre")
    provider_ca = make_provider(ca, title="Fab lab Cagliari")
    users = {
        "city_editor": staff("editor-lj", roles.city_editors(lj["site"])),
        "other_city_editor": staff("editor-ca", roles.city_editors(ca["site"])),
        "provider_staff": staff("staff-a", roles.provider_staff(provider_a)),
        "other_provider_staff": staff("staff-b", roles.provider_staff(provider_b)),
        "superuser": get_user_model().objects.create_superuser("root", "root@example.org", "pw"),
    }
    return {
        "lj": lj,
        "ca": ca,
        "provider_a": provider_a,
        "provider_b": provider_b,
        "provider_ca": provider_ca,
        "users": users,
    }
