"""Registration in the admin: the list of an opportunity's registrations and waiting list,
its export (CSV, XLSX), the "Registrations" button on the opportunity's page, the learners
registered on the participants page (where attendance is confirmed), and the panel of the
provider's admin home. Everything is scoped by
:func:`wagtail_cityoflearning.access.may_manage_participants`: those who may edit the
opportunity's page."""

import tablib
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.signals import page_published

from wagtail_cityoflearning import access
from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.exports import neutralise_cell
from wagtail_cityoflearning.learners.admin.attendance import learner_name
from wagtail_cityoflearning.learners.progress.models import Attendance
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.opportunities import AbstractOpportunityPage
from wagtail_cityoflearning.providers.registration import places
from wagtail_cityoflearning.providers.registration.models import Registration

EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
TEMPLATES = "wagtail_cityoflearning_providers/registration/admin/"


def managed_opportunity(user, page_id):
    """The opportunity taking registrations that ``user`` may manage, or 404."""
    page = get_object_or_404(BasePage, pk=page_id)
    if not access.may_manage_participants(user, page):
        raise Http404
    page = page.specific
    if not page.takes_registrations:
        raise Http404
    return page


def registration_rows(page) -> list[Registration]:
    """Registered first (earliest first), then the waiting list in its order."""
    rows = list(
        Registration.objects.filter(opportunity_id=page.pk)
        .active()
        .select_related("user__learner_profile")
    )
    attended = set(
        Attendance.objects.filter(opportunity_id=page.pk).values_list("user_id", flat=True)
    )
    for row in rows:
        row.name = learner_name(row.user)
        row.attended = row.user_id in attended
    rows.sort(key=lambda r: (r.is_waiting, r.position or 0, r.created_at, r.pk))
    line = 0
    for row in rows:
        if row.is_waiting:
            line += 1
        row.line = line if row.is_waiting else None
    return rows


def question_columns(page, rows) -> list[tuple[str, str]]:
    """(id, label) of the questions: the opportunity's, then any only older answers have."""
    columns = [
        (block.id, str(block.value.get("label") or "")) for block in page.registration_questions
    ]
    known = {block_id for block_id, _label in columns}
    for row in rows:
        for answer in row.answers or []:
            if isinstance(answer, dict) and answer.get("id") not in known:
                known.add(answer.get("id"))
                columns.append((answer.get("id"), str(answer.get("question") or "")))
    return columns


def answer_for(row, block_id) -> str:
    for answer in row.answers or []:
        if isinstance(answer, dict) and answer.get("id") == block_id:
            return str(answer.get("answer") or "")
    return ""


def status_label(row) -> str:
    if row.is_waiting:
        return gettext("Waiting list, number %(position)d") % {"position": row.line or 0}
    return str(row.get_status_display())


def export_dataset(page, rows, *, for_csv=False) -> tablib.Dataset:
    """The registrations as a sheet; ``for_csv``: cells that would run as formulas are
    neutralised (:func:`~wagtail_cityoflearning.exports.neutralise_cell`)."""
    clean = neutralise_cell if for_csv else str
    columns = question_columns(page, rows)
    dataset = tablib.Dataset(
        headers=[
            gettext("Learner"),
            gettext("Email"),
            gettext("Status"),
            gettext("Registered at"),
            gettext("Attended"),
            *[label for _id, label in columns],
        ]
    )
    for row in rows:
        cells = [
            row.name,
            row.user.email,
            status_label(row),
            format_date(row.created_at, "short_datetime"),
            gettext("yes") if row.attended else gettext("no"),
            *[answer_for(row, block_id) for block_id, _label in columns],
        ]
        dataset.append([clean(cell) for cell in cells])
    return dataset


class RegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = TEMPLATES + "registrations.html"
    header_icon = "list-ul"
    page_title = _("Registrations")
    url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.opportunity = managed_opportunity(request.user, kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.opportunity.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.opportunity.pk]),
                "label": self.opportunity.get_admin_display_title(),
            },
            {"url": "", "label": self.get_header_title()},
        ]

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export is None:
            return super().get(request, *args, **kwargs)
        if export not in EXPORT_FORMATS:
            return HttpResponse(
                gettext("Export as csv or xlsx."), status=400, content_type="text/plain"
            )
        rows = registration_rows(self.opportunity)
        dataset = export_dataset(self.opportunity, rows, for_csv=export == "csv")
        response = HttpResponse(dataset.export(export), content_type=EXPORT_FORMATS[export])
        filename = f"registrations-{self.opportunity.slug}-{timezone.now():%Y-%m-%d}.{export}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_context_data(self, **kwargs):
        rows = registration_rows(self.opportunity)
        columns = question_columns(self.opportunity, rows)
        for row in rows:
            row.status_label = status_label(row)
            row.answer_list = [(label, answer_for(row, block_id)) for block_id, label in columns]
        url = reverse(self.url_name, args=[self.opportunity.pk])
        return super().get_context_data(
            opportunity=self.opportunity,
            places=places.places(self.opportunity),
            closed=places.closed_reason(self.opportunity),
            registered=[row for row in rows if row.is_registered],
            waiting=[row for row in rows if row.is_waiting],
            cancelled=Registration.objects.filter(
                opportunity_id=self.opportunity.pk, status=Registration.Status.CANCELLED
            ).count(),
            csv_url=f"{url}?export=csv",
            xlsx_url=f"{url}?export=xlsx",
            participants_url=reverse(
                "cityoflearning_opportunity_participants:index", args=[self.opportunity.pk]
            ),
            **kwargs,
        )


class RegistrationsViewSet(ViewSet):
    """Reached from an opportunity's page, not from the menu."""

    name = "cityoflearning_registrations"
    url_prefix = "learning/registrations"
    icon = "list-ul"

    def get_urlpatterns(self):
        view = self.construct_view(RegistrationsView, url_name=self.get_url_name("index"))
        return [path("<int:page_id>/", view, name="index")]


@hooks.register("register_admin_viewset")
def register_registrations_viewset():
    return RegistrationsViewSet()


def registrations_button(page, user, priority):
    if getattr(page.specific_deferred, "takes_registrations", False) and (
        access.may_manage_participants(user, page)
    ):
        url = reverse("cityoflearning_registrations:index", args=[page.pk])
        yield ActionMenuItem(_("Registrations"), url, icon_name="list-ul", priority=priority)


@hooks.register("register_page_header_buttons")
def page_header_registrations_button(page, user, view_name=None, next_url=None, **kwargs):
    yield from registrations_button(page, user, priority=36)


@hooks.register("register_page_listing_more_buttons")
def page_listing_registrations_button(page, user, next_url=None, **kwargs):
    yield from registrations_button(page, user, priority=46)


# -- the participants page: the registered learners are listed to confirm their attendance --


@hooks.register("cityoflearning_opportunity_participants")
def registered_participants(opportunity):
    note = gettext("Registered on the site")
    return [
        (registration.user, note)
        for registration in Registration.objects.filter(opportunity_id=opportunity.pk)
        .registered()
        .select_related("user__learner_profile")
    ]


# -- the provider's admin home -----------------------------------------------------------------


def provider_registration_rows(user, provider, now=None) -> list[dict]:
    """The provider's opportunities taking registrations and still to come, that ``user`` may
    manage, with their places."""
    rows = []
    opportunities = BasePage.objects.child_of(provider).type(AbstractOpportunityPage).specific()
    for page in opportunities:
        if not page.takes_registrations or places.is_over(page, now):
            continue
        if not access.may_manage_participants(user, page):
            continue
        rows.append(
            {
                "page": page,
                "places": places.places(page),
                "url": reverse("cityoflearning_registrations:index", args=[page.pk]),
            }
        )
    return rows


@hooks.register("cityoflearning_provider_home_panels")
def provider_registrations_panel(request, provider):
    """The provider's registrations and waiting lists, on the provider's admin home."""
    rows = provider_registration_rows(request.user, provider)
    if not rows:
        return None
    return render_to_string(TEMPLATES + "home_panel.html", {"rows": rows}, request=request)


# -- places added by an editor: the waiting list moves up ------------------------------------


@receiver(page_published)
def move_up_after_publishing(sender, instance, **kwargs):
    if isinstance(instance, AbstractOpportunityPage):
        places.move_up(instance)
