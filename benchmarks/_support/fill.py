"""Fill a throwaway SQLite database with a city and N opportunities, fast.

Usage from a benchmark::

    from _support import environment, fill

    environment.configure()        # Django on a temporary SQLite file, never db.sqlite3
    environment.fresh_database()   # migrated, empty (migrations run once per process)
    result = fill.fill(10_000)
    fill.verify(result)

The site, home page, interests, provider index, providers and map page are created with
Wagtail's normal APIs (``add_child`` and ``save_revision().publish()``). The opportunities
are inserted in bulk: the tree paths are computed here, the ``wagtailcore_page`` rows are
bulk-created, then the rows of the opportunity table (multi-table inheritance), the
sessions and the interests. They are live, with no revisions and no search index entries.
"""

import datetime as dt
import math
import random
import time
import uuid
import zoneinfo
from dataclasses import dataclass, field

CENTRE = (46.0511, 14.5051)  # Ljubljana
RADIUS_KM = 8.0
TZ = zoneinfo.ZoneInfo("Europe/Ljubljana")


# -- what gets created -----------------------------------------------------------------

PROVIDER_KINDS = [
    "Youth Centre", "Library", "Makerspace", "Sports Club", "Music School", "Museum",
    "Community Garden", "Theatre", "Science Club", "Art Studio",
]  # fmt: skip
DISTRICTS = [
    "Šiška", "Bežigrad", "Moste", "Vič", "Center", "Rudnik", "Trnovo", "Polje", "Črnuče",
    "Rožna dolina", "Fužine", "Kodeljevo",
]  # fmt: skip
STREETS = [
    "Trubarjeva cesta", "Celovška cesta", "Dunajska cesta", "Tržaška cesta", "Zaloška cesta",
    "Slovenska cesta", "Poljanska cesta", "Gosposvetska cesta", "Metelkova ulica",
    "Vojkova cesta", "Njegoševa cesta", "Cesta v Mestni log",
]  # fmt: skip
TOPICS = [
    "Robotics", "Street dance", "Podcasting", "Climbing", "Urban gardening", "Photography",
    "Coding", "Theatre improvisation", "Comic drawing", "Chess", "Beekeeping", "Video editing",
    "Debating", "First aid", "Guitar", "Volunteering at the shelter", "3D printing",
    "Spanish conversation", "Mural painting", "Entrepreneurship",
]  # fmt: skip
FORMATS = [
    "workshop", "club", "camp", "course", "meet-up", "lab", "for beginners", "masterclass",
]  # fmt: skip
SUMMARIES = [
    "Learn by doing with friends and a friendly mentor.",
    "No experience needed: bring curiosity, we bring the rest.",
    "Build something you can show, and a skill you can keep.",
    "Meet people your age and try something new each week.",
    "Hands-on sessions with a certificate of participation at the end.",
]
LANGUAGE_SETS = [["sl"], ["sl", "en"], ["en"], ["sl", "en", "it"], ["sl", "hr"], ["de", "en"]]
PRICES = ["5 EUR", "10 EUR a session", "25 EUR", "40 EUR for the course"]


@dataclass
class FillResult:
    n: int
    online_only: int
    site: object
    home: object
    map_page: object
    providers: list
    seconds: float = 0.0
    steps: dict = field(default_factory=dict)


def random_point(rng: random.Random, centre=CENTRE, radius_km=RADIUS_KM) -> tuple[float, float]:
    """A point uniformly distributed in a disc of ``radius_km`` around ``centre`` (6 d.p.)."""
    distance = radius_km * math.sqrt(rng.random())
    bearing = rng.uniform(0, 2 * math.pi)
    lat = centre[0] + distance * math.cos(bearing) / 111.32
    lng = centre[1] + distance * math.sin(bearing) / (111.32 * math.cos(math.radians(centre[0])))
    return round(lat, 6), round(lng, 6)


def encode_step(number: int, alphabet: str, steplen: int) -> str:
    """One step of a treebeard materialised path: ``number`` in ``alphabet``, zero-padded."""
    base = len(alphabet)
    digits = ""
    while number:
        number, remainder = divmod(number, base)
        digits = alphabet[remainder] + digits
    if len(digits) > steplen:
        raise ValueError(f"{number} does not fit in {steplen} path characters")
    return digits.rjust(steplen, alphabet[0])


def _publish(page):
    page.save_revision().publish()


def _site_and_home():
    from django.utils.html import format_html
    from wagtail.models import Locale, Page, Site

    from example_site.home.models import HomePage
    from wagtail_cityoflearning.models import CityOfLearningSettings

    locale = Locale.get_default()
    # The placeholder page and site that Wagtail's migrations create.
    for site in Site.objects.all():
        page = site.root_page
        site.delete()
        if page.specific_class is Page and page.numchild == 0:
            page.delete()
    root = Page.get_first_root_node()
    home = HomePage(
        title="City of Learning Ljubljana",
        slug="ljubljana",
        locale=locale,
        intro=format_html("<p>{}</p>", "Find something to learn this week."),
    )
    root.add_child(instance=home)
    _publish(home)
    site = Site.objects.create(
        hostname="localhost", port=80, site_name="Ljubljana", root_page=home, is_default_site=True
    )
    settings = CityOfLearningSettings.for_site(site)
    settings.city_name = "Ljubljana"
    settings.map_centre_latitude, settings.map_centre_longitude = CENTRE
    settings.map_zoom = 13
    settings.timezone = "Europe/Ljubljana"
    settings.save()
    return site, home, locale


def _providers(home, interests, rng, count):
    from django.utils.html import format_html

    from wagtail_cityoflearning.models import OpportunityMapPage, ProviderIndexPage, ProviderPage

    index = ProviderIndexPage(title="Learning providers", slug="providers", show_in_menus=True)
    home.add_child(instance=index)
    _publish(index)
    map_page = OpportunityMapPage(
        title="Opportunity map",
        slug="map",
        intro=format_html("<p>{}</p>", "Everything you can join, on a map."),
        show_in_menus=True,
    )
    home.add_child(instance=map_page)
    _publish(map_page)
    providers = []
    for number in range(count):
        kind = PROVIDER_KINDS[number % len(PROVIDER_KINDS)]
        district = DISTRICTS[number % len(DISTRICTS)]
        title = f"{kind} {district} {number + 1}"
        page = ProviderPage(
            title=title,
            slug=f"provider-{number + 1}",
            short_description=f"A {kind.lower()} in {district} open to young people.",
            address=f"{rng.choice(STREETS)} {rng.randint(1, 120)}, 1000 Ljubljana",
            website=f"https://provider-{number + 1}.example.org/",
            email=f"info@provider-{number + 1}.example.org",
        )
        page.set_location(*random_point(rng))
        page.interests = rng.sample(interests, rng.randint(1, 3))
        index.add_child(instance=page)
        _publish(page)
        providers.append(page)
    return index, map_page, providers


def _sessions_for(rng, now):
    """1-3 timezone-aware sessions within the next 8 weeks, as (start, end) pairs."""
    first_day = rng.randint(1, 48)
    every = rng.choice([1, 2, 7])
    hour, minute = rng.randint(9, 19), rng.choice([0, 15, 30])
    duration = dt.timedelta(minutes=rng.choice([60, 90, 120, 180]))
    today = now.astimezone(TZ).date()
    sessions = []
    for number in range(rng.randint(1, 3)):
        day = today + dt.timedelta(days=min(first_day + number * every, 55))
        start = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TZ)
        if sessions and start <= sessions[-1][0]:
            break
        sessions.append((start, start + duration))
    return sessions


def _bulk_opportunities(providers, interests, locale, n, rng):
    """Insert ``n`` live opportunities under ``providers``; returns (online-only count, steps)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from wagtail_cityoflearning.ewkt import format_point
    from wagtail_cityoflearning.models import (
        OpportunityOccurrence,
        OpportunityPage,
        OpportunitySession,
    )

    steps = {}
    started = time.perf_counter()
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(OpportunityPage)
    # Next free child number of each provider (they have no children yet in a fresh fill).
    next_step = {}
    for provider in providers:
        last = provider.get_last_child()
        next_step[provider.pk] = (
            1 if last is None else int(last.path[-Page.steplen :], len(Page.alphabet)) + 1
        )
    weights = [rng.uniform(0.3, 3.0) for _ in providers]

    pages, details, schedules, links = [], [], [], []
    online_only = 0
    added = dict.fromkeys(next_step, 0)
    for number in range(n):
        provider = rng.choices(providers, weights)[0]
        step = next_step[provider.pk]
        next_step[provider.pk] += 1
        added[provider.pk] += 1
        title = f"{rng.choice(TOPICS)} {rng.choice(FORMATS)}"
        slug = f"opportunity-{number + 1}"
        published = now - dt.timedelta(days=rng.uniform(0, 120))
        pages.append(
            Page(
                path=provider.path + encode_step(step, Page.alphabet, Page.steplen),
                depth=provider.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=locale.pk,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                title=title,
                draft_title=title,
                slug=slug,
                content_type_id=content_type.pk,
                url_path=f"{provider.url_path}{slug}/",
                show_in_menus=False,
            )
        )
        roll = rng.random()
        mode = "online" if roll < 0.08 else "hybrid" if roll < 0.2 else "in_person"
        online_only += mode == "online"
        is_ongoing = rng.random() < 0.1
        sessions = [] if is_ongoing else _sessions_for(rng, now)
        schedules.append(sessions)
        is_free = rng.random() < 0.7
        age_min = rng.choice([None, 10, 12, 13, 15, 16])
        age_max = rng.choice([None, 18, 19, 25, 29])
        if age_min is not None and age_max is not None and age_max < age_min:
            age_max = None
        if mode == "online":
            lat = lng = None
            location = address = ""
        else:
            lat, lng = random_point(rng)
            location = format_point(lat, lng)
            address = f"{rng.choice(STREETS)} {rng.randint(1, 120)}, 1000 Ljubljana"
        details.append(
            {
                "address": address,
                "location": location,
                "latitude": lat,
                "longitude": lng,
                "opportunity_type": rng.choice(
                    ["event", "course", "course", "volunteering", "youth_project", "open_space"]
                ),
                "summary": rng.choice(SUMMARIES),
                "body": [{"type": "paragraph", "value": f"<p>{title} in Ljubljana.</p>"}],
                "age_min": age_min,
                "age_max": age_max,
                "is_free": is_free,
                "price": "" if is_free else rng.choice(PRICES),
                "languages": rng.choice(LANGUAGE_SETS),
                "mode": mode,
                "online_url": "" if mode == "in_person" else "https://meet.example.org/room",
                "is_ongoing": is_ongoing,
                "capacity": rng.choice([None, 12, 20, 30]),
                "registration_url": provider.website,
                "starts_at": min((s for s, _ in sessions), default=None),
                "ends_at": max((e for _, e in sessions), default=None),
            }
        )
        links.append(rng.sample(interests, rng.choices([1, 2], [0.6, 0.4])[0]))
    steps["build rows"] = time.perf_counter() - started

    mark = time.perf_counter()
    Page.objects.bulk_create(pages, batch_size=500)
    steps["page rows"] = time.perf_counter() - mark

    mark = time.perf_counter()
    objs = [
        OpportunityPage(page_ptr_id=page.pk, id=page.pk, **values)
        for page, values in zip(pages, details, strict=True)
    ]
    fields = OpportunityPage._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(fields, objs))
    for offset in range(0, len(objs), batch):
        # bulk_create() refuses multi-table children: insert the child rows directly.
        OpportunityPage._base_manager._insert(
            objs[offset : offset + batch], fields=fields, using=connection.alias
        )
    steps["opportunity rows"] = time.perf_counter() - mark

    mark = time.perf_counter()
    created = OpportunitySession.objects.bulk_create(
        [
            OpportunitySession(page_id=page.pk, start=start, end=end, sort_order=order)
            for page, sessions in zip(pages, schedules, strict=True)
            for order, (start, end) in enumerate(sessions)
        ],
        batch_size=500,
    )
    if created and created[0].pk is None:  # a database that returns no ids
        created = list(OpportunitySession.objects.filter(page__in=pages).order_by("pk"))
    # What a page's save() writes: one occurrence per session (none of them repeats).
    OpportunityOccurrence.objects.bulk_create(
        [
            OpportunityOccurrence(
                page_id=s.page_id, session_id=s.pk, start=s.start, end=s.end, finish=s.end
            )
            for s in created
        ],
        batch_size=500,
    )
    through = OpportunityPage.interests.through
    through.objects.bulk_create(
        [
            through(opportunitypage_id=page.pk, interest_id=interest.pk)
            for page, chosen in zip(pages, links, strict=True)
            for interest in chosen
        ],
        batch_size=500,
    )
    for provider in providers:
        if added[provider.pk]:
            Page.objects.filter(pk=provider.pk).update(numchild=next_step[provider.pk] - 1)
    steps["sessions, interests, numchild"] = time.perf_counter() - mark
    return online_only, steps


def fill(n: int, seed: int = 1, providers: int = 50) -> FillResult:
    """Create the city and ``n`` opportunities in the (fresh) database."""
    from django.core.cache import caches
    from django.db import connection, transaction

    from wagtail_cityoflearning.interests import create_default_interests
    from wagtail_cityoflearning.map import cache as map_cache

    rng = random.Random(seed)
    started = time.perf_counter()
    with transaction.atomic():
        site, home, locale = _site_and_home()
        interests = create_default_interests(locale)
        _index, map_page, provider_pages = _providers(home, interests, rng, providers)
        setup_seconds = time.perf_counter() - started
        online_only, steps = _bulk_opportunities(provider_pages, interests, locale, n, rng)
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute or so of a bulk load: without statistics the
        # planner takes the freshly filled tables for empty and picks plans (a subquery run
        # for every row) that take many minutes at 100,000.
        mark = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        steps["ANALYZE (PostgreSQL)"] = time.perf_counter() - mark
    for cache in caches.all():
        cache.clear()
    map_cache.invalidate()
    steps = {"site, interests, providers (Wagtail APIs)": setup_seconds, **steps}
    return FillResult(
        n=n,
        online_only=online_only,
        site=site,
        home=home,
        map_page=map_page,
        providers=provider_pages,
        seconds=time.perf_counter() - started,
        steps=steps,
    )


def verify(result: FillResult, out=print) -> bool:
    """Check the filled data through the ORM and HTTP, print the checks, return all passed."""
    import json

    from django.test import Client

    from wagtail_cityoflearning.models import OpportunityPage

    client = Client(HTTP_HOST="localhost")
    checks = []
    live = OpportunityPage.objects.live().count()
    checks.append((f"live opportunities = {live} (expected {result.n})", live == result.n))
    response = client.get(result.map_page.url + "geojson/")
    features = len(json.loads(response.content)["features"]) if response.status_code == 200 else -1
    expected = result.n - result.online_only
    checks.append(
        (
            f"GET {result.map_page.url}geojson/ -> {response.status_code}, {features} features "
            f"(expected {result.n} - {result.online_only} online-only = {expected})",
            response.status_code == 200 and features == expected,
        )
    )
    sample = OpportunityPage.objects.live().order_by("?").first()
    url = sample.url if sample else None
    status = client.get(url).status_code if url else None
    checks.append((f"GET {url} -> {status}", status == 200))
    for text, ok in checks:
        out(f"  check {'ok  ' if ok else 'FAIL'} {text}")
    return all(ok for _, ok in checks)


if __name__ == "__main__":
    pass  # a helper module, not a benchmark
