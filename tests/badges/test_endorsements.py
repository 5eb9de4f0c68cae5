"""Endorsements: a city (or a provider) vouches for another issuer's badge.

The rules of the model, the hosted Open Badges 2.0 ``Endorsement`` (on the endorser's Site
only, 410 once withdrawn), the signed Open Badges 3.0 ``EndorsementCredential``, the badge's
public page, and the admin as a matrix of roles and actions.
"""

import copy
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Locale

from tests.badges.conftest import make_badge_class
from tests.factories import make_city, make_provider
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.badges import endorsements, serializers
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.endorsements import endorse, withdraw
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.badges.ob3 import dataintegrity, did, issue
from wagtail_cityoflearning.dates import format_date

LJUBLJANA = "localhost"
CAGLIARI = "cagliari.localhost"
JSON = {"HTTP_ACCEPT": "application/ld+json"}
HTML = {"HTTP_ACCEPT": "text/html"}
COMMENT = "Mentorji mlade res spremljajo do konca projekta."


@dataclass
class World:
    lj: dict
    ca: dict
    city: Issuer  # Ljubljana's own issuer
    issuer_a: Issuer  # provider A of Ljubljana
    issuer_b: Issuer  # provider B of Ljubljana
    city_ca: Issuer
    issuer_ca: Issuer  # a provider of Cagliari
    badge_a: object
    badge_b: object
    badge_city: object
    badge_ca: object
    users: dict = field(default_factory=dict)


def _issuer(name, **where):
    return Issuer.objects.create(
        name=name, url="https://example.org/", email="badges@example.org", **where
    )


ENDORSEMENT_PERMISSIONS = ("add_endorsement", "change_endorsement", "view_endorsement")


def _staff(username, group):
    # The roles grant the endorsement permissions; added here too, so that these tests prove
    # the scopes whatever the groups are given.
    group.permissions.add(*Permission.objects.filter(codename__in=ENDORSEMENT_PERMISSIONS))
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


def build_world() -> World:
    lj = make_city()
    ca = make_city(CAGLIARI, "it", is_default=False, name="Cagliari")
    provider_a = make_provider(lj, title="Maker lab")
    provider_b = make_provider(lj, title="Youth centre")
    provider_ca = make_provider(ca, title="Fab lab Cagliari")
    world = World(
        lj=lj,
        ca=ca,
        city=_issuer("Mesto Ljubljana", site=lj["site"]),
        issuer_a=_issuer("Maker lab", provider=provider_a),
        issuer_b=_issuer("Youth centre", provider=provider_b),
        city_ca=_issuer("Città di Cagliari", site=ca["site"]),
        issuer_ca=_issuer("Fab lab Cagliari", provider=provider_ca),
        badge_a=None,
        badge_b=None,
        badge_city=None,
        badge_ca=None,
    )
    world.badge_a = make_badge_class(world.issuer_a, slug="maker", name="Maker")
    world.badge_b = make_badge_class(world.issuer_b, slug="youth", name="Youth")
    world.badge_city = make_badge_class(world.city, slug="city", name="City")
    world.badge_ca = make_badge_class(world.issuer_ca, slug="fab", name="Fab")
    world.users = {
        "provider_staff": _staff("staff-a", roles.provider_staff(provider_a)),
        "other_provider_staff": _staff("staff-b", roles.provider_staff(provider_b)),
        "city_editor": _staff("editor-lj", roles.city_editors(lj["site"])),
        "other_city_editor": _staff("editor-ca", roles.city_editors(ca["site"])),
        "superuser": get_user_model().objects.create_superuser("root", "root@example.org", "pw"),
    }
    return world


@pytest.fixture
def world(db):
    return build_world()


# -- the model's rules ---------------------------------------------------------------------------


def test_a_city_endorses_a_providers_badge_signed_once(world):
    made = endorse(world.city, world.badge_a, f"  {COMMENT}  ", world.users["city_editor"])
    made.refresh_from_db()
    assert made.comment == COMMENT
    assert made.badge_uuid == world.badge_a.uuid
    assert made.created_by == world.users["city_editor"]
    assert made.credential["proof"]["type"] == "DataIntegrityProof"
    assert list(endorsements.for_badge_class(world.badge_a)) == [made]
    assert endorsements.endorsement_credential(made) == made.credential


def test_no_issuer_endorses_its_own_badge(world):
    with pytest.raises(ValidationError) as error:
        endorse(world.issuer_a, world.badge_a, COMMENT)
    assert "own badge" in str(error.value)
    assert not Endorsement.objects.exists()


def test_a_draft_badge_and_an_empty_comment_are_refused(world):
    world.badge_b.unpublish()
    with pytest.raises(ValidationError):
        endorse(world.city, world.badge_b, COMMENT)
    with pytest.raises(ValidationError) as error:
        endorse(world.city, world.badge_a, "   ")
    assert "comment" in error.value.message_dict
    assert not Endorsement.objects.exists()


def _translate(badge_class):
    language = "it" if badge_class.locale.language_code != "it" else "sl"
    locale, _ = Locale.objects.get_or_create(language_code=language)
    translated = badge_class.copy_for_translation(locale)
    translated.name = f"{badge_class.name} ({language})"
    translated.save()
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def test_one_live_endorsement_per_endorser_and_badge_in_any_translation(world):
    first = endorse(world.city, world.badge_a, COMMENT)
    translated = _translate(world.badge_a)
    assert list(endorsements.for_badge_class(translated)) == [first]
    with pytest.raises(ValidationError) as error:
        endorse(world.city, translated, "Again")
    assert "already endorses" in str(error.value)
    # Another issuer may, and after withdrawing the city may again.
    endorse(world.issuer_b, world.badge_a, "We work with them.")
    withdraw(first)
    with pytest.raises(ValidationError):
        withdraw(first)
    again = endorse(world.city, translated, "A new word.")
    live = list(endorsements.for_badge_class(world.badge_a))
    assert again in live and first not in live and len(live) == 2


def test_the_database_keeps_one_live_endorsement(world):
    from django.db import IntegrityError, transaction

    endorse(world.city, world.badge_a, COMMENT)
    duplicate = Endorsement(endorser=world.city, badge_class=world.badge_a, comment="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


# -- Open Badges 2.0 -----------------------------------------------------------------------------


def test_the_hosted_endorsement_is_an_open_badges_2_endorsement(client, world):
    made = endorse(world.city, world.badge_a, COMMENT)
    url = endorsements.endorsement_url(made)
    assert url == f"http://localhost/badges/endorsements/{made.uuid}/"
    response = client.get(url, HTTP_HOST=LJUBLJANA, **JSON)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    data = response.json()
    assert data == {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Endorsement",
        "id": url,
        "issuer": serializers.issuer_id(world.city),
        "issuedOn": made.issued_on.isoformat(timespec="seconds"),
        "claim": {
            "id": serializers.badge_class_id(world.badge_a),
            "endorsementComment": COMMENT,
        },
        "verification": {"type": "hosted"},
    }
    # Hosted verification: the endorser's profile answers at the id the endorsement names.
    issuer = client.get(data["issuer"], HTTP_HOST=LJUBLJANA, **JSON)
    assert issuer.status_code == 200 and issuer.json()["name"] == "Mesto Ljubljana"


def test_the_endorsement_is_not_found_on_another_citys_host(client, world):
    made = endorse(world.city, world.badge_a, COMMENT)
    path = reverse("wagtail_cityoflearning_badges:endorsement", kwargs={"uuid": made.uuid})
    assert client.get(path, HTTP_HOST=CAGLIARI, **JSON).status_code == 404
    assert client.get(path, HTTP_HOST=LJUBLJANA, **JSON).status_code == 200


def test_a_withdrawn_endorsement_is_gone(client, world):
    made = endorse(world.city, world.badge_a, COMMENT)
    withdraw(made)
    response = client.get(endorsements.endorsement_url(made), HTTP_HOST=LJUBLJANA, **JSON)
    assert response.status_code == 410
    assert response.json()["revoked"] is True
    assert "claim" not in response.json()
    assert list(endorsements.for_badge_class(world.badge_a)) == []


def test_an_unknown_endorsement_is_not_found(client, world):
    path = reverse(
        "wagtail_cityoflearning_badges:endorsement",
        kwargs={"uuid": "00000000-0000-4000-8000-000000000000"},
    )
    assert client.get(path, HTTP_HOST=LJUBLJANA, **JSON).status_code == 404


# -- Open Badges 3.0 -----------------------------------------------------------------------------


def _public_key_of(credential):
    method = credential["proof"]["verificationMethod"]
    assert method.startswith(credential["issuer"]["id"] + "#")
    key = issue.own_key(method)
    assert key is not None
    # The same key the endorser's DID document publishes.
    published = did.multikey(issue.public_key(key))
    assert published.startswith("z6Mk")
    return issue.public_key(key)


def test_the_endorsement_credential_verifies_with_the_endorsers_key(world):
    made = endorse(world.city, world.badge_a, COMMENT)
    credential = endorsements.endorsement_credential(made)
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert credential["id"] == f"urn:uuid:{made.uuid}"
    assert credential["name"]
    assert credential["issuer"]["id"] == did.issuer_did(world.city)
    assert credential["issuer"]["type"] == ["Profile"]
    assert credential["issuer"]["name"] == "Mesto Ljubljana"
    assert credential["validFrom"].endswith("Z")
    assert credential["credentialSubject"] == {
        "id": serializers.badge_class_id(world.badge_a),
        "type": ["EndorsementSubject"],
        "endorsementComment": COMMENT,
    }
    key = _public_key_of(credential)
    assert dataintegrity.verify_proof(credential, key) is True

    changed = copy.deepcopy(credential)
    changed["credentialSubject"]["endorsementComment"] = "Something else."
    assert dataintegrity.verify_proof(changed, key) is False


def test_a_providers_endorsement_is_signed_by_the_provider(world):
    made = endorse(world.issuer_b, world.badge_a, "We send our young people there.")
    credential = made.credential
    assert credential["issuer"]["id"] == did.issuer_did(world.issuer_b)
    assert dataintegrity.verify_proof(credential, _public_key_of(credential)) is True
    other = issue.public_key(issue.signing_key(world.city))
    assert dataintegrity.verify_proof(credential, other) is False


def test_the_badge_in_an_awarded_credential_carries_the_endorsement(world):
    from wagtail_cityoflearning.badges.ob3 import credentials

    made = endorse(world.city, world.badge_a, COMMENT)
    document = credentials.credential_json(award(world.badge_a, "maja@example.org"))
    assert document["credentialSubject"]["achievement"]["endorsement"] == [made.credential]
    withdraw(made)
    document = credentials.credential_json(award(world.badge_a, "luka@example.org"))
    assert "endorsement" not in document["credentialSubject"]["achievement"]


# -- the public pages ----------------------------------------------------------------------------


def test_the_badge_page_shows_who_endorses_it_in_the_citys_language(client, world):
    made = endorse(world.city, world.badge_a, COMMENT)
    page = f"/badges/classes/{world.badge_a.uuid}/"
    html = client.get(page, HTTP_HOST=LJUBLJANA, **HTML).content.decode()
    with translation.override("sl"), timezone.override("Europe/Ljubljana"):
        endorsed_by = translation.gettext("Endorsed by %(name)s") % {"name": "Mesto Ljubljana"}
        date = format_date(made.issued_on, "date")
    assert 'lang="sl"' in html
    assert endorsed_by in html
    assert COMMENT in html
    assert date in html

    # Also on the page of an award of the badge, and gone from both once withdrawn.
    given = award(world.badge_a, "maja@example.org")
    assertion = client.get(f"/badges/assertions/{given.uuid}/", HTTP_HOST=LJUBLJANA, **HTML)
    assert endorsed_by in assertion.content.decode()
    withdraw(made)
    html = client.get(page, HTTP_HOST=LJUBLJANA, **HTML).content.decode()
    assert COMMENT not in html and endorsed_by not in html


def test_a_badge_without_endorsements_shows_no_section(client, world):
    html = client.get(
        f"/badges/classes/{world.badge_a.uuid}/", HTTP_HOST=LJUBLJANA, **HTML
    ).content.decode()
    assert 'id="endorsements-title"' not in html


# -- the admin -----------------------------------------------------------------------------------

ADD = "cityoflearning_endorsements:add"
INDEX = "cityoflearning_endorsements:index"
WITHDRAW = "cityoflearning_endorsements:withdraw"
INSPECT = "cityoflearning_endorsements:inspect"

ROLES = ["provider_staff", "other_provider_staff", "city_editor", "other_city_editor", "superuser"]

# The issuer each role endorses as, and a badge of its city it may endorse.
OWN = {
    "provider_staff": ("issuer_a", "badge_b"),
    "other_provider_staff": ("issuer_b", "badge_a"),
    "city_editor": ("city", "badge_a"),
    "other_city_editor": ("city_ca", "badge_ca"),
    "superuser": ("city", "badge_b"),
}


def _post_add(client, world, endorser, badge, comment="Good work."):
    return client.post(
        reverse(ADD),
        {"endorser": endorser.pk, "badge_class": badge.pk, "comment": comment},
    )


def _endorse_as_own(client, world, role):
    endorser, badge = (getattr(world, name) for name in OWN[role])
    return _post_add(client, world, endorser, badge), (endorser, badge)


def _endorse_as_provider_a(client, world, role):
    return _post_add(client, world, world.issuer_a, world.badge_b), (
        world.issuer_a,
        world.badge_b,
    )


def _endorse_as_the_city(client, world, role):
    return _post_add(client, world, world.city, world.badge_a), (world.city, world.badge_a)


def _endorse_a_badge_of_another_city(client, world, role):
    endorser = getattr(world, OWN[role][0])
    badge = world.badge_a if endorser.pk == world.city_ca.pk else world.badge_ca
    return _post_add(client, world, endorser, badge), (endorser, badge)


def _endorse_its_own_badge(client, world, role):
    endorser = getattr(world, OWN[role][0])
    badge = {
        world.issuer_a.pk: world.badge_a,
        world.issuer_b.pk: world.badge_b,
        world.city.pk: world.badge_city,
    }.get(endorser.pk)
    if badge is None:  # Cagliari's city has no badge: its provider's is the nearest "own"
        badge = make_badge_class(world.city_ca, slug="citta", name="Città")
    return _post_add(client, world, endorser, badge), (endorser, badge)


CREATE_ACTIONS = {
    # action: (what is tried, roles that may)
    "endorse_as_own_issuer": (_endorse_as_own, set(ROLES)),
    "endorse_as_provider_a": (_endorse_as_provider_a, {"provider_staff", "superuser"}),
    "endorse_as_ljubljana": (_endorse_as_the_city, {"city_editor", "superuser"}),
    "endorse_another_citys_badge": (_endorse_a_badge_of_another_city, set()),
    "endorse_own_badge": (_endorse_its_own_badge, set()),
}


@pytest.mark.parametrize("action", sorted(CREATE_ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_endorsing_in_the_admin(client, world, role, action):
    attempt, allowed = CREATE_ACTIONS[action]
    client.force_login(world.users[role])
    response, (endorser, badge) = attempt(client, world, role)
    made = Endorsement.objects.filter(endorser=endorser, badge_uuid=badge.uuid)
    if role in allowed:
        assert response.status_code == 302, response.context["form"].errors
        assert made.get().created_by == world.users[role]
        assert made.get().credential["proof"]
    else:
        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors.get("endorser") or form.errors.get("badge_class")
        assert not made.exists()


def _city_endorsement(world):
    return endorse(world.city, world.badge_a, COMMENT)


VIEW_ACTIONS = {
    # action: roles that may; all target Ljubljana's endorsement of provider A's badge
    "list": {"provider_staff", "city_editor", "superuser"},  # received, given
    "inspect": {"provider_staff", "city_editor", "superuser"},
    "withdraw": {"city_editor", "superuser"},  # only who gave it
}


@pytest.mark.parametrize("action", sorted(VIEW_ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_seeing_and_withdrawing_in_the_admin(client, world, role, action):
    made = _city_endorsement(world)
    client.force_login(world.users[role])
    allowed = role in VIEW_ACTIONS[action]
    if action == "list":
        html = client.get(reverse(INDEX)).content.decode()
        assert (reverse(INSPECT, args=(made.pk,)) in html) is allowed
        return
    if action == "inspect":
        response = client.get(reverse(INSPECT, args=(made.pk,)))
        assert response.status_code == (200 if allowed else 404)
        if allowed:
            assert COMMENT in response.content.decode()
        return
    url = reverse(WITHDRAW, args=(made.pk,))
    confirm = client.get(url)
    assert confirm.status_code == (200 if allowed else 404)
    response = client.post(url)
    made.refresh_from_db()
    if allowed:
        assert response.status_code == 302 and made.revoked and made.revoked_at
    else:
        assert response.status_code == 404 and not made.revoked


def test_the_form_offers_the_endorsers_and_badges_of_each_role(client, world):
    _translate(world.badge_b)  # one choice per badge, not per translation
    client.force_login(world.users["provider_staff"])
    form = client.get(reverse(ADD)).context["form"]
    assert list(form.fields["endorser"].queryset) == [world.issuer_a]
    assert form.fields["endorser"].initial == world.issuer_a.pk
    offered = set(form.fields["badge_class"].queryset)
    assert offered == {world.badge_b, world.badge_city}  # not its own, not Cagliari's

    client.force_login(world.users["city_editor"])
    form = client.get(reverse(ADD)).context["form"]
    assert list(form.fields["endorser"].queryset) == [world.city]  # not as its providers
    assert set(form.fields["badge_class"].queryset) == {world.badge_a, world.badge_b}


def test_a_second_endorsement_is_a_form_error(client, world):
    _city_endorsement(world)
    client.force_login(world.users["city_editor"])
    response = _post_add(client, world, world.city, world.badge_a)
    assert response.status_code == 200
    with translation.override(response["Content-Language"]):
        expected = translation.gettext(
            "%(endorser)s already endorses this badge. Withdraw that endorsement "
            "first to write a new one."
        ) % {"endorser": world.city}
    assert response.context["form"].errors["badge_class"] == [expected]
    assert Endorsement.objects.count() == 1


def test_the_list_shows_given_and_received_and_filters_them(client, world):
    given = endorse(world.issuer_a, world.badge_b, "Given by A.")
    received = _city_endorsement(world)
    client.force_login(world.users["provider_staff"])
    html = client.get(reverse(INDEX)).content.decode()
    assert "Youth" in html and "Maker" in html
    # A withdraw action only for the one provider A gave.
    assert reverse(WITHDRAW, args=(given.pk,)) in html
    assert reverse(WITHDRAW, args=(received.pk,)) not in html
    only_given = client.get(reverse(INDEX), {"direction": "given"}).content.decode()
    assert reverse(INSPECT, args=(given.pk,)) in only_given
    assert reverse(INSPECT, args=(received.pk,)) not in only_given
    only_received = client.get(reverse(INDEX), {"direction": "received"}).content.decode()
    assert reverse(INSPECT, args=(received.pk,)) in only_received
    assert reverse(INSPECT, args=(given.pk,)) not in only_received
    found = client.get(reverse(INDEX), {"q": "Youth"}).content.decode()
    assert reverse(INSPECT, args=(given.pk,)) in found
    assert reverse(INSPECT, args=(received.pk,)) not in found


def test_withdrawing_twice_says_so(client, world):
    made = _city_endorsement(world)
    client.force_login(world.users["city_editor"])
    url = reverse(WITHDRAW, args=(made.pk,))
    assert client.post(url).status_code == 302
    again = client.get(url)
    assert again.status_code == 200
    with translation.override(again["Content-Language"]):
        expected = escape(translation.gettext("This endorsement was already withdrawn."))
    assert expected in again.content.decode()
    assert client.post(url, follow=True).status_code == 200
    made.refresh_from_db()
    assert made.revoked


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    made = _city_endorsement(world)
    for url in (reverse(INDEX), reverse(ADD), reverse(WITHDRAW, args=(made.pk,))):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    assert client.post(reverse(WITHDRAW, args=(made.pk,))).status_code == 302
    made.refresh_from_db()
    assert not made.revoked


# -- the demo ------------------------------------------------------------------------------------


def test_the_demo_cities_endorse_their_providers_badges_once(world):
    from example_site.demo import endorsements as demo

    for badge, city in ((world.badge_a, world.lj), (world.badge_b, world.lj)):
        badge.locale = city["locale"]  # as the demo's providers' badges are
        badge.save()
    world.badge_ca.locale = world.ca["locale"]
    world.badge_ca.save()
    for _again in range(2):
        demo.load(world.lj["site"], "ljubljana")
        demo.load(world.ca["site"], "cagliari")
    made = Endorsement.objects.order_by("pk")
    assert [(e.endorser, e.badge_class) for e in made] == [
        (world.city, world.badge_a),
        (world.city, world.badge_b),
        (world.city_ca, world.badge_ca),
    ]
    assert all(e.credential["proof"] for e in made)
