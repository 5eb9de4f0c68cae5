"""The participants of an opportunity in the admin, where its provider confirms attendance.

Reached from the opportunity's page in the admin by those who may edit that page. It lists
the learners who started a playlist with this opportunity and everyone already confirmed;
anyone else with an account is found by their exact email address.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.learners.admin.attendance import (
    find_user_by_email,
    findable_learners,
    participants,
    playlist_labels,
    update_attendance,
)
from wagtail_cityoflearning.learners.playlists.opportunity_steps import playlists_with_opportunity
from wagtail_cityoflearning.learners.playlists.permissions import can_manage_participants
from wagtail_cityoflearning.learners.progress.links import parse_id
from wagtail_cityoflearning.models.base import BasePage


class FindLearnerForm(forms.Form):
    """A search, so nothing is marked required; searching with an empty box says what to type."""

    email = forms.EmailField(
        label=_("Find a learner by email"),
        required=False,
        help_text=_(
            "The exact address of their account, to confirm someone not listed here who took "
            "part in another of your opportunities."
        ),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not email:
            raise forms.ValidationError(_("Type the learner’s email address to search for."))
        return email


class ParticipantsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtail_cityoflearning/learners/admin/participants.html"
    header_icon = "group"
    url_name = None

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(BasePage, pk=kwargs["page_id"])
        if not can_manage_participants(request.user, page):
            raise Http404
        self.opportunity = page.specific
        self.playlists = playlists_with_opportunity(self.opportunity)
        self.labels = playlist_labels(self.playlists, request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Participants")

    def get_page_subtitle(self):
        """The opportunity, and when it starts."""
        title = self.opportunity.get_admin_display_title()
        date = self.opportunity_date()
        return f"{title} ({date})" if date else title

    def opportunity_date(self) -> str:
        """When the opportunity starts (its first session), "" for one without dates."""
        starts_at = getattr(self.opportunity, "starts_at", None)
        if starts_at is None:
            return ""
        return format_date(starts_at, "datetime")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.opportunity.pk]),
                "label": self.opportunity.get_admin_display_title(),
            },
            {"url": "", "label": self.get_header_title()},
        ]

    def url(self, email=""):
        url = reverse(self.url_name, args=[self.opportunity.pk])
        return f"{url}?{urlencode({'email': email})}" if email else url

    def search(self, data):
        """The search form and the account it found (None when there is no search)."""
        form = FindLearnerForm(data if "email" in data else None)
        found = (
            find_user_by_email(
                form.cleaned_data["email"],
                among=findable_learners(self.request.user, self.opportunity),
            )
            if form.is_valid()
            else None
        )
        return form, found

    def get_context_data(self, **kwargs):
        form, found = self.search(self.request.GET)
        rows = participants(self.opportunity, self.labels, extra_user=found)
        return super().get_context_data(
            opportunity=self.opportunity,
            opportunity_title=self.opportunity.get_admin_display_title(),
            opportunity_date=self.opportunity_date(),
            playlists=list(self.labels.values()),
            participants=rows,
            search_form=form,
            searched=form.is_bound and form.is_valid(),
            found=found,
            action_url=self.url(form.cleaned_data["email"] if found else ""),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        _form, found = self.search(request.GET)
        allowed = {
            row.user.pk: row
            for row in participants(self.opportunity, self.labels, extra_user=found)
        }
        try:
            shown = self.ids(request.POST.getlist("participant"), allowed)
            ticked = self.ids(request.POST.getlist("attended"), allowed) & shown
        except ValueError:
            return HttpResponseBadRequest(str(_("The list was sent with an unknown learner.")))
        attended = [allowed[pk].user for pk in ticked if not allowed[pk].attended]
        absent = [allowed[pk].user for pk in shown - ticked if allowed[pk].attended]
        confirmed, withdrawn = update_attendance(
            self.opportunity,
            self.playlists,
            attended=attended,
            absent=absent,
            confirmed_by=request.user,
        )
        self.report(confirmed, withdrawn)
        return redirect(self.url())

    @staticmethod
    def ids(values, allowed) -> set[int]:
        """The submitted user ids that this list may change; ids of others are ignored.
        A ValueError for a value that is no id at all (the form never sends one)."""
        ids = [parse_id(value) for value in values]
        if None in ids:
            raise ValueError("not an id")
        return {pk for pk in ids if pk in allowed}

    def report(self, confirmed, withdrawn):
        if confirmed:
            messages.success(
                self.request,
                ngettext(
                    "Attendance confirmed for %(count)d learner.",
                    "Attendance confirmed for %(count)d learners.",
                    confirmed,
                )
                % {"count": confirmed},
            )
        if withdrawn:
            messages.warning(
                self.request,
                ngettext(
                    "Attendance removed for %(count)d learner. Badges already awarded stay "
                    "awarded: revoke them under Awards if they were a mistake.",
                    "Attendance removed for %(count)d learners. Badges already awarded stay "
                    "awarded: revoke them under Awards if they were a mistake.",
                    withdrawn,
                )
                % {"count": withdrawn},
            )
        if not confirmed and not withdrawn:
            messages.info(self.request, gettext("Nothing was changed."))
