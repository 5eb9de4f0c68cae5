"""The city's "City review": a Wagtail workflow whose one task is approved by the city's editors.

When a city reviews providers' edits (``ProviderSettings.review_provider_edits``), the workflow
is assigned to the city's provider index pages (so it covers every provider page and every
opportunity below them) and the staff of each provider lose the permission to publish their
own pages: they submit them, and an editor publishes them or asks for changes with a comment.
When the city stops reviewing, the workflow is unassigned and the staff may publish again.
The live page stays live while a new revision waits.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from wagtail_cityoflearning import roles
from wagtail_cityoflearning.languages import site_language
from wagtail_cityoflearning.models.base import BasePage
from wagtail_cityoflearning.models.providers import (
    AbstractProviderIndexPage,
    AbstractProviderPage,
)
from wagtail_cityoflearning.providers.settings import ProviderSettings


def _permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def city_review_task(site, create=True):
    """The task of ``site``'s editors: a group approval task for their group, named after it."""
    editors = roles.city_editors(site)
    task = GroupApprovalTask.objects.filter(groups=editors, name=editors.name).first()
    if task is None and create:
        task = GroupApprovalTask.objects.create(name=editors.name)
        task.groups.set([editors])
    return task


def city_review_workflow(site, create=True):
    """``site``'s "City review" workflow (named in the city's language), created when missing
    unless ``create`` is false."""
    task = city_review_task(site, create=create)
    if task is None:
        return None
    link = WorkflowTask.objects.filter(task=task).select_related("workflow").first()
    if link is not None:
        return link.workflow
    if not create:
        return None
    with translation.override(site_language(site)):
        workflow = Workflow.objects.create(name=_("City review"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def provider_index_pages(site):
    return BasePage.objects.type(AbstractProviderIndexPage).descendant_of(
        site.root_page, inclusive=True
    )


def provider_pages(site):
    return BasePage.objects.type(AbstractProviderPage).descendant_of(site.root_page)


def provider_groups(provider):
    """The groups that edit ``provider``'s page itself: its staff (not the city's editors,
    whose permissions are on the city's root page)."""
    return Group.objects.filter(
        page_permissions__page=provider,
        page_permissions__permission__codename="change_page",
        page_permissions__permission__content_type__app_label="wagtailcore",
    ).distinct()


def set_provider_publishing(provider, group, may_publish: bool):
    """Give ``group`` the permission to publish ``provider``'s pages, or take it away."""
    publish = _permission("publish_page")
    if may_publish:
        GroupPagePermission.objects.get_or_create(group=group, page=provider, permission=publish)
    else:
        GroupPagePermission.objects.filter(group=group, page=provider, permission=publish).delete()


@transaction.atomic
def apply_city_review(site, review: bool):
    """Bring ``site`` up to date with its setting: the workflow on its provider index pages
    and the publish permission of every provider's staff."""
    if review:
        workflow = city_review_workflow(site)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        for index in provider_index_pages(site):
            WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
    else:
        workflow = city_review_workflow(site, create=False)
        if workflow is not None:
            WorkflowPage.objects.filter(
                workflow=workflow, page__in=provider_index_pages(site).values("pk")
            ).delete()
    for provider in provider_pages(site):
        for group in provider_groups(provider):
            set_provider_publishing(provider, group, may_publish=not review)


def reviews_provider_edits(site) -> bool:
    return ProviderSettings.for_site(site).review_provider_edits


def bring_up_to_date(site):
    """Apply ``site``'s setting again (``manage.py cityoflearning_roles`` calls it: making the
    groups gives provider staff their publish permission back)."""
    apply_city_review(site, reviews_provider_edits(site))
