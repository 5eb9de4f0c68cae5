"""The dashboard's sections on learners, playlists and badges.

Each figure aggregates in the database (a fixed number of queries whatever the size of the
city) and counts people through :func:`~wagtail_cityoflearning.insight.privacy.people`.
"""

import datetime as dt

from django.db.models import Count, F, Min, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext, pgettext
from wagtail import hooks
from wagtail.models import Page

from wagtail_cityoflearning.badges.models import Award, BadgeClass
from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.insight.bands import AGE_BANDS
from wagtail_cityoflearning.insight.figures import (
    BAR,
    HBAR,
    LINE,
    SECTIONS_HOOK,
    Chart,
    Figure,
    Section,
    Series,
)
from wagtail_cityoflearning.insight.people import counting
from wagtail_cityoflearning.insight.privacy import (
    FEWER,
    MIN_PEOPLE,
    WITHHELD,
    FewerThan,
    chart_value,
    display,
    people,
    suppress_row,
)
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile, today
from wagtail_cityoflearning.learners.progress.models import StepProgress
from wagtail_cityoflearning.learners.steps.blocks import StepKind
from wagtail_cityoflearning.models import Interest

TOP_PLAYLISTS = 10  # playlists in the overview
FUNNELS = 5  # the most-started playlists, each with its steps
TOP_ISSUERS = 5  # issuers with their own colour in the badges' chart; the rest are grouped
OLDEST_PLAYLISTS = 10  # playlists whose evidence has waited longest
WAITING_AGES = [(0, 6), (7, 13), (14, 29), (30, None)]  # days since the evidence was sent

COMPLETE = [StepProgress.Status.APPROVED, StepProgress.Status.DONE]


def hidden(value) -> bool:
    return isinstance(value, FewerThan)


def share(part, whole):
    """``part`` as a percentage of ``whole`` (one decimal), or None when either is hidden or
    ``whole`` is zero."""
    if hidden(people(part)) or hidden(people(whole)) or not whole:
        return None
    return round(100 * part / whole, 1)


def shown_median(count, median):
    """A median in days, shown only when enough people are behind it."""
    if not count or hidden(people(count)):
        return None
    return counting.days(median)


def median_words(count, median) -> str:
    """A median in days for a sentence: the number, or why it is not shown."""
    shown = shown_median(count, median)
    if shown is None:
        return gettext("not shown (fewer than %(count)s people)") % {"count": MIN_PEOPLE}
    return display(shown)


def period_text(scope) -> dict:
    return {
        "start": format_date(scope.start, "date"),
        "end": format_date(scope.end, "date"),
    }


def series(label, values) -> Series:
    return Series(label=label, values=[chart_value(value) for value in values])


# -- learners ------------------------------------------------------------------------------------


@hooks.register(SECTIONS_HOOK)
def learners_section(scope):
    profiles = counting.learners(scope)
    if scope.is_city:
        intro = gettext(
            "Learners whose account belongs to the city, signed up by the period's end."
        )
    else:
        intro = gettext(
            "Learners who saved or started one of the provider's playlists, had their "
            "attendance confirmed at one of its opportunities or received one of its badges, "
            "by the period's end. Nobody else is counted."
        )
    return Section(
        key="learners",
        title=gettext("Learners"),
        order=60,
        intro=intro,
        figures=[
            sign_ups(scope, profiles),
            *ages_and_consent(profiles),
            interests(scope, profiles),
        ],
    )


def sign_ups(scope, profiles) -> Figure:
    months = counting.months(scope)
    counts = {
        months[row["month"]]: row["n"]
        for row in profiles.filter(scope.in_period("created_at"))
        .annotate(month=counting.month_number(scope, "created_at"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
    }
    total = sum(counts.values())
    values = suppress_row([people(counts.get(month, 0)) for month in months], people(total))
    if total:
        busiest = max(range(len(months)), key=lambda n: counts.get(months[n], 0))
        summary = gettext(
            "Sign-ups between %(start)s and %(end)s: %(total)s; the most in %(month)s (%(count)s)."
        ) % {
            "total": display(people(total)),
            "month": counting.month_label(months[busiest]),
            "count": display(values[busiest]),
            **period_text(scope),
        }
    else:
        summary = gettext("No learner signed up between %(start)s and %(end)s.") % period_text(
            scope
        )
    labels = [counting.month_label(month) for month in months]
    return Figure(
        key="learner-sign-ups",
        title=gettext("Sign-ups per month"),
        columns=[gettext("Month"), gettext("Sign-ups")],
        rows=[[label, value] for label, value in zip(labels, values, strict=True)],
        summary=summary,
        chart=Chart(kind=BAR, labels=labels, series=[series(gettext("Sign-ups"), values)]),
        note=gettext("A sign-up is a learner's profile created in the month."),
    )


def ages_and_consent(profiles) -> list[Figure]:
    """The age bands and the consent states, from one query."""
    year = today().year
    aggregates = {"total": Count("pk")}
    for number, (_key, low, high, _label) in enumerate(AGE_BANDS):
        born = Q()
        if low is not None:
            born &= Q(year_of_birth__lte=year - low)
        if high is not None:
            born &= Q(year_of_birth__gte=year - high)
        aggregates[f"band{number}"] = Count("pk", filter=born)
    states = [
        LearnerProfile.Consent.PENDING,
        LearnerProfile.Consent.GIVEN,
        LearnerProfile.Consent.NOT_NEEDED,
    ]
    for number, state in enumerate(states):
        aggregates[f"consent{number}"] = Count("pk", filter=Q(consent=state))
    counts = profiles.order_by().aggregate(**aggregates)
    total = counts["total"]

    band_labels = [str(label) for _key, _low, _high, label in AGE_BANDS]
    band_values = suppress_row(
        [people(counts[f"band{n}"]) for n in range(len(AGE_BANDS))], people(total)
    )
    largest = max(range(len(AGE_BANDS)), key=lambda n: counts[f"band{n}"])
    if total:
        age_summary = gettext(
            "Of %(total)s learners, the largest group is %(band)s (%(count)s)."
        ) % {
            "total": display(people(total)),
            "band": band_labels[largest],
            "count": display(band_values[largest]),
        }
    else:
        age_summary = gettext("There are no learners to count yet.")
    ages = Figure(
        key="learner-ages",
        title=gettext("Age"),
        columns=[gettext("Age"), gettext("Learners"), gettext("Share (%)")],
        rows=[
            [label, value, None if hidden(value) else share(counts[f"band{n}"], total)]
            for n, (label, value) in enumerate(zip(band_labels, band_values, strict=True))
        ],
        summary=age_summary,
        chart=Chart(
            kind=BAR, labels=band_labels, series=[series(gettext("Learners"), band_values)]
        ),
        note=gettext(
            "The age a learner reaches this year (%(year)s), from the year of birth on their "
            "profile."
        )
        % {"year": year},
    )

    state_labels = [str(state.label) for state in states]
    state_values = suppress_row(
        [people(counts[f"consent{n}"]) for n in range(len(states))], people(total)
    )
    waiting = None if hidden(state_values[0]) else share(counts["consent0"], total)
    if total and waiting is None:
        consent_summary = gettext(
            "Learners waiting for a parent's or guardian's consent: %(waiting)s of %(total)s."
        ) % {"waiting": display(state_values[0]), "total": display(people(total))}
    elif total:
        consent_summary = gettext(
            "Learners waiting for a parent's or guardian's consent: %(waiting)s of %(total)s "
            "(%(share)s %%)."
        ) % {
            "waiting": display(state_values[0]),
            "total": display(people(total)),
            "share": display(waiting),
        }
    else:
        consent_summary = gettext("There are no learners to count yet.")
    consent = Figure(
        key="learner-consent",
        title=gettext("Guardian consent"),
        columns=[gettext("Consent"), gettext("Learners"), gettext("Share (%)")],
        rows=[
            [label, value, None if hidden(value) else share(counts[f"consent{n}"], total)]
            for n, (label, value) in enumerate(zip(state_labels, state_values, strict=True))
        ],
        summary=consent_summary,
        chart=Chart(
            kind=HBAR, labels=state_labels, series=[series(gettext("Learners"), state_values)]
        ),
        note=gettext(
            "While a parent's or guardian's consent is awaited, nothing beyond the account is "
            "stored: these learners have no playlists, evidence or badges yet."
        ),
    )
    return [ages, consent]


def interest_names(slugs, scope) -> dict:
    """Each interest's name in the reader's language, else the city's, else any."""
    wanted = [get_language() or "", scope.site.root_page.locale.language_code]
    names = {}
    for slug, name, language in Interest.objects.filter(slug__in=slugs).values_list(
        "slug", "name", "locale__language_code"
    ):
        rank = wanted.index(language) if language in wanted else len(wanted)
        if slug not in names or rank < names[slug][0]:
            names[slug] = (rank, name)
    return {slug: name for slug, (_rank, name) in names.items()}


def interests(scope, profiles) -> Figure:
    counted = list(
        profiles.order_by()
        .values("interests__slug")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "interests__slug")
    )
    names = interest_names(
        [row["interests__slug"] for row in counted if row["interests__slug"]], scope
    )
    chosen = [row for row in counted if row["interests__slug"]]
    none = sum(row["n"] for row in counted if not row["interests__slug"])
    labels = [names.get(row["interests__slug"], row["interests__slug"]) for row in chosen]
    values = [people(row["n"]) for row in chosen]
    rows = [[label, value] for label, value in zip(labels, values, strict=True)]
    if none:
        rows.append([gettext("No interest chosen"), people(none)])
    if chosen:
        summary = gettext("The interest most learners chose is %(interest)s (%(count)s).") % {
            "interest": labels[0],
            "count": display(values[0]),
        }
    else:
        summary = gettext("No learner has chosen an interest yet.")
    return Figure(
        key="learner-interests",
        title=gettext("Learners per interest"),
        columns=[gettext("Interest"), gettext("Learners")],
        rows=rows,
        summary=summary,
        chart=Chart(kind=HBAR, labels=labels, series=[series(gettext("Learners"), values)]),
        note=gettext("A learner may choose several interests, and counts once in each."),
        empty=gettext("No learner has chosen an interest yet."),
    )


# -- playlists -----------------------------------------------------------------------------------


@hooks.register(SECTIONS_HOOK)
def playlists_section(scope):
    cohort = counting.enrolments(scope).filter(scope.in_period("started_at"))
    completed = Count("pk", filter=Q(completed_at__isnull=False))
    top = list(
        cohort.order_by()
        .values("playlist_id", "playlist__title")
        .annotate(started=Count("pk"), completed=completed)
        .order_by("-started", "playlist__title", "playlist_id")[:TOP_PLAYLISTS]
    )
    totals = cohort.order_by().aggregate(started=Count("pk"), completed=completed)
    took = counting.duration("completed_at", "started_at")
    finished = cohort.filter(completed_at__isnull=False)
    top_ids = [row["playlist_id"] for row in top]
    per_playlist = counting.medians(
        finished.filter(playlist_id__in=top_ids), took, partition="playlist_id"
    )
    overall = counting.medians(finished, took).get(None, (0, None))
    funnels = playlist_funnels(cohort, top[:FUNNELS])
    return Section(
        key="playlists",
        title=gettext("Playlists"),
        order=61,
        intro=gettext(
            "Learners who started a playlist in the period, and how far they have got since."
        ),
        figures=[
            overview(scope, top, totals, per_playlist, overall),
            *[funnel.figure() for funnel in funnels],
            stops(funnels),
        ],
    )


def overview(scope, top, totals, per_playlist, overall) -> Figure:
    rows = []
    for row in top:
        count, median = per_playlist.get(row["playlist_id"], (0, None))
        rows.append(
            [
                row["playlist__title"],
                people(row["started"]),
                people(row["completed"]),
                share(row["completed"], row["started"]),
                shown_median(count, median),
            ]
        )
    rows.append(
        [
            gettext("All playlists"),
            people(totals["started"]),
            people(totals["completed"]),
            share(totals["completed"], totals["started"]),
            shown_median(*overall),
        ]
    )
    labels = [row[0] for row in rows[:-1]]
    if totals["started"]:
        summary = gettext(
            "Learners who started a playlist between %(start)s and %(end)s: %(started)s; "
            "of them, completed since: %(completed)s. Days to complete a playlist (median): "
            "%(days)s."
        ) % {
            "started": display(people(totals["started"])),
            "completed": display(people(totals["completed"])),
            "days": median_words(*overall),
            **period_text(scope),
        }
    else:
        summary = gettext("No learner started a playlist between %(start)s and %(end)s.") % (
            period_text(scope)
        )
    return Figure(
        key="playlists-started",
        title=gettext("Most-started playlists"),
        columns=[
            gettext("Playlist"),
            gettext("Started"),
            gettext("Completed"),
            gettext("Completed (%)"),
            gettext("Days to complete (median)"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            kind=HBAR,
            labels=labels,
            series=[
                series(gettext("Started"), [row[1] for row in rows[:-1]]),
                series(gettext("Completed"), [row[2] for row in rows[:-1]]),
            ],
        ),
        note=gettext(
            "Learners who started each playlist in the period; completed counts those of "
            "them who have completed it since. The time to complete runs from starting to "
            "completing."
        ),
    )


class Funnel:
    """One playlist: learners who started it, completed each step, and completed it."""

    def __init__(self, playlist_id, title, stages):
        self.playlist_id = playlist_id
        self.title = title
        self.stages = stages  # (label, count), from "started" to "completed"

    @property
    def started(self) -> int:
        return self.stages[0][1]

    def biggest_drop(self):
        """(the stage most did not reach, how many stopped before it), or None."""
        drop = self._biggest_drop()
        return drop[:2] if drop else None

    def _biggest_drop(self):
        drops = [
            (self.stages[n][0], self.stages[n - 1][1] - self.stages[n][1], n)
            for n in range(1, len(self.stages))
        ]
        label, drop, n = max(drops, key=lambda item: item[1], default=(None, 0, 0))
        return (label, drop, n) if drop > 0 else None

    def shown_drop(self):
        """(the stage most did not reach, how many stopped before it as it may be shown, and
        its share of those who started), or None. A drop worked out from a hidden count is
        hidden too, with its share: with the count before it, it would give the hidden one
        back."""
        found = self._biggest_drop()
        if not found:
            return None
        label, drop, n = found
        if hidden(people(self.stages[n - 1][1])) or hidden(people(self.stages[n][1])):
            return label, FEWER if hidden(people(drop)) else WITHHELD, None
        return label, people(drop), share(drop, self.started)

    def figure(self) -> Figure:
        values = [people(count) for _label, count in self.stages]
        labels = [label for label, _count in self.stages]
        summary = gettext(
            "Of %(started)s learners who started “%(playlist)s”, %(completed)s have completed it."
        ) % {
            "started": display(values[0]),
            "playlist": self.title,
            "completed": display(values[-1]),
        }
        drop = self.shown_drop()
        if drop:
            summary += " " + gettext("Most stopped before “%(stage)s” (%(count)s).") % {
                "stage": drop[0],
                "count": display(drop[1]),
            }
        return Figure(
            key=f"playlist-steps-{self.playlist_id}",
            title=gettext("Steps of “%(playlist)s”") % {"playlist": self.title},
            columns=[gettext("Stage"), gettext("Learners"), gettext("Of those who started (%)")],
            rows=[
                [label, value, share(count, self.started)]
                for (label, count), value in zip(self.stages, values, strict=True)
            ],
            summary=summary,
            chart=Chart(kind=HBAR, labels=labels, series=[series(gettext("Learners"), values)]),
            note=gettext(
                "Learners who started the playlist in the period, and how many of them have "
                "completed each step (approved or done) and the playlist since."
            ),
        )


def step_label(number, kind, value, pages, badges) -> str:
    if kind == StepKind.OPPORTUNITY:
        title = pages.get(value.get("opportunity")) or gettext("Opportunity")
    elif kind == StepKind.BADGE:
        title = badges.get(value.get("badge")) or gettext("Badge")
    else:
        title = value.get("title") or gettext("Activity")
    return gettext("Step %(number)s: %(title)s") % {"number": number, "title": title}


def playlist_funnels(cohort, top) -> list[Funnel]:
    """The steps of each of ``top``'s playlists, from the pages' raw steps, and how many of the
    period's starters completed each (a fixed number of queries for any number of learners)."""
    if not top:
        return []
    ids = [row["playlist_id"] for row in top]
    steps = {}
    for page in Page.objects.filter(pk__in=ids).specific():
        raw = getattr(page, "steps", None)
        steps[page.pk] = list(raw.raw_data) if raw is not None else []
    blocks = [block for found in steps.values() for block in found]
    opportunity_ids = {
        block["value"].get("opportunity")
        for block in blocks
        if block.get("type") == StepKind.OPPORTUNITY and isinstance(block.get("value"), dict)
    }
    badge_ids = {
        block["value"].get("badge")
        for block in blocks
        if block.get("type") == StepKind.BADGE and isinstance(block.get("value"), dict)
    }
    pages = dict(
        Page.objects.filter(pk__in=[pk for pk in opportunity_ids if pk]).values_list("pk", "title")
    )
    badges = dict(
        BadgeClass.objects.filter(pk__in=[pk for pk in badge_ids if pk]).values_list("pk", "name")
    )
    done = {
        (row["enrolment__playlist_id"], row["step_id"]): row["n"]
        for row in StepProgress.objects.filter(
            enrolment_id__in=cohort.filter(playlist_id__in=ids).values("pk")
        )
        .order_by()
        .values("enrolment__playlist_id", "step_id")
        # Counted with a filter rather than kept by the WHERE clause, so that the rows are
        # found through the enrolments (an index) rather than through every completed step.
        .annotate(n=Count("pk", filter=Q(status__in=COMPLETE)))
    }
    funnels = []
    for row in top:
        playlist_id = row["playlist_id"]
        stages = [(gettext("Started"), row["started"])]
        for number, block in enumerate(steps.get(playlist_id, []), start=1):
            value = block.get("value") if isinstance(block.get("value"), dict) else {}
            label = step_label(number, block.get("type"), value, pages, badges)
            stages.append((label, done.get((playlist_id, block.get("id")), 0)))
        stages.append((gettext("Completed"), row["completed"]))
        funnels.append(Funnel(playlist_id, row["playlist__title"], stages))
    return funnels


def stops(funnels) -> Figure:
    rows = []
    for funnel in funnels:
        drop = funnel.shown_drop()
        if drop:
            rows.append([funnel.title, *drop])
        else:
            rows.append([funnel.title, gettext("nowhere in particular"), 0, None])
    stopped = [row for row in rows if row[2]]
    if stopped:
        first = stopped[0]
        summary = gettext(
            "In “%(playlist)s”, the most-started playlist, most learners stopped before "
            "“%(stage)s” (%(count)s)."
        ) % {"playlist": first[0], "stage": first[1], "count": display(first[2])}
    else:
        summary = gettext("No playlist started in the period has lost learners on the way yet.")
    return Figure(
        key="playlist-stops",
        title=gettext("Where learners stop"),
        columns=[
            gettext("Playlist"),
            gettext("The step most did not reach"),
            gettext("Learners who stopped there"),
            gettext("Of those who started (%)"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            kind=HBAR,
            labels=[row[0] for row in rows],
            series=[series(gettext("Learners who stopped there"), [row[2] for row in rows])],
        ),
        note=gettext(
            "For each of the most-started playlists: the stage with the biggest drop from the "
            "one before it."
        ),
        empty=gettext("No learner started a playlist in the period."),
    )


# -- badges and review ---------------------------------------------------------------------------


@hooks.register(SECTIONS_HOOK)
def badges_section(scope):
    revoked = Q(revoked=True)
    issued = list(
        counting.awards(scope)
        .filter(scope.in_period("issued_on"))
        .annotate(month=counting.month_number(scope, "issued_on"))
        .order_by()
        .values(
            "month",
            "badge_class__issuer_id",
            issuer=Coalesce("badge_class__issuer__provider__title", "badge_class__issuer__name"),
        )
        .annotate(
            valid=Count("pk", filter=~revoked),
            withdrawn=Count("pk", filter=revoked),
            claimed=Count("pk", filter=~revoked & Q(source=Award.Source.CLAIM_CODE)),
        )
        .order_by("month", "issuer", "badge_class__issuer_id")
    )
    return Section(
        key="badges",
        title=gettext("Badges and review"),
        order=62,
        intro=gettext(
            "Badges issued by the city and its providers (a provider: its own), and the "
            "review of evidence sent in their playlists."
        ),
        figures=[
            badges_issued(scope, issued),
            claims(scope, issued),
            review_time(scope),
            *waiting(scope),
        ],
    )


def badges_issued(scope, issued) -> Figure:
    months = counting.months(scope)
    totals = {}
    for row in issued:
        totals[row["badge_class__issuer_id"]] = (
            totals.get(row["badge_class__issuer_id"], 0) + row["valid"]
        )
    leading = sorted(totals, key=lambda issuer: -totals[issuer])[:TOP_ISSUERS]
    names = {row["badge_class__issuer_id"]: row["issuer"] for row in issued}
    grid = {}
    for row in issued:
        issuer = row["badge_class__issuer_id"]
        key = issuer if issuer in leading else None
        month = months[row["month"]]
        grid[(key, month)] = grid.get((key, month), 0) + row["valid"]
    chart_series = [
        series(names[issuer], [people(grid.get((issuer, month), 0)) for month in months])
        for issuer in leading
    ]
    if len(totals) > len(leading):
        chart_series.append(
            series(
                gettext("Other issuers"),
                [people(grid.get((None, month), 0)) for month in months],
            )
        )
    rows = [
        [
            counting.month_label(months[row["month"]]),
            row["issuer"],
            people(row["valid"]),
            people(row["withdrawn"]),
        ]
        for row in issued
    ]
    total = sum(row["valid"] for row in issued)
    withdrawn = sum(row["withdrawn"] for row in issued)
    if total or withdrawn:
        summary = gettext(
            "Badges issued between %(start)s and %(end)s and still valid: %(total)s; "
            "revoked since: %(revoked)s."
        ) % {
            "total": display(people(total)),
            "revoked": display(people(withdrawn)),
            **period_text(scope),
        }
        if leading:
            summary += " " + gettext("The most came from %(issuer)s (%(count)s).") % {
                "issuer": names[leading[0]],
                "count": display(people(totals[leading[0]])),
            }
    else:
        summary = gettext("No badge was issued between %(start)s and %(end)s.") % period_text(scope)
    return Figure(
        key="badges-issued",
        title=gettext("Badges issued per issuer and month"),
        columns=[
            gettext("Month"),
            gettext("Issuer"),
            gettext("Issued"),
            pgettext("badges, column", "Revoked"),
        ],
        rows=rows,
        summary=summary,
        chart=Chart(
            kind=BAR,
            labels=[counting.month_label(month) for month in months],
            series=chart_series,
            stacked=True,
        ),
        note=gettext(
            "Issued counts the badges still valid; revoked ones are counted apart, in the "
            "month they were issued. The issuer is the provider, or the city for its own "
            "badges."
        ),
        empty=gettext("No badge was issued in the period."),
    )


def claims(scope, issued) -> Figure:
    months = counting.months(scope)
    per_month = {}
    for row in issued:
        month = months[row["month"]]
        per_month[month] = per_month.get(month, 0) + row["claimed"]
    labels = [counting.month_label(month) for month in months]
    values = [people(per_month.get(month, 0)) for month in months]
    total = sum(per_month.values())
    if total:
        summary = gettext(
            "Badges claimed with a claim code between %(start)s and %(end)s: %(count)s."
        ) % {"count": display(people(total)), **period_text(scope)}
    else:
        summary = gettext("No badge was claimed with a code between %(start)s and %(end)s.") % (
            period_text(scope)
        )
    return Figure(
        key="badges-claimed",
        title=gettext("Claim codes used"),
        columns=[gettext("Month"), gettext("Badges claimed with a code")],
        rows=[[label, value] for label, value in zip(labels, values, strict=True)],
        summary=summary,
        chart=Chart(kind=BAR, labels=labels, series=[series(gettext("Badges claimed"), values)]),
        note=gettext("Each use of a claim code that gave a badge still valid today."),
    )


def review_time(scope) -> Figure:
    # A decision stamps ``reviewed_at`` (approved, or changes asked for); evidence sent again
    # after it has a later ``submitted_at`` and waits for its next decision.
    decisions = counting.evidence(scope).filter(
        scope.in_period("reviewed_at"),
        submitted_at__isnull=False,
        reviewed_at__gte=F("submitted_at"),
    )
    took = counting.duration("reviewed_at", "submitted_at")
    months = counting.months(scope)
    by_month = counting.medians(
        decisions.annotate(month=counting.month_number(scope, "reviewed_at")),
        took,
        partition="month",
    )
    by_month = {months[number]: values for number, values in by_month.items()}
    overall = counting.medians(decisions, took).get(None, (0, None))
    labels = [counting.month_label(month) for month in months]
    rows = []
    for label, month in zip(labels, months, strict=True):
        count, median = by_month.get(month, (0, None))
        rows.append([label, people(count), shown_median(count, median)])
    rows.append([gettext("Whole period"), people(overall[0]), shown_median(*overall)])
    if overall[0]:
        summary = gettext(
            "Decisions on evidence between %(start)s and %(end)s: %(count)s. Days from the "
            "evidence being sent to the decision (median): %(days)s."
        ) % {
            "count": display(people(overall[0])),
            "days": median_words(*overall),
            **period_text(scope),
        }
    else:
        summary = gettext("No evidence was decided on between %(start)s and %(end)s.") % (
            period_text(scope)
        )
    return Figure(
        key="review-time",
        title=gettext("Time from evidence sent to decision"),
        columns=[gettext("Month"), gettext("Decisions"), gettext("Days to a decision (median)")],
        rows=rows,
        summary=summary,
        chart=Chart(
            kind=LINE,
            labels=labels,
            series=[series(gettext("Days to a decision (median)"), [row[2] for row in rows[:-1]])],
        ),
        note=gettext(
            "A decision approves the evidence or asks for changes; the latest decision on each "
            "item counts, in the month it was made. Medians of fewer than %(count)s decisions "
            "are not shown."
        )
        % {"count": 5},
    )


def waiting_label(low, high) -> str:
    if high is None:
        return ngettext("%(low)s day or more", "%(low)s days or more", low) % {"low": low}
    return gettext("%(low)s–%(high)s days") % {"low": low, "high": high}


def waiting(scope) -> list[Figure]:
    now = timezone.now()
    items = counting.evidence(scope).filter(
        status=StepProgress.Status.SUBMITTED, submitted_at__isnull=False
    )
    aggregates = {"total": Count("pk"), "oldest": Min("submitted_at")}
    for number, (low, high) in enumerate(WAITING_AGES):
        sent = Q(submitted_at__lte=now - dt.timedelta(days=low))
        if high is not None:
            sent &= Q(submitted_at__gt=now - dt.timedelta(days=high + 1))
        aggregates[f"age{number}"] = Count("pk", filter=sent)
    counts = items.order_by().aggregate(**aggregates)
    oldest_days = (now - counts["oldest"]).days if counts["oldest"] else None
    labels = [waiting_label(low, high) for low, high in WAITING_AGES]
    total = people(counts["total"])
    values = suppress_row([people(counts[f"age{n}"]) for n in range(len(WAITING_AGES))], total)
    if sum(hidden(value) for value in values) == 1:
        total = FEWER if hidden(total) else WITHHELD  # it would give the hidden bucket back
    if counts["total"]:
        summary = ngettext(
            "Items of evidence waiting for a decision: %(count)s; the oldest was sent "
            "%(days)s day ago.",
            "Items of evidence waiting for a decision: %(count)s; the oldest was sent "
            "%(days)s days ago.",
            oldest_days or 0,
        ) % {"count": display(total), "days": display(oldest_days or 0)}
    else:
        summary = gettext("No evidence waits for a decision.")
    ages = Figure(
        key="evidence-waiting",
        title=gettext("Evidence waiting for a decision"),
        columns=[gettext("Waiting"), gettext("Items of evidence")],
        rows=[[label, value] for label, value in zip(labels, values, strict=True)],
        summary=summary,
        chart=Chart(kind=BAR, labels=labels, series=[series(gettext("Items of evidence"), values)]),
        note=gettext(
            "Today, whatever the period: evidence sent and not yet approved or sent back. The "
            "admin's “Evidence to review” lists it for those who review it."
        ),
    )

    longest = list(
        items.order_by()
        .values("enrolment__playlist_id", "enrolment__playlist__title")
        .annotate(n=Count("pk"), oldest=Min("submitted_at"))
        .order_by("oldest", "enrolment__playlist__title", "enrolment__playlist_id")[
            :OLDEST_PLAYLISTS
        ]
    )
    rows = [
        [row["enrolment__playlist__title"], people(row["n"]), (now - row["oldest"]).days]
        for row in longest
    ]
    if rows:
        playlist_summary = ngettext(
            "Evidence has waited longest in “%(playlist)s”: %(days)s day.",
            "Evidence has waited longest in “%(playlist)s”: %(days)s days.",
            rows[0][2],
        ) % {"playlist": rows[0][0], "days": display(rows[0][2])}
    else:
        playlist_summary = gettext("No evidence waits for a decision.")
    playlists = Figure(
        key="evidence-waiting-playlists",
        title=gettext("Where evidence has waited longest"),
        columns=[
            gettext("Playlist"),
            gettext("Items of evidence waiting"),
            gettext("Oldest (days)"),
        ],
        rows=rows,
        summary=playlist_summary,
        chart=Chart(
            kind=HBAR,
            labels=[row[0] for row in rows],
            series=[series(gettext("Oldest (days)"), [row[2] for row in rows])],
        ),
        note=gettext("The playlists whose oldest waiting evidence was sent longest ago."),
        empty=gettext("No evidence waits for a decision."),
    )
    return [ages, playlists]
