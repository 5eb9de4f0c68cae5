"""The demo's youth voice: suggestions young people sent to each city with "Suggest an
opportunity", in the city's language, over the past year and in every status: most new, some
forwarded to a provider, some declined, one made into an opportunity draft. Loaded once: a
city that has suggestions is left as it is."""

import datetime as dt
import random

from django.utils import timezone
from wagtail.models import Page

from wagtail_cityoflearning.insight.settings import InsightSettings
from wagtail_cityoflearning.insight.voice import triage
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.models import Interest
from wagtail_cityoflearning.models.providers import AbstractProviderPage

NEIGHBOURHOODS = {
    "ljubljana": [
        "Center",
        "Bežigrad",
        "Šiška",
        "Moste",
        "Golovec",
        "Vič",
        "Trnovo",
        "Rudnik",
        "Črnuče",
        "Polje",
    ],
    "cagliari": [
        "Castello",
        "Marina",
        "Stampace",
        "Villanova",
        "Is Mirrionis",
        "San Michele",
        "Sant'Elia",
        "Pirri",
        "Quartiere del Sole",
        "Genneruxi",
    ],
}

L, P = Suggestion.Kind.LEARN, Suggestion.Kind.PLACE
# (kind, text, interest slug, where: a neighbourhood's index, "anywhere", "online" or "")
SUGGESTIONS = {
    "ljubljana": [
        (
            L,
            "Rad bi se naučil programirati igrice, ampak brezplačno in po šoli.",
            "digital-skills",
            2,
        ),
        (
            L,
            "Delavnica za snemanje in montažo videov za TikTok in YouTube.",
            "media-communication",
            0,
        ),
        (L, "Plezanje za začetnike, ki ni predrago.", "sports", 4),
        (
            L,
            "Tečaj kuhanja za najstnike, da se naučim skuhati kaj več kot testenine.",
            "health-wellbeing",
            3,
        ),
        (L, "Rada bi igrala v bendu, pa nimam kje vaditi.", "music", 1),
        (
            L,
            "Kako napisati prvi življenjepis in se pripraviti na razgovor za študentsko delo.",
            "entrepreneurship-careers",
            "online",
        ),
        (L, "Japonščina ali korejščina za mlade.", "languages", "online"),
        (L, "Popravljanje koles, da bi si sama uredila svoje.", "nature-environment", 5),
        (L, "Improvizacijsko gledališče za srednješolce.", "performing-arts", 0),
        (L, "Risanje stripov in mang.", "arts", 2),
        (L, "Urbano vrtnarjenje v bloku, kjer živim.", "nature-environment", 4),
        (
            L,
            "Prostovoljstvo z živalmi v zavetišču ob vikendih.",
            "volunteering-community",
            "anywhere",
        ),
        (L, "3D-tiskanje in izdelava robotov, ne samo za osnovnošolce.", "science-technology", 7),
        (L, "Pogovori o duševnem zdravju za mlade, brez staršev.", "health-wellbeing", "anywhere"),
        (L, "Podcast delavnica: kako posneti svoj podcast.", "media-communication", 1),
        (L, "DJ-tečaj in elektronska glasba.", "music", 3),
        (L, "Skejtanje za punce, ko je park manj poln.", "sports", 2),
        (
            L,
            "Finančna pismenost: kako upravljati s prvo plačo.",
            "entrepreneurship-careers",
            "online",
        ),
        (L, "Fotografija s telefonom po mestu.", "arts", 6),
        (L, "Šah ali družabne igre za mlade zvečer.", "", 8),
        (
            P,
            "V Fužinah manjka prostor, kjer bi se mladi dobili po šoli.",
            "volunteering-community",
            4,
        ),
        (P, "Boksarski klub na Rudniku ni na zemljevidu.", "sports", 7),
        (P, "Mladinski center v Črnučah ima delavnice, pa jih tu ni.", "", 8),
        (P, "Knjižnica v Šiški ima kodirni klub ob četrtkih.", "digital-skills", 2),
        (P, "Na Polju ni nobene glasbene šole za mlade.", "music", 9),
    ],
    "cagliari": [
        (
            L,
            "Vorrei imparare a programmare videogiochi, gratis e dopo la scuola.",
            "digital-skills",
            4,
        ),
        (L, "Un corso di vela o di windsurf al Poetto per ragazzi.", "sports", "anywhere"),
        (L, "Laboratorio di fotografia con il telefono per il centro storico.", "arts", 0),
        (L, "Corso di cucina sarda per ragazzi.", "health-wellbeing", 3),
        (L, "Uno spazio per suonare con una band, con gli strumenti.", "music", 7),
        (
            L,
            "Come scrivere un curriculum e prepararsi a un colloquio.",
            "entrepreneurship-careers",
            "online",
        ),
        (L, "Inglese parlato per ragazzi, non come a scuola.", "languages", "online"),
        (L, "Teatro e improvvisazione per le superiori.", "performing-arts", 2),
        (L, "Fumetto e manga, dalle basi.", "arts", 1),
        (L, "Pulizia delle spiagge e tutela del Molentargius.", "nature-environment", "anywhere"),
        (L, "Volontariato con gli anziani del quartiere.", "volunteering-community", 5),
        (L, "Robotica e stampa 3D anche per chi ha più di 14 anni.", "science-technology", 8),
        (L, "Incontri sul benessere mentale per ragazzi.", "health-wellbeing", "anywhere"),
        (L, "Laboratorio di podcast e radio.", "media-communication", 3),
        (L, "Skate per ragazze.", "sports", 6),
        (L, "Educazione finanziaria: gestire i primi soldi.", "entrepreneurship-careers", "online"),
        (L, "Scacchi e giochi da tavolo la sera.", "", 9),
        (L, "Lingua sarda per giovani.", "languages", 0),
        (L, "Corso di montaggio video.", "media-communication", 4),
        (L, "Danza hip hop a Pirri.", "performing-arts", 7),
        (
            P,
            "A Is Mirrionis manca un posto dove stare dopo la scuola.",
            "volunteering-community",
            4,
        ),
        (P, "La palestra popolare di Sant'Elia non è sulla mappa.", "sports", 6),
        (P, "Il centro giovani di Pirri fa laboratori ma non è qui.", "", 7),
        (P, "A San Michele non c'è una scuola di musica per ragazzi.", "music", 5),
        (P, "La biblioteca di Genneruxi ha un club di lettura.", "languages", 9),
    ],
}
WHEN = list(Suggestion.When.values) + ["", ""]
BANDS = ["13-15", "16-18", "16-18", "19-24", "25-29", ""]
DECLINE_NOTES = {
    "ljubljana": "Že obstaja v ponudbi Mladinskega centra; odgovorili smo na splošno v novičniku.",
    "cagliari": "Offerta già presente in città; da segnalare nella newsletter.",
}
COPIES = 2  # each suggestion comes from about two young people: about 50 per city


def _providers(site):
    return list(
        Page.objects.type(AbstractProviderPage)
        .live()
        .descendant_of(site.root_page)
        .order_by("path")
        .specific()
    )


def load(site, name: str) -> None:
    if name not in SUGGESTIONS or Suggestion.objects.filter(site=site).exists():
        return
    settings = InsightSettings.for_site(site)
    if not settings.neighbourhoods.strip():
        settings.neighbourhoods = "\n".join(NEIGHBOURHOODS[name])
        settings.save()
    neighbourhoods = NEIGHBOURHOODS[name]
    interests = {i.slug: i for i in Interest.objects.filter(locale=site.root_page.locale)}
    language = site.root_page.locale.language_code
    rng = random.Random(f"voice-{name}")  # noqa: S311 (the same suggestions on every load)
    today = timezone.localdate()
    made = []
    for copy in range(COPIES):
        for kind, text, interest, where in SUGGESTIONS[name]:
            if copy and rng.random() < 0.3:
                continue  # not every idea comes twice
            area = ""
            if isinstance(where, int):
                area, where = neighbourhoods[where], Suggestion.Where.NEIGHBOURHOOD
            made.append(
                Suggestion(
                    site=site,
                    kind=kind,
                    text=text,
                    interest=interests.get(interest),
                    where=where,
                    neighbourhood=area,
                    when=rng.choice(WHEN),
                    age_band=rng.choice(BANDS),
                    language=language,
                    created_on=today - dt.timedelta(days=rng.randrange(0, 330)),
                )
            )
    made = Suggestion.objects.bulk_create(made)
    providers = _providers(site)
    if not providers:
        return
    made.sort(key=lambda suggestion: suggestion.created_on)  # the oldest are handled
    handled = made[: len(made) // 2]
    for number, suggestion in enumerate(handled):
        if number % 3 == 0:
            triage.decline(suggestion, note=DECLINE_NOTES[name] if number % 2 else "")
        else:
            suggestion.status = Suggestion.Status.FORWARDED
            suggestion.provider = providers[number % min(len(providers), 2)]
            suggestion.decided_at = timezone.now()
            suggestion.save()  # no email: the demo's providers hear of it in the admin
    for suggestion in made[len(made) // 2 :]:
        if suggestion.kind == Suggestion.Kind.LEARN and suggestion.interest_id:
            for provider in providers:
                if provider.address.strip() and provider.location:
                    triage.make_draft(suggestion, provider)
                    return
