"""Builds a demo city's learning playlists: the city's badge issuer, its badges (with generated
images), a playlist index in the menu, playlists under it and under providers.

Idempotent like the rest of the demo: the issuer is found by its Site, badges by slug and
locale, pages by slug under their parent; what exists is left alone.
"""

from django.core.files.base import ContentFile
from django.utils.html import format_html
from django.utils.text import slugify

from wagtail_cityoflearning.badges.models import BadgeClass, Issuer
from wagtail_cityoflearning.learners.playlists.models import PlaylistIndexPage, PlaylistPage
from wagtail_cityoflearning.models import OpportunityPage, ProviderPage

from .images import badge_png


def _publish(obj):
    obj.save_revision().publish()


def city_issuer(site, city) -> Issuer:
    """The city's own issuer: one per Site."""
    issuer = Issuer.objects.filter(site=site).first()
    if issuer is None:
        issuer = Issuer.objects.create(
            name=city["home_title"],
            url=site.root_url + "/",
            email=city["contact_email"],
            site=site,
        )
    return issuer


def _badge(issuer, locale, slug, item) -> BadgeClass:
    badge = BadgeClass(
        name=item["name"],
        slug=slug,
        description=item["description"],
        criteria_narrative=item["criteria"],
        issuer=issuer,
        locale=locale,
    )
    badge.image.save(
        f"{slug}.png", ContentFile(badge_png(item["colour"], item["shape"])), save=False
    )
    badge.save()
    _publish(badge)
    badge.refresh_from_db()
    return badge


def load_badges(issuer, locale, data, created) -> dict[str, BadgeClass]:
    """The city's published demo badges by slug, created where missing."""
    badges = {}
    for slug, item in data.BADGES.items():
        badge = BadgeClass.objects.filter(slug=slug, locale=locale).first()
        if badge is None:
            badge = _badge(issuer, locale, slug, item)
            created["badges"] += 1
        badges[slug] = badge
    return badges


def playlist_index(home, index_data) -> PlaylistIndexPage:
    index = PlaylistIndexPage.objects.child_of(home).filter(slug="playlists").first()
    if index is None:
        index = PlaylistIndexPage(
            title=index_data["title"],
            slug="playlists",
            intro=format_html("<p>{}</p>", index_data["intro"]),
            show_in_menus=True,
        )
        home.add_child(instance=index)
        _publish(index)
    return index


def find_opportunity(provider_index, provider_slug, title) -> OpportunityPage:
    """A demo opportunity by its provider's slug and its title (its slug is made from it)."""
    provider = ProviderPage.objects.child_of(provider_index).get(slug=provider_slug)
    page = OpportunityPage.objects.child_of(provider).filter(slug=slugify(title)[:80]).first()
    if page is None:
        raise LookupError(f"The demo opportunity {title!r} of {provider_slug!r} is missing.")
    return page


def _step(item, provider_index, badges):
    """A (block type, value) pair for the playlist's steps StreamField."""
    badge = badges[item["badge"]] if item.get("badge") else None
    required = item["required"]
    if "opportunity" in item:
        return "opportunity", {
            "opportunity": find_opportunity(provider_index, *item["opportunity"]),
            "note": item.get("note", ""),
            "required": required,
            "badge": badge,
        }
    if "activity" in item:
        return "activity", {
            "title": item["activity"],
            "instructions": format_html("<p>{}</p>", item["instructions"]),
            "evidence": item["evidence"],
            "required": required,
            "badge": badge,
        }
    return "badge", {"badge": badge, "note": item.get("note", ""), "required": required}


def _playlist(
    parent, item, provider_index, badges, interests_by_slug, illustrations=None
) -> PlaylistPage:
    page = PlaylistPage(
        title=item["title"],
        slug=item["slug"],
        intro=format_html("<p>{}</p>", item["intro"]),
        age_min=item["age_min"],
        age_max=item["age_max"],
        effort_hours=item["effort_hours"],
        in_order=item["in_order"],
        min_optional_steps=item["min_optional_steps"],
        completion_badge=badges[item["completion_badge"]],
        steps=[_step(step, provider_index, badges) for step in item["steps"]],
    )
    if illustrations is not None:
        page.cover_image = illustrations.for_playlist(item["title"], item["interests"])
    page.interests = [interests_by_slug[slug] for slug in item["interests"]]
    parent.add_child(instance=page)
    _publish(page)
    return page


def load_playlists(
    *, site, home, city, data, provider_index, interests_by_slug, created, illustrations=None
) -> dict[str, PlaylistPage]:
    """Create what is missing of the city's playlists; return them all by slug."""
    issuer = city_issuer(site, city)
    badges = load_badges(issuer, home.locale, data, created)
    index = playlist_index(home, data.INDEX)
    playlists = {}
    for item in data.PLAYLISTS:
        parent = index
        if item["parent"]:
            parent = ProviderPage.objects.child_of(provider_index).get(slug=item["parent"])
        page = PlaylistPage.objects.child_of(parent).filter(slug=item["slug"]).first()
        if page is None:
            page = _playlist(parent, item, provider_index, badges, interests_by_slug, illustrations)
            created["playlists"] += 1
        playlists[item["slug"]] = page
    return playlists
