"""Playlists, learners and their progress for the learning benchmark.

Builds on the test suite's own helpers (``tests/factories.py``, ``tests/learners/conftest.py``,
``tests/badges/conftest.py``), so the benchmark measures the same kind of data the tests
check. Call after ``environment.configure()`` and ``environment.fresh_database()``::

    from _support import learning_fill as data

    city = data.city()
    badges = data.badge_classes(city["issuer"], 8)
    opportunities = data.opportunities(city, 12)
    index = data.playlist_index(city["home"])
    playlists = data.playlists(index, 50, opportunities, badges)
    learner = data.learner("maja@example.org", city["site"])
    data.enrol_mixed(learner, playlists, reviewer)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

# Six steps, as most playlists have: (kind, required, evidence, earns a step badge).
PATTERN = [
    ("opportunity", True, "", False),
    ("activity", True, "text", True),
    ("activity", True, "none", False),
    ("opportunity", False, "", False),
    ("activity", False, "link", False),
    ("badge", False, "", False),
]
# What happens to the n-th enrolment of a learner, in turn.
MIX = ["started", "started", "completed", "saved", "started"]


def city():
    """Ljubljana with one provider and a badge issuer, as the tests' fixtures make them."""
    from tests.factories import ProviderPageFactory, make_city
    from wagtail_cityoflearning.badges.models import Issuer

    made = make_city()
    provider = ProviderPageFactory(parent=made["index"])
    provider.interests = [made["interests"]["science-technology"]]
    provider.save_revision().publish()
    provider.refresh_from_db()
    made["provider"] = provider
    made["issuer"] = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=made["site"],
    )
    return made


def badge_classes(issuer, count: int) -> list:
    """``count`` published badge classes with PNG images."""
    from tests.badges.conftest import make_badge_class

    return [
        make_badge_class(issuer, slug=f"badge-{n + 1}", name=f"Badge {n + 1}") for n in range(count)
    ]


def opportunities(made, count: int) -> list:
    """``count`` live opportunities of the city's provider, each with two sessions."""
    from tests.factories import make_opportunity

    interests = [made["interests"]["science-technology"], made["interests"]["digital-skills"]]
    return [make_opportunity(made["provider"], interests) for _ in range(count)]


def playlist_index(home):
    """The city's playlist index at ``/playlists/``, like the ``playlist_index`` fixture."""
    from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage

    index = PlaylistIndexPage(title="Playlists", slug="playlists", intro="<p>Pathways</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def steps(number: int, count: int, opportunities: list, badges: list) -> list:
    """``count`` steps following :data:`PATTERN`, choosing pages and badges by ``number`` so
    that playlists point to different ones."""
    chosen_pages = itertools.cycle(opportunities[number % len(opportunities) :] + opportunities)
    chosen_badges = itertools.cycle(badges[number % len(badges) :] + badges)
    result = []
    for position in range(count):
        kind, required, evidence, earns = PATTERN[position % len(PATTERN)]
        if kind == "opportunity":
            value = {"opportunity": next(chosen_pages), "note": "", "required": required}
        elif kind == "badge":
            value = {"badge": next(chosen_badges), "note": "", "required": required}
        else:
            value = {
                "title": f"Activity {position + 1}",
                "instructions": "<p>Show what you made.</p>",
                "evidence": evidence,
                "required": required,
                "badge": next(chosen_badges) if earns else None,
            }
        result.append((kind, value))
    return result


def playlists(parent, count, opportunities, badges, *, step_count=6, first=0) -> list:
    """``count`` published playlists under ``parent``, numbered from ``first``."""
    from tests.learners.conftest import make_playlist

    made = []
    for number in range(first, first + count):
        made.append(
            make_playlist(
                parent,
                steps(number, step_count, opportunities, badges),
                title=f"Playlist {number + 1:03d}",
                completion_badge=badges[number % len(badges)],
                min_optional_steps=1,
            )
        )
    return made


def learner(email: str, site):
    """A learner with a verified address and a profile, old enough to need no consent."""
    from tests.learners.conftest import make_learner

    return make_learner(email, site=site, year_of_birth=2005)


@dataclass
class Enrolled:
    started: int = 0
    completed: int = 0
    saved: int = 0
    progress: int = 0


def enrol_mixed(user, chosen: list, reviewer) -> Enrolled:
    """Enrol ``user`` in each playlist in turn as :data:`MIX` says, with some step progress:
    the first activity of a started playlist approved or sent back, the second done.

    Completed playlists get their completion badge, awarded before any enrolment exists so
    that the award's re-evaluation of the learner's playlists finds nothing to do.
    """
    import datetime as dt

    from django.utils import timezone

    from wagtail_cityoflearning.badges.awarding import award
    from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

    now = timezone.now()
    states = [MIX[position % len(MIX)] for position in range(len(chosen))]
    completion_awards = {
        position: award(playlist.completion_badge, user.email)
        for position, playlist in enumerate(chosen)
        if states[position] == "completed"
    }
    counts = Enrolled()
    records = []
    for position, (playlist, state) in enumerate(zip(chosen, states, strict=True)):
        at = now - dt.timedelta(hours=position)
        enrolment = PlaylistEnrolment.objects.create(
            user=user,
            playlist=playlist,
            saved_at=at if state == "saved" else None,
            started_at=None if state == "saved" else at,
            completed_at=at if state == "completed" else None,
            last_activity_at=at,
            completion_award=completion_awards.get(position),
        )
        setattr(counts, state, getattr(counts, state) + 1)
        if state != "started":
            continue
        first, second = [s for s in playlist.step_list if s.kind == "activity"][:2]
        status = StepProgress.Status
        reviewed = status.APPROVED if position % 2 else status.CHANGES_REQUESTED
        records += [
            StepProgress(
                enrolment=enrolment,
                step_id=first.id,
                status=reviewed,
                text="My answer",
                submitted_at=at,
                reviewed_at=at,
                reviewed_by=reviewer,
                feedback="Thank you!" if reviewed == status.APPROVED else "Tell us more.",
                completed_at=at if reviewed == status.APPROVED else None,
            ),
            StepProgress(
                enrolment=enrolment, step_id=second.id, status=status.DONE, completed_at=at
            ),
        ]
    StepProgress.objects.bulk_create(records)
    counts.progress = len(records)
    return counts


def award_badges(user, badges: list) -> int:
    """Award each badge to the learner's address (baked and emailed inline); returns how many."""
    from wagtail_cityoflearning.badges.awarding import award

    for badge in badges:
        award(badge, user.email)
    return len(badges)


def marked_done(user, playlist):
    """A started enrolment whose first activity the learner has just marked done: the event
    after which :func:`~wagtail_cityoflearning.learners.progress.state.update_progress` runs."""
    from django.utils import timezone

    from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

    enrolment = PlaylistEnrolment.objects.create(
        user=user, playlist=playlist, started_at=timezone.now()
    )
    first = next(s for s in playlist.step_list if s.kind == "activity")
    StepProgress.objects.create(
        enrolment=enrolment, step_id=first.id, status=StepProgress.Status.DONE
    )
    return enrolment


if __name__ == "__main__":
    pass  # a helper module, not a benchmark
