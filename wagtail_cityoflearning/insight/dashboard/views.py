"""The dashboard and its printable summary.

The user's reach comes from :mod:`wagtail_cityoflearning.insight.scope`: a city or provider
outside it is a 404, whatever the filters say; invalid filters are form errors."""

import datetime as dt
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wagtail_cityoflearning.access import city_sites, provider_pages
from wagtail_cityoflearning.insight.dashboard import downloads
from wagtail_cityoflearning.insight.dashboard.charts import chart_data
from wagtail_cityoflearning.insight.dashboard.forms import FIELDS, FilterForm
from wagtail_cityoflearning.insight.figures import HEXAGONS, find_figure, sections_for
from wagtail_cityoflearning.insight.privacy import MIN_PEOPLE, Withheld
from wagtail_cityoflearning.insight.scope import (
    city_today,
    providers_for,
    resolve_scope,
    sites_for,
)

TEMPLATES = "wagtail_cityoflearning_insight/dashboard/"


def quick_periods(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    return [
        (gettext("Last 30 days"), today - dt.timedelta(days=29), today),
        (gettext("Last 12 months"), today - dt.timedelta(days=364), today),
        (
            gettext("This calendar year"),
            today.replace(month=1, day=1),
            today.replace(month=12, day=31),
        ),
    ]


class FigureView:
    """One figure as the templates show it."""

    def __init__(self, figure, section):
        self.figure = figure
        self.section = section
        self.chart = chart_data(figure)
        chart = figure.chart
        self.template = (
            (chart.data or {}).get("template") if chart and chart.kind == HEXAGONS else None
        )

    @property
    def no_chart(self) -> str:
        """Why no chart is drawn when every count is hidden or zero, else empty: such a
        chart would be an empty axis."""
        if not self.chart:
            return ""
        values = [value for series in self.chart["series"] for value in series["values"]]
        if None not in values or any(value for value in values):
            return ""
        if any(isinstance(v, Withheld) for row in self.figure.rows for v in row):
            return gettext(
                "Every count here is under %(count)s or hidden to protect one that is, so no "
                "chart is drawn."
            ) % {"count": MIN_PEOPLE}
        return gettext("Every count here is under %(count)s, so none is shown.") % {
            "count": MIN_PEOPLE
        }

    @property
    def chart_id(self) -> str:
        return f"figure-{self.figure.key}-data"

    def __getattr__(self, name):
        return getattr(self.figure, name)


class InsightView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"
    page_title = _("City insight")
    index_url_name = None
    print_url_name = None

    def get(self, request, *args, **kwargs):
        user = request.user
        self.cities = list(sites_for(user))
        if not self.cities:
            raise PermissionDenied
        bound = any(field in request.GET for field in FIELDS)
        self.form = self.make_form(request.GET if bound else None)
        self.scope = None
        self.sections = []
        if self.form.is_valid() if bound else True:
            self.scope = self.resolve()
        self.form.describe_errors()
        if self.scope is not None and "download" in request.GET:
            return self.download(request.GET.get("download"), request.GET.get("format"))
        if self.scope is not None:
            self.sections = sections_for(self.scope)
        return super().get(request, *args, **kwargs)

    def make_form(self, data):
        user = self.request.user
        site = self.cities[0]
        if data is not None and data.get("city", "").strip().isdigit():
            chosen = int(data["city"])
            site = next((city for city in self.cities if city.pk == chosen), site)
        whole_city = city_sites(user).filter(pk=site.pk).exists()
        self.whole_city = whole_city
        initial = {"city": site.pk}
        if not whole_city:
            first = providers_for(user, site).first()
            initial["provider"] = first.pk if first else None
        today = city_today(site)
        initial["start"], initial["end"] = today - dt.timedelta(days=364), today
        return FilterForm(
            data,
            initial=initial,
            today=today,
            cities=self.cities,
            providers=providers_for(user, site),
            whole_city=whole_city,
        )

    def resolve(self):
        """The scope the filters ask for; 404 for a city or provider out of reach."""
        user = self.request.user
        data = self.form.cleaned_data if self.form.is_bound else self.form.initial
        site = self.cities[0]
        if data.get("city") is not None:
            site = next((city for city in self.cities if city.pk == data["city"]), None)
            if site is None:
                raise Http404
        provider = None
        if data.get("provider") is not None:
            provider = providers_for(user, site).filter(pk=data["provider"]).first()
            if provider is None:
                if provider_pages(user).filter(pk=data["provider"]).exists():
                    self.form.add_error(
                        "provider", gettext("Choose a provider of the city you chose.")
                    )
                    return None
                raise Http404
        return resolve_scope(user, site, provider, data.get("start"), data.get("end"))

    def download(self, key, export_format):
        if export_format not in downloads.FORMATS:
            return HttpResponse(
                gettext("Download as csv or xlsx."), status=400, content_type="text/plain"
            )
        # Only the sections up to the one holding the figure are built.
        _section, figure = find_figure(self.scope, key or "", self.request.GET.get("section"))
        if figure is None:
            raise Http404
        return downloads.response(self.scope, figure, export_format)

    def filter_query(self, **changes) -> dict:
        scope = self.scope
        query = {
            "city": scope.site.pk,
            "provider": scope.provider.pk if scope.provider else "",
            "start": scope.start.isoformat(),
            "end": scope.end.isoformat(),
        }
        query.update(changes)
        return query

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scope = self.scope
        sections = [
            {"section": section, "figures": [FigureView(f, section) for f in section.figures]}
            for section in self.sections
        ]
        context.update(
            form=self.form,
            scope=scope,
            sections=sections,
            index_url=reverse(self.index_url_name),
            print_url=reverse(self.print_url_name),
            min_people=MIN_PEOPLE,
            today=city_today(scope.site) if scope else timezone.localdate(),
        )
        if scope is not None:
            query = self.filter_query()
            context["query"] = urlencode(query)
            context["quick_periods"] = [
                {
                    "label": label,
                    "query": urlencode(
                        self.filter_query(start=start.isoformat(), end=end.isoformat())
                    ),
                    "current": (start, end) == (scope.start, scope.end),
                }
                for label, start, end in quick_periods(city_today(scope.site))
            ]
            context["who"] = scope.provider.title if scope.provider else gettext("the whole city")
        return context


class DashboardView(InsightView):
    template_name = TEMPLATES + "index.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": gettext("City insight")}]


class PrintView(InsightView):
    """One page to print: each section's figures in words, and its first figure's table."""

    template_name = TEMPLATES + "print.html"
    page_title = _("City insight: summary")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": gettext("City insight")},
            {"url": "", "label": gettext("Summary")},
        ]
