"""The example site's URLs and one page that shows the coverage map as the dashboard does:
the figure's title, its template (the map, its filters and legend) and its table."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from example_site.urls import urlpatterns as site_urlpatterns
from wagtail_cityoflearning.insight.coverage.sections import coverage_section
from wagtail_cityoflearning.insight.privacy import display
from wagtail_cityoflearning.insight.scope import resolve_scope

PAGE = """{% load i18n %}<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ figure.title }}</title></head>
<body><main>
<h1>{{ figure.title }}</h1>
<p>{{ section.intro }}</p>
{% include figure.chart.data.template %}
<p>{{ figure.note }}</p>
<table><caption>{{ figure.summary }}</caption>
<thead><tr>{% for column in figure.columns %}<th scope="col">{{ column }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in rows %}<tr>{% for value in row %}<td>{{ value }}</td>{% endfor %}</tr>{% endfor %}</tbody>
</table>
</main></body></html>"""


def coverage_page(request):
    scope = resolve_scope(request.user)
    section = coverage_section(scope)
    [figure] = section.figures
    rows = [[display(value) for value in row] for row in figure.rows]
    template = engines["django"].from_string(PAGE)
    context = {"figure": figure, "scope": scope, "section": section, "rows": rows}
    return HttpResponse(template.render(context, request))


urlpatterns = [path("coverage-test/", coverage_page), *site_urlpatterns]
