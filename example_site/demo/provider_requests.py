"""A request to become a learning provider waiting in each city, for the editors to decide."""

from wagtail_cityoflearning.models import Interest
from wagtail_cityoflearning.providers.onboarding.models import ProviderRequest

REQUESTS = {
    "sl": {
        "organisation": "Društvo mladih raziskovalcev Bežigrad",
        "contact_name": "Tina Horvat",
        "email": "tina@raziskovalci.example.org",
        "address": "Linhartova cesta 13, 1000 Ljubljana",
        "location": "SRID=4326;POINT(14.512000 46.066500)",
        "website": "https://raziskovalci.example.org/",
        "offer": (
            "Raziskovalni tabori, astronomski večeri in delavnice za mlade od 13 do 19 let.\n\n"
            "Srečujemo se vsak četrtek popoldne."
        ),
        "interests": ["science-technology", "nature-environment"],
    },
    "it": {
        "organisation": "Associazione Giovani Esploratori",
        "contact_name": "Marco Pisano",
        "email": "marco@esploratori.example.org",
        "address": "Via Sonnino 42, 09125 Cagliari",
        "location": "",
        "website": "https://esploratori.example.org/",
        "offer": (
            "Escursioni, laboratori di orientamento e volontariato ambientale per ragazze e "
            "ragazzi dai 14 ai 25 anni."
        ),
        "interests": ["nature-environment", "volunteering-community"],
    },
}


def load_provider_request(site):
    """The city's waiting request (once, however often the demo is loaded)."""
    language = site.root_page.locale.language_code
    data = dict(REQUESTS.get(language) or REQUESTS["sl"])
    slugs = data.pop("interests")
    request, created = ProviderRequest.objects.get_or_create(
        site=site,
        organisation=data.pop("organisation"),
        defaults={**data, "language": language},
    )
    if created:
        request.interests.set(Interest.objects.filter(locale=site.root_page.locale, slug__in=slugs))
    return request
