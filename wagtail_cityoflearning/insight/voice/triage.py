"""What city editors do with a suggestion: forward it to a provider of the city (whose staff
get an email), turn it into a draft opportunity of a provider, or decline it.

Each step checks that the provider belongs to the suggestion's city and that the suggestion's
current status allows it (read with a row lock, so a double click cannot draft it twice),
records who handled the suggestion and when, and changes nothing when it fails.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.rich_text import RichText

from wagtail_cityoflearning.insight.bands import band_bounds
from wagtail_cityoflearning.insight.voice import emails
from wagtail_cityoflearning.insight.voice.forms import city_providers
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.models import OpportunityPage
from wagtail_cityoflearning.models.opportunities import Mode

TITLE_LENGTH = 80


def staff_of(provider):
    """The active accounts, with an email address, in the groups that edit ``provider``'s page
    itself: its staff (a city's editors edit the city's root page instead)."""
    groups = Group.objects.filter(
        page_permissions__page=provider,
        page_permissions__permission__codename="change_page",
    )
    return (
        get_user_model()
        .objects.filter(groups__in=groups, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def _check_provider(suggestion, provider):
    if not city_providers(suggestion.site).filter(pk=provider.pk).exists():
        raise ValidationError(_("Choose a provider of the suggestion's city."))


Status = Suggestion.Status
# What can be done from each status: a draft is final; a declined suggestion may be
# reconsidered; a forwarded one may go to another provider, become a draft or be declined.
ALLOWED = {
    "forward": {Status.NEW, Status.FORWARDED, Status.DECLINED},
    "draft": {Status.NEW, Status.FORWARDED, Status.DECLINED},
    "decline": {Status.NEW, Status.FORWARDED},
}


def _lock(suggestion, action: str, provider=None) -> None:
    """Lock the suggestion's row (within the caller's transaction) and check that its current
    status allows ``action``; ``suggestion`` gets the status read."""
    current = (
        Suggestion.objects.select_for_update().only("status", "provider").get(pk=suggestion.pk)
    )
    suggestion.status = current.status
    if current.status not in ALLOWED[action]:
        raise ValidationError(
            _("This suggestion is already “%(status)s”: nothing was changed.")
            % {"status": current.get_status_display()}
        )
    forwarded = action == "forward" and current.status == Status.FORWARDED
    if forwarded and provider is not None and current.provider_id == provider.pk:
        raise ValidationError(
            _("This suggestion was already forwarded to %(provider)s: nothing was changed.")
            % {"provider": provider.title}
        )


def _handled(suggestion, status, user, **changes):
    for name, value in changes.items():
        setattr(suggestion, name, value)
    suggestion.status = status
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user if user is not None and user.is_authenticated else None
    suggestion.save()


def forward(suggestion, provider, *, user=None, message="") -> list[str]:
    """Forward ``suggestion`` to ``provider``; its staff get an email. The addresses written
    to (none when the provider has no staff yet)."""
    _check_provider(suggestion, provider)
    with transaction.atomic():
        _lock(suggestion, "forward", provider)
        _handled(suggestion, Suggestion.Status.FORWARDED, user, provider=provider)
    recipients = list(staff_of(provider).values_list("email", flat=True))
    if recipients:
        transaction.on_commit(
            lambda: emails.send_forwarded(suggestion, provider, recipients, message)
        )
    return recipients


def _unique_slug(parent, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:70] or "opportunity"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _place(provider) -> dict:
    """Where the draft is held: at the provider's address, or online at its website."""
    if provider.address.strip() and provider.location:
        return {"mode": Mode.IN_PERSON, "address": provider.address, "location": provider.location}
    if getattr(provider, "website", ""):
        return {"mode": Mode.ONLINE, "online_url": provider.website}
    raise ValidationError(
        _(
            "%(provider)s has neither an address on the map nor a website: add one to its page "
            "first, then make the draft."
        )
        % {"provider": provider.title}
    )


def make_draft(suggestion, provider, *, user=None) -> OpportunityPage:
    """A draft opportunity under ``provider`` with the suggestion's words, interest and ages
    (and the provider's place and cover image), saved with a revision; the suggestion links
    to it."""
    _check_provider(suggestion, provider)
    provider = provider.specific
    text = " ".join(suggestion.text.split())
    title = Truncator(text).chars(TITLE_LENGTH)
    age_min = age_max = None
    if suggestion.age_band:
        age_min, age_max = band_bounds(suggestion.age_band)
    with transaction.atomic():
        _lock(suggestion, "draft")
        page = OpportunityPage(
            title=title,
            slug=_unique_slug(provider, title),
            locale=provider.locale,
            summary=Truncator(text).chars(255),
            body=[
                (
                    "paragraph",
                    RichText(
                        linebreaks(
                            _("A young person suggested: %(text)s") % {"text": suggestion.text},
                            autoescape=True,
                        )
                    ),
                )
            ],
            age_min=age_min,
            age_max=age_max,
            cover_image_id=getattr(provider, "cover_image_id", None),  # until it has its own
            owner=user,
            live=False,
            **_place(provider),
        )
        if suggestion.interest_id:
            page.interests = [suggestion.interest]
        provider.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        _handled(
            suggestion,
            Suggestion.Status.DRAFTED,
            user,
            provider=Page.objects.get(pk=provider.pk),
            opportunity=Page.objects.get(pk=page.pk),
        )
    return page


def decline(suggestion, *, user=None, note="") -> None:
    with transaction.atomic():
        _lock(suggestion, "decline")
        _handled(suggestion, Suggestion.Status.DECLINED, user, note=note)
