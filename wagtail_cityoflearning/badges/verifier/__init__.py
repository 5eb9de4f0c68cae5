"""Checking a badge anyone brings: a baked image, pasted JSON or a signed token, or an address.

:func:`verify` takes the bytes of an image or a text and answers with one :class:`Report` per
badge it finds (a baked image of ours carries the badge twice: as Open Badges 2.0 and 3.0).
Each report says who issued the badge, for what, to whom (an email checked against the hashed
recipient, never shown), when, and lists its checks (signature, issuer, revocation, expiry),
each passed, failed or not checked, with the reason in the visitor's language.

* Badges of this site (their addresses name one of its Sites, or their key is one of its keys)
  are checked against its own records: the award (revoked, expiry), its keys and the copy it
  keeps. Its own host is never contacted over the network.
* Other issuers' badges are read and shown as what they claim. Their signature and revocation
  are checked only when ``BADGES_VERIFY_FETCH`` allows contacting other sites, and then only
  over https (http too with ``DEBUG``) on the standard port, never on a private, loopback,
  link-local, reserved or tunnelled address (also after a redirect), within
  ``BADGES_VERIFY_FETCH_TIMEOUT`` (for the whole request) and ``BADGES_VERIFY_FETCH_MAX_BYTES``.
  A badge signed with a ``did:key`` is checked without contacting anyone.
* A credential with a Data Integrity proof is checked only when written in the plain JSON form
  whose reading is what the proof signs (see :mod:`.ob3`); a signature of a kind this site
  cannot check is reported as not checked.

Nothing raises to the caller: input that is not a badge gives a report with ``problem`` set.

Its modules, lowest first; each imports only those before it:

* :mod:`.report`: the answer (:class:`Report`, :class:`Check`, the verdicts);
* :mod:`.reading`: finding the badge in an image, a signed token or JSON;
* :mod:`.claims`: what a badge says of itself (names, dates, recipient);
* :mod:`.own`: this site's own hosts, DIDs, awards and keys;
* :mod:`.fetching`: contacting other issuers' sites, within limits;
* :mod:`.ob2`: the Open Badges 2.0 checks;
* :mod:`.ob3`: the Open Badges 3.0 checks;
* :mod:`.session`: one visitor's check, which reads the input and runs the checks;
* this package: :func:`verify` and :func:`overall`.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from wagtail_cityoflearning.badges.verifier.fetching import Fetcher, FetchError
from wagtail_cityoflearning.badges.verifier.reading import MAX_INPUT_BYTES
from wagtail_cityoflearning.badges.verifier.report import (
    INVALID,
    VERDICTS,
    Check,
    Report,
    Unreadable,
    problem,
)
from wagtail_cityoflearning.badges.verifier.session import Session

logger = logging.getLogger(__name__)


def verify(*, data: bytes | None = None, text: str = "", email: str = "") -> list[Report]:
    """Reports on the badges in ``data`` (an image's bytes) or ``text`` (JSON, a JWS or JWT,
    or an address). ``email``, when given, is checked against the recipient."""
    session = Session(email=(email or "").strip().lower())
    try:
        if data is not None:
            reports = session.image(data)
        else:
            reports = session.text((text or "").strip(), origin="")
    except Unreadable as error:
        reports = [problem(str(error))]
    except Exception:  # never a server error for what a visitor brought
        logger.exception("Checking a badge failed")
        reports = [problem(_("Something went wrong while checking this badge. Try again later."))]
    return reports


def overall(reports: list[Report]) -> str:
    """The verdict on what was given: the worst of its reports'."""
    return min((report.verdict for report in reports), key=VERDICTS.index, default=INVALID)


__all__ = ["Check", "FetchError", "Fetcher", "MAX_INPUT_BYTES", "Report", "overall", "verify"]
