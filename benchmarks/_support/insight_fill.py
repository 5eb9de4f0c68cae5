"""Everything the insight dashboard counts, in bulk, for the insight benchmark.

:func:`fill_people`: learners, playlists, progress, evidence, attendance and awards (the
learners', playlists' and badges' figures). :func:`fill_voice`: the city's boundary and
neighbourhoods (the coverage map), a year of daily search counts and "I'm interested" (what
young people look for), suggestions in every status (youth voice) and a needs survey with its
answers.

Call after :func:`fill.fill` (the city, its providers and opportunities)::

    from _support import fill, insight_fill

    city = fill.fill(10_000)
    people = insight_fill.fill_people(city, learners=50_000, awards=200_000)
    voice = insight_fill.fill_voice(
        city, search_rows=40_000, interested=20_000, suggestions=3_000, answers=2_000
    )

Everything is inserted with ``bulk_create`` (playlist pages as ``fill`` inserts opportunities:
tree paths computed here, then the page rows and the playlist rows); only the survey page is
made with Wagtail's APIs. Dates of people are spread over the last two years, so a year's
period holds about half of them; searches over the last 400 days.
"""

import datetime as dt
import json
import math
import random
import time
import uuid
from dataclasses import dataclass, field

from .fill import CENTRE, DISTRICTS, RADIUS_KM, encode_step

BATCH = 2_000
YEARS_BACK = 2
CONSENT = [("not_needed", 0.8), ("given", 0.12), ("pending", 0.08)]
STEP_TITLES = [
    "Find a club near you", "Try a first session", "Tell us what you made", "Take a photo",
    "Share it with a friend", "Plan a project", "Finish the project", "Reflect on it",
]  # fmt: skip


@dataclass
class PeopleResult:
    learners: int = 0
    playlists: int = 0
    enrolments: int = 0
    progress: int = 0
    waiting: int = 0
    attendance: int = 0
    awards: int = 0
    badge_classes: int = 0
    steps: dict = field(default_factory=dict)


def _when(rng, now, days=365 * YEARS_BACK):
    return now - dt.timedelta(seconds=rng.uniform(0, days * 86400))


def _issuers_and_badges(city, rng):
    from wagtail.models import Locale

    from wagtail_cityoflearning.badges.models import BadgeClass, Issuer

    locale = Locale.get_default()
    issuers = [
        Issuer(
            name="Mesto učenja Ljubljana",
            url="https://ljubljana.example.org/",
            email="badges@ljubljana.example.org",
            site=city.site,
        )
    ] + [
        Issuer(
            name=f"{provider.title} badges",
            url=provider.website or "https://provider.example.org/",
            email=f"badges@provider-{number}.example.org",
            provider_id=provider.pk,
        )
        for number, provider in enumerate(city.providers)
    ]
    Issuer.objects.bulk_create(issuers)
    issuers = list(Issuer.objects.order_by("pk"))
    badges = []
    for issuer in issuers:
        for number in range(2):
            slug = f"badge-{issuer.pk}-{number}"
            badges.append(
                BadgeClass(
                    name=f"{issuer.name}: badge {number + 1}",
                    slug=slug,
                    description="Earned by doing.",
                    criteria_narrative="Take part and show what you made.",
                    image=f"badges/classes/{slug}.png",
                    issuer_id=issuer.pk,
                    locale_id=locale.pk,
                    translation_key=uuid.uuid4(),
                    live=True,
                )
            )
    BadgeClass.objects.bulk_create(badges)
    return list(BadgeClass.objects.order_by("pk").values_list("pk", "issuer__provider_id"))


def _learners(city, count, rng, now):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
    from wagtail_cityoflearning.models import Interest

    User = get_user_model()
    year = now.year
    unusable = make_password(None)  # nobody logs in as these learners
    users = [
        User(username=f"learner{n}", email=f"learner{n}@example.org", password=unusable)
        for n in range(count)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    ids = list(
        User.objects.filter(username__startswith="learner")
        .order_by("pk")
        .values_list("pk", "email")
    )
    created_at = LearnerProfile._meta.get_field("created_at")
    created_at.auto_now_add = False  # keep the spread sign-up dates
    states, weights = zip(*CONSENT, strict=True)
    try:
        LearnerProfile.objects.bulk_create(
            [
                LearnerProfile(
                    user_id=pk,
                    site_id=city.site.pk,
                    display_name=f"Learner {n}",
                    year_of_birth=year - rng.choice(range(12, 30)),
                    consent=rng.choices(states, weights)[0],
                    created_at=_when(rng, now),
                )
                for n, (pk, _email) in enumerate(ids)
            ],
            batch_size=BATCH,
        )
    finally:
        created_at.auto_now_add = True
    profiles = list(LearnerProfile.objects.order_by("pk").values_list("pk", flat=True))
    interests = list(Interest.objects.values_list("pk", flat=True))
    through = LearnerProfile.interests.through
    through.objects.bulk_create(
        [
            through(learnerprofile_id=profile, interest_id=interest)
            for profile in profiles
            for interest in rng.sample(interests, rng.choice([0, 1, 1, 2, 3]))
        ],
        batch_size=BATCH,
    )
    return ids


def _playlist_pages(city, count, rng, now):
    """``count`` playlist pages: a fifth under the city's playlist index, the rest under
    providers. Returns ``[(pk, [step ids])]``."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage, PlaylistPage

    index = PlaylistIndexPage(title="Playlists", slug="playlists", intro="<p>Pathways</p>")
    city.home.add_child(instance=index)
    index.save_revision().publish()
    parents = [Page.objects.get(pk=index.pk)] + [Page.objects.get(pk=p.pk) for p in city.providers]
    next_step = {}
    for parent in parents:
        last = parent.get_last_child()
        next_step[parent.pk] = (
            1 if last is None else int(last.path[-Page.steplen :], len(Page.alphabet)) + 1
        )
    content_type = ContentType.objects.get_for_model(PlaylistPage)
    pages, details, made = [], [], []
    for number in range(count):
        parent = parents[0] if rng.random() < 0.2 else rng.choice(parents[1:])
        step = next_step[parent.pk]
        next_step[parent.pk] += 1
        title = f"Playlist {number + 1}"
        slug = f"playlist-{number + 1}"
        published = _when(rng, now)
        pages.append(
            Page(
                path=parent.path + encode_step(step, Page.alphabet, Page.steplen),
                depth=parent.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=parent.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                title=title,
                draft_title=title,
                slug=slug,
                content_type_id=content_type.pk,
                url_path=f"{parent.url_path}{slug}/",
                show_in_menus=False,
            )
        )
        step_ids = [str(uuid.uuid4()) for _ in range(rng.randint(3, 6))]
        steps = [
            {
                "type": "activity",
                "id": step_id,
                "value": {
                    "title": rng.choice(STEP_TITLES),
                    "instructions": "<p>Do it and tell us.</p>",
                    "evidence": "text",
                    "required": True,
                    "badge": None,
                },
            }
            for step_id in step_ids
        ]
        details.append({"intro": "<p>A pathway.</p>", "steps": steps})
        made.append(step_ids)
    Page.objects.bulk_create(pages, batch_size=500)
    objs = [
        PlaylistPage(page_ptr_id=page.pk, id=page.pk, **values)
        for page, values in zip(pages, details, strict=True)
    ]
    fields = PlaylistPage._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(fields, objs))
    for offset in range(0, len(objs), batch):
        PlaylistPage._base_manager._insert(
            objs[offset : offset + batch], fields=fields, using=connection.alias
        )
    for parent in parents:
        Page.objects.filter(pk=parent.pk).update(numchild=next_step[parent.pk] - 1)
    return [(page.pk, step_ids) for page, step_ids in zip(pages, made, strict=True)]


def _progress(users, playlists, rng, now):
    """Enrolments for about 40 % of learners (1-3 playlists each), their steps done in order up
    to where they stop, the last one sometimes waiting for review; a third complete."""
    from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

    enrolments, plans = [], []
    weights = [1 / (rank + 1) for rank in range(len(playlists))]  # a few popular playlists
    for user_id, _email in users:
        if rng.random() >= 0.4:
            continue
        chosen = {rng.choices(range(len(playlists)), weights)[0] for _ in range(rng.randint(1, 3))}
        for index in chosen:
            playlist_id, step_ids = playlists[index]
            started = _when(rng, now)
            done = rng.randint(0, len(step_ids))
            completed = (
                started + dt.timedelta(days=rng.uniform(1, 60))
                if done == len(step_ids) and rng.random() < 0.8
                else None
            )
            if completed and completed > now:
                completed = None
            enrolments.append(
                PlaylistEnrolment(
                    user_id=user_id,
                    playlist_id=playlist_id,
                    started_at=started,
                    completed_at=completed,
                    last_activity_at=completed or started,
                )
            )
            plans.append((started, step_ids, done))
    PlaylistEnrolment.objects.bulk_create(enrolments, batch_size=BATCH)
    ids = list(PlaylistEnrolment.objects.order_by("pk").values_list("pk", flat=True))
    rows, waiting = [], 0
    for enrolment_id, (started, step_ids, done) in zip(ids, plans, strict=True):
        moment = started
        for number, step_id in enumerate(step_ids[: done + 1]):
            moment = min(now, moment + dt.timedelta(days=rng.uniform(0.1, 10)))
            if number < done:
                reviewed = min(now, moment + dt.timedelta(days=rng.uniform(0.05, 12)))
                rows.append(
                    StepProgress(
                        enrolment_id=enrolment_id,
                        step_id=step_id,
                        status="approved",
                        text="My answer.",
                        submitted_at=moment,
                        reviewed_at=reviewed,
                        completed_at=reviewed,
                    )
                )
            elif rng.random() < 0.25:  # the step where they stopped: sent, not yet decided
                waiting += 1
                rows.append(
                    StepProgress(
                        enrolment_id=enrolment_id,
                        step_id=step_id,
                        status="submitted",
                        text="My answer.",
                        submitted_at=moment,
                    )
                )
    StepProgress.objects.bulk_create(rows, batch_size=BATCH)
    return len(enrolments), len(rows), waiting


def _attendance(users, opportunity_ids, count, rng, now):
    from wagtail_cityoflearning.learners.progress.models import Attendance

    pairs = set()
    while len(pairs) < count:
        pairs.add((rng.choice(opportunity_ids), rng.choice(users)[0]))
    Attendance.objects.bulk_create(
        [
            Attendance(opportunity_id=opportunity, user_id=user, confirmed_at=_when(rng, now))
            for opportunity, user in pairs
        ],
        batch_size=BATCH,
    )
    return len(pairs)


def _awards(users, badges, count, rng, now):
    """``count`` awards, mostly to learners' addresses: some badges far more often than others,
    3 % revoked, 10 % claimed with a code."""
    from wagtail_cityoflearning.badges.models import Award

    weights = [1 / (rank + 1) ** 0.5 for rank in range(len(badges))]
    made = 0
    while made < count:
        size = min(BATCH * 5, count - made)
        chosen = rng.choices(badges, weights, k=size)
        batch = []
        for (badge_id, _provider), number in zip(chosen, range(made, made + size), strict=True):
            email = rng.choice(users)[1] if rng.random() < 0.9 else f"guest{number}@example.org"
            revoked = rng.random() < 0.03
            batch.append(
                Award(
                    badge_class_id=badge_id,
                    recipient_email=email,
                    issued_on=_when(rng, now),
                    source="claim_code" if rng.random() < 0.1 else "admin",
                    revoked=revoked,
                    revoked_at=now if revoked else None,
                    salt=uuid.uuid4().hex,
                    baking_state="done",
                    notification_state="done",
                )
            )
        Award.objects.bulk_create(batch, batch_size=BATCH)
        made += size
    return made


def fill_people(city, *, learners: int, awards: int, seed: int = 7) -> PeopleResult:
    """Learners, playlists, progress and awards in proportion to ``learners`` and ``awards``:
    one playlist per 250 learners (at least 10), attendance for a tenth of the learners."""
    from django.db import transaction
    from django.utils import timezone

    from wagtail_cityoflearning.models import OpportunityPage

    rng = random.Random(seed)
    now = timezone.now()
    result = PeopleResult()
    with transaction.atomic():
        mark = time.perf_counter()
        badges = _issuers_and_badges(city, rng)
        result.badge_classes = len(badges)
        users = _learners(city, learners, rng, now)
        result.learners = len(users)
        result.steps["learners and interests"] = time.perf_counter() - mark

        mark = time.perf_counter()
        playlists = _playlist_pages(city, max(10, learners // 250), rng, now)
        result.playlists = len(playlists)
        result.enrolments, result.progress, result.waiting = _progress(users, playlists, rng, now)
        opportunity_ids = list(OpportunityPage.objects.values_list("pk", flat=True))
        if opportunity_ids:
            result.attendance = _attendance(users, opportunity_ids, learners // 10, rng, now)
        result.steps["playlists, progress, attendance"] = time.perf_counter() - mark

        mark = time.perf_counter()
        result.awards = _awards(users, badges, awards, rng, now)
        result.steps["awards"] = time.perf_counter() - mark
    return result


# -- the city's area, searches, "I'm interested", suggestions and the needs survey ------------

DEMAND_DAYS = 400  # a year of daily search counts, and a little before it
SURVEY_DAYS = 180
BANDS = ["13-15", "16-18", "19-24", "25-29"]
SEARCH_WORDS = [
    "robotika", "ples", "kitara", "programiranje", "plezanje", "fotografija", "šah", "podcast",
    "3d tisk", "grafiti", "e-šport", "kuhanje", "skate", "risanje stripov", "coding",
    "street dance", "drums", "anime", "prostovoljstvo", "bouldering",
]  # fmt: skip
SUGGESTION_TEXTS = [
    "A climbing wall near my school", "Coding club on Saturdays", "Free guitar lessons",
    "Somewhere to skate when it rains", "Photography walks in the old town",
    "A place to record music", "Chess in the park", "Sewing and fixing clothes",
    "Debate club in English", "Cooking for beginners", "A youth centre that opens late",
]  # fmt: skip
SUGGESTION_STATUSES = [("new", 0.35), ("forwarded", 0.25), ("drafted", 0.1), ("declined", 0.3)]
FREE_TIME = ["weekday-afternoons", "weekday-evenings", "weekends", "school-holidays"]
BARRIERS = ["cost", "distance", "language", "not-knowing", "no-time", "nobody", "other"]


@dataclass
class VoiceResult:
    search_rows: int = 0
    searches: int = 0
    zero_results: int = 0
    interested: int = 0
    suggestions: int = 0
    answers: int = 0
    steps: dict = field(default_factory=dict)


class _KeepDates:
    """Lets ``bulk_create`` keep the given values of ``auto_now_add`` fields."""

    def __init__(self, model, name):
        self.field = model._meta.get_field(name)

    def __enter__(self):
        self.field.auto_now_add = False

    def __exit__(self, *exc):
        self.field.auto_now_add = True


def boundary_geojson(centre=CENTRE, radius_km=RADIUS_KM + 0.5, corners=32) -> str:
    """A polygon (counter-clockwise, GeoJSON) around the disc the opportunities lie in."""
    lat0, lng0 = centre
    ring = []
    for k in range(corners):
        angle = 2 * math.pi * k / corners
        lat = lat0 + radius_km * math.sin(angle) / 111.32
        lng = lng0 + radius_km * math.cos(angle) / (111.32 * math.cos(math.radians(lat0)))
        ring.append([round(lng, 6), round(lat, 6)])
    ring.append(ring[0])
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def _insight_settings(city):
    from wagtail_cityoflearning.insight.settings import InsightSettings

    settings = InsightSettings.for_site(city.site)
    settings.boundary = boundary_geojson()
    settings.neighbourhoods = "\n".join(DISTRICTS)
    settings.save()


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _search_demand(city, rows, interests, rng, today):
    """``rows`` daily rows of searches: combinations of filters with a realistic spread (most
    choose one or two filters), their searches (mostly a few a day) and how many found nothing
    (more often the narrower the combination)."""
    from wagtail_cityoflearning.insight.demand.models import SearchDemand

    interest_weights = [1 / (rank + 1) ** 0.7 for rank in range(len(interests))]
    found, searches, nothing = {}, 0, 0
    while len(found) < rows:
        day = today - dt.timedelta(days=rng.randrange(DEMAND_DAYS))
        chosen = _pick(rng, [(0, 0.35), (1, 0.45), (2, 0.15), (3, 0.05)])
        interest = rng.choices(interests, interest_weights)[0] if chosen else None
        area = _pick(rng, [("", 0.5), ("map_area", 0.25), ("location", 0.15), ("place", 0.1)])
        types = ""
        if rng.random() < 0.2:
            types = ",".join(
                sorted(rng.sample(["event", "course", "volunteering", "youth_project"], 2))
            )
        combination = {
            "interest_id": interest,
            "interests_chosen": chosen,
            "age_band": rng.choice(BANDS) if rng.random() < 0.6 else "",
            "area": area,
            "place": rng.choice(DISTRICTS) if area == "place" else "",
            "when": _pick(
                rng,
                [("", 0.55), ("today", 0.1), ("weekend", 0.15), ("week", 0.15), ("dates", 0.05)],
            ),
            "free": rng.random() < 0.25,
            "mode": _pick(rng, [("", 0.8), ("in_person", 0.12), ("online", 0.08)]),
            "language": _pick(rng, [("", 0.85), ("sl", 0.06), ("en", 0.05), ("it", 0.02)]),
            "types": types,
            "query": rng.choice(SEARCH_WORDS) if rng.random() < 0.15 else "",
        }
        narrow = sum(1 for key, value in combination.items() if value and key != "place")
        chance = min(0.9, 0.02 + 0.07 * narrow)
        count = 1 + min(int(rng.paretovariate(1.6)) - 1, 80)
        zero = sum(1 for _ in range(count) if rng.random() < chance)
        key = (day, *combination.values())
        if key in found:
            found[key].searches += count
            found[key].zero_results += zero
        else:
            found[key] = SearchDemand(
                site_id=city.site.pk, day=day, searches=count, zero_results=zero, **combination
            )
        searches += count
        nothing += zero
    SearchDemand.objects.bulk_create(list(found.values()), batch_size=BATCH)
    return len(found), searches, nothing


def _interested(users, count, rng, now):
    """``count`` "I'm interested" of learners, on opportunities some far more wanted than
    others."""
    from wagtail_cityoflearning.insight.demand.models import InterestedLearner
    from wagtail_cityoflearning.models import OpportunityPage

    opportunities = list(OpportunityPage.objects.values_list("pk", flat=True))
    rng.shuffle(opportunities)
    weights = [1 / (rank + 1) ** 0.6 for rank in range(len(opportunities))]
    pairs = set()
    while len(pairs) < count:
        chosen = rng.choices(opportunities, weights, k=count - len(pairs))
        pairs.update((rng.choice(users), opportunity) for opportunity in chosen)
    with _KeepDates(InterestedLearner, "created_at"):
        InterestedLearner.objects.bulk_create(
            [
                InterestedLearner(
                    user_id=user, opportunity_id=opportunity, created_at=_when(rng, now)
                )
                for user, opportunity in pairs
            ],
            batch_size=BATCH,
        )
    return len(pairs)


def _suggestions(city, count, interests, rng, now):
    """``count`` suggestions over two years, in every status; forwarded and drafted ones to a
    provider (a drafted one with one of its opportunities as the draft)."""
    from wagtail.models import Page

    from wagtail_cityoflearning.insight.voice.models import Suggestion
    from wagtail_cityoflearning.models import OpportunityPage

    by_provider = {}
    paths = {provider.path: provider.pk for provider in city.providers}
    for pk, path in OpportunityPage.objects.values_list("pk", "path"):
        by_provider.setdefault(paths.get(path[: -Page.steplen]), []).append(pk)
    rows = []
    for _number in range(count):
        status = _pick(rng, SUGGESTION_STATUSES)
        kind = _pick(rng, [("learn", 0.75), ("place", 0.25)])
        where = _pick(
            rng, [("neighbourhood", 0.55), ("anywhere", 0.3), ("online", 0.1), ("", 0.05)]
        )
        provider = rng.choice(city.providers).pk if status in ("forwarded", "drafted") else None
        created = (now - dt.timedelta(days=rng.uniform(0, 365 * YEARS_BACK))).date()
        rows.append(
            Suggestion(
                site_id=city.site.pk,
                kind=kind,
                text=rng.choice(SUGGESTION_TEXTS),
                interest_id=rng.choice(interests) if rng.random() < 0.7 else None,
                where=where,
                neighbourhood=rng.choice(DISTRICTS) if where == "neighbourhood" else "",
                when=_pick(
                    rng, [("weekdays", 0.35), ("weekends", 0.3), ("holidays", 0.15), ("any", 0.2)]
                ),
                age_band=rng.choice(BANDS) if rng.random() < 0.8 else "",
                place_name="Klub mladih" if kind == "place" else "",
                language="sl",
                created_on=created,
                status=status,
                provider_id=provider,
                opportunity_id=(
                    rng.choice(by_provider[provider])
                    if status == "drafted" and by_provider.get(provider)
                    else None
                ),
                decided_at=None if status == "new" else now,
            )
        )
    Suggestion.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _survey(city, answers, rng, now):
    """One needs survey under the home page (Wagtail's APIs) and ``answers`` answers to it,
    as the survey stores them (``FormSubmission`` rows, the answers' keys as JSON)."""
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.models import Page

    from wagtail_cityoflearning.insight.survey.models import NeedsSurveyPage
    from wagtail_cityoflearning.models import Interest

    home = Page.objects.get(pk=city.home.pk)
    page = NeedsSurveyPage(
        title="Kaj bi se rad/-a naučil/-a?",
        slug="anketa",
        intro="<p>Anketa o tem, kaj mladim manjka.</p>",
        locale_id=home.locale_id,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    slugs = list(Interest.objects.filter(locale_id=home.locale_id).values_list("slug", flat=True))
    places = [*DISTRICTS, "elsewhere"]
    rows = []
    for _number in range(answers):
        band = _pick(rng, [("13-15", 26), ("16-18", 34), ("19-24", 28), ("25-29", 12)])
        rows.append(
            FormSubmission(
                page_id=page.pk,
                form_data={
                    "interests": rng.sample(slugs, rng.choice([1, 2, 2, 3, 3, 4])),
                    "age_band": band,
                    "neighbourhood": rng.choice(places),
                    "free_time": [key for key in FREE_TIME if rng.random() < 0.5],
                    "barriers": [key for key in BARRIERS if rng.random() < 0.25],
                },
                submit_time=now - dt.timedelta(minutes=rng.randrange(SURVEY_DAYS * 24 * 60)),
            )
        )
    with _KeepDates(FormSubmission, "submit_time"):
        FormSubmission.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def fill_voice(
    city, *, search_rows: int, interested: int, suggestions: int, answers: int, seed: int = 11
) -> VoiceResult:
    """The city's boundary and neighbourhoods, ``search_rows`` daily rows of searches,
    ``interested`` "I'm interested" of the learners :func:`fill_people` made, ``suggestions``
    suggestions and one needs survey with ``answers`` answers."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from wagtail_cityoflearning.models import Interest

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    result = VoiceResult()
    interests = list(Interest.objects.order_by("sort_order", "pk").values_list("pk", flat=True))
    users = list(
        get_user_model().objects.filter(username__startswith="learner").values_list("pk", flat=True)
    )
    with transaction.atomic():
        mark = time.perf_counter()
        _insight_settings(city)
        result.search_rows, result.searches, result.zero_results = _search_demand(
            city, search_rows, interests, rng, today
        )
        result.steps["boundary, searches"] = time.perf_counter() - mark

        mark = time.perf_counter()
        result.interested = _interested(users, interested, rng, now) if users else 0
        result.suggestions = _suggestions(city, suggestions, interests, rng, now)
        result.answers = _survey(city, answers, rng, now)
        result.steps["interested, suggestions, survey"] = time.perf_counter() - mark
    return result
