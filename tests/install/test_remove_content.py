"""``cityoflearning_remove_content``, the first step of uninstalling: everything the package
stores goes, and the host's own pages, Site and staff stay."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, Site

from tests.badges.conftest import make_badge_class
from tests.factories import HomePageFactory
from tests.learners.conftest import make_learner, make_playlist, make_playlist_index
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.badges.tasks import bake_award
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.models import OpportunityMapPage

pytestmark = pytest.mark.django_db

APP = "wagtail_cityoflearning"


def rows_left() -> dict[str, int]:
    counts = {
        model.__name__: model._base_manager.count()
        for model in apps.get_app_config(APP).get_models()
    }
    return {name: count for name, count in counts.items() if count}


@pytest.fixture
def content(city, provider, opportunity):
    """A bit of everything: pages, a host page below a map page, a provider's issuer, badges
    with files, an award, a learner with evidence on file, and a staff user."""
    map_page = OpportunityMapPage(title="Map", slug="map")
    city["home"].add_child(instance=map_page)
    map_page.save_revision().publish()
    host_page = HomePageFactory(parent=map_page, title="Below the map", slug="below")
    index = make_playlist_index(city["home"], intro="<p>Paths</p>")
    city_issuer = Issuer.objects.create(
        name="City", url="https://city.example.org/", email="b@city.example.org", site=city["site"]
    )
    provider_issuer = Issuer.objects.create(
        name="Provider", url="https://p.example.org/", email="b@p.example.org", provider=provider
    )
    badge = make_badge_class(city_issuer)
    make_badge_class(provider_issuer, slug="provider-badge")
    awarded = award(badge, "maja@example.org", narrative="Built a lamp.")
    bake_award(awarded)
    awarded.refresh_from_db()
    step = {"title": "Show it", "instructions": "<p>A photo.</p>", "evidence": "photo"}
    playlist = make_playlist(index, [("activity", {**step, "required": True})])
    learner = make_learner(site=city["site"])
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )
    progress = StepProgress(enrolment=enrolment, step_id="step-1", status="submitted")
    progress.file.save("photo.png", ContentFile(b"not really a photo"), save=True)
    staff = get_user_model().objects.create_user("editor", "e@example.org", is_staff=True)
    files = [
        (badge.image.storage, badge.image.name),
        (awarded.baked_image.storage, awarded.baked_image.name),
        (progress.file.storage, progress.file.name),
    ]
    return {
        "home": city["home"],
        "site": city["site"],
        "host_page": host_page,
        "learner": learner,
        "staff": staff,
        "files": files,
    }


def test_everything_the_package_stores_goes_and_the_host_keeps_its_own(
    content, django_capture_on_commit_callbacks
):
    for storage, name in content["files"]:
        assert storage.exists(name)
    assert rows_left()
    own_types = ContentType.objects.filter(app_label=APP)
    assert PageLogEntry.objects.filter(content_type__in=own_types).exists()

    # The files go once the rows are gone for good.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("cityoflearning_remove_content", "--no-input", "--delete-learner-accounts")

    assert rows_left() == {}
    assert not Page.objects.filter(content_type__in=own_types).exists()
    # The host's page below the map page went with it, as deleting in the admin does.
    assert not Page.objects.filter(pk=content["host_page"].pk).exists()
    assert Page.objects.filter(pk=content["home"].pk).exists()
    assert Site.objects.filter(pk=content["site"].pk).exists()
    assert not PageLogEntry.objects.filter(content_type__in=own_types).exists()
    assert not Revision.objects.filter(content_type__in=own_types).exists()
    for storage, name in content["files"]:
        assert not storage.exists(name), name
    users = get_user_model().objects
    assert not users.filter(pk=content["learner"].pk).exists()
    assert users.filter(pk=content["staff"].pk).exists()


def test_learner_accounts_stay_unless_asked(content):
    call_command("cityoflearning_remove_content", "--no-input")
    assert rows_left() == {}
    assert get_user_model().objects.filter(pk=content["learner"].pk).exists()


def test_nothing_is_deleted_without_a_yes(content, monkeypatch):
    before = rows_left()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing deleted"):
        call_command("cityoflearning_remove_content")
    assert rows_left() == before


def test_a_site_rooted_in_a_package_page_is_refused(city, provider):
    Site.objects.create(hostname="providers.example.org", root_page=city["index"])
    with pytest.raises(CommandError, match="root page"):
        call_command("cityoflearning_remove_content", "--no-input")
    assert Page.objects.filter(pk=provider.pk).exists()
