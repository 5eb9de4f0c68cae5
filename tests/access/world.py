"""The install the permission matrix runs against: two cities, three providers, their badges,
awards, claim codes and an endorsement, learners with their evidence and their own playlists,
and one account for each role of :data:`tests.access.matrix.ROLES`, in the groups
``cityoflearning_roles`` creates.

Every action of the matrix targets what belongs to **provider A in Ljubljana** (or, for the
learners' own things, to the learner Maja), so "allowed" means the same in every row.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.badges.conftest import make_badge_class
from tests.factories import make_city, make_opportunity, make_provider
from tests.learners.conftest import (
    make_evidence,
    make_learner,
    make_playlist,
    make_playlist_index,
)
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.endorsements import endorse
from wagtail_cityoflearning.badges.models import Award, ClaimCode, Issuer
from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
)
from wagtail_cityoflearning.providers.models import Registration


@dataclass
class World:
    ljubljana: dict
    cagliari: dict
    provider_a: object
    provider_b: object
    issuer_a: object
    badge_a: object
    badge_a2: object
    badge_b: object  # provider B's "Youth", which provider A endorses
    badge_city: object
    opportunity_a: object
    playlist_a: object
    evidence: object
    award_a: object
    code_a: object
    endorsement_a: object  # provider A's endorsement of provider B's badge
    learner_playlist: object
    users: dict = field(default_factory=dict)


def _staff(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


def _issuer(name, **where):
    return Issuer.objects.create(
        name=name, url="https://example.org/", email="badges@example.org", **where
    )


def build() -> World:
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider_a = make_provider(lj, title="Maker lab")
    provider_b = make_provider(lj, title="Youth centre")
    provider_ca = make_provider(ca, title="Fab lab Cagliari")
    city_issuer = _issuer("Ljubljana", site=lj["site"])
    issuer_a = _issuer("Maker lab", provider=provider_a)
    issuer_b = _issuer("Youth centre", provider=provider_b)
    issuer_ca = _issuer("Cagliari", site=ca["site"])
    _issuer("Fab lab Cagliari", provider=provider_ca)
    badge_a = make_badge_class(issuer_a, slug="maker", name="Maker")
    badge_a2 = make_badge_class(issuer_a, slug="maker-2", name="Maker 2")
    badge_city = make_badge_class(city_issuer, slug="city", name="City")
    badge_b = make_badge_class(issuer_b, slug="youth", name="Youth")
    make_badge_class(issuer_ca, slug="cagliari", name="Cagliari")

    make_playlist_index(lj["home"], intro="<p>Paths</p>")
    opportunity_a = make_opportunity(
        provider_a,
        [lj["interests"]["science-technology"]],
        title="Robots",
        takes_registrations=True,
        capacity=10,
    )
    playlist_a = make_playlist(
        provider_a,
        [
            ("opportunity", {"opportunity": opportunity_a, "required": True}),
            (
                "activity",
                {
                    "title": "Show what you built",
                    "instructions": "<p>A photo of your robot.</p>",
                    "evidence": "photo",
                    "required": True,
                },
            ),
        ],
        title="Robot builder",
    )

    year = timezone.localdate().year
    maja = make_learner("maja@example.org", site=lj["site"], year_of_birth=year - 20)
    luka = make_learner("luka@example.org", site=lj["site"], year_of_birth=year - 20)
    ana = make_learner(
        "ana@example.org", site=lj["site"], year_of_birth=year - 13, consent="pending"
    )
    # Fourteen at the youngest: old enough in Cagliari (14), not in Ljubljana (15).
    giulia = make_learner("giulia@example.org", site=ca["site"], year_of_birth=year - 15)

    enrolment = PlaylistEnrolment.objects.create(
        user=maja, playlist=playlist_a, started_at=timezone.now()
    )
    evidence = make_evidence(
        enrolment, playlist_a.step_list[1].id, "robot.jpg", b"\xff\xd8\xff\xe0 a photo"
    )
    Attendance.objects.create(user=luka, opportunity=opportunity_a)  # findable by provider A
    Registration.objects.create(
        user=maja,
        opportunity=opportunity_a,
        status=Registration.Status.REGISTERED,
        answers=[{"id": "q1", "question": "T-shirt size", "answer": "M"}],
    )

    award_a = award(badge_a, "maja@example.org", source=Award.Source.ADMIN)
    code_a = ClaimCode.objects.create(badge_class=badge_a, label="Robot day", max_uses=100)
    endorsement_a = endorse(issuer_a, badge_b, "Young people run the centre themselves.")
    learner_playlist = LearnerPlaylist.objects.create(
        owner=maja, site=lj["site"], title="My robots", description="Weekends."
    )
    LearnerPlaylistStep.objects.create(
        playlist=learner_playlist, opportunity=opportunity_a, sort_order=0
    )

    users = {
        "anonymous": None,
        "learner": maja,
        "other_learner": luka,
        "consent_pending": ana,
        "other_city_learner": giulia,
        "provider_staff": _staff("staff-a", roles.provider_staff(provider_a)),
        "other_provider_staff": _staff("staff-b", roles.provider_staff(provider_b)),
        "city_editor": _staff("editor-lj", roles.city_editors(lj["site"])),
        "other_city_editor": _staff("editor-ca", roles.city_editors(ca["site"])),
        "superuser": get_user_model().objects.create_superuser("root", "root@example.org", "pw"),
    }
    return World(
        ljubljana=lj,
        cagliari=ca,
        provider_a=provider_a,
        provider_b=provider_b,
        issuer_a=issuer_a,
        badge_a=badge_a,
        badge_a2=badge_a2,
        badge_b=badge_b,
        badge_city=badge_city,
        opportunity_a=opportunity_a,
        playlist_a=playlist_a,
        evidence=evidence,
        award_a=award_a,
        code_a=code_a,
        endorsement_a=endorsement_a,
        learner_playlist=learner_playlist,
        users=users,
    )
