"""The demo: two cities on one install, in their own languages, loaded idempotently."""

import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user, get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Site

from wagtail_cityoflearning.badges.models import Award, BadgeClass
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage, PlaylistPage
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.models import (
    CityOfLearningSettings,
    Interest,
    OpportunityPage,
    ProviderPage,
)

pytestmark = pytest.mark.django_db(transaction=False)

LEARNERS = {"localhost": "maja@example.org", "cagliari.localhost": "giulia@example.org"}
HOSTS = pytest.mark.parametrize("hostname", ["localhost", "cagliari.localhost"])


def load_demo():
    output = io.StringIO()
    call_command("cityoflearning_demo", "--home-model", "home.HomePage", stdout=output)
    return output.getvalue()


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """Where the demo's images are kept for the whole module."""
    return tmp_path_factory.mktemp("m")


@pytest.fixture(autouse=True)
def media_root(demo_media, settings):
    """The tests of this module see the demo's images (its cards show them)."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    """Load the demo once for this module (it builds ~200 pages); its output."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        # Loaded inside an outer transaction that is rolled back when the module ends.
        atomic = transaction.atomic()
        atomic.__enter__()
        yield load_demo()
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def city_site(hostname):
    return Site.objects.get(hostname=hostname, port=8000)


@pytest.mark.parametrize(
    ("hostname", "language"), [("localhost", "sl"), ("cagliari.localhost", "it")]
)
def test_each_city_has_providers_and_upcoming_opportunities_in_its_language(
    demo, hostname, language
):
    site = city_site(hostname)
    home = site.root_page
    assert home.locale.language_code == language
    providers = ProviderPage.objects.descendant_of(home).live()
    opportunities = OpportunityPage.objects.descendant_of(home).live().upcoming()
    assert providers.count() >= 15
    assert opportunities.count() >= 60
    assert {p.locale.language_code for p in providers} == {language}
    assert all(p.latitude is not None for p in providers)
    assert Interest.objects.filter(locale=home.locale).count() >= 10


def test_ljubljana_is_the_default_site(demo):
    assert city_site("localhost").is_default_site
    assert not city_site("cagliari.localhost").is_default_site


def test_each_site_has_its_own_settings(demo):
    ljubljana = CityOfLearningSettings.for_site(city_site("localhost"))
    cagliari = CityOfLearningSettings.for_site(city_site("cagliari.localhost"))
    assert (ljubljana.city_name, ljubljana.timezone) == ("Ljubljana", "Europe/Ljubljana")
    assert (cagliari.city_name, cagliari.timezone) == ("Cagliari", "Europe/Rome")
    assert 45.9 < ljubljana.map_centre[0] < 46.2
    assert 39.1 < cagliari.map_centre[0] < 39.4


def test_opportunities_are_varied(demo):
    opportunities = OpportunityPage.objects.live()
    assert opportunities.filter(is_free=True).exists()
    assert opportunities.filter(is_free=False).exists()
    assert opportunities.filter(is_ongoing=True).exists()
    assert opportunities.filter(mode="online").exists()
    assert len(set(opportunities.values_list("opportunity_type", flat=True))) == 8


def content_snapshot():
    return (
        ProviderPage.objects.count(),
        OpportunityPage.objects.count(),
        Interest.objects.count(),
        Site.objects.count(),
        sorted(OpportunityPage.objects.values_list("pk", "starts_at", "latest_revision_id")),
        sorted(PlaylistPage.objects.values_list("pk", "latest_revision_id")),
        BadgeClass.objects.count(),
        sorted(Award.objects.values_list("pk", "badge_class_id", "recipient_email")),
        sorted(
            PlaylistEnrolment.objects.values_list(
                "pk", "started_at", "completed_at", "completion_award_id"
            )
        ),
        sorted(StepProgress.objects.values_list("pk", "status", "completed_at", "award_id")),
        Attendance.objects.count(),
        LearnerProfile.objects.count(),
        EmailAddress.objects.count(),
    )


def test_running_the_demo_again_changes_nothing(demo):
    before = content_snapshot()
    load_demo()
    assert content_snapshot() == before


def test_loading_the_demo_for_another_port_moves_the_cities_there(demo):
    """Not a second pair of Sites: the links in emails sent without a request use the port
    the demo is served on."""
    call_command(
        "cityoflearning_demo",
        "--home-model",
        "home.HomePage",
        "--port",
        "8123",
        stdout=io.StringIO(),
    )
    try:
        assert sorted(Site.objects.values_list("hostname", "port")) == [
            ("cagliari.localhost", 8123),
            ("localhost", 8123),
        ]
    finally:
        load_demo()
    assert set(Site.objects.values_list("port", flat=True)) == {8000}


def test_cities_are_served_on_their_own_hosts_and_never_mix(demo, client):
    ljubljana = client.get("/providers/", HTTP_HOST="localhost:8000").content.decode()
    cagliari = client.get("/providers/", HTTP_HOST="cagliari.localhost:8000").content.decode()
    ljubljana_titles = set(
        ProviderPage.objects.descendant_of(city_site("localhost").root_page).values_list(
            "title", flat=True
        )
    )
    cagliari_titles = set(
        ProviderPage.objects.descendant_of(city_site("cagliari.localhost").root_page).values_list(
            "title", flat=True
        )
    )
    from django.utils.html import escape

    assert all(escape(t) in ljubljana for t in ljubljana_titles)
    assert not any(escape(t) in ljubljana for t in cagliari_titles)
    assert all(escape(t) in cagliari for t in cagliari_titles)
    assert '<html lang="sl"' in ljubljana
    assert '<html lang="it"' in cagliari


def test_every_demo_opportunity_page_renders(demo, client):
    site = city_site("cagliari.localhost")
    for page in OpportunityPage.objects.descendant_of(site.root_page).live()[:80]:
        response = client.get(page.url, HTTP_HOST="cagliari.localhost:8000")
        assert response.status_code == 200, page.url


# -- playlists, badges and the demo learner ------------------------------------------------


def city_playlists(hostname):
    return PlaylistPage.objects.descendant_of(city_site(hostname).root_page).live()


@HOSTS
def test_each_city_has_playlists_with_published_completion_badges_of_its_own(demo, hostname):
    site = city_site(hostname)
    playlists = city_playlists(hostname)
    assert playlists.count() >= 6
    assert {p.locale.language_code for p in playlists} == {site.root_page.locale.language_code}
    for playlist in playlists:
        badge = playlist.completion_badge
        assert badge is not None and badge.live, playlist.title
        assert badge.issuer.site == site
        assert badge.image.name.endswith(".png")


@HOSTS
def test_each_city_lists_playlists_in_its_menu_and_under_providers(demo, hostname):
    home = city_site(hostname).root_page
    index = PlaylistIndexPage.objects.child_of(home).live().get()
    assert index.show_in_menus
    assert len(index.get_playlists()) >= 4
    providers = ProviderPage.objects.descendant_of(home)
    assert any(PlaylistPage.objects.child_of(p).live().exists() for p in providers)


@HOSTS
def test_demo_playlists_show_every_kind_of_step(demo, hostname):
    playlists = [p.specific for p in city_playlists(hostname)]
    steps = [step for playlist in playlists for step in playlist.step_list]
    assert {step.kind for step in steps} == {"opportunity", "activity", "badge"}
    assert {step.evidence for step in steps if step.kind == "activity"} == {
        "text",
        "link",
        "file",
        "photo",
        "none",
    }
    assert any(step.earns_step_badge for step in steps)
    assert any(not step.required for step in steps)
    assert any(p.in_order for p in playlists)
    assert any(p.min_optional_steps for p in playlists)
    assert all(step.opportunity.live for step in steps if step.kind == "opportunity")


def test_each_city_has_its_age_of_digital_consent(demo):
    ljubljana = CityOfLearningSettings.for_site(city_site("localhost"))
    cagliari = CityOfLearningSettings.for_site(city_site("cagliari.localhost"))
    assert (ljubljana.age_of_digital_consent, cagliari.age_of_digital_consent) == (15, 14)


@HOSTS
def test_each_city_has_a_demo_learner_who_can_log_in(demo, client, hostname):
    email = LEARNERS[hostname]
    assert f"{hostname}:8000/accounts/login/ with {email!r} and password 'cityoflearning'" in demo
    response = client.post(
        reverse("account_login"),
        {"login": email, "password": "cityoflearning"},
        HTTP_HOST=f"{hostname}:8000",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtail_cityoflearning_learners:dashboard")
    user = get_user(client)
    assert user.email == email
    assert EmailAddress.objects.filter(user=user, email=email, verified=True).exists()
    profile = user.learner_profile
    site = city_site(hostname)
    assert profile.site == site
    assert (
        profile.youngest_possible_age
        >= CityOfLearningSettings.for_site(site).age_of_digital_consent
    )
    assert profile.may_store_learning
    assert profile.interests.exists()


@HOSTS
def test_demo_learner_has_started_saved_and_completed_playlists(demo, hostname):
    enrolments = PlaylistEnrolment.objects.filter(user__email=LEARNERS[hostname])
    started = enrolments.get(started_at__isnull=False, completed_at__isnull=True)
    assert started.step_progress.filter(status=StepProgress.Status.APPROVED).exists()
    assert enrolments.filter(saved_at__isnull=False, started_at__isnull=True).exists()
    completed = enrolments.get(completed_at__isnull=False)
    award = completed.completion_award
    assert award.badge_class == completed.playlist.specific.completion_badge
    assert (award.source, award.recipient_email) == ("playlist", LEARNERS[hostname])
    assert Attendance.objects.filter(user=completed.user).exists()


@HOSTS
def test_demo_learner_has_evidence_waiting_for_review(demo, hostname):
    waiting = StepProgress.objects.filter(
        enrolment__user__email=LEARNERS[hostname], status=StepProgress.Status.SUBMITTED
    ).get()
    assert waiting.text and waiting.submitted_at
    assert waiting.completed_at is None


def test_demo_progress_is_what_evaluation_gives(demo):
    """Re-evaluating the demo's progress records nothing new: it is consistent."""
    from wagtail_cityoflearning.learners.progress.state import update_progress

    before = content_snapshot()
    for enrolment in PlaylistEnrolment.objects.filter(started_at__isnull=False):
        update_progress(enrolment)
    assert content_snapshot() == before


@HOSTS
def test_every_demo_playlist_page_renders_for_the_demo_learner(demo, client, hostname):
    client.force_login(LearnerProfile.objects.get(user__email=LEARNERS[hostname]).user)
    for page in city_playlists(hostname):
        response = client.get(page.url, HTTP_HOST=f"{hostname}:8000")
        assert response.status_code == 200, page.url


@pytest.mark.parametrize(("city", "other"), [("ljubljana", "cagliari"), ("cagliari", "ljubljana")])
def test_each_city_has_an_editor_and_provider_staff_who_see_only_their_own(
    demo, client, city, other
):
    """The demo's staff accounts are in the groups `cityoflearning_roles` makes: a city's
    editor edits that city's pages and not the other's; its provider staff only theirs."""
    from wagtail.models import Page

    User = get_user_model()
    assert f"log in to the admin as 'editor-{city}'" in demo
    editor = User.objects.get(username=f"editor-{city}")
    staff = User.objects.get(username=f"staff-{city}")
    own = Site.objects.get(site_name__iexact=city).root_page
    theirs = Site.objects.get(site_name__iexact=other).root_page
    assert own.permissions_for_user(editor).can_edit()
    assert not theirs.permissions_for_user(editor).can_edit()
    assert not own.permissions_for_user(staff).can_edit()
    provider = Page.objects.descendant_of(own).filter(group_permissions__group__user=staff).first()
    assert provider is not None and provider.permissions_for_user(staff).can_edit()


@pytest.mark.parametrize(
    ("hostname", "heading"),
    [("localhost", "Ta teden v Ljubljani"), ("cagliari.localhost", "Questa settimana a Cagliari")],
)
def test_each_home_has_the_landing_blocks_in_its_language(demo, client, hostname, heading):
    home = city_site(hostname).root_page.specific
    assert [block.block_type for block in home.body] == [
        "hero",
        "featured_playlists",
        "upcoming",
        "interests",
    ]
    html = client.get("/", HTTP_HOST=hostname).content.decode()
    assert heading in html
    assert 'role="search"' in html and "?interest=arts" in html


@HOSTS
def test_demo_cards_have_illustrations_described_as_illustrations(demo, client, hostname):
    home = city_site(hostname).root_page
    pages = [
        *OpportunityPage.objects.descendant_of(home),
        *ProviderPage.objects.descendant_of(home),
        *PlaylistPage.objects.descendant_of(home),
    ]
    assert pages and all(page.cover_image_id for page in pages)
    images = {page.cover_image for page in pages}
    assert len(images) <= 40
    assert all(image.width == 800 and image.height == 450 for image in images)
    word = "ilustracija" if hostname == "localhost" else "illustrazione"
    assert all(word in image.description.lower() for image in images)
    html = client.get("/", HTTP_HOST=hostname).content.decode()
    assert html.count('class="col-card__image"') >= 6


# -- the generated past year, for the City insight dashboard --------------------------------

# Each figure and the column of the table that counts: at least one of its cells is 5 or more.
INSIGHT_FIGURES = {
    "learner-sign-ups": 1,
    "learner-ages": 1,
    "playlist-steps-": 1,  # a playlist's funnel (the key ends with the playlist's id)
    "badges-issued": 2,
    "supply-over-time": 3,
    "demand-interested": 1,
    "demand-interests": 1,
}


def insight_tables(hostname, provider=None):
    from wagtail_cityoflearning.insight.figures import sections_for
    from wagtail_cityoflearning.insight.scope import resolve_scope

    admin = get_user_model().objects.filter(is_superuser=True).first()
    scope = resolve_scope(admin, site=city_site(hostname), provider=provider)
    return {
        figure.key: figure.rows for section in sections_for(scope) for figure in section.figures
    }


def history_counts():
    from wagtail_cityoflearning.badges.models import ClaimCode, Issuer
    from wagtail_cityoflearning.insight.demand.models import InterestedLearner, SearchDemand
    from wagtail_cityoflearning.models import OpportunityOccurrence, OpportunitySession

    return (
        get_user_model().objects.count(),
        LearnerProfile.objects.count(),
        LearnerProfile.interests.through.objects.count(),
        PlaylistEnrolment.objects.count(),
        StepProgress.objects.count(),
        Award.objects.count(),
        Award.objects.filter(revoked=True).count(),
        ClaimCode.objects.count(),
        OpportunitySession.objects.count(),
        OpportunityOccurrence.objects.count(),
        InterestedLearner.objects.count(),
        Issuer.objects.count(),
        BadgeClass.objects.count(),
        SearchDemand.objects.count(),
    )


@HOSTS
def test_the_dashboard_shows_every_figure_of_each_city_with_counts_of_five_or_more(demo, hostname):
    tables = insight_tables(hostname)
    for prefix, column in INSIGHT_FIGURES.items():
        keys = [key for key in tables if key.startswith(prefix)]
        assert keys, prefix
        cells = [row[column] for key in keys for row in tables[key] if isinstance(row[column], int)]
        assert any(cell >= 5 for cell in cells), (prefix, tables[keys[0]])


def provider_tables():
    """The dashboard of each provider with a badge of its own, in its city."""
    tables = []
    for hostname in ("localhost", "cagliari.localhost"):
        root = city_site(hostname).root_page
        badges = BadgeClass.objects.filter(issuer__provider__path__startswith=root.path)
        for badge in badges.select_related("issuer__provider").order_by("pk"):
            tables.append(insight_tables(hostname, badge.issuer.provider))
    return tables


def test_loading_the_past_year_again_changes_no_count(demo):
    def state():
        return (
            history_counts(),
            insight_tables("localhost"),
            insight_tables("cagliari.localhost"),
            provider_tables(),
        )

    before = state()
    assert before[-1]  # providers' own badges are there
    load_demo()
    assert state() == before


@HOSTS
def test_providers_with_their_own_badge_see_it_issued_on_their_dashboard(demo, hostname):
    site = city_site(hostname)
    badges = BadgeClass.objects.filter(issuer__provider__path__startswith=site.root_page.path)
    assert badges.count() >= 1
    for badge in badges.select_related("issuer__provider"):
        issuer = badge.issuer
        assert badge.live and badge.image and badge.locale_id == site.root_page.locale_id
        awards = Award.objects.filter(badge_class=badge)
        assert awards.exists()
        assert not awards.exclude(recipient_email__endswith=".demo.invalid").exists()
        assert not awards.exclude(notification_state=Award.State.DONE).exists()
        rows = insight_tables(hostname, issuer.provider)["badges-issued"]
        assert rows and {row[1] for row in rows} == {issuer.provider.title}
        assert any(isinstance(row[2], int) and row[2] >= 5 for row in rows), rows


@HOSTS
def test_searches_for_science_mostly_find_something_but_the_stories_find_nothing(demo, hostname):
    from wagtail_cityoflearning.models import Interest

    site = city_site(hostname)
    science = Interest.objects.get(
        slug="science-technology", locale_id=site.root_page.locale_id
    ).name
    assert (
        OpportunityPage.objects.live()
        .filter(path__startswith=site.root_page.path, interests__slug="science-technology")
        .exists()
    )
    tables = insight_tables(hostname)
    [row] = [row for row in tables["demand-interests"] if row[0] == science]
    assert row[3] is not None and row[3] < 50, row
    assert tables["demand-found-nothing"]  # the zero-result combinations are still there


@HOSTS
def test_generated_learners_are_many_never_mailed_and_some_wait_for_consent(demo, hostname):
    site = city_site(hostname)
    generated = LearnerProfile.objects.filter(site=site, user__email__endswith=".demo.invalid")
    assert generated.count() == 250
    assert not generated.filter(user__password__regex=r"^[^!]").exists()  # none can log in
    assert generated.filter(consent=LearnerProfile.Consent.PENDING).exists()
    assert not PlaylistEnrolment.objects.filter(
        user__learner_profile__in=generated.filter(consent=LearnerProfile.Consent.PENDING)
    ).exists()
    awards = Award.objects.filter(
        recipient_email__endswith=".demo.invalid", badge_class__issuer__site=site
    )
    assert awards.count() >= 40
    assert not awards.exclude(notification_state=Award.State.DONE).exists()
    assert awards.filter(source=Award.Source.CLAIM_CODE).exists()
    assert awards.filter(revoked=True).count() == 2


@HOSTS
def test_past_sessions_are_never_offered_as_upcoming(demo, client, hostname):
    from django.utils import timezone

    from wagtail_cityoflearning.models import OpportunityOccurrence

    now = timezone.now()
    home = city_site(hostname).root_page
    past = OpportunityOccurrence.objects.filter(page__path__startswith=home.path, finish__lt=now)
    pages = OpportunityPage.objects.filter(pk__in=past.values("page_id"))
    assert pages.count() >= 10
    page = pages.filter(ends_at__gt=now).order_by("path").first()
    assert all(session.finish >= now for session in page.get_next_sessions())
    first_past = past.filter(page=page).order_by("start").first()
    html = client.get(page.url, HTTP_HOST=f"{hostname}:8000").content.decode()
    assert first_past.start.date().isoformat() not in html


def test_every_demo_award_is_an_open_badges_3_credential_that_verifies(demo, client):
    """Each award of both cities, in both formats as its holder downloads them: our own
    verification, 1EdTech's schema and the independent verifier (with the issuers' DID
    documents and status lists as served)."""
    from tests.badges import ob3_verifier
    from tests.badges.test_ob3_conformance import Web, assert_schema_valid, did_web_url
    from wagtail_cityoflearning.badges.ob3 import credentials, dataintegrity, issue, vcjwt

    awards = list(Award.objects.select_related("badge_class__issuer__site").order_by("pk"))
    assert len({a.badge_class.issuer_id for a in awards}) >= 4  # cities and providers
    assert any(a.revoked for a in awards)
    web, documents, items = Web(client), {}, []
    for instance in awards:
        if instance.revoked:  # its URLs answer 410: the copy its holder kept
            web.get(credentials.credential_url(instance), status=410)
            credential, token = instance.credential, instance.credential_jwt
        else:
            # (The demo's background work runs when its transaction commits, which this
            # test's never does: the credential URLs sign an award not signed yet.)
            credential = json.loads(web.text(credentials.credential_url(instance)))
            token = web.text(credentials.jwt_url(instance)).strip()
        key = issue.own_key(credential["proof"]["verificationMethod"])
        assert dataintegrity.verify_proof(credential, issue.public_key(key))
        assert vcjwt.decode(token, issue.public_key(key))["jti"] == credential["id"]
        assert_schema_valid("achievementcredential", credential)
        for url in (
            did_web_url(credential["issuer"]["id"]),
            credential["credentialStatus"]["statusListCredential"],
        ):
            if url not in documents:
                documents[url] = web.text(url)
        items += [("json", credential), ("jwt", token)]

    ob3_verifier.skip_or_fail_without_verifier()
    verdicts = ob3_verifier.verify_batch(items, documents)
    assert len(verdicts) == 2 * len(awards)
    for instance, verdict in zip([a for a in awards for _ in "12"], verdicts, strict=True):
        if instance.revoked:
            ob3_verifier.assert_invalid(verdict, revoked=True)
        else:
            ob3_verifier.assert_valid(verdict)
