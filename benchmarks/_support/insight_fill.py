"""Learners, playlists, progress, evidence, attendance and awards in bulk, for the insight
benchmark: what the dashboard's learners', playlists' and badges' figures count.

Call after :func:`fill.fill` (the city, its providers and opportunities)::

    from _support import fill, insight_fill

    city = fill.fill(10_000)
    people = insight_fill.fill_people(city, learners=50_000, awards=200_000)

Everything is inserted with ``bulk_create`` (playlist pages as ``fill`` inserts opportunities:
tree paths computed here, then the page rows and the playlist rows). Dates are spread over the
last two years, so a year's period holds about half of them.
"""

import datetime as dt
import random
import time
import uuid
from dataclasses import dataclass, field

from .fill import encode_step

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
