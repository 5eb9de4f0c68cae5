"""What the onboarding tests share: two cities, a request from an organisation in each,
and accounts for the roles."""

from django.contrib.auth import get_user_model

from tests.factories import make_city, make_provider
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.providers.onboarding.models import ProviderRequest

HOST = {"HTTP_HOST": "localhost"}
CAGLIARI = {"HTTP_HOST": "cagliari.localhost"}


def make_request(city, **kwargs):
    data = {
        "site": city["site"],
        "organisation": "Knjižnica Šiška",
        "contact_name": "Mojca Novak",
        "email": "mojca@knjiznica.example.org",
        "address": "Trg komandanta Staneta 1, 1000 Ljubljana",
        "location": "SRID=4326;POINT(14.488000 46.068000)",
        "website": "https://knjiznica.example.org/",
        "offer": "Coding clubs for teenagers.\n\nA makerspace open on Saturdays.",
        "language": "sl",
        **kwargs,
    }
    request = ProviderRequest.objects.create(**data)
    request.interests.set([city["interests"]["science-technology"]])
    return request


def staff_user(username, group=None, **kwargs):
    user = get_user_model().objects.create_user(
        username, kwargs.pop("email", f"{username}@example.org"), "pw", **kwargs
    )
    if group is not None:
        user.groups.add(group)
    return user


def build():
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider_a = make_provider(lj, title="Maker lab")
    provider_b = make_provider(lj, title="Youth centre")
    return {
        "lj": lj,
        "ca": ca,
        "provider_a": provider_a,
        "provider_b": provider_b,
        "request_lj": make_request(lj),
        "request_ca": make_request(
            ca,
            organisation="Biblioteca di Cagliari",
            email="anna@biblioteca.example.org",
            address="Via Roma 1, Cagliari",
            language="it",
        ),
        "staff_a": staff_user("staff-a", roles.provider_staff(provider_a)),
        "staff_b": staff_user("staff-b", roles.provider_staff(provider_b)),
        "editor_lj": staff_user("editor-lj", roles.city_editors(lj["site"])),
        "editor_ca": staff_user("editor-ca", roles.city_editors(ca["site"])),
        "superuser": get_user_model().objects.create_superuser("root", "root@example.org", "pw"),
    }
