"""Fixtures for playlists and learners: a playlist with every kind of step, a learner with a
verified address and a profile, the city's editor and a provider's staff member."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import GroupPagePermission

from tests.badges.conftest import make_badge_class
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage, PlaylistPage
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress


@pytest.fixture
def issuer(city):
    return Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=city["site"],
    )


@pytest.fixture
def completion_badge(issuer):
    return make_badge_class(issuer, slug="digital-explorer", name="Digital explorer")


@pytest.fixture
def step_badge(issuer):
    return make_badge_class(issuer, slug="first-app", name="First app")


@pytest.fixture
def other_badge(issuer):
    return make_badge_class(issuer, slug="code-club", name="Code club member")


def make_playlist_index(home, *, title="Playlists", slug="playlists", intro="<p>Pathways</p>"):
    """A published playlist index under ``home``."""
    index = PlaylistIndexPage(title=title, slug=slug, intro=intro)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_evidence(enrolment, step_id, filename, content, **fields):
    """Evidence with a file, submitted for review on ``step_id`` of ``enrolment``."""
    evidence = StepProgress(
        enrolment=enrolment,
        step_id=step_id,
        status=fields.pop("status", StepProgress.Status.SUBMITTED),
        submitted_at=fields.pop("submitted_at", timezone.now()),
        original_filename=filename,
        **fields,
    )
    evidence.file.save(filename, ContentFile(content), save=False)
    evidence.save()
    return evidence


@pytest.fixture
def playlist_index(city):
    return make_playlist_index(city["home"])


def make_playlist(parent, steps, *, title="Digital explorer", publish=True, **kwargs):
    """A playlist under ``parent`` with ``steps`` as (block_type, value) pairs."""
    page = PlaylistPage(
        title=title,
        slug=kwargs.pop("slug", None) or title.lower().replace(" ", "-"),
        intro="<p>Find your way into coding.</p>",
        steps=steps,
        **kwargs,
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def playlist(playlist_index, opportunity, completion_badge, step_badge, other_badge):
    """Four steps: the opportunity (required), a written answer with its own badge (required),
    a photo (optional) and the code-club badge (optional); one optional step is needed."""
    return make_playlist(
        playlist_index,
        [
            ("opportunity", {"opportunity": opportunity, "note": "Come along", "required": True}),
            (
                "activity",
                {
                    "title": "Plan your app",
                    "instructions": "<p>Describe the app you want to build.</p>",
                    "evidence": "text",
                    "required": True,
                    "badge": step_badge,
                },
            ),
            (
                "activity",
                {
                    "title": "Show your screen",
                    "instructions": "<p>Take a photo of your first screen.</p>",
                    "evidence": "photo",
                    "required": False,
                },
            ),
            ("badge", {"badge": other_badge, "note": "Join the code club", "required": False}),
        ],
        completion_badge=completion_badge,
        min_optional_steps=1,
    )


def make_learner(email="maja@example.org", *, year_of_birth=2008, site=None, **profile):
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password="a-long-passphrase-42"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    LearnerProfile.objects.create(
        user=user,
        site=site,
        display_name=profile.pop("display_name", email.split("@")[0].title()),
        year_of_birth=year_of_birth,
        **profile,
    )
    return user


@pytest.fixture
def learner(city):
    return make_learner(site=city["site"])


@pytest.fixture
def other_learner(city):
    return make_learner("luka@example.org", site=city["site"])


@pytest.fixture
def enrolment(learner, playlist):
    from django.utils import timezone

    return PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )


@pytest.fixture
def editor(db):
    """A city editor: a Wagtail superuser."""
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


def make_provider_staff(provider, username="staff"):
    """A Wagtail user who may edit only ``provider``'s subtree."""
    group, _ = Group.objects.get_or_create(name=f"{provider.title} staff")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=provider, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def provider_staff(provider):
    return make_provider_staff(provider)
