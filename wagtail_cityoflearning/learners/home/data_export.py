"""Everything the platform keeps about a learner, as JSON and a zip with their evidence files
(the right of access and to data portability, GDPR articles 15 and 20)."""

from __future__ import annotations

import json
import logging
import os
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.text import get_valid_filename
from wagtail import hooks

from wagtail_cityoflearning.badges.serializers import assertion_id
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.learner_playlists.models import LearnerPlaylist
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.learners.progress.state import awards_to_user

logger = logging.getLogger(__name__)

__all__ = ["evidence_records", "export_data", "learner_awards", "write_archive"]

FORMAT_VERSION = 1
# Other apps add what they keep about a learner: each function registered for this hook
# takes the user and returns ``(name, data)``, data ready for JSON; it goes in under ``name``.
LEARNER_DATA_HOOK = "cityoflearning_learner_data"


def learner_awards(user):
    """The badges awarded to any of the learner's addresses, revoked or not: the one rule for
    which awards are a learner's (the backpack, the download and deleting build on it)."""
    return awards_to_user(user).select_related("badge_class__issuer")


def evidence_records(user):
    """The learner's step progress that holds an uploaded file."""
    return (
        StepProgress.objects.filter(enrolment__user=user)
        .exclude(file="")
        .select_related("enrolment")
    )


def evidence_arcname(record: StepProgress) -> str:
    """Where an evidence file goes in the zip: unique, and safe to unpack anywhere."""
    name = os.path.basename(record.original_filename or record.file.name)
    try:
        name = get_valid_filename(name)
    except Exception:  # get_valid_filename refuses names like ".."
        name = os.path.basename(record.file.name)
    return f"evidence/{record.pk}-{name}"


def _page_url(request, page) -> str:
    try:
        return page.get_full_url(request) or ""
    except Exception:  # a page outside any site has no URL
        return ""


def _profile(user) -> dict | None:
    profile = LearnerProfile.objects.for_user(user)
    if profile is None:
        return None
    return {
        "display_name": profile.display_name,
        "year_of_birth": profile.year_of_birth,
        "preferred_language": profile.preferred_language,
        "interests": [
            {"slug": i.slug, "name": i.name} for i in profile.interests.order_by("sort_order")
        ],
        "city": profile.site.hostname if profile.site else None,
        "consent": profile.consent,
        "guardian_email": profile.guardian_email,
        "consent_requested_at": profile.consent_requested_at,
        "consent_given_at": profile.consent_given_at,
        "created_at": profile.created_at,
        "other_cities_consent": [
            {
                "city": consent.site.hostname,
                "guardian_email": consent.guardian_email,
                "requested_at": consent.requested_at,
                "given_at": consent.given_at,
            }
            for consent in user.site_consents.select_related("site").order_by("site__hostname")
        ],
    }


def _account(user) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "username": user.get_username(),
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
    }


def _step(record: StepProgress, playlist) -> dict:
    step = playlist.get_step(record.step_id) if hasattr(playlist, "get_step") else None
    return {
        "step_id": record.step_id,
        "step": step.title if step is not None else None,
        "status": record.status,
        "text": record.text,
        "link": record.link,
        "file": evidence_arcname(record) if record.file else None,
        "original_filename": record.original_filename,
        "submitted_at": record.submitted_at,
        "reviewed_at": record.reviewed_at,
        "feedback": record.feedback,
        "completed_at": record.completed_at,
        "badge": str(record.award.uuid) if record.award_id else None,
    }


def _enrolments(user, request) -> list[dict]:
    result = []
    enrolments = (
        PlaylistEnrolment.objects.filter(user=user)
        .select_related("playlist", "completion_award")
        .prefetch_related("step_progress__award")
        .order_by("pk")
    )
    for enrolment in enrolments:
        playlist = enrolment.playlist.specific
        result.append(
            {
                "playlist": playlist.title,
                "url": _page_url(request, playlist),
                "saved_at": enrolment.saved_at,
                "started_at": enrolment.started_at,
                "completed_at": enrolment.completed_at,
                "last_activity_at": enrolment.last_activity_at,
                "completion_badge": str(enrolment.completion_award.uuid)
                if enrolment.completion_award_id
                else None,
                "steps": [_step(r, playlist) for r in enrolment.step_progress.order_by("pk")],
            }
        )
    return result


def _attendances(user, request) -> list[dict]:
    return [
        {
            "opportunity": a.opportunity.title,
            "url": _page_url(request, a.opportunity),
            "confirmed_at": a.confirmed_at,
        }
        for a in Attendance.objects.filter(user=user).select_related("opportunity")
    ]


def _learner_playlists(user, request) -> list[dict]:
    result = []
    for playlist in LearnerPlaylist.objects.filter(owner=user).prefetch_related("steps"):
        steps = []
        for step in playlist.steps.all():
            if step.opportunity_id:
                opportunity = step.opportunity
                steps.append(
                    {"opportunity": opportunity.title, "url": _page_url(request, opportunity)}
                )
            else:
                steps.append({"title": step.title, "description": step.description})
        result.append(
            {
                "title": playlist.title,
                "description": playlist.description,
                "shared": playlist.shared,
                "created_at": playlist.created_at,
                "updated_at": playlist.updated_at,
                "submitted_at": playlist.submitted_at,
                "steps": steps,
            }
        )
    return result


def _badges(user) -> list[dict]:
    return [
        {
            "id": str(a.uuid),
            "badge": a.badge_class.name,
            "issuer": a.badge_class.issuer.name,
            "recipient_email": a.recipient_email,
            "issued_on": a.issued_on,
            "expires": a.expires,
            "revoked": a.revoked,
            "revocation_reason": a.revocation_reason,
            "assertion_url": assertion_id(a),
        }
        for a in learner_awards(user).order_by("issued_on")
    ]


def export_data(user, request=None) -> dict:
    """All we keep about ``user``, in plain JSON-ready structures, with what the functions
    of the ``cityoflearning_learner_data`` hook add (a name already taken is not replaced)."""
    data = {
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "account": _account(user),
        "profile": _profile(user),
        "playlists": _enrolments(user, request),
        "attendance": _attendances(user, request),
        "my_playlists": _learner_playlists(user, request),
        "badges": _badges(user),
    }
    for fn in hooks.get_hooks(LEARNER_DATA_HOOK):
        name, part = fn(user)
        data.setdefault(name, part)
    return data


def write_archive(user, fileobj, request=None) -> None:
    """Write a zip to ``fileobj``: ``data.json`` and every evidence file under ``evidence/``.
    A file missing from storage is left out and listed in ``missing_files``."""
    data = export_data(user, request)
    missing = []
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for record in evidence_records(user):
            arcname = evidence_arcname(record)
            try:
                with record.file.open("rb") as source, archive.open(arcname, "w") as target:
                    for chunk in iter(lambda s=source: s.read(64 * 1024), b""):
                        target.write(chunk)
            except OSError:
                logger.warning("Evidence file %s is missing", record.file.name)
                missing.append(arcname)
        data["missing_files"] = missing
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
