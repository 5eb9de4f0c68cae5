"""The demo's endorsements: each city vouches for some of its providers' badges (Ljubljana for
two, Cagliari for one), so the badges' pages show "Endorsed by" and their credentials carry a
signed EndorsementCredential.

``load(site, name)`` runs after the providers' badges exist (``insight_history`` makes them)
and changes nothing when run again: a badge the city already endorses is left alone.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.endorsements import endorse
from wagtail_cityoflearning.badges.models import BadgeClass, Issuer

COMMENTS = {
    "ljubljana": [
        "Mesto Ljubljana priporoča ta badge: ponudnik ga podeljuje po jasnih merilih, mladi pa "
        "ga dobijo šele, ko svoje delo pokažejo mentorju.",
        "Ta badge priznavamo kot dokaz rednega sodelovanja v programih Mesta učenja Ljubljana.",
    ],
    "cagliari": [
        "La Città di Cagliari riconosce questo badge: premia una partecipazione costante, "
        "verificata dai tutor dell'ente.",
    ],
}


def _provider_badges(site):
    """The published badges of the city's providers, in the city's language, oldest first."""
    return (
        BadgeClass.objects.filter(
            live=True,
            locale=site.root_page.locale,
            issuer__provider__path__startswith=site.root_page.path,
        )
        .select_related("issuer")
        .order_by("pk")
    )


def load(site, name: str) -> None:
    comments = COMMENTS.get(name)
    city = Issuer.objects.filter(site=site).first()
    if not comments or city is None:
        return
    badges = list(_provider_badges(site)[: len(comments)])
    now = timezone.now()
    with transaction.atomic():
        for number, (badge, comment) in enumerate(zip(badges, comments, strict=False)):
            if Endorsement.objects.live().of_badge(badge).filter(endorser=city).exists():
                continue
            endorse(city, badge, comment, issued_on=now - dt.timedelta(days=40 - 9 * number))
