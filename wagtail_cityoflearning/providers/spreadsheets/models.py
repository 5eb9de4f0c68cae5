"""An uploaded sheet kept between its preview and its import, for the user who uploaded it."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: How long an uploaded sheet waits for its import.
KEEP_FOR = timedelta(hours=24)


class SheetUploadQuerySet(models.QuerySet):
    def current(self):
        return self.filter(created_at__gte=timezone.now() - KEEP_FOR)

    def expired(self):
        return self.filter(created_at__lt=timezone.now() - KEEP_FOR)


class SheetUpload(models.Model):
    """The rows of an uploaded sheet as read (cell text by column key), never the client's:
    the import checks them again and creates or updates the pages."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    columns = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    objects = SheetUploadQuerySet.as_manager()

    class Meta:
        verbose_name = _("uploaded sheet")
        verbose_name_plural = _("uploaded sheets")

    def __str__(self):
        return self.filename
