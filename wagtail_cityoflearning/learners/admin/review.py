"""The evidence review queue in the admin: what waits for review, and the decision on it.

Reviewers are the people who may edit the playlist's page (see :mod:`.permissions`). A
decision is recorded once: the learner's step is re-evaluated (which may award badges) and
the learner is told by email once the decision is committed.
"""

import logging

import django_filters
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_cityoflearning.admin_listings import NamedDateColumn
from wagtail_cityoflearning.learners.admin.attendance import learner_name
from wagtail_cityoflearning.learners.playlists.permissions import (
    reviewable_playlist_ids,
    reviewable_playlists,
)
from wagtail_cityoflearning.learners.progress.emails import send_review_email
from wagtail_cityoflearning.learners.progress.models import StepProgress
from wagtail_cityoflearning.learners.progress.state import update_progress
from wagtail_cityoflearning.learners.steps.blocks import EvidenceKind
from wagtail_cityoflearning.models.base import BasePage

logger = logging.getLogger(__name__)

REVIEWED_STATUSES = [
    StepProgress.Status.SUBMITTED,
    StepProgress.Status.CHANGES_REQUESTED,
    StepProgress.Status.APPROVED,
]


def review_queryset(user):
    """Evidence ``user`` may review, whatever its status (steps marked done have none)."""
    return StepProgress.objects.filter(
        enrolment__playlist_id__in=reviewable_playlist_ids(user),
        status__in=REVIEWED_STATUSES,
    ).select_related("enrolment__user__learner_profile", "enrolment__playlist", "reviewed_by")


def waiting_for_review(user):
    """Evidence waiting for ``user``'s decision, oldest first."""
    return (
        review_queryset(user)
        .filter(status=StepProgress.Status.SUBMITTED)
        .order_by("submitted_at", "pk")
    )


def describe(progresses):
    """Attach what listings show to each item: the playlist page (fetched once per playlist),
    the step and the learner's name."""
    progresses = list(progresses)
    ids = {progress.enrolment.playlist_id for progress in progresses}
    pages = {page.pk: page for page in BasePage.objects.filter(pk__in=ids).specific()}
    for progress in progresses:
        playlist = pages.get(progress.enrolment.playlist_id) or progress.enrolment.playlist
        get_step = getattr(playlist, "get_step", None)
        progress.playlist_page = playlist
        progress.step = get_step(progress.step_id) if get_step else None
        progress.step_title = progress.step.title if progress.step else _("(a removed step)")
        progress.learner_name = learner_name(progress.enrolment.user)
    return progresses


# -- the queue -----------------------------------------------------------------------------


class ReviewFilterSet(WagtailFilterSet):
    playlist = django_filters.ModelChoiceFilter(
        label=_("Playlist"),
        field_name="enrolment__playlist",
        queryset=lambda request: reviewable_playlists(request.user).order_by("title"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(status.value, status.label) for status in REVIEWED_STATUSES],
        empty_label=_("All"),
        initial=StepProgress.Status.SUBMITTED,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = StepProgress
        fields = []


class ReviewQueueView(generic.IndexView):
    """Evidence to review, oldest first; by default only what waits for a decision."""

    model = StepProgress
    permission_policy = None  # the queryset holds only what the user may review
    any_permission_required = None
    filterset_class = ReviewFilterSet
    page_title = _("Evidence to review")
    header_icon = "tasks"
    default_ordering = "submitted_at"
    review_url_name = None

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        data.setdefault("status", StepProgress.Status.SUBMITTED)
        return {**super().get_filterset_kwargs(), "data": data}

    def get_base_queryset(self):
        return review_queryset(self.request.user)

    def order_queryset(self, queryset):
        return super().order_queryset(queryset).order_by(self.ordering or "submitted_at", "pk")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "step",
                label=_("Step"),
                accessor="step_title",
                get_url=lambda progress: reverse(self.review_url_name, args=[progress.pk]),
            ),
            Column("learner", label=_("Learner"), accessor="learner_name"),
            # On a phone the review page names the playlist: the status must fit.
            Column(
                "playlist",
                label=_("Playlist"),
                accessor="playlist_page.title",
                classname="col-wide-only",
            ),
            NamedDateColumn(
                "submitted_at",
                label=_("Submitted"),
                sort_key="submitted_at",
                date_format="short_datetime",
                width="15%",
            ),
            Column("status", label=_("Status"), accessor="get_status_display"),
        ]

    def get_table(self, object_list):
        return super().get_table(describe(object_list))

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No evidence matches these filters.")
        return _("Nothing is waiting for your review.")


# -- one review ----------------------------------------------------------------------------


def submission_stamp(progress) -> str:
    """Identifies one submission: it changes when the learner sends their evidence again."""
    return progress.submitted_at.isoformat() if progress.submitted_at else ""


class ReviewForm(forms.Form):
    APPROVE = "approve"
    REQUEST_CHANGES = "changes"

    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve")), (REQUEST_CHANGES, _("Ask for changes"))],
        error_messages={"required": _("Choose whether to approve or to ask for changes.")},
    )
    feedback = forms.CharField(
        label=_("Feedback for the learner"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Needed when you ask for changes: say what to change. The learner reads it in "
            "an email and on their dashboard."
        ),
    )
    submission = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        cleaned["feedback"] = (cleaned.get("feedback") or "").strip()
        if cleaned.get("decision") == self.REQUEST_CHANGES and not cleaned["feedback"]:
            self.add_error("feedback", _("Tell the learner what to change."))
        return cleaned


class Outcome:
    RECORDED = "recorded"
    ALREADY_REVIEWED = "already_reviewed"
    EVIDENCE_CHANGED = "evidence_changed"


def record_decision(pk, *, reviewer, decision, feedback, submission) -> str:
    """Record a decision on submitted evidence once, and email the learner after commit."""
    with transaction.atomic():
        progress = (
            StepProgress.objects.select_for_update()
            .select_related("enrolment__user", "enrolment__playlist")
            .get(pk=pk)
        )
        if progress.status != StepProgress.Status.SUBMITTED:
            return Outcome.ALREADY_REVIEWED
        if submission != submission_stamp(progress):
            return Outcome.EVIDENCE_CHANGED
        approved = decision == ReviewForm.APPROVE
        status = StepProgress.Status.APPROVED if approved else StepProgress.Status.CHANGES_REQUESTED
        updated = StepProgress.objects.filter(
            pk=pk, status=StepProgress.Status.SUBMITTED, submitted_at=progress.submitted_at
        ).update(status=status, reviewed_by=reviewer, reviewed_at=timezone.now(), feedback=feedback)
        if not updated:
            return Outcome.ALREADY_REVIEWED
        update_progress(progress.enrolment)
        transaction.on_commit(lambda: _email_learner(pk))
    return Outcome.RECORDED


def _email_learner(pk):
    """The decision is saved; a mail server that is down must not undo it or show an error."""
    try:
        progress = StepProgress.objects.select_related("enrolment__user", "enrolment__playlist")
        send_review_email(progress.get(pk=pk))
    except Exception:
        logger.warning("Could not email the review of evidence %s", pk, exc_info=True)


class ReviewView(WagtailAdminTemplateMixin, FormView):
    """The step's instructions, the learner's evidence and the decision on it."""

    form_class = ReviewForm
    template_name = "wagtail_cityoflearning/learners/admin/review.html"
    header_icon = "tasks"
    index_url_name = None
    review_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.progress = self.get_progress()
        return super().dispatch(request, *args, **kwargs)

    def get_progress(self):
        progress = get_object_or_404(review_queryset(self.request.user), pk=self.kwargs["pk"])
        return describe([progress])[0]

    def get_page_title(self):
        return _("Review evidence")

    def get_page_subtitle(self):
        return self.progress.step_title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Evidence to review")},
            {"url": "", "label": self.progress.step_title},
        ]

    def get_initial(self):
        return {"submission": submission_stamp(self.progress)}

    def get_context_data(self, **kwargs):
        progress = self.progress
        step = progress.step
        return super().get_context_data(
            progress=progress,
            playlist=progress.playlist_page,
            step=step,
            instructions=step.value.get("instructions") if step else None,
            evidence_kind=step.evidence if step else "",
            evidence_url=self.evidence_url(progress),
            is_photo=step is not None and step.evidence == EvidenceKind.PHOTO,
            waiting=progress.status == StepProgress.Status.SUBMITTED,
            **kwargs,
        )

    @staticmethod
    def evidence_url(progress) -> str:
        if not progress.file:
            return ""
        try:
            return reverse("wagtail_cityoflearning_learners:evidence_file", args=[progress.pk])
        except NoReverseMatch:  # the learners' URLs are not included in this project
            return ""

    def form_valid(self, form):
        data = form.cleaned_data
        outcome = record_decision(
            self.progress.pk,
            reviewer=self.request.user,
            decision=data["decision"],
            feedback=data["feedback"],
            submission=data["submission"],
        )
        if outcome == Outcome.EVIDENCE_CHANGED:
            return self.evidence_changed(form)
        if outcome == Outcome.ALREADY_REVIEWED:
            messages.warning(
                self.request,
                # Translated now, in the admin user's language, not when the message is stored.
                gettext("This evidence has already been reviewed; nothing was changed."),
            )
            return redirect(reverse(self.review_url_name, args=[self.progress.pk]))
        if data["decision"] == ReviewForm.APPROVE:
            message = _("Approved. %(name)s will get an email.")
        else:
            message = _("Changes requested. %(name)s will get an email with your feedback.")
        messages.success(self.request, message % {"name": self.progress.learner_name})
        return redirect(self.get_success_url())

    def evidence_changed(self, form):
        """The learner sent new evidence while the reviewer read the old: show the new."""
        self.progress = self.get_progress()
        data = form.data.copy()
        data["submission"] = submission_stamp(self.progress)
        fresh = self.form_class(data)
        fresh.is_valid()
        fresh.add_error(
            None,
            _("The learner has just sent new evidence. Look at it, then decide again."),
        )
        return self.render_to_response(self.get_context_data(form=fresh))

    def get_success_url(self):
        return reverse(self.index_url_name)
