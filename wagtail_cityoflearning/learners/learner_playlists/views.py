"""Playlists young people make: compose them from the city's opportunities and steps of their
own, keep them private or share them by link, and submit them for the city to publish.

Every page works without JavaScript: each change to the steps is its own small POST form on
the edit page, which redirects back to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts.consent import (
    consent_status,
    learner_site,
    learning_action,
    refusal,
    site_of,
)
from wagtail_cityoflearning.learners.learner_playlists.forms import (
    LearnerPlaylistForm,
    OpportunitySearchForm,
    OpportunityStepForm,
    OwnStepForm,
)
from wagtail_cityoflearning.learners.learner_playlists.models import (
    LearnerPlaylist,
    LearnerPlaylistStep,
)
from wagtail_cityoflearning.learners.learner_playlists.publishing import (
    AlreadySubmitted,
    NoPlaylistIndex,
    NoSteps,
    submit_for_publishing,
)
from wagtail_cityoflearning.learners.progress.links import parse_id
from wagtail_cityoflearning.models.opportunities import OpportunityPage

TEMPLATES = "wagtail_cityoflearning/learners/learner_playlists/"
# Enough for any pathway; a bound keeps one playlist from growing without end.
MAX_STEPS = 40


# -- helpers ------------------------------------------------------------------------------


# Storing a playlist is learning: only for a learner who may store it on this city's site.
learner_playlist_action = learning_action(template=TEMPLATES + "consent_required.html")


def _city_refusal(request, playlist):
    """A playlist of another city is changed only with consent valid for that city too."""
    if not playlist.site_id or playlist.site_id == getattr(site_of(request), "pk", None):
        return None
    status = consent_status(request.user, playlist.site)
    if status.may_store:
        return None
    return refusal(request, status, TEMPLATES + "consent_required.html")


def _own_playlist(request, pk) -> LearnerPlaylist:
    """The learner's own playlist; someone else's is 404, as if it did not exist."""
    return get_object_or_404(LearnerPlaylist, pk=pk, owner=request.user)


def _ordered_steps(playlist):
    return LearnerPlaylistStep.objects.filter(playlist=playlist).order_by("sort_order", "pk")


@dataclass
class LearnerPlaylistStepDisplay:
    """A step of a learner-made playlist (a :class:`LearnerPlaylistStep`) as its pages show
    it, with its opportunity if that is still live and public."""

    step: LearnerPlaylistStep
    opportunity: object = None  # the specific live OpportunityPage, or None

    @property
    def title(self) -> str:
        """The step's title for its owner, who chose the opportunity."""
        if self.step.opportunity_id:
            return self.step.opportunity.title
        return self.step.title

    @property
    def public_title(self) -> str:
        """The title others may see: an opportunity no longer live and public is not named."""
        if self.step.opportunity_id and self.opportunity is None:
            return _("An opportunity that is no longer listed")
        if self.opportunity is not None:
            return self.opportunity.title
        return self.step.title


def step_displays(playlist) -> list[LearnerPlaylistStepDisplay]:
    """The playlist's steps, their opportunities read in one query."""
    steps = list(_ordered_steps(playlist).select_related("opportunity"))
    ids = [s.opportunity_id for s in steps if s.opportunity_id]
    live = OpportunityPage.objects.live().public().in_bulk(ids) if ids else {}
    return [LearnerPlaylistStepDisplay(s, live.get(s.opportunity_id)) for s in steps]


def _touch(playlist) -> None:
    LearnerPlaylist.objects.filter(pk=playlist.pk).update(updated_at=timezone.now())


def _share_url(request, playlist) -> str:
    path = reverse("wagtail_cityoflearning_learners:playlist_shared", args=[playlist.share_token])
    return request.build_absolute_uri(path)


# -- list, create, delete -----------------------------------------------------------------


@login_required
def playlist_list(request):
    """The playlists the learner made."""
    status = consent_status(request.user, site_of(request))
    playlists = LearnerPlaylist.objects.filter(owner=request.user).annotate(
        step_count=Count("steps")
    )
    return render_page(
        request,
        TEMPLATES + "list.html",
        {
            "playlists": playlists,
            "profile": status.profile,
            "learner_consent": status,
            "consent_pending": status.asks_guardian,
        },
    )


@login_required
@learner_playlist_action
def playlist_create(request):
    """Start a playlist: a title and what it is about; steps are added next."""
    profile = request.learner_consent.profile
    form = LearnerPlaylistForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        playlist = form.save(commit=False)
        playlist.owner = request.user
        playlist.site = learner_site(profile, request)
        playlist.save()
        messages.success(request, _("Your playlist is ready. Now add its steps."))
        return redirect("wagtail_cityoflearning_learners:playlist_edit", playlist.pk)
    return render_page(request, TEMPLATES + "create.html", {"form": form})


@login_required
def playlist_delete(request, pk):
    """Ask, then delete. A page already submitted to the city stays with the city."""
    playlist = _own_playlist(request, pk)
    if request.method == "POST":
        title = playlist.title
        playlist.delete()
        messages.success(request, _("“%(title)s” was deleted.") % {"title": title})
        return redirect("wagtail_cityoflearning_learners:playlists")
    return render_page(request, TEMPLATES + "delete.html", {"playlist": playlist})


# -- editing --------------------------------------------------------------------------------
# Each action handles one POST of the edit page: it returns True when done (the page redirects
# back to itself) or None when its form has errors (the page shows them, input kept).


def _save_details(request, playlist, forms):
    form = LearnerPlaylistForm(request.POST, instance=playlist)
    forms["details_form"] = form
    if not form.is_valid():
        return None
    form.save()
    messages.success(request, _("Saved."))
    return True


def _add_step(playlist, **fields) -> LearnerPlaylistStep:
    """Append a step after the last one."""
    last = _ordered_steps(playlist).aggregate(last=Max("sort_order"))["last"]
    step = LearnerPlaylistStep.objects.create(
        playlist=playlist, sort_order=0 if last is None else last + 1, **fields
    )
    _touch(playlist)
    return step


def _has_room(request, playlist) -> bool:
    if _ordered_steps(playlist).count() < MAX_STEPS:
        return True
    messages.error(
        request,
        _("A playlist can have up to %(count)d steps. Remove one to add another.")
        % {"count": MAX_STEPS},
    )
    return False


def _add_opportunity(request, playlist, forms):
    form = OpportunityStepForm(request.POST, site=_site_of(request, playlist))
    forms["opportunity_form"] = form
    if not form.is_valid():
        return None
    if _has_room(request, playlist):
        opportunity = form.cleaned_data["opportunity"]
        _add_step(playlist, opportunity=opportunity)
        messages.success(request, _("Added “%(title)s”.") % {"title": opportunity.title})
    return True


def _add_own_step(request, playlist, forms):
    form = OwnStepForm(request.POST)
    forms["step_form"] = form
    if not form.is_valid():
        return None
    if _has_room(request, playlist):
        _add_step(playlist, **form.cleaned_data)
        messages.success(request, _("Added “%(title)s”.") % {"title": form.cleaned_data["title"]})
    return True


def _posted_step(request, playlist) -> LearnerPlaylistStep:
    """The step a form names; 400 for a value that is no id, 404 for another's step."""
    step_id = parse_id(request.POST.get("step", ""))
    if step_id is None:
        raise BadRequest(_("Choose a step of this playlist."))
    return get_object_or_404(LearnerPlaylistStep, pk=step_id, playlist=playlist)


@transaction.atomic
def move_step(playlist, step, offset: int) -> bool:
    """Swap ``step`` with its neighbour ``offset`` places away; False at either end."""
    steps = list(_ordered_steps(playlist).select_for_update())
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    target = index + offset
    if not 0 <= target < len(steps):
        return False
    steps[index], steps[target] = steps[target], steps[index]
    for order, item in enumerate(steps):
        if item.sort_order != order:
            item.sort_order = order
            item.save(update_fields=["sort_order"])
    _touch(playlist)
    return True


def _move(offset):
    def action(request, playlist, forms):
        if not move_step(playlist, _posted_step(request, playlist), offset):
            if offset < 0:
                messages.info(request, _("That step is already the first one."))
            else:
                messages.info(request, _("That step is already the last one."))
        return True

    return action


def _remove(request, playlist, forms):
    step = _posted_step(request, playlist)
    title = LearnerPlaylistStepDisplay(step).title
    step.delete()
    _touch(playlist)
    messages.success(request, _("Removed “%(title)s”.") % {"title": title})
    return True


EDIT_ACTIONS = {
    "details": _save_details,
    "add_opportunity": _add_opportunity,
    "add_step": _add_own_step,
    "move_up": _move(-1),
    "move_down": _move(1),
    "remove": _remove,
}


def _site_of(request, playlist):
    if playlist.site_id:
        return playlist.site
    return site_of(request)


@login_required
def playlist_edit(request, pk):
    """The playlist and its steps, with a small form for each change."""
    playlist = _own_playlist(request, pk)
    if request.method == "POST":
        return _edit(request, playlist)
    return render_page(request, TEMPLATES + "edit.html", _edit_context(request, playlist, {}))


@learner_playlist_action
def _edit(request, playlist):
    """One change posted from the edit page."""
    refused = _city_refusal(request, playlist)
    if refused is not None:
        return refused
    forms = {}
    action = EDIT_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return HttpResponseBadRequest(_("Unknown action."))
    if action(request, playlist, forms):
        return redirect("wagtail_cityoflearning_learners:playlist_edit", playlist.pk)
    playlist.refresh_from_db()  # a form with errors must not rename the page's heading
    return render_page(request, TEMPLATES + "edit.html", _edit_context(request, playlist, forms))


def _edit_context(request, playlist, forms) -> dict:
    search_form = OpportunitySearchForm(request.GET or None)
    search = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    site = _site_of(request, playlist)
    context = {
        "playlist": playlist,
        "steps": step_displays(playlist),
        "details_form": LearnerPlaylistForm(instance=playlist),
        "opportunity_form": OpportunityStepForm(site=site, search=search),
        "step_form": OwnStepForm(),
        "search_form": search_form,
        "search": search,
        "share_url": _share_url(request, playlist),
        "max_steps": MAX_STEPS,
    }
    context.update(forms)
    return context


# -- publishing and sharing ---------------------------------------------------------------


@login_required
@require_POST
def playlist_submit(request, pk):
    """Send the playlist to the city's editors as a draft page in their review workflow."""
    playlist = _own_playlist(request, pk)
    return _submit(request, playlist)


@learner_playlist_action
def _submit(request, playlist):
    refused = _city_refusal(request, playlist)
    if refused is not None:
        return refused
    try:
        submit_for_publishing(playlist, request.user, _site_of(request, playlist))
    except AlreadySubmitted:
        messages.info(
            request, _("You have already sent this playlist to the city. They will be in touch.")
        )
    except NoSteps:
        messages.error(request, _("Add at least one step before you send the playlist."))
    except NoPlaylistIndex:
        return render_page(
            request, TEMPLATES + "submit_unavailable.html", {"playlist": playlist}, status=404
        )
    else:
        messages.success(
            request,
            _(
                "Sent! The city's editors will look at your playlist and may publish it. "
                "Changes you make here from now on stay in your own copy."
            ),
        )
    return redirect("wagtail_cityoflearning_learners:playlist_edit", playlist.pk)


def playlist_shared(request, token):
    """A playlist shared by its link; a private one exists only for its owner."""
    playlist = get_object_or_404(LearnerPlaylist.objects.select_related("site"), share_token=token)
    is_owner = request.user.is_authenticated and playlist.owner_id == request.user.pk
    if not playlist.shared and not is_owner:
        raise Http404
    return render_page(
        request,
        TEMPLATES + "shared.html",
        {"playlist": playlist, "steps": step_displays(playlist), "is_owner": is_owner},
    )


__all__ = [
    "playlist_create",
    "playlist_delete",
    "playlist_edit",
    "playlist_list",
    "playlist_shared",
    "playlist_submit",
]
