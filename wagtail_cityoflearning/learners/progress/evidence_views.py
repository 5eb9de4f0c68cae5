"""Evidence files are private: they have no public URL and are served only here, to the
learner who submitted them and to the people who review the playlist (those who may edit
its page). Everyone else gets 404, so nobody learns whether a file exists."""

import os

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from wagtail_cityoflearning import access
from wagtail_cityoflearning.learners.progress.models import StepProgress


def may_see_evidence(user, record: StepProgress) -> bool:
    """The learner themselves, or a reviewer of the playlist the evidence belongs to."""
    if not user.is_authenticated:
        return False
    return record.enrolment.user_id == user.pk or access.may_edit_page(
        user, record.enrolment.playlist
    )


def evidence_file(request, pk):
    """Send an evidence file as a download, never to be shown inline or cached in public."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    record = get_object_or_404(
        StepProgress.objects.select_related("enrolment__playlist").exclude(file=""), pk=pk
    )
    if not may_see_evidence(request.user, record):
        raise Http404
    try:
        handle = record.file.open("rb")
    except OSError:
        raise Http404 from None
    filename = record.original_filename or os.path.basename(record.file.name)
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, private=True, no_store=True)
    return response
