"""A past year for each demo city, generated so that the City insight dashboard has something
to show: the demo's pages and its two demo learners are only days old when it loads.

- **Past sessions**: about two in five of the city's dated opportunities also ran earlier in
  the year (a weekly club in spring, a workshop held a few times), added as sessions of the
  page and published, so the page's occurrences and dates are recomputed as an editor's
  change would. Only the sessions to come are offered to young people.
- **Learners**: 250 generated learners per city (``learner-0042@ljubljana.demo.invalid``,
  no usable password, no email ever sent), signed up over the last twelve months, 13 to 29
  years old, some under the city's age of digital consent (most with their guardian's consent,
  some still waiting for it), with interests; their playlists started, steps done and evidence
  reviewed (a step in each playlist where many stop, some evidence still waiting); the badges
  their steps and playlists earned, awarded with the package's own functions (some claimed
  with a code at an event, two revoked) and dated back to when they were earned.

Everything comes from a fixed seed per city. Running it again adds nothing: the learners are
found by their addresses, an opportunity that has a session starting before the page was
first published already has its past, the generated learners' "I'm interested" are found by
their addresses too, and a provider's badge by its slug (awarded only when it has no awards).
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.claiming import claim
from wagtail_cityoflearning.badges.models import Award, BadgeClass, ClaimCode, Issuer
from wagtail_cityoflearning.badges.tasks import bake_award
from wagtail_cityoflearning.insight.demand.models import InterestedLearner
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile, youngest_possible_age
from wagtail_cityoflearning.learners.playlists.models import PlaylistPage
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind, StepKind
from wagtail_cityoflearning.models import (
    CityOfLearningSettings,
    Interest,
    OpportunityPage,
    OpportunitySession,
    ProviderPage,
)
from wagtail_cityoflearning.recurrence import WEEKDAY_CODES, validate

from .images import badge_png

LEARNERS = 250
DAYS = 365
PAST_SHARE = 0.4  # of the dated opportunities, those that also ran in the past year
STARTED_SHARE = 0.55  # of the learners who may store learning, those who started a playlist
SAVED_SHARE = 0.15  # of the learners, those who saved another playlist for later
CLAIMS = 12  # badges claimed with a code at the city's event
REVOKED = 2
INTERESTED_SHARE = 0.6  # of the learners who may store learning, those who said "interested"
PROVIDER_ISSUERS = 2  # providers per city with a badge of their own
PROVIDER_EVENTS = 3  # the events after which a provider awarded its badge

# Sign-ups by month of the year: many when school starts and in winter, few in August.
SEASON = {1: 9, 2: 8, 3: 7, 4: 6, 5: 6, 6: 5, 7: 3, 8: 2, 9: 12, 10: 11, 11: 8, 12: 5}
AGES = {13: 6, 14: 8, 15: 10, 16: 11, 17: 10, 18: 9, 19: 8, 20: 7, 21: 6, 22: 5, 23: 4,
        24: 4, 25: 3, 26: 3, 27: 2, 28: 2, 29: 2}  # fmt: skip
# Interests young people choose most often (slugs of the default interests).
POPULAR = {"sports": 3, "music": 3, "digital-skills": 3, "arts": 2, "science-technology": 2}

CITY = {
    "ljubljana": {
        "names": [
            "Nika",
            "Luka",
            "Ana",
            "Jan",
            "Zala",
            "Žiga",
            "Eva",
            "Nejc",
            "Lara",
            "Tim",
            "Maša",
            "Gal",
            "Ajda",
            "Matic",
            "Neža",
            "Jaka",
            "Tjaša",
            "Anže",
            "Pia",
            "Miha",
        ],  # fmt: skip
        "initials": "BKNPRŠTVZ",
        "answers": [
            "Naredil sem prvi del in ga pokazal mentorju.",
            "Tukaj je moj zapis o tem, kar sem se naučila.",
            "Bilo je težje, kot sem mislila, a mi je uspelo.",
            "Delali smo v skupini in vsak je prevzel svoj del.",
        ],
        "feedback": "Lepo začeto! Dodaj še, kaj bi naslednjič naredil drugače.",
        "event": "Dan odprtih vrat Mesta učenja",
        "revoked": "Podeljeno pomotoma.",
        "provider_badge": {
            "name": "Sodelovanje: %(provider)s",
            "description": "Za mlade, ki so redno sodelovali na srečanjih ponudnika %(provider)s.",
            "criteria": "Udeležil si se vsaj štirih srečanj in predstavil, kar si naredil.",
        },
    },
    "cagliari": {
        "names": [
            "Giulia",
            "Matteo",
            "Sofia",
            "Andrea",
            "Martina",
            "Davide",
            "Chiara",
            "Luca",
            "Alessia",
            "Simone",
            "Sara",
            "Nicola",
            "Elisa",
            "Federico",
            "Marta",
            "Gabriele",
            "Ilaria",
            "Riccardo",
            "Noemi",
            "Stefano",
        ],  # fmt: skip
        "initials": "ACDFLMPSU",
        "answers": [
            "Ho completato la prima parte e l'ho mostrata al tutor.",
            "Ecco cosa ho imparato in questa attività.",
            "È stato più difficile del previsto, ma ce l'ho fatta.",
            "Abbiamo lavorato in gruppo, ognuno con il suo compito.",
        ],
        "feedback": "Buon inizio! Aggiungi cosa faresti diversamente la prossima volta.",
        "event": "Giornata aperta della Città dell'apprendimento",
        "revoked": "Assegnato per errore.",
        "provider_badge": {
            "name": "Partecipazione: %(provider)s",
            "description": "Per chi ha partecipato con costanza alle attività di %(provider)s.",
            "criteria": "Hai partecipato ad almeno quattro incontri e presentato il tuo lavoro.",
        },
    },
}


def domain(name: str) -> str:
    return f"{name}.demo.invalid"


def load(site, name: str) -> None:
    if name not in CITY:
        return
    now = timezone.now()
    with transaction.atomic():
        _past_sessions(site, name, now)
    with transaction.atomic():
        _people(site, name, now)
    with transaction.atomic():
        _interested(site, name, now)
    with transaction.atomic():
        _provider_badges(site, name, now)


# -- past sessions -----------------------------------------------------------------------------


def _page_rng(name, page):
    return random.Random(f"insight-history-{name}-{page.slug}")  # noqa: S311 (demo data)


def _has_past(page, sessions) -> bool:
    """A session that starts before the page was first published was added afterwards: the
    page's past (or a page whose sessions began before it was put online, left alone)."""
    published = page.first_published_at
    return published is None or any(s.start < published for s in sessions)


def _local(value, tz):
    return timezone.localtime(value, tz)


def _past_runs(first, tz, rng, now):
    """Sessions like ``first`` (same weekday, time and length) in an earlier part of the year:
    a weekly series of some weeks, or the same session held on a few dates."""
    local = _local(first.start, tz)
    length = (first.end - first.start) if first.end else dt.timedelta(hours=2)
    weeks_back = rng.randint(10, 48)
    start_day = local.date() - dt.timedelta(weeks=weeks_back)
    latest = _local(now, tz).date() - dt.timedelta(days=10)
    runs = []
    if first.repeat or rng.random() < 0.6:
        count = rng.randint(6, 12)
        last_day = min(start_day + dt.timedelta(weeks=count - 1), latest)
        if last_day <= start_day:
            return []
        start = dt.datetime.combine(start_day, local.time(), tzinfo=tz)
        until = dt.datetime.combine(last_day, dt.time(23, 59, 59), tzinfo=tz)
        day = WEEKDAY_CODES[start.weekday()]
        rule = f"FREQ=WEEKLY;BYDAY={day};UNTIL={until.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
        runs.append((start, start + length, rule))
    else:
        for gap in sorted(rng.sample(range(0, weeks_back - 1, 4), min(3, weeks_back // 4))):
            day = start_day + dt.timedelta(weeks=gap)
            if day <= latest:
                start = dt.datetime.combine(day, local.time(), tzinfo=tz)
                runs.append((start, start + length, ""))
    return [run for run in runs if not validate(run[0], run[1], run[2], [], tz)]


def _past_sessions(site, name, now) -> None:
    tz = CityOfLearningSettings.for_site(site).tzinfo
    pages = (
        OpportunityPage.objects.descendant_of(site.root_page)
        .live()
        .filter(is_ongoing=False, has_unpublished_changes=False, takes_registrations=False)
        .order_by("path")
        .prefetch_related("sessions")
    )
    for page in pages:
        rng = _page_rng(name, page)
        if rng.random() >= PAST_SHARE:
            continue
        sessions = sorted(page.sessions.all(), key=lambda s: s.start)
        if not sessions or _has_past(page, sessions) or page.workflow_in_progress:
            continue
        runs = _past_runs(sessions[0], tz, rng, now)
        if not runs:
            continue
        page.sessions = [
            *(OpportunitySession(start=s, end=e, repeat=r) for s, e, r in runs),
            *sessions,
        ]
        page.save_revision().publish()


# -- learners, their progress and badges -------------------------------------------------------


def _weighted(rng, weights: dict):
    keys = list(weights)
    return rng.choices(keys, [weights[key] for key in keys])[0]


def _sign_up_days(now) -> dict:
    """Weights of the days of the last year for a sign-up: the busy months of the school year
    weigh more, and the recent months a little more (the city's offer is getting known)."""
    weights = {}
    for back in range(DAYS - 1):
        day = (now - dt.timedelta(days=back)).date()
        weights[back] = SEASON[day.month] * (1 + 0.4 * (DAYS - back) / DAYS)
    return weights


def _sign_up_time(rng, now, days):
    back = _weighted(rng, days)
    return now - dt.timedelta(days=back, seconds=rng.uniform(3600, 86000))


def _people(site, name, now) -> None:
    User = get_user_model()
    if User.objects.filter(email__iendswith="@" + domain(name)).exists():
        return
    rng = random.Random(f"insight-history-{name}")  # noqa: S311 (demo data)
    data = CITY[name]
    settings = CityOfLearningSettings.for_site(site)
    consent_age = settings.age_of_digital_consent
    locale = site.root_page.locale
    interests = list(Interest.objects.filter(locale=locale).order_by("sort_order", "pk"))
    year = timezone.localdate().year
    unusable = make_password(None)

    days = _sign_up_days(now)
    plans = []
    for number in range(1, LEARNERS + 1):
        joined = _sign_up_time(rng, now, days)
        age = _weighted(rng, AGES)
        born = year - age
        needs_consent = youngest_possible_age(born) < consent_age
        consent = LearnerProfile.Consent.NOT_NEEDED
        if needs_consent:
            consent = (
                LearnerProfile.Consent.PENDING
                if rng.random() < 0.3
                else LearnerProfile.Consent.GIVEN
            )
        plans.append((number, joined, born, consent))

    users = [
        User(
            username=f"{name}-learner-{number:04d}",
            email=f"learner-{number:04d}@{domain(name)}",
            password=unusable,
            date_joined=joined,
        )
        for number, joined, _born, _consent in plans
    ]
    User.objects.bulk_create(users)
    users = list(User.objects.filter(email__iendswith="@" + domain(name)).order_by("username"))

    profiles = []
    for user, (number, joined, born, consent) in zip(users, plans, strict=True):
        guardian = consent != LearnerProfile.Consent.NOT_NEEDED
        profiles.append(
            LearnerProfile(
                user=user,
                site=site,
                display_name=f"{rng.choice(data['names'])} {rng.choice(data['initials'])}.",
                year_of_birth=born,
                preferred_language=locale.language_code,
                consent=consent,
                guardian_email=f"guardian-{number:04d}@{domain(name)}" if guardian else "",
                consent_requested_at=joined if guardian else None,
                consent_given_at=(
                    joined + dt.timedelta(hours=rng.uniform(2, 96))
                    if consent == LearnerProfile.Consent.GIVEN
                    else None
                ),
            )
        )
    LearnerProfile.objects.bulk_create(profiles)
    profiles = list(LearnerProfile.objects.filter(user__in=users).order_by("user__username"))
    for profile, (_number, joined, _born, _consent) in zip(profiles, plans, strict=True):
        profile.created_at = joined
    LearnerProfile.objects.bulk_update(profiles, ["created_at"])

    through = LearnerProfile.interests.through
    weights = {interest: POPULAR.get(interest.slug, 1) for interest in interests}
    rows = []
    for profile in profiles:
        chosen = {_weighted(rng, weights) for _ in range(rng.randint(1, 3))}
        rows += [through(learnerprofile_id=profile.pk, interest_id=i.pk) for i in chosen]
    through.objects.bulk_create(rows)

    playlists = list(
        PlaylistPage.objects.descendant_of(site.root_page).live().order_by("path").specific()
    )
    if not playlists:
        return
    _progress(site, name, rng, now, profiles, playlists)
    _claims(name, rng, now, site, profiles, playlists)


# -- progress ----------------------------------------------------------------------------------


def _hard_step(playlist) -> int:
    """The step where many stop: the first required activity that asks for a file or a photo,
    else the second required step."""
    steps = playlist.step_list
    for index, step in enumerate(steps):
        photo_or_file = step.evidence in (EvidenceKind.FILE, EvidenceKind.PHOTO)
        if step.kind == StepKind.ACTIVITY and step.required and photo_or_file:
            return index
    required = [index for index, step in enumerate(steps) if step.required]
    return required[1] if len(required) > 1 else len(steps) - 1


def _met(playlist, done: set) -> bool:
    """The playlist's requirements with the steps in ``done`` complete (as evaluation says)."""
    steps = playlist.step_list
    if not steps:
        return False
    if not all(step.id in done for step in steps if step.required):
        return False
    optional = sum(1 for step in steps if not step.required and step.id in done)
    needed_optional = playlist.steps_needed - playlist.required_step_count
    return optional >= needed_optional


def _review_days(rng, name, when):
    """Days from evidence sent to a decision: a few, slower in summer and in Cagliari's
    autumn rush."""
    base = 2.5 if name == "ljubljana" else 3.5
    if when.month in (7, 8) or (name == "cagliari" and when.month in (9, 10)):
        base *= 2.2
    return min(30, rng.lognormvariate(0, 0.7) * base)


def _walk(playlist, started, rng, name, now, data):
    """The steps one learner did in ``playlist``, in order, from ``started``: their
    ``StepProgress`` (unsaved, without their enrolment), the ids of the steps complete and when
    the last of them was."""
    steps = playlist.step_list
    hard = _hard_step(playlist)
    moment = last = started
    records, done = [], set()
    for index, step in enumerate(steps):
        if step.kind == StepKind.BADGE:
            continue  # a badge earned elsewhere: these learners hold none of them
        if not step.required and rng.random() < 0.35:
            continue  # an optional step left out
        going_on = 0.45 if index == hard else 0.88
        moment = moment + dt.timedelta(days=rng.uniform(0.5, 12))
        if moment > now - dt.timedelta(hours=2):
            break  # not got that far yet
        if rng.random() >= going_on:
            # The step where this learner stopped: sometimes evidence sent and waiting, or
            # sent back with a request for changes.
            if step.kind == StepKind.ACTIVITY and step.evidence in (
                EvidenceKind.TEXT,
                EvidenceKind.LINK,
            ):
                # Recent evidence often still waits; older evidence was mostly decided.
                chance = rng.random() * (1 if now - moment < dt.timedelta(days=45) else 4)
                if chance < 0.6:
                    records.append(
                        _evidence(step, data, rng, moment, StepProgress.Status.SUBMITTED)
                    )
                elif chance < 1.4:
                    reviewed = min(now, moment + dt.timedelta(days=_review_days(rng, name, moment)))
                    record = _evidence(
                        step, data, rng, moment, StepProgress.Status.CHANGES_REQUESTED
                    )
                    record.reviewed_at = reviewed
                    record.feedback = data["feedback"]
                    records.append(record)
            break
        if step.kind == StepKind.ACTIVITY and step.evidence != EvidenceKind.NONE:
            reviewed = moment + dt.timedelta(days=_review_days(rng, name, moment))
            if reviewed > now:
                records.append(_evidence(step, data, rng, moment, StepProgress.Status.SUBMITTED))
                break
            record = _evidence(step, data, rng, moment, StepProgress.Status.APPROVED)
            record.reviewed_at = record.completed_at = moment = reviewed
        else:
            record = StepProgress(
                step_id=step.id, status=StepProgress.Status.DONE, completed_at=moment
            )
        records.append(record)
        done.add(step.id)
        last = moment
    return records, done, last


def _evidence(step, data, rng, when, status):
    record = StepProgress(step_id=step.id, status=status, submitted_at=when)
    if step.evidence == EvidenceKind.LINK:
        record.link = f"https://example.org/portfolio/{rng.randint(1000, 9999)}"
    else:
        record.text = rng.choice(data["answers"])
    return record


def _progress(site, name, rng, now, profiles, playlists) -> None:
    data = CITY[name]
    popularity = {playlist: 1 / (rank + 1) ** 0.6 for rank, playlist in enumerate(playlists)}
    rng.shuffle(playlists)  # which playlists are popular, differently in each city
    popularity = dict(zip(playlists, popularity.values(), strict=True))
    enrolments, walks = [], []
    for profile in profiles:
        if profile.consent == LearnerProfile.Consent.PENDING:
            continue  # nothing is stored before the guardian agrees
        joined = profile.created_at
        age = profile.age_this_year
        fitting = {
            playlist: weight
            for playlist, weight in popularity.items()
            if (playlist.age_min or 0) <= age <= (playlist.age_max or 99)
        }
        if fitting and rng.random() < STARTED_SHARE:
            playlist = _weighted(rng, fitting)
            started = joined + dt.timedelta(days=rng.expovariate(1 / 12))
            if started < now - dt.timedelta(days=1):
                records, done, last = _walk(playlist, started, rng, name, now, data)
                completed = last if _met(playlist, done) else None
                enrolments.append(
                    PlaylistEnrolment(
                        user_id=profile.user_id,
                        playlist=playlist,
                        started_at=started,
                        completed_at=completed,
                        last_activity_at=max(
                            [started, *(r.submitted_at or r.completed_at for r in records)]
                        ),
                    )
                )
                walks.append((playlist, records, completed))
                fitting.pop(playlist, None)
        if fitting and rng.random() < SAVED_SHARE:
            saved = joined + dt.timedelta(days=rng.uniform(0, 20))
            if saved < now:
                enrolments.append(
                    PlaylistEnrolment(
                        user_id=profile.user_id,
                        playlist=_weighted(rng, fitting),
                        saved_at=saved,
                        last_activity_at=saved,
                    )
                )
    PlaylistEnrolment.objects.bulk_create(enrolments)
    started = [enrolment for enrolment in enrolments if enrolment.started_at]
    records = []
    for enrolment, (_playlist, steps, _completed) in zip(started, walks, strict=True):
        for record in steps:
            record.enrolment = enrolment
            records.append(record)
    StepProgress.objects.bulk_create(records)
    _badges_earned(name, now, started, walks)


def _quiet_award(badge, email, **kwargs) -> Award:
    """Award ``badge`` with the package's function; its recipient has no inbox, so the award
    is marked as notified before its background task runs (which then bakes it only)."""
    instance = award(badge, email, **kwargs)
    Award.objects.filter(pk=instance.pk).update(notification_state=Award.State.DONE)
    return instance


def _badges_earned(name, now, started, walks) -> None:
    """The badges the learners' steps and completed playlists earned, as the playlists' tasks
    award them, dated when they were earned."""
    emails = dict(
        get_user_model()
        .objects.filter(pk__in=[e.user_id for e in started])
        .values_list("pk", "email")
    )
    urls = {}
    for enrolment, (playlist, records, completed) in zip(started, walks, strict=True):
        if playlist.pk not in urls:
            url = playlist.full_url or ""
            urls[playlist.pk] = [{"url": url, "narrative": playlist.title}] if url else []
        email = emails[enrolment.user_id]
        for record in records:
            step = playlist.get_step(record.step_id)
            badge = step.earns_step_badge if step else None
            if record.is_complete and badge is not None and badge.live:
                record.award = _quiet_award(
                    badge,
                    email,
                    evidence=urls[playlist.pk],
                    narrative=step.title,
                    source=Award.Source.PLAYLIST,
                    issued_on=record.completed_at,
                )
                StepProgress.objects.filter(pk=record.pk).update(award=record.award)
        badge = playlist.completion_badge
        if completed and badge is not None and badge.live:
            instance = _quiet_award(
                badge,
                email,
                evidence=urls[playlist.pk],
                narrative=playlist.title,
                source=Award.Source.PLAYLIST,
                issued_on=completed,
            )
            PlaylistEnrolment.objects.filter(pk=enrolment.pk).update(completion_award=instance)


# -- a badge claimed with a code at the city's event -------------------------------------------


def _claims(name, rng, now, site, profiles, playlists) -> None:
    """Young people at the city's open day claimed a badge with the code handed out there;
    two of these awards were later revoked."""
    used = set()
    for playlist in playlists:
        used.add(playlist.completion_badge_id)
        used.update(step.badge.pk for step in playlist.step_list if step.kind == StepKind.BADGE)
    badge = next(
        (
            step.badge
            for playlist in playlists
            for step in playlist.step_list
            if step.kind == StepKind.ACTIVITY
            and step.badge is not None
            and step.badge.live
            and step.badge.pk not in used
        ),
        None,
    )
    if badge is None:
        return
    day = now - dt.timedelta(days=rng.randint(60, 150))
    code = ClaimCode.objects.create(
        badge_class=badge, label=CITY[name]["event"], max_uses=CLAIMS + 5
    )
    ClaimCode.objects.filter(pk=code.pk).update(created_at=day)
    allowed = [
        p for p in profiles if p.consent != LearnerProfile.Consent.PENDING and p.created_at < day
    ]
    claimed = []
    for profile in rng.sample(allowed, min(CLAIMS, len(allowed))):
        instance = claim(code.code, profile.user.email, site)
        when = day + dt.timedelta(minutes=rng.uniform(10, 300))
        Award.objects.filter(pk=instance.pk).update(
            issued_on=when,
            expires=badge.expires_for(when),
            notification_state=Award.State.DONE,
        )
        claimed.append(instance)
    ClaimCode.objects.filter(pk=code.pk).update(active=False)
    for instance in claimed[:REVOKED]:
        # Issued weeks ago: signed and baked long before it was revoked, so its credential
        # is out there and its bit in the status list is what says it no longer holds.
        instance.refresh_from_db()
        bake_award(instance)
        revoke(instance, CITY[name]["revoked"])


# -- "I'm interested" --------------------------------------------------------------------------


def _generated_profiles(site, name) -> list:
    """The generated learners of the city who may store learning, in a fixed order."""
    return list(
        LearnerProfile.objects.filter(site=site, user__email__iendswith="@" + domain(name))
        .exclude(consent=LearnerProfile.Consent.PENDING)
        .select_related("user")
        .order_by("user__username")
    )


def _interested(site, name, now) -> None:
    """Generated learners said "I'm interested" in one to three opportunities each, some
    opportunities far more often than others; dated between their sign-up and today."""
    mine = InterestedLearner.objects.filter(user__email__iendswith="@" + domain(name))
    if mine.exists():
        return
    rng = random.Random(f"insight-interested-{name}")  # noqa: S311 (demo data)
    pages = list(
        OpportunityPage.objects.descendant_of(site.root_page)
        .live()
        .order_by("path")
        .values_list("pk", flat=True)
    )
    if not pages:
        return
    rng.shuffle(pages)  # which opportunities are wanted most
    wanted = {pk: 1 / (rank + 1) ** 1.1 for rank, pk in enumerate(pages)}
    rows, dates = [], []
    for profile in _generated_profiles(site, name):
        if rng.random() >= INTERESTED_SHARE:
            continue
        chosen = {_weighted(rng, wanted) for _ in range(rng.randint(1, 3))}
        for pk in sorted(chosen):
            rows.append(InterestedLearner(user_id=profile.user_id, opportunity_id=pk))
            dates.append(profile.created_at + (now - profile.created_at) * rng.random())
    created = InterestedLearner.objects.bulk_create(rows, batch_size=500)
    if created and created[0].pk is None:  # a database that gives no ids back
        created = list(mine.order_by("pk"))
    for row, when in zip(created, dates, strict=True):
        row.created_at = when  # the field is set on saving: dated afterwards
    InterestedLearner.objects.bulk_update(created, ["created_at"], batch_size=500)


# -- providers' own badges ---------------------------------------------------------------------

PROVIDER_BADGE_LOOKS = [("#7a3e9d", "hexagon"), ("#a14a00", "diamond")]


def _provider_badge(site, name, provider, number) -> BadgeClass:
    """The provider's issuer (its own profile) and its published badge, made where missing."""
    locale = site.root_page.locale
    slug = f"demo-{provider.slug}"[:100]
    badge = BadgeClass.objects.filter(slug=slug, locale=locale).first()
    if badge is not None:
        return badge
    issuer = Issuer.objects.filter(provider=provider).first()
    if issuer is None:
        issuer = Issuer.objects.create(
            name=provider.title,
            url=provider.website or provider.full_url or site.root_url + "/",
            email=provider.email or f"badges@{domain(name)}",
            provider=provider,
        )
    text = {
        key: value % {"provider": provider.title}
        for key, value in CITY[name]["provider_badge"].items()
    }
    badge = BadgeClass(
        name=text["name"][:200],
        slug=slug,
        description=text["description"],
        criteria_narrative=text["criteria"],
        issuer=issuer,
        locale=locale,
    )
    colour, shape = PROVIDER_BADGE_LOOKS[number % len(PROVIDER_BADGE_LOOKS)]
    badge.image.save(f"{slug}.png", ContentFile(badge_png(colour, shape)), save=False)
    badge.save()
    badge.save_revision().publish()
    badge.refresh_from_db()
    return badge


def _provider_badges(site, name, now) -> None:
    """Two providers award a badge of their own after some of their events, to generated
    learners who had signed up by then."""
    rng = random.Random(f"insight-provider-badges-{name}")  # noqa: S311 (demo data)
    providers = list(
        ProviderPage.objects.descendant_of(site.root_page)
        .live()
        .order_by("path")[:PROVIDER_ISSUERS]
    )
    profiles = None
    for number, provider in enumerate(providers):
        badge = _provider_badge(site, name, provider, number)
        if Award.objects.filter(badge_class=badge).exists():
            continue
        if profiles is None:
            profiles = _generated_profiles(site, name)
        for back in sorted(rng.sample(range(20, DAYS - 20), PROVIDER_EVENTS), reverse=True):
            day = now - dt.timedelta(days=back)
            there = [p for p in profiles if p.created_at < day]
            for profile in rng.sample(there, min(len(there), rng.randint(5, 8))):
                _quiet_award(
                    badge,
                    profile.user.email,
                    narrative=badge.criteria_narrative,
                    source=Award.Source.ADMIN,
                    issued_on=day + dt.timedelta(hours=rng.uniform(1, 6)),
                )
