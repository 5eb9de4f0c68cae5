"""What a learner does on a playlist page: start it, save it for later, and work through its
steps, submitting evidence for the online activities. These views are routes of the
PlaylistPage (``start/``, ``save/``, ``steps/<id>/``). Every change is a POST by a signed-in
learner whose consent allows us to store their learning; anything else changes nothing."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail_cityoflearning.learners.accounts.consent import learning_action
from wagtail_cityoflearning.learners.progress.evidence_forms import EvidenceForm
from wagtail_cityoflearning.learners.progress.links import safe_next, step_url
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress
from wagtail_cityoflearning.learners.progress.state import (
    enrolled_playlist,
    playlist_progress,
    update_progress,
)
from wagtail_cityoflearning.learners.progress.storage import evidence_storage
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind, StepKind

STEP_TEMPLATE = "wagtail_cityoflearning/learners/step.html"


# -- helpers ---------------------------------------------------------------------------------


def _page_url(request, page, *args, **kwargs) -> str:
    return page.get_url(request)


def _step_back(request, page, current) -> str:
    return step_url(page, current.id, request)


def _state_for(progress, step):
    return next(state for state in progress.states if state.step.id == step.id)


# -- starting and saving -----------------------------------------------------------------------


@require_POST
@learning_action(back=_page_url)
def start(request, page):
    """Start the playlist: from now on, what the learner does counts towards it."""
    page_url = page.get_url(request)
    with transaction.atomic():
        enrolment, _created = PlaylistEnrolment.objects.select_for_update().get_or_create(
            user=request.user, playlist=enrolled_playlist(page)
        )
        now = timezone.now()
        if enrolment.started_at is None:
            enrolment.started_at = now
            messages.success(
                request, _("You started this playlist. Your progress is saved as you go.")
            )
        else:
            messages.info(request, _("You have already started this playlist."))
        enrolment.last_activity_at = now
        enrolment.save(update_fields=["started_at", "last_activity_at"])
        update_progress(enrolment)  # what the learner did before starting counts too
    return redirect(safe_next(request, page_url))


@require_POST
@learning_action(back=_page_url)
def save_for_later(request, page):
    """Save the playlist for later, or remove it from the saved ones (``saved`` = 1 or 0;
    without it, the state flips). Saving is not starting: it records no progress."""
    page_url = page.get_url(request)
    with transaction.atomic():
        enrolment = (
            PlaylistEnrolment.objects.select_for_update()
            .filter(user=request.user, playlist=enrolled_playlist(page))
            .first()
        )
        is_saved = enrolment is not None and enrolment.saved_at is not None
        wanted = request.POST.get("saved")
        save = wanted == "1" if wanted in ("0", "1") else not is_saved
        if save:
            if enrolment is None:
                # A second click may have created it since we looked: get_or_create takes
                # that one instead of failing on the unique constraint.
                enrolment, _created = PlaylistEnrolment.objects.get_or_create(
                    user=request.user,
                    playlist=enrolled_playlist(page),
                    defaults={"saved_at": timezone.now()},
                )
            if enrolment.saved_at is None:
                enrolment.saved_at = timezone.now()
                enrolment.save(update_fields=["saved_at"])
            messages.success(request, _("Saved for later. You find it under My learning."))
        elif enrolment is not None:
            enrolment.saved_at = None
            if enrolment.is_started:
                enrolment.save(update_fields=["saved_at"])
            else:
                enrolment.delete()  # neither saved nor started: nothing left to keep
            messages.success(request, _("Removed from your saved playlists."))
    return redirect(safe_next(request, page_url))


# -- a step and its evidence ---------------------------------------------------------------------


def step(request, page, step_id):
    """Show one step with what it asks; for an activity, the form to submit evidence."""
    current = page.get_step(step_id)
    if current is None:
        raise Http404(_("This playlist has no such step."))
    if request.method == "POST":
        return _submit(request, page, current)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render_step(request, page, current)


def render_step(request, page, current, *, form=None, status=200, problem=""):
    """The step page; ``problem`` explains why a submission was refused."""
    context = page.get_context(request)
    state = _state_for(context["progress"], current)
    enrolment = context["enrolment"]
    started = enrolment is not None and enrolment.is_started
    may_submit = started and state.can_submit and not context["consent_pending"]
    if form is None and may_submit and not problem:
        form = EvidenceForm(kind=current.evidence, instance=state.progress)
    steps = page.step_list
    index = steps.index(current)
    context.update(
        {
            "step": current,
            "state": state,
            "form": form if may_submit else None,
            "started": started,
            "problem": problem,
            "step_count": len(steps),
            "previous_step": steps[index - 1] if index > 0 else None,
            "next_step": steps[index + 1] if index + 1 < len(steps) else None,
            "step_url": step_url(page, current.id, request),
        }
    )
    return render(request, STEP_TEMPLATE, context, status=status)


def _reviewed() -> str:
    return _("Your evidence has been reviewed, so it can no longer be changed.")


@learning_action(back=_step_back)
def _submit(request, page, current):
    """Save evidence for an activity step, or explain why it cannot be saved."""
    here = step_url(page, current.id, request)
    enrolment = PlaylistEnrolment.objects.filter(
        user=request.user, playlist=enrolled_playlist(page), started_at__isnull=False
    ).first()
    if enrolment is None:
        messages.warning(request, _("Start the playlist first, so that your progress is saved."))
        return redirect(here)
    if current.kind != StepKind.ACTIVITY:
        problem = _("There is nothing to submit for this step.")
        return render_step(request, page, current, status=400, problem=problem)
    state = _state_for(playlist_progress(page, enrolment), current)
    if state.locked:
        problem = _("This step opens when you have finished the required steps before it.")
        return render_step(request, page, current, status=403, problem=problem)
    if not state.can_submit:
        return render_step(request, page, current, status=403, problem=_reviewed())
    record = state.progress or StepProgress(enrolment=enrolment, step_id=current.id)
    form = EvidenceForm(request.POST, request.FILES, kind=current.evidence, instance=record)
    if not form.is_valid():
        return render_step(request, page, current, form=form)
    outcome = _save_evidence(form, enrolment, current)
    if outcome == REFUSED:
        return render_step(request, page, current, status=403, problem=_reviewed())
    if outcome == CONFLICT:
        messages.error(request, _("Your evidence was sent twice at once. Check it and try again."))
        return redirect(here)
    if current.evidence == EvidenceKind.NONE:
        messages.success(request, _("Well done! This step is complete."))
    else:
        messages.success(request, _("Thank you! Your evidence is waiting for review."))
    return redirect(f"{page.get_url(request)}#step-{current.id}")


SAVED, REFUSED, CONFLICT = "saved", "refused", "conflict"


def _save_evidence(form, enrolment, current) -> str:
    """Store the evidence and update the playlist's progress in one transaction.

    The record is read again under a row lock: a reviewer may have decided since the form
    was shown, and a decision is never overwritten (REFUSED). Only the evidence fields are
    written, so nothing a reviewer recorded is reverted. A replaced file is deleted once the
    new one is safely recorded; a file stored for a submission that was not recorded is
    deleted straight away. CONFLICT when the same evidence was created twice at once.
    """
    new_file = form.has_new_file
    previous_file = None  # set once the locked record is read
    record = None
    try:
        with transaction.atomic():
            record = (
                StepProgress.objects.select_for_update()
                .filter(enrolment=enrolment, step_id=current.id)
                .first()
            )
            if record is not None and not record.is_editable:
                return REFUSED
            creating = record is None
            if creating:
                record = StepProgress(enrolment=enrolment, step_id=current.id)
            previous_file = record.file.name if record.file else ""
            fields = _apply_evidence(form, record, current)
            record.save(update_fields=None if creating else fields)
            PlaylistEnrolment.objects.filter(pk=enrolment.pk).update(
                last_activity_at=record.submitted_at
            )
            update_progress(enrolment)
    except IntegrityError:
        _forget_new_file(record, new_file, previous_file)
        return CONFLICT
    except BaseException:
        _forget_new_file(record, new_file, previous_file)
        raise
    if new_file and previous_file and previous_file != record.file.name:
        transaction.on_commit(lambda: evidence_storage().delete(previous_file))
    return SAVED


def _apply_evidence(form, record, current) -> list[str]:
    """Copy what the learner submitted onto ``record``; the names of the fields it sets.

    The file is copied only when a new one was uploaded: otherwise the form holds the file it
    was shown with, which may no longer be the record's.
    """
    names = [name for name in form.fields if name != "file" or form.has_new_file]
    for name in names:
        StepProgress._meta.get_field(name).save_form_data(record, form.cleaned_data[name])
    if form.has_new_file:
        record.original_filename = form.new_file_name
        names.append("original_filename")
    record.submitted_at = timezone.now()
    record.status = (
        StepProgress.Status.DONE
        if current.evidence == EvidenceKind.NONE
        else StepProgress.Status.SUBMITTED
    )
    return [*names, "submitted_at", "status"]


def _forget_new_file(record, new_file: bool, previous_file: str | None) -> None:
    """Delete the file stored for a submission that was not recorded (the upload is written
    to storage as the record is saved, before the database may refuse the row)."""
    if not new_file or record is None or previous_file is None or not record.file:
        return
    if record.file._committed and record.file.name != previous_file:
        evidence_storage().delete(record.file.name)
