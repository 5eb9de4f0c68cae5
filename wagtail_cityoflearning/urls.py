"""The routes every City of Learning site answers besides its pages: ``robots.txt``,
``favicon.ico`` and Wagtail's ``sitemap.xml`` (needs ``wagtail.contrib.sitemaps`` in
``INSTALLED_APPS``), each for the Site of the request. Include them before Wagtail's page
serving::

    path("", include("wagtail_cityoflearning.urls")),
"""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from wagtail_cityoflearning import seo

urlpatterns = [
    path("robots.txt", seo.robots_txt, name="wagtail_cityoflearning_robots"),
    path("favicon.ico", seo.favicon, name="wagtail_cityoflearning_favicon"),
    path("sitemap.xml", sitemap, name="wagtail_cityoflearning_sitemap"),
]
