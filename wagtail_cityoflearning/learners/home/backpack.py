"""The learner's backpack: every badge awarded to one of their verified addresses, with the
links to share it and a zip of the baked images and assertions to keep or move elsewhere."""

from __future__ import annotations

import json
import logging
import zipfile
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.badges.ob3 import credentials, issue
from wagtail_cityoflearning.learners.home.data_export import learner_awards

logger = logging.getLogger(__name__)

LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"


@dataclass
class BackpackBadge:
    """One award as the backpack shows it."""

    award: Award

    @property
    def badge_class(self):
        return self.award.badge_class

    @property
    def is_valid(self) -> bool:
        return not self.award.revoked and not self.award.is_expired

    @property
    def status(self) -> str:
        if self.award.revoked:
            return "revoked"
        return "expired" if self.award.is_expired else "valid"

    @property
    def share_url(self) -> str:
        """The public page of the award (its Open Badges id, which browsers get as HTML)."""
        return serializers.assertion_id(self.award)

    @property
    def linkedin_url(self) -> str:
        return linkedin_add_url(self.award)

    @property
    def wallet_json_url(self) -> str:
        """The Open Badges 3.0 credential (Data Integrity proof) as a file for a wallet."""
        return credentials.credential_url(self.award) + "?download=1"

    @property
    def wallet_jwt_url(self) -> str:
        """The same credential as a VC-JWT file, for wallets that take JWTs."""
        return credentials.jwt_url(self.award) + "?download=1"


# An award's signed forms: only the backpack's download reads them.
SIGNED_FORMS = ("credential", "credential_jwt", "signature")


def backpack_awards(user, *, with_evidence: bool = False) -> list[Award]:
    """The learner's awards (:func:`~.data_export.learner_awards`), revoked ones too, newest
    first, with their badge classes and issuers, in one query.

    ``with_evidence`` fetches the evidence the assertions list and the signed forms of each
    award (its Open Badges 3.0 credential, as JSON and as a JWT, and its 2.0 signature), for
    the download; without it they are left unread (a few kilobytes each, the JSON parsed for
    every award), as the pages that list badges link to them rather than show them.
    """
    awards = (
        learner_awards(user)
        .select_related("badge_class__issuer", "badge_class__locale")
        .order_by("-issued_on", "-pk")
    )
    awards = awards.prefetch_related("evidence") if with_evidence else awards.defer(*SIGNED_FORMS)
    awards = list(awards)
    _share_issuers(awards)
    return awards


def sorted_badges(badges: list[BackpackBadge]) -> list[BackpackBadge]:
    """Valid badges first, then expired, then revoked; sorted() is stable, so the
    newest-first order holds within each."""
    return sorted(badges, key=lambda b: (b.award.revoked, b.award.is_expired))


def backpack_badges(user, *, with_evidence: bool = False) -> list[BackpackBadge]:
    """The learner's awards (:func:`backpack_awards`): valid ones first, newest first within
    each.

    ``with_evidence`` fetches the evidence the assertions list, for the download.
    """
    awards = backpack_awards(user, with_evidence=with_evidence)
    return sorted_badges([BackpackBadge(award) for award in awards])


def _share_issuers(awards) -> None:
    """Give awards of one issuer one issuer object, so its base URL is looked up once."""
    issuers = {}
    for award in awards:
        issuer = award.badge_class.issuer
        award.badge_class.issuer = issuers.setdefault(issuer.pk, issuer)


def linkedin_add_url(award: Award) -> str:
    """LinkedIn's "add licence or certification" form, filled in with this award."""
    issued = timezone.localtime(award.issued_on)
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.badge_class.name,
        "organizationName": award.badge_class.issuer.name,
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": serializers.assertion_id(award),
        "certId": str(award.uuid),
    }
    if award.expires:
        expires = timezone.localtime(award.expires)
        params.update(expirationYear=expires.year, expirationMonth=expires.month)
    return f"{LINKEDIN_ADD_URL}?{urlencode(params)}"


# -- the download of all badges -----------------------------------------------------------------


def _base_name(number: int, award: Award) -> str:
    slug = slugify(award.badge_class.slug or award.badge_class.name) or "badge"
    return f"{number:02d}-{slug}-{award.uuid.hex[:8]}"


def write_backpack_zip(badges: list[BackpackBadge], fileobj) -> None:
    """Write a zip of each award's baked image and assertion JSON to ``fileobj``.

    Revoked badges are left out; an image still being baked, or missing from storage, is left
    out with a note in the README, so the learner knows to download again later.
    """
    notes = []
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        number = 0
        for badge in badges:
            award = badge.award
            if award.revoked:
                notes.append(
                    _("“%(name)s” was revoked and is not included.") % {"name": award.badge_class}
                )
                continue
            number += 1
            name = _base_name(number, award)
            data = serializers.assertion_json(award)
            archive.writestr(f"{name}.json", json.dumps(data, ensure_ascii=False, indent=2))
            issue.ensure_signed(award)
            if award.credential:
                archive.writestr(
                    f"{name}.credential.json",
                    json.dumps(award.credential, ensure_ascii=False, indent=2),
                )
                archive.writestr(f"{name}.credential.jwt", award.credential_jwt)
            if not award.baked_image:
                notes.append(
                    _(
                        "The image of “%(name)s” is still being prepared: download your "
                        "badges again later to get it."
                    )
                    % {"name": award.badge_class}
                )
                continue
            extension = award.baked_image.name.rsplit(".", 1)[-1].lower()
            try:
                with award.baked_image.open("rb") as image:
                    content = image.read()
            except OSError:
                logger.warning("Baked image %s is missing", award.baked_image.name)
                notes.append(
                    _(
                        "The image of “%(name)s” could not be found: download your badges "
                        "again later, or ask the city if it stays missing."
                    )
                    % {"name": award.badge_class}
                )
                continue
            archive.writestr(f"{name}.{extension}", content)
        archive.writestr("README.txt", _readme(number, notes))


def _readme(count: int, notes: list[str]) -> str:
    lines = [
        _(
            "Your Open Badges. Each image has its badge baked in: upload it to any Open Badges "
            "backpack or wallet. The .json file next to it is the badge's assertion (Open Badges "
            "2.0); the .credential.json and .credential.jwt files are the same badge as an Open "
            "Badges 3.0 credential, for digital credential wallets."
        ),
        "",
    ]
    if not count:
        lines.append(_("You have no badges to download yet."))
    lines.extend(notes)
    return "\n".join(str(line) for line in lines) + "\n"


__all__ = [
    "BackpackBadge",
    "backpack_awards",
    "backpack_badges",
    "linkedin_add_url",
    "sorted_badges",
    "write_backpack_zip",
]
