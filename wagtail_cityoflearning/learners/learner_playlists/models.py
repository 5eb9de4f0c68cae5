"""The playlists young people compose themselves, and their steps."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from wagtail_cityoflearning.models.base import BASE_PAGE_MODEL


class LearnerPlaylist(ClusterableModel):
    """A playlist a young person composes: private unless shared by its link; it can be
    submitted for publishing, which makes a PlaylistPage draft for the city's editors."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_playlists"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("what it is about"), blank=True, max_length=2000)
    share_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    shared = models.BooleanField(
        _("anyone with the link can see it"),
        default=False,
        help_text=_("Private by default: only you see it until you tick this."),
    )
    submitted_page = models.ForeignKey(
        BASE_PAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learner playlist")
        verbose_name_plural = _("learner playlists")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title


class LearnerPlaylistStep(Orderable):
    """An opportunity, or a step the learner describes in their own words."""

    playlist = ParentalKey(LearnerPlaylist, on_delete=models.CASCADE, related_name="steps")
    opportunity = models.ForeignKey(
        BASE_PAGE_MODEL,
        verbose_name=_("opportunity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("step"), max_length=120, blank=True)
    description = models.TextField(_("what to do"), blank=True, max_length=2000)

    class Meta(Orderable.Meta):
        verbose_name = _("learner playlist step")
        verbose_name_plural = _("learner playlist steps")
