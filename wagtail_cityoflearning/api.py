"""Wagtail's API v2 pages endpoint, answering bad input with a 400.

Use :class:`PagesAPIViewSet` in place of Wagtail's when you mount the API (see the installation
docs). It is Wagtail's endpoint with one guard: a query parameter holding a NUL character
(``%00``) is refused with a 400 and a message. PostgreSQL cannot store or compare NUL in text,
so Wagtail's filters and ``find/?html_path=`` would otherwise end in a database error (a 500).
"""

from django.utils.translation import gettext
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(
                    gettext("The query parameter “%(name)s” contains a NUL character.")
                    % {"name": name.replace("\x00", "\\0")}
                )
