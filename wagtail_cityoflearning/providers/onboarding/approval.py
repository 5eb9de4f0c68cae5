"""Approving a provider's request: everything the new provider needs, in one transaction.

:func:`approve` creates the provider's page under the city's provider index (live or a draft,
by the city's :class:`~wagtail_cityoflearning.providers.settings.ProviderSettings`), its staff
group with page permissions on the page's subtree, a collection for its images and documents
that only the group (and the city's editors) may use, its badge issuer, and an invitation for
the contact; then it sends ``provider_onboarded``. A failure at any step, a receiver of the
signal included, leaves nothing behind. The emails go once the transaction is committed.
"""

import logging

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.rich_text import RichText

from wagtail_cityoflearning import roles
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.models import ProviderIndexPage, ProviderPage
from wagtail_cityoflearning.providers.onboarding.emails import (
    send_decision_email,
    send_invitation_email,
)
from wagtail_cityoflearning.providers.onboarding.invitations import invite
from wagtail_cityoflearning.providers.onboarding.models import ProviderRequest
from wagtail_cityoflearning.providers.settings import ProviderSettings
from wagtail_cityoflearning.providers.signals import provider_onboarded

logger = logging.getLogger(__name__)

# What the provider's staff may do in their collection: add, change and choose.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


class AlreadyDecided(ValidationError):
    """Someone else decided on the request in the meantime."""


def provider_index(site):
    """The page new providers of ``site`` go under: its first provider index page."""
    return (
        ProviderIndexPage.objects.descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .first()
    )


def _unique_slug(parent, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:70] or "provider"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_provider_page(provider_request, index, *, user=None, publish=False) -> ProviderPage:
    page = ProviderPage(
        title=provider_request.organisation,
        slug=_unique_slug(index, provider_request.organisation),
        locale=index.locale,
        short_description=Truncator(" ".join(provider_request.offer.split())).chars(255),
        body=[("paragraph", RichText(linebreaks(provider_request.offer, autoescape=True)))],
        website=provider_request.website,
        email=provider_request.email,
        phone=provider_request.phone,
        address=provider_request.address,
        location=provider_request.location,
        owner=user,
        live=False,
    )
    page.interests = list(provider_request.interests.all())
    index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page


def create_collection(page) -> Collection:
    root = Collection.get_first_root_node()
    return root.add_child(instance=Collection(name=page.title[:255]))


def grant_collection(group, collection) -> None:
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def create_issuer(page, provider_request, site) -> Issuer:
    return Issuer.objects.create(
        provider=page,
        name=page.title[:200],
        url=provider_request.website or page.get_full_url() or site.root_url,
        email=provider_request.email,
        description=Truncator(provider_request.offer).chars(1000),
    )


def approve(provider_request, *, user=None, message: str = "") -> ProviderPage:
    """Make the organisation of ``provider_request`` a provider of its city (see the module's
    doc). Raises ``ValidationError`` (nothing is created) when the city has no provider index
    page, or :class:`AlreadyDecided` when the request was decided meanwhile."""
    with transaction.atomic():
        locked = ProviderRequest.objects.select_for_update().get(pk=provider_request.pk)
        if not locked.is_pending:
            raise AlreadyDecided(_("This request has already been decided."))
        site = locked.site
        index = provider_index(site)
        if index is None:
            raise ValidationError(
                _("This city has no page listing its providers: add a provider index page first.")
            )
        publish = ProviderSettings.for_site(site).publish_new_providers
        page = create_provider_page(locked, index, user=user, publish=publish)
        group = roles.provider_staff(page)
        collection = create_collection(page)
        grant_collection(group, collection)
        create_issuer(page, locked, site)
        locked.status = ProviderRequest.Status.APPROVED
        locked.decided_at = timezone.now()
        locked.decided_by = user
        locked.decision_message = message
        locked.provider = page
        locked.save()
        invitation, token = invite(locked.email, page, group, invited_by=user, send=False)
        provider_onboarded.send(sender=ProviderRequest, provider=page, group=group, site=site)
        transaction.on_commit(lambda: _send_after_approval(locked, invitation, token, site))
    provider_request.refresh_from_db()
    return page


def decline(provider_request, *, user=None, message: str = "") -> None:
    """Decline the request and tell the contact, with ``message``."""
    with transaction.atomic():
        locked = ProviderRequest.objects.select_for_update().get(pk=provider_request.pk)
        if not locked.is_pending:
            raise AlreadyDecided(_("This request has already been decided."))
        locked.status = ProviderRequest.Status.DECLINED
        locked.decided_at = timezone.now()
        locked.decided_by = user
        locked.decision_message = message
        locked.save()
        transaction.on_commit(lambda: _send_safely(send_decision_email, locked))
    provider_request.refresh_from_db()


def _send_after_approval(provider_request, invitation, token, site):
    _send_safely(send_decision_email, provider_request)
    _send_safely(send_invitation_email, invitation, token, site)


def _send_safely(send, *args):
    """The decision is saved; a mail server that is down must not undo it or show an error."""
    try:
        send(*args)
    except Exception:
        logger.warning("Could not send an onboarding email", exc_info=True)
