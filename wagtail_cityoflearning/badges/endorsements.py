"""Endorsements of badges: make, withdraw, list and publish them.

An issuer endorses another issuer's published badge with a comment (a city vouches for a
provider's badge, a provider for another's). The endorsement is published

- as an Open Badges 2.0 ``Endorsement``, hosted at :func:`endorsement_url` on the endorser's
  Site (410 Gone once withdrawn), and named in the badge class's ``endorsement``;
- as an Open Badges 3.0 ``EndorsementCredential`` issued by the endorser's Profile, signed once
  when it is made with the endorser's Ed25519 key (a Data Integrity proof), and embedded in the
  badge's ``Achievement``.

Bad input raises ``ValidationError`` and saves nothing::

    from wagtail_cityoflearning.badges.endorsements import endorse, withdraw

    endorsement = endorse(city_issuer, badge_class, "Recognised by the city.", user)
    withdraw(endorsement)
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges import ob3, serializers
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.ob3 import credentials, issue
from wagtail_cityoflearning.badges.ob3.dataintegrity import xml_datetime
from wagtail_cityoflearning.languages import site_language

OB3_TYPE = ["VerifiableCredential", "EndorsementCredential"]
SUBJECT_TYPE = ["EndorsementSubject"]


@transaction.atomic
def endorse(endorser, badge_class, comment, user=None, *, issued_on=None) -> Endorsement:
    """``endorser`` (an Issuer) endorses ``badge_class`` (of another issuer) with ``comment``.

    Saved and signed in one transaction: either both or nothing. Raises ``ValidationError``
    for an issuer's own badge, a draft, an empty comment or a second live endorsement of the
    same badge by the same issuer."""
    instance = Endorsement(
        endorser=endorser,
        badge_class=badge_class,
        badge_uuid=badge_class.uuid,
        comment=(comment or "").strip(),
        created_by=user if user is not None and user.is_authenticated else None,
        issued_on=(issued_on or timezone.now()).replace(microsecond=0),
    )
    # The rule of one live endorsement is checked by clean() with a clearer message, and by
    # the database for two requests at once.
    instance.full_clean(exclude=["created_by"], validate_constraints=False)
    try:
        with transaction.atomic():  # a savepoint: the other request won the race
            instance.save()
    except IntegrityError as error:
        raise ValidationError(
            {"badge_class": _("%(endorser)s already endorses this badge.") % {"endorser": endorser}}
        ) from error
    instance.credential = _sign(instance)
    instance.save(update_fields=["credential"])
    return instance


def withdraw(endorsement) -> Endorsement:
    """Withdraw ``endorsement``: it leaves the badge's documents and page, and its address
    answers 410 Gone. Raises ``ValidationError`` when it was withdrawn already."""
    now = timezone.now()
    changed = Endorsement.objects.filter(pk=endorsement.pk, revoked=False).update(
        revoked=True, revoked_at=now
    )
    if not changed:
        raise ValidationError(_("This endorsement was already withdrawn."), code="withdrawn")
    endorsement.revoked, endorsement.revoked_at = True, now
    return endorsement


def for_badge_class(badge_class):
    """The live endorsements of ``badge_class`` (in any of its translations), oldest first."""
    return Endorsement.objects.for_badge_class(badge_class)


# -- Open Badges 2.0 ----------------------------------------------------------------------------


def endorsement_url(endorsement) -> str:
    """The endorsement's address and Open Badges 2.0 ``id``, on the endorser's Site (hosted
    verification checks that an endorsement lives where its issuer does)."""
    return serializers.object_url(endorsement.endorser, "endorsement", endorsement.uuid)


def endorsement_json(endorsement) -> dict:
    """The Open Badges 2.0 ``Endorsement`` (hosted)."""
    return {
        "@context": serializers.CONTEXT,
        "type": "Endorsement",
        "id": endorsement_url(endorsement),
        "issuer": serializers.issuer_id(endorsement.endorser),
        "issuedOn": endorsement.issued_on.isoformat(timespec="seconds"),
        "claim": {
            "id": serializers.badge_class_id(endorsement.badge_class),
            "endorsementComment": endorsement.comment,
        },
        "verification": {"type": "hosted"},
    }


def withdrawn_endorsement_json(endorsement) -> dict:
    return {
        "@context": serializers.CONTEXT,
        "type": "Endorsement",
        "id": endorsement_url(endorsement),
        "revoked": True,
    }


# -- Open Badges 3.0 ----------------------------------------------------------------------------


def credential_id(endorsement) -> str:
    return f"urn:uuid:{endorsement.uuid}"


def endorsement_credential_json(endorsement) -> dict:
    """The Open Badges 3.0 ``EndorsementCredential``, unsigned. Its subject is the badge's
    ``Achievement`` (whose id is the badge class's Open Badges id); its name is in the
    endorser's language."""
    endorser = endorsement.endorser
    with translation.override(site_language(endorser.get_site()) or translation.get_language()):
        name = _("%(endorser)s endorses “%(badge)s”") % {
            "endorser": endorser.name,
            "badge": endorsement.badge_class.name,
        }
    return {
        "@context": list(ob3.CONTEXT),
        "type": list(OB3_TYPE),
        "id": credential_id(endorsement),
        "name": name,
        "issuer": credentials.profile_json(endorser),
        "validFrom": xml_datetime(endorsement.issued_on),
        "credentialSubject": {
            "id": serializers.badge_class_id(endorsement.badge_class),
            "type": list(SUBJECT_TYPE),
            "endorsementComment": endorsement.comment,
        },
    }


def _sign(endorsement) -> dict:
    return issue.sign_document(endorsement.endorser, endorsement_credential_json(endorsement))


def endorsement_credential(endorsement) -> dict:
    """The signed ``EndorsementCredential`` as stored when the endorsement was made (one made
    before Open Badges 3.0 signing existed is signed now, once)."""
    if not endorsement.credential:
        endorsement.credential = _sign(endorsement)
        Endorsement.objects.filter(pk=endorsement.pk).update(credential=endorsement.credential)
    return endorsement.credential
