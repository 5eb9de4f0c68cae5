"""What a learner does on a playlist page: start it, save it for later, and work through its
steps, submitting evidence for the online activities. These views are routes of the
PlaylistPage (``start/``, ``save/``, ``steps/<id>/``). Every change is a POST by a signed-in
learner whose consent allows us to store their learning; anything else changes nothing."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..blocks.playlist import EvidenceKind, StepKind
from .evidence_forms import EvidenceForm
from .models import PlaylistEnrolment, StepProgress
from .progress import evaluate, may_store_learning, playlist_progress
from .storage import evidence_storage

STEP_TEMPLATE = "wagtail_cityoflearning/learners/step.html"


# -- helpers ---------------------------------------------------------------------------------


def step_url(request, page, step) -> str:
    return page.get_url(request) + page.reverse_subpage("step", kwargs={"step_id": step.id})


def _next_url(request) -> str | None:
    """Where a form asked to return to, if that is a page of this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def _refusal(request, back_url: str):
    """The answer when this request may not store learning, or None when it may."""
    if not request.user.is_authenticated:
        return redirect_to_login(back_url)
    if not may_store_learning(request.user):
        messages.error(
            request,
            _(
                "We are waiting for your parent’s or guardian’s consent. "
                "Until they agree, we cannot save your progress."
            ),
        )
        return redirect(back_url)
    return None


def _state_for(progress, step):
    return next(state for state in progress.states if state.step.id == step.id)


# -- starting and saving -----------------------------------------------------------------------


@require_POST
def start(request, page):
    """Start the playlist: from now on, what the learner does counts towards it."""
    page_url = page.get_url(request)
    refusal = _refusal(request, page_url)
    if refusal is not None:
        return refusal
    with transaction.atomic():
        enrolment, _created = PlaylistEnrolment.objects.select_for_update().get_or_create(
            user=request.user, playlist=page
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
        evaluate(enrolment)  # what the learner did before starting counts too
    return redirect(_next_url(request) or page_url)


@require_POST
def save_for_later(request, page):
    """Save the playlist for later, or remove it from the saved ones (``saved`` = 1 or 0;
    without it, the state flips). Saving is not starting: it records no progress."""
    page_url = page.get_url(request)
    refusal = _refusal(request, page_url)
    if refusal is not None:
        return refusal
    with transaction.atomic():
        enrolment = (
            PlaylistEnrolment.objects.select_for_update()
            .filter(user=request.user, playlist=page)
            .first()
        )
        is_saved = enrolment is not None and enrolment.saved_at is not None
        wanted = request.POST.get("saved")
        save = wanted == "1" if wanted in ("0", "1") else not is_saved
        if save:
            if enrolment is None:
                enrolment = PlaylistEnrolment(user=request.user, playlist=page)
            enrolment.saved_at = enrolment.saved_at or timezone.now()
            enrolment.save()
            messages.success(request, _("Saved for later. You find it under My learning."))
        elif enrolment is not None:
            enrolment.saved_at = None
            if enrolment.is_started:
                enrolment.save(update_fields=["saved_at"])
            else:
                enrolment.delete()  # neither saved nor started: nothing left to keep
            messages.success(request, _("Removed from your saved playlists."))
    return redirect(_next_url(request) or page_url)


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
            "step_url": step_url(request, page, current),
        }
    )
    return render(request, STEP_TEMPLATE, context, status=status)


def _submit(request, page, current):
    """Save evidence for an activity step, or explain why it cannot be saved."""
    here = step_url(request, page, current)
    refusal = _refusal(request, here)
    if refusal is not None:
        return refusal
    enrolment = PlaylistEnrolment.objects.filter(
        user=request.user, playlist=page, started_at__isnull=False
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
        problem = _("Your evidence has been reviewed, so it can no longer be changed.")
        return render_step(request, page, current, status=403, problem=problem)
    record = state.progress or StepProgress(enrolment=enrolment, step_id=current.id)
    previous_file = record.file.name if record.file else ""  # validation replaces it
    form = EvidenceForm(request.POST, request.FILES, kind=current.evidence, instance=record)
    if not form.is_valid():
        return render_step(request, page, current, form=form)
    if not _save_evidence(form, enrolment, current, previous_file):
        messages.error(request, _("Your evidence was sent twice at once. Check it and try again."))
        return redirect(here)
    if current.evidence == EvidenceKind.NONE:
        messages.success(request, _("Well done! This step is complete."))
    else:
        messages.success(request, _("Thank you! Your evidence is waiting for review."))
    return redirect(f"{page.get_url(request)}#step-{current.id}")


def _save_evidence(form, enrolment, current, previous_file: str) -> bool:
    """Store the evidence and re-evaluate the playlist in one transaction.

    A replaced file is deleted once the new one is safely recorded; a file stored for a
    submission that could not be recorded is deleted straight away. False on a conflict.
    """
    record = form.save(commit=False)
    now = timezone.now()
    if form.new_file_name:
        record.original_filename = form.new_file_name
    record.submitted_at = now
    record.status = (
        StepProgress.Status.DONE
        if current.evidence == EvidenceKind.NONE
        else StepProgress.Status.SUBMITTED
    )
    try:
        with transaction.atomic():
            record.save()
            PlaylistEnrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
            evaluate(enrolment)
    except IntegrityError:
        if record.file and record.file.name != previous_file:
            evidence_storage().delete(record.file.name)
        return False
    if previous_file and previous_file != record.file.name:
        transaction.on_commit(lambda: evidence_storage().delete(previous_file))
    return True
