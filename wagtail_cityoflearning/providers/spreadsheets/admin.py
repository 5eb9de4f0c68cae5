"""The spreadsheet import in the admin: its URLs, the "Import opportunities" menu item and the
provider page's "Export opportunities" buttons. Imported by the app's ``wagtail_hooks``."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem

from wagtail_cityoflearning.models.providers import AbstractProviderPage
from wagtail_cityoflearning.providers.spreadsheets import views

urlpatterns = [
    path("", views.UploadView.as_view(), name="index"),
    path("template.<str:file_format>", views.TemplateDownloadView.as_view(), name="template"),
    path("export.<str:file_format>", views.ExportView.as_view(), name="export"),
    path("<uuid:token>/", views.PreviewView.as_view(), name="preview"),
    path("<uuid:token>/import/", views.CommitView.as_view(), name="commit"),
]
FORMATS = ("csv", "xlsx")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("opportunity-import/", include((urlpatterns, views.NAMESPACE)))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ImportMenuItem(
        _("Import opportunities"),
        reverse(f"{views.NAMESPACE}:index"),
        icon_name="doc-full",
        order=350,
    )


@hooks.register("register_page_header_buttons")
def export_buttons(page, user, view_name=None, next_url=None, **kwargs):
    if not issubclass(page.specific_class or object, AbstractProviderPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    for file_format in FORMATS:
        url = reverse(f"{views.NAMESPACE}:export", args=[file_format])
        yield ActionMenuItem(
            _("Export opportunities (%(format)s)") % {"format": file_format.upper()},
            f"{url}?provider={page.pk}",
            icon_name="download",
            priority=60,
        )
